// Development a manager plans against a gap for chosen people: a training session, mentoring, shadowing, e-learning.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class DevelopmentActivity extends Model<InferAttributes<DevelopmentActivity>, InferCreationAttributes<DevelopmentActivity>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare kind: string;
  declare title: string;
  declare details: string;
  declare startsOn: string;
  declare place: string | null;
  declare mentorId: number | null;
  declare standardId: number | null;
  declare section: string | null;
  declare standardItemId: number | null;
  declare plannedById: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

DevelopmentActivity.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    details: { type: DataTypes.TEXT, allowNull: false },
    startsOn: { type: DataTypes.DATEONLY, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: true },
    mentorId: { type: DataTypes.INTEGER, allowNull: true },
    standardId: { type: DataTypes.INTEGER, allowNull: true },
    section: { type: DataTypes.STRING(300), allowNull: true },
    standardItemId: { type: DataTypes.INTEGER, allowNull: true },
    plannedById: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'development_activities' },
);
