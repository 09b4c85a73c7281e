// An action agreed in supervision: what, who, by when; carried forward until done.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { ActionStatus } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';

export class SupervisionAction extends Model<InferAttributes<SupervisionAction>, InferCreationAttributes<SupervisionAction>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare recordId: number;
  declare description: string;
  declare ownerId: number;
  declare dueOn: string;
  declare status: ActionStatus;
  declare completedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SupervisionAction.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    recordId: { type: DataTypes.INTEGER, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    ownerId: { type: DataTypes.INTEGER, allowNull: false },
    dueOn: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    completedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_actions' },
);
