// What the one transaction helper retries, how long it backs off, and that its writer queue takes turns.
import { expect } from 'chai';
import { DatabaseError, TimeoutError } from 'sequelize';
import { RETRY_POLICY, WriterQueue, isRetryable, retryDelayMs } from '#db/transactions.ts';

const driverError = (fields: object) => Object.assign(new Error('driver'), fields) as never;

describe('transaction retry policy', () => {
  it('retries deadlocks, lock wait timeouts and a busy SQLite file, and nothing else', () => {
    expect(isRetryable(new DatabaseError(driverError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })))).to.equal(true);
    expect(isRetryable(new DatabaseError(driverError({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })))).to.equal(true);
    expect(isRetryable(new TimeoutError(driverError({ code: 'SQLITE_BUSY' })))).to.equal(true);
    expect(isRetryable(new DatabaseError(driverError({ code: 'ER_DUP_ENTRY', errno: 1062 })))).to.equal(false);
    expect(isRetryable(new Error('deadlock'))).to.equal(false);
    expect(isRetryable(undefined)).to.equal(false);
  });

  it('backs off exponentially with jitter, within a short ceiling', () => {
    expect(retryDelayMs(1, () => 0)).to.equal(RETRY_POLICY.baseDelayMs / 2);
    expect(retryDelayMs(1, () => 1)).to.equal(RETRY_POLICY.baseDelayMs);
    expect(retryDelayMs(3, () => 1)).to.equal(RETRY_POLICY.baseDelayMs * 4);
    expect(retryDelayMs(30, () => 1)).to.equal(RETRY_POLICY.maxDelayMs);
    expect(retryDelayMs(2, () => 0.3)).to.not.equal(retryDelayMs(2, () => 0.7));
  });
});

describe('writer queue', () => {
  it('runs one piece of work at a time, in the order it arrived', async () => {
    const queue = new WriterQueue();
    const events: string[] = [];
    let running = 0;
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        queue.run(async () => {
          running += 1;
          expect(running).to.equal(1);
          events.push(`start ${n}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          events.push(`end ${n}`);
          running -= 1;
        }),
      ),
    );
    expect(events).to.deep.equal(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
  });

  it('knows when the current flow holds the slot, and forgets once it is released', async () => {
    const queue = new WriterQueue();
    let later: Promise<boolean> | undefined;
    await queue.run(async () => {
      expect(queue.heldHere()).to.equal(true);
      later = new Promise((resolve) => setTimeout(() => resolve(queue.heldHere()), 10));
    });
    expect(queue.heldHere()).to.equal(false);
    expect(await later).to.equal(false);
  });

  it('gives up waiting after its limit without blocking those queued behind', async () => {
    const queue = new WriterQueue(20);
    let finish!: () => void;
    const holder = queue.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const impatient = queue.run(async () => 'never').catch((error: Error) => error.message);
    expect(await impatient).to.match(/stayed busy/);
    finish();
    await holder;
    expect(await queue.run(async () => 'next')).to.equal('next');
  });

  it('releases the slot when the work fails', async () => {
    const queue = new WriterQueue();
    await queue.run(async () => Promise.reject(new Error('failed'))).catch(() => undefined);
    expect(await queue.run(async () => 'ran')).to.equal('ran');
  });
});
