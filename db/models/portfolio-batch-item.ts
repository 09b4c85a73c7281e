// One worker's portfolio in a batch: its status on the queue, how often it was started, why it failed, and its PDF.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from 'sequelize';
import type { BatchItemStatus } from '#app/domain/portfolio/batch-statuses.ts';
import { sequelize } from '../connection.ts';
import type { Person } from './person.ts';

export class PortfolioBatchItem extends Model<InferAttributes<PortfolioBatchItem>, InferCreationAttributes<PortfolioBatchItem>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare batchId: number;
  declare workerId: number;
  declare status: BatchItemStatus;
  declare attempts: CreationOptional<number>;
  declare errorMessage: string | null;
  declare resultStoredName: string | null;
  declare resultFileName: string | null;
  declare startedAt: Date | null;
  declare finishedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare worker?: NonAttribute<Person>;
}

PortfolioBatchItem.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    batchId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    errorMessage: { type: DataTypes.STRING(500), allowNull: true },
    resultStoredName: { type: DataTypes.STRING(100), allowNull: true },
    resultFileName: { type: DataTypes.STRING(255), allowNull: true },
    startedAt: { type: DataTypes.DATE, allowNull: true },
    finishedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'portfolio_batch_items' },
);
