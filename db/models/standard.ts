// A National Occupational Standard in an organisation's library, identified by its URN.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class Standard extends Model<InferAttributes<Standard>, InferCreationAttributes<Standard>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare urn: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Standard.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    urn: { type: DataTypes.STRING(40), allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'standards' },
);
