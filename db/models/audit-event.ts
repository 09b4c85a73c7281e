// One line of the append-only audit log: who did what, to what, and when.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from 'sequelize';
import { chainRows } from '../chain.ts';
import { sequelize } from '../connection.ts';
import { refuseChanges } from './append-only.ts';
import type { Person } from './person.ts';

export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<number>;
  declare organisationId: number | null;
  declare actorId: number | null;
  declare action: string;
  declare subjectType: string | null;
  declare subjectId: number | null;
  declare summary: string;
  declare ipAddress: string | null;
  declare createdAt: CreationOptional<Date>;
  declare chainSeq: CreationOptional<number | null>;
  declare previousHash: CreationOptional<string | null>;
  declare entryHash: CreationOptional<string | null>;

  declare actor?: NonAttribute<Person | null>;
}

AuditEvent.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: true },
    actorId: { type: DataTypes.INTEGER, allowNull: true },
    action: { type: DataTypes.STRING(64), allowNull: false },
    subjectType: { type: DataTypes.STRING(64), allowNull: true },
    subjectId: { type: DataTypes.INTEGER, allowNull: true },
    summary: { type: DataTypes.STRING(500), allowNull: false },
    ipAddress: { type: DataTypes.STRING(64), allowNull: true },
    createdAt: DataTypes.DATE,
    chainSeq: { type: DataTypes.INTEGER, allowNull: true },
    previousHash: { type: DataTypes.STRING(64), allowNull: true },
    entryHash: { type: DataTypes.STRING(64), allowNull: true },
  },
  { sequelize, tableName: 'audit_events', updatedAt: false },
);

refuseChanges(AuditEvent);
chainRows(AuditEvent, [
  { name: 'organisationId', kind: 'int' },
  { name: 'actorId', kind: 'int' },
  { name: 'action', kind: 'text' },
  { name: 'subjectType', kind: 'text' },
  { name: 'subjectId', kind: 'int' },
  { name: 'summary', kind: 'text' },
  { name: 'ipAddress', kind: 'text' },
  { name: 'createdAt', kind: 'date' },
]);
