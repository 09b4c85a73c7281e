// A learning opportunity in a worker's plan: their own, or their place on an activity a manager planned.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class DevelopmentOpportunity extends Model<InferAttributes<DevelopmentOpportunity>, InferCreationAttributes<DevelopmentOpportunity>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare planId: number;
  declare goalId: number | null;
  declare activityId: number | null;
  declare supervisionRecordId: number | null;
  declare kind: string;
  declare description: string;
  declare targetDate: string;
  declare status: string;
  declare outcome: string;
  declare completedOn: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

DevelopmentOpportunity.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    planId: { type: DataTypes.INTEGER, allowNull: false },
    goalId: { type: DataTypes.INTEGER, allowNull: true },
    activityId: { type: DataTypes.INTEGER, allowNull: true },
    supervisionRecordId: { type: DataTypes.INTEGER, allowNull: true },
    kind: { type: DataTypes.STRING(40), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    targetDate: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    outcome: { type: DataTypes.TEXT, allowNull: false },
    completedOn: { type: DataTypes.DATEONLY, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'development_opportunities' },
);
