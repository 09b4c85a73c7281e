// The organisation's assessment rules for one standard, whatever its version (docs/decisions/028).
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export const OBSERVATION_RULES = ['none', 'performance', 'chosen'] as const;
export type ObservationRule = (typeof OBSERVATION_RULES)[number];

export class AssessmentRule extends Model<InferAttributes<AssessmentRule>, InferCreationAttributes<AssessmentRule>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare standardId: number;
  declare minimumEvidence: number;
  declare observation: ObservationRule;
  /** Item codes (P1, K12) that need direct observation when observation is `chosen`, space-separated. */
  declare observationCodes: string;
  declare updatedById: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

AssessmentRule.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    standardId: { type: DataTypes.INTEGER, allowNull: false },
    minimumEvidence: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    observation: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'none' },
    observationCodes: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    updatedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'assessment_rules' },
);
