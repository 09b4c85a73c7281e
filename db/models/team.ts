// A team of people, optionally at one location and optionally part of another team (app/domain/team-tree.ts).
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

export class Team extends Model<InferAttributes<Team>, InferCreationAttributes<Team>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare locationId: number | null;
  declare parentTeamId: CreationOptional<number | null>;
  declare name: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare location?: NonAttribute<Location | null>;
}

Team.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    locationId: { type: DataTypes.INTEGER, allowNull: true },
    parentTeamId: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
    name: { type: DataTypes.STRING(200), allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'teams' },
);
