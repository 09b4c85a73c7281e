// A link from an evidence revision to an item it supports, with the worker's note on how.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class EvidenceItemLink extends Model<InferAttributes<EvidenceItemLink>, InferCreationAttributes<EvidenceItemLink>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare evidenceRevisionId: number;
  declare standardItemId: number;
  declare note: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

EvidenceItemLink.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    evidenceRevisionId: { type: DataTypes.INTEGER, allowNull: false },
    standardItemId: { type: DataTypes.INTEGER, allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'evidence_item_links' },
);
