// The one transaction helper on the real database: deadlocks re-run the callback from scratch, nesting and reads never wait.
import { expect } from 'chai';
import { DatabaseError, type Transaction } from 'sequelize';
import { dialect, sequelize } from '#db/connection.ts';
import { Organisation } from '#db/models/index.ts';
import { RETRY_POLICY, SqliteWriterHeld } from '#db/transactions.ts';
import { unique } from '#test/factories/index.ts';

/** What the MariaDB driver raises when InnoDB picks this transaction as a deadlock victim. */
function deadlock(): DatabaseError {
  const driverError = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
    code: 'ER_LOCK_DEADLOCK',
    errno: 1213,
    sql: 'UPDATE ...',
  });
  return new DatabaseError(driverError as never);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('transactions', () => {
  it('re-runs a deadlocked callback from scratch in a new transaction, undoing the first attempt', async () => {
    const slug = unique('org');
    const seen: Transaction[] = [];
    const result = await sequelize.transaction(async (transaction) => {
      seen.push(transaction);
      await Organisation.create({ name: `Attempt ${seen.length}`, slug: `${slug}-${seen.length}` }, { transaction });
      if (seen.length < 3) throw deadlock();
      return 'done';
    });
    expect(result).to.equal('done');
    expect(seen).to.have.length(3);
    expect(new Set(seen).size).to.equal(3);
    const saved = await Organisation.findAll({ where: { slug: [`${slug}-1`, `${slug}-2`, `${slug}-3`] } });
    expect(saved.map((row) => row.name)).to.deep.equal(['Attempt 3']);
  });

  it('gives up after a bounded number of attempts and passes the deadlock on', async () => {
    let attempts = 0;
    const error = await caught(
      sequelize.transaction(async () => {
        attempts += 1;
        throw deadlock();
      }),
    );
    expect(error).to.be.instanceOf(DatabaseError);
    expect(attempts).to.equal(RETRY_POLICY.attempts);
  });

  it('does not re-run a callback that failed for another reason', async () => {
    let attempts = 0;
    const error = await caught(
      sequelize.transaction(async () => {
        attempts += 1;
        throw new Error('not a lock problem');
      }),
    );
    expect((error as Error).message).to.equal('not a lock problem');
    expect(attempts).to.equal(1);
  });

  it('does not retry a nested transaction on its own: the outer one is re-run', async () => {
    let outer = 0;
    let inner = 0;
    await sequelize.transaction(async (transaction) => {
      outer += 1;
      await caught(
        sequelize.transaction({ transaction }, async () => {
          inner += 1;
          if (outer === 1) throw deadlock();
        }),
      );
      if (outer === 1) throw deadlock();
    });
    expect({ outer, inner }).to.deep.equal({ outer: 2, inner: 2 });
  });

  it('nests with { transaction }, and reads outside a transaction do not wait for a writer', async () => {
    const slug = unique('org');
    let releaseOuter!: () => void;
    const outerHolds = new Promise<void>((resolve) => (releaseOuter = resolve));
    let started!: () => void;
    const outerStarted = new Promise<void>((resolve) => (started = resolve));
    const outer = sequelize.transaction(async (transaction) => {
      await sequelize.transaction({ transaction }, async (savepoint) => {
        await Organisation.create({ name: 'Nested', slug }, { transaction: savepoint });
      });
      started();
      await outerHolds;
    });
    await outerStarted;
    // The writer is still open: a read outside any transaction answers now rather than after it.
    expect(await Organisation.count({ where: { slug } })).to.equal(0);
    releaseOuter();
    await outer;
    expect(await Organisation.count({ where: { slug } })).to.equal(1);
  });

  it('on SQLite, refuses at once an independent write inside a transaction instead of waiting for ever', async function () {
    if (dialect() !== 'sqlite') this.skip();
    const startedAt = Date.now();
    const error = await caught(
      sequelize.transaction(async () => {
        await sequelize.transaction(async () => undefined);
      }),
    );
    expect(error).to.be.instanceOf(SqliteWriterHeld);
    const outsideWrite = await caught(
      sequelize.transaction(async () => {
        await Organisation.create({ name: 'Forgot the transaction', slug: unique('org') });
      }),
    );
    expect(outsideWrite).to.be.instanceOf(SqliteWriterHeld);
    expect(Date.now() - startedAt).to.be.below(2_000);
  });

  it('queues unmanaged transactions too, and lets the next writer in after commit or rollback', async () => {
    const first = await sequelize.transaction();
    await Organisation.create({ name: 'Unmanaged', slug: unique('org') }, { transaction: first });
    const second = sequelize.transaction(async (transaction) => Organisation.create({ name: 'Managed', slug: unique('org') }, { transaction }));
    await first.commit();
    await second;
    const third = await sequelize.transaction();
    await third.rollback();
    await sequelize.transaction(async () => undefined);
  });
});
