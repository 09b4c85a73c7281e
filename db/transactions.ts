// The one transaction helper: the portal's Sequelize instance is a PortalSequelize, so every `sequelize.transaction(...)`
// (and every write outside one) gets SQLite's one-writer queue and MariaDB's deadlock retry without its call site knowing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryTypes, Sequelize, type Options, type Transaction, type TransactionOptions } from 'sequelize';
import type { Database as SqliteDatabase } from 'sqlite3';

/** A managed transaction that deadlocks or times out waiting for a lock is re-run from scratch, this many times in all. */
export const RETRY_POLICY = { attempts: 5, baseDelayMs: 20, maxDelayMs: 500 };

/** How long a SQLite connection waits for another process's write lock, and a request for this process's writer slot. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export const WRITER_WAIT_LIMIT_MS = 30_000;

const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);
const RETRYABLE_ERRNOS = new Set([1213, 1205]);
const WRITE_QUERY_TYPES = new Set<string>([
  QueryTypes.INSERT,
  QueryTypes.UPDATE,
  QueryTypes.UPSERT,
  QueryTypes.BULKUPDATE,
  QueryTypes.BULKDELETE,
  QueryTypes.DELETE,
]);

/** A deadlock, a lock wait timeout or a busy SQLite file: the work was undone and may succeed if run again. */
export function isRetryable(error: unknown): boolean {
  // Sequelize wraps the driver's error as `parent`; look a few levels down.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const { code, errno, parent } = current as { code?: unknown; errno?: unknown; parent?: unknown };
    if ((typeof code === 'string' && RETRYABLE_CODES.has(code)) || (typeof errno === 'number' && RETRYABLE_ERRNOS.has(errno))) return true;
    current = parent;
  }
  return false;
}

/** Exponential back-off with jitter, so transactions that collided do not collide again in step. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Thrown at once instead of waiting for ever: SQLite has one writer, and this flow already holds it. */
export class SqliteWriterHeld extends Error {
  constructor(what: string) {
    super(`On SQLite ${what} cannot start while the same request holds a transaction: pass { transaction } to take part in it`);
    this.name = 'SqliteWriterHeld';
  }
}

/** One writer at a time, first come first served; the async context remembers who holds the slot. */
export class WriterQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<{ held: boolean }>();

  constructor(private readonly waitLimitMs = WRITER_WAIT_LIMIT_MS) {}

  /** True inside work that `run` is running and has not finished. */
  heldHere(): boolean {
    return this.holder.getStore()?.held === true;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    const slot = { held: true };
    try {
      return await this.holder.run(slot, work);
    } finally {
      slot.held = false;
      release();
    }
  }

  /** Waits for the slot and returns its release; gives up after the wait limit, leaving the queue intact. */
  async acquire(): Promise<() => void> {
    const previous = this.tail;
    let open!: () => void;
    this.tail = new Promise<void>((resolve) => (open = resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      open();
    };
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.waitLimitMs)));
    const outcome = await Promise.race([previous.then(() => 'ready' as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      // Pass the slot on when our turn comes, so those queued behind us are not stuck.
      void previous.then(release);
      throw new Error(`The database stayed busy for ${this.waitLimitMs / 1000} seconds; try again`);
    }
    return release;
  }
}

type TransactionCallback<T> = (transaction: Transaction) => PromiseLike<T>;

export class PortalSequelize extends Sequelize {
  private readonly writers = new WriterQueue();

  constructor(...args: [Options] | [string, Options]) {
    super(...(args as [string, Options]));
    if (this.getDialect() === 'sqlite') this.prepareEverySqliteConnection();
  }

  /**
   * A managed transaction (with a callback) is re-run from scratch, in a new transaction, after a deadlock or lock wait
   * timeout, a few times with a short jittered pause; on SQLite it first waits its turn as the one writer of this
   * process. A nested transaction (`{ transaction: parent }`) is a savepoint of its parent: no queue, no retry, since
   * the parent is what gets re-run. An unmanaged transaction is queued but cannot be retried.
   */
  override transaction<T>(options: TransactionOptions, autoCallback: TransactionCallback<T>): Promise<T>;
  override transaction<T>(autoCallback: TransactionCallback<T>): Promise<T>;
  override transaction(options?: TransactionOptions): Promise<Transaction>;
  override async transaction<T>(
    optionsOrCallback?: TransactionOptions | TransactionCallback<T>,
    maybeCallback?: TransactionCallback<T>,
  ): Promise<T | Transaction> {
    const [options, callback] = typeof optionsOrCallback === 'function' ? [{}, optionsOrCallback] : [optionsOrCallback ?? {}, maybeCallback];
    if (options.transaction) return callback ? super.transaction(options, callback) : super.transaction(options);
    if (!callback) return this.unmanagedTransaction(options);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.asTheWriter('a transaction', () => super.transaction(options, callback));
      } catch (error) {
        if (attempt >= RETRY_POLICY.attempts || !isRetryable(error)) throw error;
        await sleep(retryDelayMs(attempt));
      }
    }
  }

  /** Writes outside a transaction take the same turn on SQLite; reads never wait. */
  // Sequelize's own signature returns `any`, which an override must keep.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query(sql: string | { query: string; values: unknown[] }, options?: { type?: string; transaction?: Transaction | null }): Promise<any> {
    const queued = this.getDialect() === 'sqlite' && !options?.transaction && WRITE_QUERY_TYPES.has(options?.type ?? '');
    return queued ? this.asTheWriter('a write outside it', () => super.query(sql, options as never)) : super.query(sql, options as never);
  }

  private async asTheWriter<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.getDialect() !== 'sqlite') return work();
    if (this.writers.heldHere()) throw new SqliteWriterHeld(what);
    return this.writers.run(work);
  }

  private async unmanagedTransaction(options: TransactionOptions): Promise<Transaction> {
    if (this.getDialect() !== 'sqlite') return super.transaction(options);
    if (this.writers.heldHere()) throw new SqliteWriterHeld('a transaction');
    const release = await this.writers.acquire();
    try {
      const transaction = await super.transaction(options);
      const { commit, rollback } = transaction;
      transaction.commit = () => commit.call(transaction).finally(release);
      transaction.rollback = () => rollback.call(transaction).finally(release);
      return transaction;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Sequelize opens a SQLite connection per transaction: each waits for other processes' locks and uses the write-ahead log. */
  private prepareEverySqliteConnection(): void {
    const manager = this.connectionManager as unknown as { getConnection(options?: object): Promise<SqliteDatabase> };
    const open = manager.getConnection.bind(manager);
    const prepared = new WeakMap<SqliteDatabase, Promise<void>>();
    manager.getConnection = async (options) => {
      const connection = await open(options);
      let ready = prepared.get(connection);
      if (!ready) {
        connection.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
        ready = new Promise<void>((resolve, reject) => connection.run('PRAGMA journal_mode = WAL', (error) => (error ? reject(error) : resolve())));
        prepared.set(connection, ready);
      }
      await ready;
      return connection;
    };
  }
}
