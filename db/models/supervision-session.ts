// One supervision session: planned from the agreement, requested (urgent debrief), held, cancelled or missed.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { SessionStatus } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';

export class SupervisionSession extends Model<InferAttributes<SupervisionSession>, InferCreationAttributes<SupervisionSession>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare agreementId: number | null;
  declare workerId: number;
  declare supervisorId: number;
  declare type: string;
  declare status: SessionStatus;
  declare startsAt: Date;
  declare endsAt: Date;
  declare place: string | null;
  declare requestReason: string | null;
  declare cancelReason: string | null;
  declare requestedById: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SupervisionSession.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    agreementId: { type: DataTypes.INTEGER, allowNull: true },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    supervisorId: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(20), allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    startsAt: { type: DataTypes.DATE, allowNull: false },
    endsAt: { type: DataTypes.DATE, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: true },
    requestReason: { type: DataTypes.TEXT, allowNull: true },
    cancelReason: { type: DataTypes.TEXT, allowNull: true },
    requestedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_sessions' },
);
