// A party's signature on one agreement version: name and time, never changed.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { Party } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class SupervisionSignature extends Model<InferAttributes<SupervisionSignature>, InferCreationAttributes<SupervisionSignature>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare agreementId: number;
  declare personId: number;
  declare party: Party;
  declare signedName: string;
  declare signedAt: Date;
  declare createdAt: CreationOptional<Date>;
}

SupervisionSignature.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    agreementId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    party: { type: DataTypes.STRING(20), allowNull: false },
    signedName: { type: DataTypes.STRING(200), allowNull: false },
    signedAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_signatures', updatedAt: false },
);

refuseChanges(SupervisionSignature);
