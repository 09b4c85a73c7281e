// A person's acknowledgement that they have read one policy version (append-only).
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class PolicyAcknowledgement extends Model<InferAttributes<PolicyAcknowledgement>, InferCreationAttributes<PolicyAcknowledgement>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare policyVersionId: number;
  declare personId: number;
  declare createdAt: CreationOptional<Date>;
}

PolicyAcknowledgement.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    policyVersionId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'policy_acknowledgements', updatedAt: false },
);

refuseChanges(PolicyAcknowledgement);
