// A link from an evidence revision to an item it supports, with the worker's note on how.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';
import { AppendOnlyViolation } from './append-only.ts';

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

// A link names the item of the exact version it was mapped on: moving the worker to a new version never rewrites it
// (a draft's links are replaced by deleting and inserting, never by changing the item).
const keepItem = (options: { fields?: string[] | undefined; attributes?: Record<string, unknown> }) => {
  if (options.fields?.includes('standardItemId') || (options.attributes && 'standardItemId' in options.attributes)) {
    throw new AppendOnlyViolation('An evidence link keeps the item it was mapped to: add a new link instead');
  }
};
EvidenceItemLink.addHook('beforeUpdate', (_link, options) => keepItem(options as { fields?: string[] }));
EvidenceItemLink.addHook('beforeBulkUpdate', (options) => keepItem(options as { fields?: string[]; attributes?: Record<string, unknown> }));
