// An area for development in a worker's plan, linked to a standard, section or item where the gap is in one.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class DevelopmentGoal extends Model<InferAttributes<DevelopmentGoal>, InferCreationAttributes<DevelopmentGoal>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare planId: number;
  declare description: string;
  declare standardId: number | null;
  declare section: string | null;
  declare standardItemId: number | null;
  /** Null only for areas written before target dates were asked for (migration 0026). */
  declare targetDate: string | null;
  declare status: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

DevelopmentGoal.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    planId: { type: DataTypes.INTEGER, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    standardId: { type: DataTypes.INTEGER, allowNull: true },
    section: { type: DataTypes.STRING(300), allowNull: true },
    standardItemId: { type: DataTypes.INTEGER, allowNull: true },
    targetDate: { type: DataTypes.DATEONLY, allowNull: true },
    status: { type: DataTypes.STRING(20), allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'development_goals' },
);
