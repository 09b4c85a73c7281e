// A request for the portfolios of everyone in a team or a location, made on the job queue (docs/decisions/035).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from 'sequelize';
import type { BatchOutput, BatchScope, BatchStatus } from '#app/domain/portfolio/batch-statuses.ts';
import { sequelize } from '../connection.ts';
import type { Person } from './person.ts';
import type { PortfolioBatchItem } from './portfolio-batch-item.ts';

export class PortfolioBatch extends Model<InferAttributes<PortfolioBatch>, InferCreationAttributes<PortfolioBatch>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare requestedById: number;
  declare scopeType: BatchScope;
  declare teamId: number | null;
  declare locationId: number | null;
  declare scopeName: string;
  declare output: BatchOutput;
  declare status: BatchStatus;
  declare itemCount: number;
  declare doneCount: CreationOptional<number>;
  declare failedCount: CreationOptional<number>;
  declare resultFileName: string | null;
  declare resultStoredName: string | null;
  declare resultByteSize: number | null;
  declare errorMessage: string | null;
  declare startedAt: Date | null;
  declare finishedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare items?: NonAttribute<PortfolioBatchItem[]>;
  declare requestedBy?: NonAttribute<Person>;
}

PortfolioBatch.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    requestedById: { type: DataTypes.INTEGER, allowNull: false },
    scopeType: { type: DataTypes.STRING(20), allowNull: false },
    teamId: { type: DataTypes.INTEGER, allowNull: true },
    locationId: { type: DataTypes.INTEGER, allowNull: true },
    scopeName: { type: DataTypes.STRING(200), allowNull: false },
    output: { type: DataTypes.STRING(10), allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    itemCount: { type: DataTypes.INTEGER, allowNull: false },
    doneCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    failedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    resultFileName: { type: DataTypes.STRING(255), allowNull: true },
    resultStoredName: { type: DataTypes.STRING(100), allowNull: true },
    // BIGINT comes back from MySQL as a string; the size is read as a number everywhere.
    resultByteSize: {
      type: DataTypes.BIGINT,
      allowNull: true,
      get() {
        const value = this.getDataValue('resultByteSize') as unknown;
        return value === null || value === undefined ? null : Number(value);
      },
    },
    errorMessage: { type: DataTypes.STRING(500), allowNull: true },
    startedAt: { type: DataTypes.DATE, allowNull: true },
    finishedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'portfolio_batches' },
);
