// A piece of a worker's evidence; its content lives in revisions.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { EvidenceStatus } from '#app/domain/evidence-types.ts';
import { sequelize } from '../connection.ts';

export class Evidence extends Model<InferAttributes<Evidence>, InferCreationAttributes<Evidence>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare status: EvidenceStatus;
  declare currentRevisionId: number | null;
  declare submissionToken: string;
  /** The assessor who recorded this evidence they witnessed; null when the worker recorded it. */
  declare recordedById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Evidence.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    currentRevisionId: { type: DataTypes.INTEGER, allowNull: true },
    submissionToken: { type: DataTypes.STRING(64), allowNull: false },
    recordedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'evidence' },
);
