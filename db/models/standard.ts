// A National Occupational Standard in an organisation's library, identified by its URN.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class Standard extends Model<InferAttributes<Standard>, InferCreationAttributes<Standard>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare urn: string;
  /** When an admin published it to CASE consumers (the public /ims/case/v1p0 API); null when not published. */
  declare casePublishedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Standard.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    urn: { type: DataTypes.STRING(40), allowNull: false },
    casePublishedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'standards' },
);
