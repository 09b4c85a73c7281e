// A rate-limiter-flexible store on our own database connection (SQLite or MariaDB), for portals run without Redis.
import { RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import { Op, UniqueConstraintError, literal } from 'sequelize';
import { RateLimit, sequelize } from '#db/models/index.ts';

type Options = { keyPrefix: string; points: number; duration: number };
type StoredCounter = { points: number; expiresAt: number | null };

/**
 * Implements the four methods the library asks of a store. The increment is one UPDATE inside a transaction
 * (row lock on MariaDB, IMMEDIATE on SQLite), so instances sharing the database count together.
 */
export class RateLimiterDatabase extends RateLimiterStoreAbstract {
  constructor(options: Options) {
    super({ ...options, storeClient: sequelize });
  }

  _getRateLimiterRes(_key: string, changedPoints: number, stored: StoredCounter): RateLimiterRes {
    const isFirstInDuration = changedPoints === stored.points;
    const consumedPoints = isFirstInDuration ? changedPoints : stored.points;
    const msBeforeNext = stored.expiresAt === null ? -1 : Math.max(stored.expiresAt - Date.now(), 0);
    return new RateLimiterRes(Math.max(this.points - consumedPoints, 0), msBeforeNext, consumedPoints, isFirstInDuration);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoredCounter> {
    const now = Date.now();
    const expiresAt = msDuration > 0 ? now + msDuration : null;
    // An expired counter starts again; forceExpire (block, set) overwrites whatever is there.
    const expired = `(expires_at IS NOT NULL AND expires_at <= ${now})`;
    const changes = forceExpire
      ? { points, expiresAt }
      : {
          points: literal(`CASE WHEN ${expired} THEN ${Math.trunc(points)} ELSE points + ${Math.trunc(points)} END`),
          expiresAt: literal(`CASE WHEN ${expired} THEN ${expiresAt ?? 'NULL'} ELSE expires_at END`),
        };
    for (let attempt = 0; ; attempt += 1) {
      // Updating and reading an existing row in one transaction holds its row lock, so the value read is ours.
      const existing = await sequelize.transaction(async (transaction) => {
        const [changed] = await RateLimit.update(changes as never, { where: { rateKey: key }, transaction });
        const row = changed > 0 ? await RateLimit.findByPk(key, { transaction }) : null;
        return row ? { points: row.points, expiresAt: row.expiresAt } : null;
      });
      if (existing) return existing;
      // A new key is inserted on its own, outside any transaction, so that MariaDB's gap locks cannot deadlock
      // two new keys; if another instance inserted it first, go round and update theirs.
      try {
        await RateLimit.create({ rateKey: key, points, expiresAt });
        await clearExpiredNowAndThen(now);
        return { points, expiresAt };
      } catch (error) {
        if (!(error instanceof UniqueConstraintError) || attempt >= 3) throw error;
      }
    }
  }

  async _get(key: string): Promise<StoredCounter | null> {
    const row = await RateLimit.findOne({
      where: { rateKey: key, [Op.or]: [{ expiresAt: null }, { expiresAt: { [Op.gt]: Date.now() } }] },
    });
    return row ? { points: row.points, expiresAt: row.expiresAt } : null;
  }

  async _delete(key: string): Promise<boolean> {
    return (await RateLimit.destroy({ where: { rateKey: key } })) > 0;
  }
}

const CLEAR_EVERY_MS = 5 * 60 * 1000;
let lastCleared = 0;

/** Deletes counters that expired over an hour ago, at most every five minutes per process; failure can wait. */
async function clearExpiredNowAndThen(now: number): Promise<void> {
  if (now - lastCleared < CLEAR_EVERY_MS) return;
  lastCleared = now;
  await RateLimit.destroy({ where: { expiresAt: { [Op.lt]: now - 60 * 60 * 1000 } } }).catch(() => undefined);
}
