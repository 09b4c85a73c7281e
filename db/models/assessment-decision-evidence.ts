// One piece of evidence, at the revision the assessor read, that a decision rests on.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class AssessmentDecisionEvidence extends Model<
  InferAttributes<AssessmentDecisionEvidence>,
  InferCreationAttributes<AssessmentDecisionEvidence>
> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare decisionId: number;
  declare evidenceId: number;
  declare evidenceRevisionId: number;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;
}

AssessmentDecisionEvidence.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    decisionId: { type: DataTypes.INTEGER, allowNull: false },
    evidenceId: { type: DataTypes.INTEGER, allowNull: false },
    evidenceRevisionId: { type: DataTypes.INTEGER, allowNull: false },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'assessment_decision_evidence', updatedAt: false },
);

refuseChanges(AssessmentDecisionEvidence);
chainRows(AssessmentDecisionEvidence, [
  { name: 'organisationId', kind: 'int' },
  { name: 'decisionId', kind: 'int' },
  { name: 'evidenceId', kind: 'int' },
  { name: 'evidenceRevisionId', kind: 'int' },
  { name: 'createdAt', kind: 'date' },
]);
