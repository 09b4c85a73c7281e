// What a manager manages: one team, or one whole location (every team at it).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from 'sequelize';
import { sequelize } from '../connection.ts';
import type { Location } from './location.ts';
import type { Team } from './team.ts';

export class ManagerScope extends Model<InferAttributes<ManagerScope>, InferCreationAttributes<ManagerScope>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare managerId: number;
  declare teamId: number | null;
  declare locationId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare team?: NonAttribute<Team | null>;
  declare location?: NonAttribute<Location | null>;
}

ManagerScope.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    managerId: { type: DataTypes.INTEGER, allowNull: false },
    teamId: { type: DataTypes.INTEGER, allowNull: true },
    locationId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'manager_scopes' },
);
