// A PDF the portal issued: its verification code, whom it is about, who issued it and when, and the SHA-256 of its bytes
// (docs/decisions/034). Append-only and chained: a row changed to make a forged copy verify breaks the chain.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export const ISSUED_DOCUMENT_KINDS = { portfolio: 'portfolio', inspectionPack: 'inspection_pack' } as const;
export type IssuedDocumentKind = (typeof ISSUED_DOCUMENT_KINDS)[keyof typeof ISSUED_DOCUMENT_KINDS];

export class IssuedDocument extends Model<InferAttributes<IssuedDocument>, InferCreationAttributes<IssuedDocument>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare code: string;
  declare kind: IssuedDocumentKind;
  declare subjectPersonId: number | null;
  declare subjectName: string;
  declare issuedById: number;
  declare sha256: string;
  declare byteSize: number;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;
}

IssuedDocument.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    code: { type: DataTypes.STRING(32), allowNull: false },
    kind: { type: DataTypes.STRING(30), allowNull: false },
    subjectPersonId: { type: DataTypes.INTEGER, allowNull: true },
    subjectName: { type: DataTypes.STRING(200), allowNull: false },
    issuedById: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    byteSize: { type: DataTypes.BIGINT, allowNull: false, get() { return Number(this.getDataValue('byteSize')); } },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'issued_documents', updatedAt: false },
);

refuseChanges(IssuedDocument);
chainRows(IssuedDocument, [
  { name: 'organisationId', kind: 'int' },
  { name: 'code', kind: 'text' },
  { name: 'kind', kind: 'text' },
  { name: 'subjectPersonId', kind: 'int' },
  { name: 'subjectName', kind: 'text' },
  { name: 'issuedById', kind: 'int' },
  { name: 'sha256', kind: 'text' },
  { name: 'byteSize', kind: 'int' },
  { name: 'createdAt', kind: 'date' },
]);
