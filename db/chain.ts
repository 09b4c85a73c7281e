// The tamper-evident chain (docs/decisions/029): every row that carries trust is, when created, given the next number
// of its organisation's chain, the hash of the entry before it, and a SHA-256 of its own content and that hash, so a
// row changed or removed behind the portal's back breaks the chain at that row.
import { createHash } from 'node:crypto';
import { QueryTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import { sequelize } from './connection.ts';

/** How a column enters the hash: one canonical text per kind, the same on SQLite and MariaDB. */
export type ChainField = { name: string; kind: 'int' | 'text' | 'bool' | 'date' };

export type ChainedTable = { table: string; model: ModelStatic<Model>; fields: readonly ChainField[] };

/** Every chained table, in the order they were registered; the verifier walks them all. */
export const CHAINED_TABLES: ChainedTable[] = [];

export const GENESIS_HASH = '0'.repeat(64);

type Values = Record<string, unknown>;

function canonical(kind: ChainField['kind'], value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'int':
      return Number(value);
    case 'bool':
      return Boolean(Number(value));
    case 'date':
      return new Date(value as string | Date).toISOString();
    case 'text':
      return String(value);
  }
}

/** The entry's hash: its table, number, the previous hash and each field's canonical value, as one JSON array. */
export function entryHash(table: ChainedTable, seq: number, previousHash: string, values: Values): string {
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
async function takeHead(chainKey: number, transaction: Transaction): Promise<{ seq: number; hash: string }> {
  const insert =
    sequelize.getDialect() === 'mysql'
      ? 'INSERT INTO chain_heads (chain_key, last_seq, last_hash) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE chain_key = chain_key'
      : 'INSERT INTO chain_heads (chain_key, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT (chain_key) DO NOTHING';
  await sequelize.query(insert, { replacements: [chainKey, GENESIS_HASH], transaction });
  const [head] = await sequelize.query<{ seq: number; hash: string }>(
    `SELECT last_seq AS seq, last_hash AS hash FROM chain_heads WHERE chain_key = ?${sequelize.getDialect() === 'mysql' ? ' FOR UPDATE' : ''}`,
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

/**
 * Chains a model's rows: each create (inside a transaction, as every write is) takes the next link. Dates are stored
 * to the second, as MariaDB's DATETIME keeps them, so the hash read back is the hash written. bulkCreate is refused.
 */
export function chainRows(model: ModelStatic<Model>, fields: readonly ChainField[]): void {
  const table: ChainedTable = { table: model.getTableName() as string, model, fields };
  CHAINED_TABLES.push(table);
  model.addHook('beforeCreate', async (instance: Model, options: { transaction?: Transaction | null }) => {
    if (!options.transaction) throw new Error(`${table.table} rows are chained: create them inside a transaction`);
    const values = instance.get() as Values;
    for (const field of fields) {
      if (field.kind === 'date') {
        const date = values[field.name] instanceof Date ? (values[field.name] as Date) : new Date();
        instance.set(field.name, new Date(Math.floor(date.getTime() / 1000) * 1000));
      }
    }
    const chainKey = chainKeyOf(values);
    const head = await takeHead(chainKey, options.transaction);
    const seq = head.seq + 1;
    const hash = entryHash(table, seq, head.hash, instance.get() as Values);
    instance.set({ chainSeq: seq, previousHash: head.hash, entryHash: hash });
    await sequelize.query('UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE chain_key = ?', {
      replacements: [seq, hash, chainKey],
      transaction: options.transaction,
    });
  });
  model.addHook('beforeBulkCreate', () => {
    throw new Error(`${table.table} rows are chained: create them one at a time`);
  });
}
