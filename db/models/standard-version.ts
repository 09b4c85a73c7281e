// One published version of a standard: its title, overview, metadata and items.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { StandardItem } from './standard-item.ts';
import type { Standard } from './standard.ts';

export class StandardVersion extends Model<InferAttributes<StandardVersion>, InferCreationAttributes<StandardVersion>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare standardId: number;
  declare version: string;
  declare title: string;
  declare overview: string | null;
  declare details: string;
  declare isCurrent: boolean;
  declare sourceName: string | null;
  declare importedById: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare standard?: NonAttribute<Standard>;
  declare items?: NonAttribute<StandardItem[]>;
}

StandardVersion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    standardId: { type: DataTypes.INTEGER, allowNull: false },
    version: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(300), allowNull: false },
    overview: { type: DataTypes.TEXT, allowNull: true },
    details: { type: DataTypes.TEXT('medium'), allowNull: false },
    isCurrent: { type: DataTypes.BOOLEAN, allowNull: false },
    sourceName: { type: DataTypes.STRING(255), allowNull: true },
    importedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'standard_versions' },
);
