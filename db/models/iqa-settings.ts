// An organisation's IQA sampling rules and its lead IQA; absent means the defaults.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class IqaSettings extends Model<InferAttributes<IqaSettings>, InferCreationAttributes<IqaSettings>> {
  declare organisationId: number;
  declare samplePercent: number;
  declare minimumPerAssessorMonth: number;
  declare leadIqaId: number | null;
  declare updatedAt: CreationOptional<Date>;
}

IqaSettings.init(
  {
    organisationId: { type: DataTypes.INTEGER, primaryKey: true },
    samplePercent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 10 },
    minimumPerAssessorMonth: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    leadIqaId: { type: DataTypes.INTEGER, allowNull: true },
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'iqa_settings', createdAt: false },
);
