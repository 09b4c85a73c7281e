// A private, revocable calendar subscription link; only the token's sha256 is stored.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class SupervisionCalendarToken extends Model<
  InferAttributes<SupervisionCalendarToken>,
  InferCreationAttributes<SupervisionCalendarToken>
> {
  declare id: CreationOptional<number>;
  declare organisationId: number;
  declare personId: number;
  declare tokenHash: string;
  declare revokedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SupervisionCalendarToken.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    organisationId: { type: DataTypes.INTEGER, allowNull: false },
    personId: { type: DataTypes.INTEGER, allowNull: false },
    tokenHash: { type: DataTypes.STRING(64), allowNull: false },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'supervision_calendar_tokens' },
);
