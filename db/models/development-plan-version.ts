// A version of a worker's plan put forward for agreement, with when the worker and their supervisor agreed it.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class DevelopmentPlanVersion extends Model<InferAttributes<DevelopmentPlanVersion>, InferCreationAttributes<DevelopmentPlanVersion>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare planId: number;
  declare versionNumber: number;
  declare content: string;
  declare proposedById: number;
  declare supervisorId: number | null;
  declare supervisorAgreedAt: Date | null;
  declare workerAgreedAt: Date | null;
  declare supervisionRecordId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

DevelopmentPlanVersion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    planId: { type: DataTypes.INTEGER, allowNull: false },
    versionNumber: { type: DataTypes.INTEGER, allowNull: false },
    content: { type: DataTypes.TEXT('medium'), allowNull: false },
    proposedById: { type: DataTypes.INTEGER, allowNull: false },
    supervisorId: { type: DataTypes.INTEGER, allowNull: true },
    supervisorAgreedAt: { type: DataTypes.DATE, allowNull: true },
    workerAgreedAt: { type: DataTypes.DATE, allowNull: true },
    supervisionRecordId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'development_plan_versions' },
);
