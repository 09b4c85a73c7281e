// A worker's standard achieved, withdrawn or reopened: append-only and chained; the latest row per holding counts.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';
import type { Person } from './person.ts';

export const ACHIEVEMENT_EVENTS = { achieved: 'achieved', withdrawn: 'withdrawn', reopened: 'reopened' } as const;
export type AchievementEvent = (typeof ACHIEVEMENT_EVENTS)[keyof typeof ACHIEVEMENT_EVENTS];

export class StandardAchievement extends Model<InferAttributes<StandardAchievement>, InferCreationAttributes<StandardAchievement>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare standardVersionId: number;
  declare event: AchievementEvent;
  /** The assessor who completed it, or who withdrew or reopened it. */
  declare personId: number;
  declare reason: string;
  declare decisionId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;

  declare person?: NonAttribute<Person>;
}

StandardAchievement.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    standardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    event: { type: DataTypes.STRING(20), allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    reason: { type: DataTypes.TEXT, allowNull: false },
    decisionId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'standard_achievements', updatedAt: false },
);

refuseChanges(StandardAchievement);
chainRows(StandardAchievement, [
  { name: 'organisationId', kind: 'int' },
  { name: 'workerId', kind: 'int' },
  { name: 'standardVersionId', kind: 'int' },
  { name: 'event', kind: 'text' },
  { name: 'personId', kind: 'int' },
  { name: 'reason', kind: 'text' },
  { name: 'decisionId', kind: 'int' },
  { name: 'createdAt', kind: 'date' },
]);
