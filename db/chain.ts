// The tamper-evident chain (docs/decisions/029): every row that carries trust is, when created, given the next number
// of its organisation's chain, the hash of the entry before it, and a SHA-256 of its own content and that hash, so a
// row changed or removed behind the portal's back breaks the chain at that row.
import { createHash } from 'node:crypto';
import { QueryTypes, type Model, type ModelStatic, type SaveOptions, type Sequelize, type Transaction } from 'sequelize';
import { sequelize } from './connection.ts';

/** How a column enters the hash: one canonical text per kind, the same on SQLite and MariaDB. */
export type ChainField = { name: string; kind: 'int' | 'text' | 'bool' | 'date' };

export type ChainedTable = { table: string; model: ModelStatic<Model>; fields: readonly ChainField[] };

/** Every chained table, in the order they were registered; the verifier walks them all. */
export const CHAINED_TABLES: ChainedTable[] = [];

export const GENESIS_HASH = '0'.repeat(64);

type Values = Record<string, unknown>;

// Lone UTF-16 halves cannot be stored: both drivers write U+FFFD, so the hash takes the text as it will read back.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value as the hash sees it, whatever the driver gave: MariaDB's ints may come as strings and its booleans as 0/1,
 * SQLite's dates as text ("2026-12-01 11:36:06.000 +00:00"); dates count to the second, as DATETIME keeps them.
 */
export function canonical(kind: ChainField['kind'], value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'int':
      return Number(value);
    case 'bool':
      return typeof value === 'string' && !/^\d+$/.test(value) ? value === 'true' : Boolean(Number(value));
    case 'date': {
      const time = new Date(value as string | Date).getTime();
      return new Date(Math.floor(time / 1000) * 1000).toISOString();
    }
    case 'text':
      return String(value).replace(LONE_SURROGATE, '\uFFFD');
  }
}

/** The entry's hash: its table, number, the previous hash and each field's canonical value, as one JSON array. */
export function entryHash(table: Pick<ChainedTable, 'table' | 'fields'>, seq: number, previousHash: string, values: Values): string {
  const content = [table.table, seq, previousHash, ...table.fields.map((field) => canonical(field.kind, values[field.name]))];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The chain of an organisation's rows; rows of no organisation (sign-in attempts for unknown emails) share chain 0. */
export function chainKeyOf(values: Values): number {
  return values.organisationId === null || values.organisationId === undefined ? 0 : Number(values.organisationId);
}

/**
 * Takes the organisation's chain head for this transaction (locked on MariaDB until it commits, so two writers append
 * one after the other and never fork the chain; SQLite has one writer at a time) and returns where it stands.
 */
export async function takeHead(chainKey: number, transaction: Transaction, db: Sequelize = sequelize): Promise<{ seq: number; hash: string }> {
  const mysql = db.getDialect() === 'mysql';
  const insert = mysql
    ? 'INSERT INTO chain_heads (chain_key, last_seq, last_hash) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE chain_key = chain_key'
    : 'INSERT INTO chain_heads (chain_key, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT (chain_key) DO NOTHING';
  await db.query(insert, { replacements: [chainKey, GENESIS_HASH], transaction });
  const [head] = await db.query<{ seq: number; hash: string }>(
    `SELECT last_seq AS seq, last_hash AS hash FROM chain_heads WHERE chain_key = ?${mysql ? ' FOR UPDATE' : ''}`,
    { type: QueryTypes.SELECT, replacements: [chainKey], transaction },
  );
  return { seq: Number(head!.seq), hash: head!.hash };
}

/** Locks the organisation's chain for the rest of the transaction: a write takes it first, before any other lock. */
export async function lockChain(organisationId: number | null, transaction: Transaction): Promise<void> {
  await takeHead(chainKeyOf({ organisationId }), transaction);
}

/** The columns every chained model declares. */
export type ChainColumns = { chainSeq: number | null; previousHash: string | null; entryHash: string | null };

/** Chained rows of one transaction (and its savepoints) are created one after the other, or two would take one number. */
const appending = new WeakMap<Transaction, Promise<unknown>>();

function inTurn<T>(transaction: Transaction | null | undefined, work: () => Promise<T>): Promise<T> {
  if (!transaction) return work();
  let root = transaction;
  while ((root as { parent?: Transaction }).parent) root = (root as { parent?: Transaction }).parent!;
  const turn = (appending.get(root) ?? Promise.resolve()).then(work);
  appending.set(root, turn.catch(() => undefined));
  return turn;
}

const CHAIN_ATTRIBUTES = ['chainSeq', 'previousHash', 'entryHash'];

/**
 * Chains a model's rows: each create (inside a transaction, as every write is) takes the next link. Dates are stored
 * to the second, as MariaDB's DATETIME keeps them, so the hash read back is the hash written. The head moves only once
 * the row is inserted, so an insert that fails (a duplicate caught by its caller) leaves the chain as it was; creates in
 * one transaction take turns. bulkCreate is refused, and a chained row's hooks must not create another chained row.
 */
export function chainRows(model: ModelStatic<Model>, fields: readonly ChainField[]): void {
  const table: ChainedTable = { table: model.getTableName() as string, model, fields };
  CHAINED_TABLES.push(table);
  const createdAt = (model as unknown as { _timestampAttributes: { createdAt?: string } })._timestampAttributes.createdAt;

  const save = model.prototype.save;
  model.prototype.save = function (this: Model, options?: SaveOptions) {
    return this.isNewRecord ? inTurn(options?.transaction, () => save.call(this, options)) : save.call(this, options);
  } as typeof save;

  model.addHook('beforeCreate', async (instance: Model, options: { transaction?: Transaction | null; fields?: string[] }) => {
    if (!options.transaction) throw new Error(`${table.table} rows are chained: create them inside a transaction`);
    const values = instance.get() as Values;
    for (const field of fields) {
      if (field.kind !== 'date') continue;
      const value = values[field.name];
      if (value instanceof Date) instance.set(field.name, new Date(Math.floor(value.getTime() / 1000) * 1000));
      else if ((value === null || value === undefined) && field.name === createdAt) instance.set(field.name, new Date(Math.floor(Date.now() / 1000) * 1000));
    }
    const head = await takeHead(chainKeyOf(values), options.transaction);
    const seq = head.seq + 1;
    const hash = entryHash(table, seq, head.hash, instance.get() as Values);
    instance.set({ chainSeq: seq, previousHash: head.hash, entryHash: hash });
    // A create given a list of fields still writes the chain's columns.
    if (options.fields) for (const name of CHAIN_ATTRIBUTES) if (!options.fields.includes(name)) options.fields.push(name);
  });
  model.addHook('afterCreate', async (instance: Model, options: { transaction?: Transaction | null }) => {
    const values = instance.get() as Values;
    await sequelize.query('UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE chain_key = ?', {
      replacements: [values.chainSeq, values.entryHash, chainKeyOf(values)],
      transaction: options.transaction,
    });
  });
  model.addHook('beforeBulkCreate', () => {
    throw new Error(`${table.table} rows are chained: create them one at a time`);
  });
}
