// Sign-in throttling on each store it can use: the database (SQLite or MariaDB) and, when a URL is given, Redis.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import {
  ADDRESS_LIMITS,
  FREE_CONSECUTIVE_FAILURES,
  createLoginThrottle,
  type LoginThrottle,
} from '#app/utils/login-throttle.server.ts';
import { unique } from '#test/factories/index.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;

function email() {
  return `${unique('person')}@example.org`;
}

function throttlingBehaviour(makeThrottle: () => LoginThrottle) {
  let throttle: LoginThrottle;
  beforeEach(() => {
    throttle = makeThrottle();
  });

  async function fail(account: string, address: string, times: number) {
    for (let attempt = 0; attempt < times; attempt += 1) await throttle.recordFailure(account, address);
  }

  it('lets a person sign in from a clean address while others fail against their account', async () => {
    const account = email();
    const attacker = unique('ip');
    await fail(account, attacker, FREE_CONSECUTIVE_FAILURES + 3);
    for (let other = 0; other < 5; other += 1) await fail(account, unique('ip'), FREE_CONSECUTIVE_FAILURES);
    expect(await throttle.retryAfterSeconds(account, attacker)).to.be.greaterThan(0);
    expect(await throttle.retryAfterSeconds(account, unique('ip'))).to.equal(0);
  });

  it('allows the first failures and then delays the pair exponentially', async function () {
    this.timeout(10_000);
    const account = email();
    const address = unique('ip');
    await fail(account, address, FREE_CONSECUTIVE_FAILURES - 1);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(0);
    await fail(account, address, 1);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(0);
    await fail(account, address, 1);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(2);
    await fail(account, address, 1);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(4);
    expect(await throttle.consecutiveFailures(account, address)).to.equal(FREE_CONSECUTIVE_FAILURES + 2);
  });

  it('resets the pair on success', async () => {
    const account = email();
    const address = unique('ip');
    await fail(account, address, FREE_CONSECUTIVE_FAILURES);
    await throttle.recordSuccess(account, address);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(0);
    expect(await throttle.consecutiveFailures(account, address)).to.equal(0);
    await fail(account, address, FREE_CONSECUTIVE_FAILURES - 1);
    expect(await throttle.retryAfterSeconds(account, address)).to.equal(0);
  });

  it('blocks an address that fails against many accounts, for every account', async () => {
    const address = unique('ip');
    const short = ADDRESS_LIMITS[0]!;
    for (let attempt = 0; attempt < short.failures; attempt += 1) await throttle.recordFailure(email(), address);
    const wait = await throttle.retryAfterSeconds(email(), address);
    expect(wait).to.be.greaterThan(short.seconds - 5).and.at.most(short.seconds);
    expect(await throttle.retryAfterSeconds(email(), unique('ip'))).to.equal(0);
  });
}

describe('login throttle on the database', () => {
  throttlingBehaviour(() => createLoginThrottle({ kind: 'database' }));
});

describe('login throttle on Redis', function () {
  let client: Redis | undefined;
  const keyPrefix = `${unique('nosfolio-test')}:`;

  before(async function () {
    if (!redisUrl) return this.skip();
    client = new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    await client.ping();
  });

  after(async () => {
    if (!client) return;
    const keys = await client.keys(`${keyPrefix}*`);
    if (keys.length) await client.del(...keys);
    await client.quit();
  });

  throttlingBehaviour(() => createLoginThrottle({ kind: 'redis', client: client!, keyPrefix }));
});
