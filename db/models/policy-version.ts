// One adopted version of a policy, with its review date.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { Policy } from './policy.ts';

export class PolicyVersion extends Model<InferAttributes<PolicyVersion>, InferCreationAttributes<PolicyVersion>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare policyId: number;
  declare version: string;
  declare adoptedOn: string;
  declare nextReviewOn: string;
  declare body: string;
  declare isCurrent: boolean;
  declare createdById: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare policy?: NonAttribute<Policy>;
}

PolicyVersion.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    policyId: { type: DataTypes.INTEGER, allowNull: false },
    version: { type: DataTypes.STRING(40), allowNull: false },
    adoptedOn: { type: DataTypes.DATEONLY, allowNull: false },
    nextReviewOn: { type: DataTypes.DATEONLY, allowNull: false },
    body: { type: DataTypes.TEXT('medium'), allowNull: false },
    isCurrent: { type: DataTypes.BOOLEAN, allowNull: false },
    createdById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'policy_versions' },
);
