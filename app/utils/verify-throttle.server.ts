// Bounds how often one address may check documents (docs/decisions/034): every upload and every unknown code counts,
// in Redis when REDIS_URL is set (shared by every instance), else in the database, as sign-in throttling is counted.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from './env.server.ts';
import { RateLimiterDatabase } from './rate-limiter-database.server.ts';

/** Checks one address may make in the window: far more than anyone checking their copies needs. */
export const VERIFY_CHECKS = 50;
export const VERIFY_WINDOW_SECONDS = 15 * 60;

let limiter: RateLimiterAbstract | undefined;

function verifyLimiter(): RateLimiterAbstract {
  if (limiter) return limiter;
  const options = { keyPrefix: 'verify_address', points: VERIFY_CHECKS, duration: VERIFY_WINDOW_SECONDS };
  const { redisUrl } = env();
  limiter = redisUrl
    ? new RateLimiterRedis({
        ...options,
        keyPrefix: `nosfolio:${options.keyPrefix}`,
        storeClient: new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterDatabase(options);
  return limiter;
}

/** Counts one check from this address; the seconds to wait when it has used its checks, else 0. */
export async function countVerifyCheck(address: string): Promise<number> {
  const key = createHash('sha256').update(address).digest('base64url');
  try {
    await verifyLimiter().consume(key);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
    throw error;
  }
}
