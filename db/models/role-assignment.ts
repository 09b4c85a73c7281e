// A person holding a role profile from one date until it ends; ended rows are the history.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { RoleProfile } from './role-profile.ts';

export class RoleAssignment extends Model<InferAttributes<RoleAssignment>, InferCreationAttributes<RoleAssignment>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare personId: number;
  declare roleProfileId: number;
  declare startedOn: string;
  declare targetDate: string;
  declare endedOn: string | null;
  declare assignedById: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare roleProfile?: NonAttribute<RoleProfile>;
}

RoleAssignment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    roleProfileId: { type: DataTypes.INTEGER, allowNull: false },
    startedOn: { type: DataTypes.DATEONLY, allowNull: false },
    targetDate: { type: DataTypes.DATEONLY, allowNull: false },
    endedOn: { type: DataTypes.DATEONLY, allowNull: true },
    assignedById: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'role_assignments' },
);
