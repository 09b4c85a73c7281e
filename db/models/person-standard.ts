// A standard, at one version, that a person must achieve by a target date.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../connection.ts';
import type { Person } from './person.ts';
import type { StandardVersion } from './standard-version.ts';

export class PersonStandard extends Model<InferAttributes<PersonStandard>, InferCreationAttributes<PersonStandard>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare personId: number;
  declare standardVersionId: number;
  declare roleAssignmentId: number | null;
  declare targetDate: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare standardVersion?: NonAttribute<StandardVersion>;
  declare person?: NonAttribute<Person>;
}

PersonStandard.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    standardVersionId: { type: DataTypes.INTEGER, allowNull: false },
    roleAssignmentId: { type: DataTypes.INTEGER, allowNull: true },
    targetDate: { type: DataTypes.DATEONLY, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'person_standards' },
);
