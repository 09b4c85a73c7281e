// When a worker last read their decisions, so their home page can say what was judged since.
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class AssessmentView extends Model<InferAttributes<AssessmentView>, InferCreationAttributes<AssessmentView>> {
  declare workerId: number;
  declare seenAt: Date;
}

AssessmentView.init(
  {
    workerId: { type: DataTypes.INTEGER, primaryKey: true },
    seenAt: { type: DataTypes.DATE, allowNull: false },
  },
  { sequelize, tableName: 'assessment_views', timestamps: false },
);
