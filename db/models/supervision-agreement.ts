// One version of a worker's written supervision agreement (draft until both sign, then active, later superseded).
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { AgreementStatus } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';

export class SupervisionAgreement extends Model<InferAttributes<SupervisionAgreement>, InferCreationAttributes<SupervisionAgreement>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare supervisorId: number;
  declare version: number;
  declare status: AgreementStatus;
  declare probation: boolean;
  declare frequencyWeeks: number;
  declare durationMinutes: number;
  declare sessionTime: string;
  declare startsOn: string;
  declare place: string;
  declare confidentiality: string;
  declare scope: string;
  declare recordKeeping: string;
  declare agreeWithinDays: number;
  declare reviewOn: string;
  declare createdById: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SupervisionAgreement.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    supervisorId: { type: DataTypes.INTEGER, allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    probation: { type: DataTypes.BOOLEAN, allowNull: false },
    frequencyWeeks: { type: DataTypes.INTEGER, allowNull: false },
    durationMinutes: { type: DataTypes.INTEGER, allowNull: false },
    sessionTime: { type: DataTypes.STRING(5), allowNull: false },
    startsOn: { type: DataTypes.DATEONLY, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: false },
    confidentiality: { type: DataTypes.TEXT, allowNull: false },
    scope: { type: DataTypes.TEXT, allowNull: false },
    recordKeeping: { type: DataTypes.TEXT, allowNull: false },
    agreeWithinDays: { type: DataTypes.INTEGER, allowNull: false },
    reviewOn: { type: DataTypes.DATEONLY, allowNull: false },
    createdById: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_agreements' },
);
