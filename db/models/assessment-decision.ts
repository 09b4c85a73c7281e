// An assessor's judgement of one item for one worker: append-only and chained; a later decision supersedes it.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';
import type { AssessmentDecisionEvidence } from './assessment-decision-evidence.ts';
import type { IqaReview } from './iqa-review.ts';
import type { Person } from './person.ts';

export class AssessmentDecision extends Model<InferAttributes<AssessmentDecision>, InferCreationAttributes<AssessmentDecision>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare workerId: number;
  declare standardItemId: number;
  declare assessorId: number;
  declare outcome: string;
  declare method: string;
  declare feedback: string;
  declare countersignRequired: boolean;
  declare answersReviewId: number | null;
  declare submissionKey: string;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;

  declare assessor?: NonAttribute<Person>;
  declare basis?: NonAttribute<AssessmentDecisionEvidence[]>;
  declare review?: NonAttribute<IqaReview | null>;
}

AssessmentDecision.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    workerId: { type: DataTypes.INTEGER, allowNull: false },
    standardItemId: { type: DataTypes.INTEGER, allowNull: false },
    assessorId: { type: DataTypes.INTEGER, allowNull: false },
    outcome: { type: DataTypes.STRING(20), allowNull: false },
    method: { type: DataTypes.STRING(40), allowNull: false },
    feedback: { type: DataTypes.TEXT, allowNull: false },
    countersignRequired: { type: DataTypes.BOOLEAN, allowNull: false },
    answersReviewId: { type: DataTypes.INTEGER, allowNull: true },
    submissionKey: { type: DataTypes.STRING(64), allowNull: false },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'assessment_decisions', updatedAt: false },
);

refuseChanges(AssessmentDecision);
chainRows(AssessmentDecision, [
  { name: 'organisationId', kind: 'int' },
  { name: 'workerId', kind: 'int' },
  { name: 'standardItemId', kind: 'int' },
  { name: 'assessorId', kind: 'int' },
  { name: 'outcome', kind: 'text' },
  { name: 'method', kind: 'text' },
  { name: 'feedback', kind: 'text' },
  { name: 'countersignRequired', kind: 'bool' },
  { name: 'answersReviewId', kind: 'int' },
  { name: 'submissionKey', kind: 'text' },
  { name: 'createdAt', kind: 'date' },
]);
