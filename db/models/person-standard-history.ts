// One move of a person's holding of a standard from one version to another: the record of which version their items
// were mapped (and signed) on before. Append-only.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class PersonStandardHistory extends Model<InferAttributes<PersonStandardHistory>, InferCreationAttributes<PersonStandardHistory>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare personStandardId: number;
  declare personId: number;
  declare fromStandardVersionId: number;
  declare toStandardVersionId: number;
  declare movedById: number | null;
  declare movedAt: Date;
  declare createdAt: CreationOptional<Date>;
}

PersonStandardHistory.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    personStandardId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    fromStandardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    toStandardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    movedById: { type: DataTypes.INTEGER, allowNull: true },
    movedAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'person_standard_history', updatedAt: false },
);

refuseChanges(PersonStandardHistory);
