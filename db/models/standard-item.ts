// One performance criterion (P) or knowledge item (K) of a standard version.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class StandardItem extends Model<InferAttributes<StandardItem>, InferCreationAttributes<StandardItem>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare standardVersionId: number;
  declare code: string;
  declare kind: 'P' | 'K';
  declare section: string;
  declare text: string;
  declare position: number;
  declare incomplete: boolean;
  declare previousItemId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

StandardItem.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    standardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    code: { type: DataTypes.STRING(10), allowNull: false },
    kind: { type: DataTypes.STRING(1), allowNull: false },
    section: { type: DataTypes.STRING(300), allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false },
    incomplete: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    previousItemId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'standard_items' },
);
