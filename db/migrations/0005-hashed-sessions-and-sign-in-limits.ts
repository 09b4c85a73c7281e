// Sessions kept by the SHA-256 hash of their id, and the counters that throttle sign-in.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await upHashedSessions(qi);
  await upSignInLimits(qi);
}

// The table no longer holds working bearer tokens. Rebuilding it ends every existing session: everyone signs in again once.
async function upHashedSessions(qi: QueryInterface): Promise<void> {
  await qi.dropTable('sessions');
  await qi.createTable('sessions', {
    token_hash: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    person_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'people', key: 'id' },
      onDelete: 'CASCADE',
    },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('sessions', ['person_id'], { name: 'sessions_person' });
}

// Sign-in throttling moves to rate-limiter-flexible counters (docs/decisions/007-sign-in-throttling.md): this table
// when there is no Redis. The old log of attempts counted failures per email, which let anyone lock an account.
async function upSignInLimits(qi: QueryInterface): Promise<void> {
  await qi.createTable('rate_limits', {
    rate_key: { type: DataTypes.STRING(255), primaryKey: true, allowNull: false },
    points: { type: DataTypes.INTEGER, allowNull: false },
    expires_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await qi.addIndex('rate_limits', ['expires_at'], { name: 'rate_limits_expires' });
  await qi.dropTable('login_attempts');
}
