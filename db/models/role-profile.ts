// A job and what it needs: required standards, supervision expectation and a target period.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { RoleProfileStandard } from './role-profile-standard.ts';

export class RoleProfile extends Model<InferAttributes<RoleProfile>, InferCreationAttributes<RoleProfile>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare name: string;
  declare description: string | null;
  declare supervisionFrequencyWeeks: number;
  declare probationSupervisionFrequencyWeeks: number | null;
  declare urgentDebriefOnRequest: boolean;
  declare targetMonths: number;
  /** A PDP not reviewed within this many months is stale. */
  declare pdpReviewMonths: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare requirements?: NonAttribute<RoleProfileStandard[]>;
}

RoleProfile.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    supervisionFrequencyWeeks: { type: DataTypes.INTEGER, allowNull: false },
    probationSupervisionFrequencyWeeks: { type: DataTypes.INTEGER, allowNull: true },
    urgentDebriefOnRequest: { type: DataTypes.BOOLEAN, allowNull: false },
    targetMonths: { type: DataTypes.INTEGER, allowNull: false },
    pdpReviewMonths: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 6 },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'role_profiles' },
);
