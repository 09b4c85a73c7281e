// An IQA's countersign or challenge of one decision: append-only and chained.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';
import type { AssessmentDecision } from './assessment-decision.ts';
import type { Person } from './person.ts';

export const IQA_OUTCOMES = { agreed: 'agreed', challenged: 'challenged' } as const;
export type IqaOutcome = (typeof IQA_OUTCOMES)[keyof typeof IQA_OUTCOMES];

export class IqaReview extends Model<InferAttributes<IqaReview>, InferCreationAttributes<IqaReview>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare decisionId: number;
  declare iqaId: number;
  declare outcome: IqaOutcome;
  declare note: string;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;

  declare iqa?: NonAttribute<Person>;
  declare decision?: NonAttribute<AssessmentDecision>;
}

IqaReview.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    decisionId: { type: DataTypes.INTEGER, allowNull: false },
    iqaId: { type: DataTypes.INTEGER, allowNull: false },
    outcome: { type: DataTypes.STRING(20), allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: false },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'iqa_reviews', updatedAt: false },
);

refuseChanges(IqaReview);
chainRows(IqaReview, [
  { name: 'organisationId', kind: 'int' },
  { name: 'decisionId', kind: 'int' },
  { name: 'iqaId', kind: 'int' },
  { name: 'outcome', kind: 'text' },
  { name: 'note', kind: 'text' },
  { name: 'createdAt', kind: 'date' },
]);
