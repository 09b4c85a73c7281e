// One counter of rate-limiter-flexible kept in the database, for portals run without Redis.
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../connection.ts';

export class RateLimit extends Model<InferAttributes<RateLimit>, InferCreationAttributes<RateLimit>> {
  declare rateKey: string;
  declare points: number;
  /** Milliseconds since the epoch, as the limiter counts; null never expires. */
  declare expiresAt: number | null;
}

RateLimit.init(
  {
    rateKey: { type: DataTypes.STRING(255), primaryKey: true },
    points: { type: DataTypes.INTEGER, allowNull: false },
    // BIGINT comes back as a string from MySQL; the limiter needs a number.
    expiresAt: {
      type: DataTypes.BIGINT,
      allowNull: true,
      get(this: RateLimit) {
        const value = this.getDataValue('expiresAt') as number | string | null;
        return value === null ? null : Number(value);
      },
    },
  },
  { sequelize, tableName: 'rate_limits', timestamps: false },
);
