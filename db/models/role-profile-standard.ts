// A standard that a role profile requires.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { Standard } from './standard.ts';

export class RoleProfileStandard extends Model<InferAttributes<RoleProfileStandard>, InferCreationAttributes<RoleProfileStandard>> {
  declare id: CreationOptional<number>;
  declare roleProfileId: number;
  declare standardId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare standard?: NonAttribute<Standard>;
}

RoleProfileStandard.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    roleProfileId: { type: DataTypes.INTEGER, allowNull: false },
    standardId: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'role_profile_standards' },
);
