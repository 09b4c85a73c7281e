// A person in one organisation: their login, team and line supervisor.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from 'sequelize';
import { sequelize } from '../connection.ts';
import type { PersonRole } from './person-role.ts';
import type { Team } from './team.ts';

export class Person extends Model<InferAttributes<Person>, InferCreationAttributes<Person>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare email: string;
  declare name: string;
  declare jobTitle: string | null;
  declare passwordHash: string | null;
  declare teamId: number | null;
  declare lineSupervisorId: number | null;
  declare deactivatedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare roles?: NonAttribute<PersonRole[]>;
  declare team?: NonAttribute<Team | null>;
  declare lineSupervisor?: NonAttribute<Person | null>;
}

Person.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    jobTitle: { type: DataTypes.STRING(200), allowNull: true },
    passwordHash: { type: DataTypes.STRING(255), allowNull: true },
    teamId: { type: DataTypes.INTEGER, allowNull: true },
    lineSupervisorId: { type: DataTypes.INTEGER, allowNull: true },
    deactivatedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'people' },
);
