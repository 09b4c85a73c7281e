// A file attached to an evidence revision, stored outside anything served statically.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class EvidenceFile extends Model<InferAttributes<EvidenceFile>, InferCreationAttributes<EvidenceFile>> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare evidenceRevisionId: number;
  declare ownerId: number;
  declare originalName: string;
  declare storedName: string;
  declare mediaType: string;
  declare sizeBytes: number;
  declare sha256: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

EvidenceFile.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    evidenceRevisionId: { type: DataTypes.INTEGER, allowNull: false },
    ownerId: { type: DataTypes.INTEGER, allowNull: false },
    originalName: { type: DataTypes.STRING(255), allowNull: false },
    storedName: { type: DataTypes.STRING(100), allowNull: false },
    mediaType: { type: DataTypes.STRING(100), allowNull: false },
    sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'evidence_files' },
);
