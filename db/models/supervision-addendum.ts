// A later note on a locked supervision record, never changed.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class SupervisionAddendum extends Model<InferAttributes<SupervisionAddendum>, InferCreationAttributes<SupervisionAddendum>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare recordId: number;
  declare authorId: number;
  declare text: string;
  declare createdAt: CreationOptional<Date>;
}

SupervisionAddendum.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    recordId: { type: DataTypes.INTEGER, allowNull: false },
    authorId: { type: DataTypes.INTEGER, allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_addenda', updatedAt: false },
);

refuseChanges(SupervisionAddendum);
