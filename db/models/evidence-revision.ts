// One revision of a piece of evidence: what it is, when it happened, what it shows.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { EvidenceType } from '#app/domain/evidence-types.ts';
import { sequelize } from '../connection.ts';

export class EvidenceRevision extends Model<InferAttributes<EvidenceRevision>, InferCreationAttributes<EvidenceRevision>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare evidenceId: number;
  declare revisionNumber: number;
  declare type: EvidenceType;
  declare title: string;
  declare activityDate: string;
  declare description: string;
  declare witnessName: string | null;
  declare witnessRole: string | null;
  declare witnessStatement: string | null;
  declare createdById: number;
  declare submittedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

EvidenceRevision.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    evidenceId: { type: DataTypes.INTEGER, allowNull: false },
    revisionNumber: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    activityDate: { type: DataTypes.DATEONLY, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    witnessName: { type: DataTypes.STRING(200), allowNull: true },
    witnessRole: { type: DataTypes.STRING(200), allowNull: true },
    witnessStatement: { type: DataTypes.TEXT, allowNull: true },
    createdById: { type: DataTypes.INTEGER, allowNull: false },
    submittedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'evidence_revisions' },
);
