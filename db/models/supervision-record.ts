// The record of a held session: draft (supervisor writing), shared (with the worker), agreed (locked).
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { RecordStatus } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';

export class SupervisionRecord extends Model<InferAttributes<SupervisionRecord>, InferCreationAttributes<SupervisionRecord>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare sessionId: number;
  declare workerId: number;
  declare supervisorId: number;
  declare status: RecordStatus;
  declare attendance: string;
  declare discussion: string;
  declare wellbeing: string;
  declare workload: string;
  declare practiceIssues: string;
  declare learning: string;
  declare workerComments: string | null;
  /** The PDP review part: what was agreed about the worker's development plan. */
  declare pdpReview: CreationOptional<string | null>;
  declare dueOn: string;
  declare sharedAt: Date | null;
  declare lockedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SupervisionRecord.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    sessionId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    supervisorId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    attendance: { type: DataTypes.TEXT, allowNull: false },
    discussion: { type: DataTypes.TEXT, allowNull: false },
    wellbeing: { type: DataTypes.TEXT, allowNull: false },
    workload: { type: DataTypes.TEXT, allowNull: false },
    practiceIssues: { type: DataTypes.TEXT, allowNull: false },
    learning: { type: DataTypes.TEXT, allowNull: false },
    pdpReview: { type: DataTypes.TEXT, allowNull: true },
    workerComments: { type: DataTypes.TEXT, allowNull: true },
    dueOn: { type: DataTypes.DATEONLY, allowNull: false },
    sharedAt: { type: DataTypes.DATE, allowNull: true },
    lockedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_records' },
);

// A locked record is never changed in place: later changes are addenda.
SupervisionRecord.addHook('beforeUpdate', (record: SupervisionRecord) => {
  if (record.previous('lockedAt')) throw new Error('A locked supervision record cannot be changed: add an addendum');
});
