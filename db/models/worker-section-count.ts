// How many items of one section of a held standard version stand at each state for one worker: the team matrix's
// summary of worker_item_states (docs/decisions/036). Written only by app/domain/evidence/section-counts.server.ts;
// a missing row means nothing has happened to any item of that section.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class WorkerSectionCount extends Model<InferAttributes<WorkerSectionCount>, InferCreationAttributes<WorkerSectionCount>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare standardVersionId: number;
  declare section: string;
  declare met: number;
  declare notYetMet: number;
  declare submitted: number;
  declare mapped: number;
  declare updatedAt: CreationOptional<Date>;
}

WorkerSectionCount.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    standardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    section: { type: DataTypes.STRING(300), allowNull: false },
    met: { type: DataTypes.INTEGER, allowNull: false },
    notYetMet: { type: DataTypes.INTEGER, allowNull: false },
    submitted: { type: DataTypes.INTEGER, allowNull: false },
    mapped: { type: DataTypes.INTEGER, allowNull: false },
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'worker_section_counts', createdAt: false },
);
