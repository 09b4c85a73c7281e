// An assessor marked new, or signed off as competent by an IQA; the latest row per assessor counts.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export const ASSESSOR_STATUSES = { new: 'new', competent: 'competent' } as const;
export type AssessorStatusValue = (typeof ASSESSOR_STATUSES)[keyof typeof ASSESSOR_STATUSES];

export class AssessorStatus extends Model<InferAttributes<AssessorStatus>, InferCreationAttributes<AssessorStatus>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare assessorId: number;
  declare status: AssessorStatusValue;
  declare changedById: number;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;
}

AssessorStatus.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    assessorId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    changedById: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'assessor_statuses', updatedAt: false },
);

refuseChanges(AssessorStatus);
chainRows(AssessorStatus, [
  { name: 'organisationId', kind: 'int' },
  { name: 'assessorId', kind: 'int' },
  { name: 'status', kind: 'text' },
  { name: 'changedById', kind: 'int' },
  { name: 'createdAt', kind: 'date' },
]);
