// One party's agreement to a supervision record, never changed.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import type { Party } from '#app/domain/supervision/statuses.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';

export class SupervisionRecordAgreement extends Model<
  InferAttributes<SupervisionRecordAgreement>,
  InferCreationAttributes<SupervisionRecordAgreement>
> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare recordId: number;
  declare personId: number;
  declare party: Party;
  declare agreedAt: Date;
  declare createdAt: CreationOptional<Date>;
}

SupervisionRecordAgreement.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    recordId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    party: { type: DataTypes.STRING(20), allowNull: false },
    agreedAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_record_agreements', updatedAt: false },
);

refuseChanges(SupervisionRecordAgreement);
