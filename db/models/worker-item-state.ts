// Where one item stands for one worker, derived from their evidence and the versions they hold (docs/decisions/023).
// Written only by app/domain/evidence/item-states.server.ts; a missing row means the state is none.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class WorkerItemState extends Model<InferAttributes<WorkerItemState>, InferCreationAttributes<WorkerItemState>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare standardItemId: number;
  declare state: string;
  declare evidenceCount: number;
  declare submittedCount: number;
  /** The decision that sets the state (met or not yet met), if any. */
  declare decisionId: number | null;
  declare updatedAt: CreationOptional<Date>;
}

WorkerItemState.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    standardItemId: { type: DataTypes.INTEGER, allowNull: false },
    state: { type: DataTypes.STRING(20), allowNull: false },
    evidenceCount: { type: DataTypes.INTEGER, allowNull: false },
    submittedCount: { type: DataTypes.INTEGER, allowNull: false },
    decisionId: { type: DataTypes.INTEGER, allowNull: true },
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'worker_item_states', createdAt: false },
);
