// A worker's personal development plan, as it stands now; agreed versions are kept in development_plan_versions.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class DevelopmentPlan extends Model<InferAttributes<DevelopmentPlan>, InferCreationAttributes<DevelopmentPlan>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare strengths: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

DevelopmentPlan.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    strengths: { type: DataTypes.TEXT, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'development_plans' },
);
