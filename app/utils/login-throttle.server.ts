// Slows password guessing without letting anyone lock the real person out: rate-limiter-flexible's login
// protection, counted per account and address, and per address over all accounts. See docs/decisions/007.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from './env.server.ts';
import { RateLimiterDatabase } from './rate-limiter-database.server.ts';

/** Wrong passwords one address may give for one account before each further try waits. */
export const FREE_CONSECUTIVE_FAILURES = 5;
/** The longest wait between tries for one account from one address. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures over all accounts after which an address may not try again until the window ends. */
export const ADDRESS_LIMITS = [
  { name: 'login_fail_address_15min', failures: 20, seconds: 15 * 60 },
  { name: 'login_fail_address_day', failures: 100, seconds: 24 * 60 * 60 },
] as const;
/** Consecutive failures of an account from an address are forgotten a day after the first. */
const PAIR_MEMORY_SECONDS = 24 * 60 * 60;

/** 0 for the first failures, then 1 s, 2 s, 4 s … up to 15 minutes. */
export function delaySecondsAfter(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_CONSECUTIVE_FAILURES) return 0;
  return Math.min(2 ** (consecutiveFailures - FREE_CONSECUTIVE_FAILURES), MAX_DELAY_SECONDS);
}

export type ThrottleStore = { kind: 'database' } | { kind: 'redis'; client: Redis; keyPrefix?: string };

type LimiterOptions = { keyPrefix: string; points: number; duration: number };

function limiterFactory(store: ThrottleStore): (options: LimiterOptions) => RateLimiterAbstract {
  if (store.kind === 'database') return (options) => new RateLimiterDatabase(options);
  return (options) =>
    new RateLimiterRedis({
      ...options,
      keyPrefix: `${store.keyPrefix ?? 'nosfolio:'}${options.keyPrefix}`,
      storeClient: store.client,
      // While Redis is unreachable each instance counts on its own rather than refusing everyone.
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

export class LoginThrottle {
  private readonly pairFailures: RateLimiterAbstract;
  private readonly pairDelay: RateLimiterAbstract;
  private readonly addressFailures: { limiter: RateLimiterAbstract; failures: number }[];

  constructor(store: ThrottleStore) {
    const limiter = limiterFactory(store);
    this.pairFailures = limiter({ keyPrefix: 'login_fail_pair', points: Number.MAX_SAFE_INTEGER, duration: PAIR_MEMORY_SECONDS });
    // Blocked keys (block() stores points + 1) mark a pair that must wait; the count lives in pairFailures.
    this.pairDelay = limiter({ keyPrefix: 'login_delay_pair', points: 1, duration: MAX_DELAY_SECONDS });
    this.addressFailures = ADDRESS_LIMITS.map(({ name, failures, seconds }) => ({
      limiter: limiter({ keyPrefix: name, points: failures, duration: seconds }),
      failures,
    }));
  }

  /** How long this address must wait before trying this account; 0 when it may try now. Only reads. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const pair = pairKey(email, address);
    const [delay, ...perAddress] = await Promise.all([
      this.pairDelay.get(pair),
      ...this.addressFailures.map(({ limiter }) => limiter.get(addressKey(address))),
    ]);
    const waits = [
      delay && delay.consumedPoints > this.pairDelay.points ? delay.msBeforeNext : 0,
      ...perAddress.map((res, index) => (res && res.consumedPoints >= this.addressFailures[index]!.failures ? res.msBeforeNext : 0)),
    ];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** A wrong password (or unknown email) from this address. */
  async recordFailure(email: string, address: string): Promise<void> {
    const pair = pairKey(email, address);
    const [failures] = await Promise.all([
      this.pairFailures.penalty(pair),
      ...this.addressFailures.map(({ limiter }) => limiter.penalty(addressKey(address))),
    ]);
    const delay = delaySecondsAfter(failures.consumedPoints);
    if (delay > 0) await this.pairDelay.block(pair, delay);
  }

  /** The right password: this address starts afresh for this account (the address's own counts stay). */
  async recordSuccess(email: string, address: string): Promise<void> {
    const pair = pairKey(email, address);
    await Promise.all([this.pairFailures.delete(pair), this.pairDelay.delete(pair)]);
  }

  async consecutiveFailures(email: string, address: string): Promise<number> {
    const res: RateLimiterRes | null = await this.pairFailures.get(pairKey(email, address));
    return res?.consumedPoints ?? 0;
  }
}

// Hashed, so that the store holds no email addresses and every key has the same short length.
function pairKey(email: string, address: string): string {
  return createHash('sha256').update(`${email}\n${address}`).digest('base64url');
}

function addressKey(address: string): string {
  return createHash('sha256').update(address).digest('base64url');
}

export function createLoginThrottle(store: ThrottleStore): LoginThrottle {
  return new LoginThrottle(store);
}

let shared: LoginThrottle | undefined;

/** The portal's throttle: in Redis when REDIS_URL is set, so that every instance counts together, else in the database. */
export function loginThrottle(): LoginThrottle {
  if (shared) return shared;
  const { redisUrl, redisPrefix } = env();
  shared = createLoginThrottle(
    redisUrl
      ? { kind: 'redis', client: new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }), keyPrefix: `${redisPrefix}:` }
      : { kind: 'database' },
  );
  return shared;
}
