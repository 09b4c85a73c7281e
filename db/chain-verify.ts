// Checks the tamper-evident chain (docs/decisions/029): walks an organisation's entries across every chained table in
// number order, recomputing each hash, and names the first entry that was altered, removed or added behind its back.
import { QueryTypes } from 'sequelize';
import { CHAINED_TABLES, GENESIS_HASH, entryHash, type ChainedTable } from './chain.ts';
import { sequelize } from './models/index.ts';

export type ChainProblem = 'altered' | 'missing' | 'link' | 'duplicate' | 'head' | 'unchained';

/** The first entry that does not hold; table and id are null when the entry the chain head names is not there at all. */
export type ChainBreak = { table: string | null; id: number | null; seq: number | null; problem: ChainProblem; detail: string };

export type ChainReport = {
  /** The organisation's id; 0 for events of no organisation (sign-ins with an unknown email). */
  chainKey: number;
  entries: number;
  head: { seq: number; hash: string } | null;
  broken: ChainBreak | null;
};

type Row = { id: number; seq: number; previousHash: string | null; entryHash: string | null; values: Record<string, unknown> };

/** Rows each table reads at a time: memory stays bounded (tables × batch) however long the chain. */
export const VERIFY_BATCH_SIZE = 1000;

const columnOf = (table: ChainedTable, attribute: string) => table.model.getAttributes()[attribute]?.field ?? attribute;

const ofChain = (chainKey: number) => (chainKey === 0 ? 'organisation_id IS NULL' : 'organisation_id = :chainKey');

/** One table's entries of one chain in number order, read a batch at a time by keyset (the (organisation_id, chain_seq) index). */
class TableCursor {
  private rows: Row[] = [];
  private done = false;
  private after = { seq: 0, id: 0 };

  constructor(
    readonly table: ChainedTable,
    private readonly chainKey: number,
    private readonly upTo: number | null,
    private readonly batchSize: number,
  ) {}

  async peek(): Promise<Row | undefined> {
    if (!this.rows.length && !this.done) await this.fill();
    return this.rows[0];
  }

  take(): Row {
    return this.rows.shift()!;
  }

  private async fill(): Promise<void> {
    const columns = this.table.fields.map((field) => columnOf(this.table, field.name));
    const raw = await sequelize.query<Record<string, unknown>>(
      `SELECT id, chain_seq, previous_hash, entry_hash, ${columns.join(', ')} FROM ${this.table.table}
       WHERE ${ofChain(this.chainKey)} AND (chain_seq > :seq OR (chain_seq = :seq AND id > :id))${this.upTo === null ? '' : ' AND chain_seq <= :upTo'}
       ORDER BY chain_seq, id LIMIT :limit`,
      {
        type: QueryTypes.SELECT,
        replacements: { chainKey: this.chainKey, seq: this.after.seq, id: this.after.id, upTo: this.upTo, limit: this.batchSize },
      },
    );
    if (raw.length < this.batchSize) this.done = true;
    this.rows = raw.map((row) => ({
      id: Number(row.id),
      seq: Number(row.chain_seq),
      previousHash: row.previous_hash as string | null,
      entryHash: row.entry_hash as string | null,
      values: Object.fromEntries(this.table.fields.map((field, index) => [field.name, row[columns[index]!]])),
    }));
    const last = this.rows[this.rows.length - 1];
    if (last) this.after = { seq: last.seq, id: last.id };
  }
}

function hashOf(table: ChainedTable, row: Row): string | null {
  try {
    return entryHash(table, row.seq, row.previousHash ?? '', row.values);
  } catch {
    return null; // a value that no longer parses (a date made unreadable) is an alteration too
  }
}

async function readHead(chainKey: number): Promise<{ seq: number; hash: string } | null> {
  const [head] = await sequelize.query<{ seq: number | string; hash: string }>('SELECT last_seq AS seq, last_hash AS hash FROM chain_heads WHERE chain_key = ?', {
    type: QueryTypes.SELECT,
    replacements: [chainKey],
  });
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/** A row numbered past the head, read in one statement with the head so that an append committing meanwhile is not one. */
async function firstBeyondHead(chainKey: number): Promise<ChainBreak | null> {
  for (const table of CHAINED_TABLES) {
    const [row] = await sequelize.query<{ id: number; seq: number }>(
      `SELECT id, chain_seq AS seq FROM ${table.table}
       WHERE ${ofChain(chainKey)} AND chain_seq > (SELECT last_seq FROM chain_heads WHERE chain_key = :chainKey) ORDER BY chain_seq LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: { chainKey } },
    );
    if (row) {
      const seq = Number(row.seq);
      return { table: table.table, id: Number(row.id), seq, problem: 'head', detail: `entry ${seq} comes after the last entry the chain head records` };
    }
  }
  return null;
}

/** A row with no number: added past the portal (every create is chained) or had its number removed. */
async function firstUnchained(chainKey: number): Promise<ChainBreak | null> {
  for (const table of CHAINED_TABLES) {
    const [row] = await sequelize.query<{ id: number }>(
      `SELECT id FROM ${table.table} WHERE ${ofChain(chainKey)} AND chain_seq IS NULL ORDER BY id LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: { chainKey } },
    );
    if (row) return { table: table.table, id: Number(row.id), seq: null, problem: 'unchained', detail: 'outside the chain: the row has no entry number' };
  }
  return null;
}

/**
 * Walks one chain and returns where it stands. No permission check: the command line and the admin's domain function
 * (app/domain/audit-chain.server.ts, which checks) call it. Reads the head first and the entries up to it, so writers
 * appending meanwhile do not make it fail; a fixed number of statements per batch of entries, never one per entry.
 */
export async function verifyChain(chainKey: number, batchSize = VERIFY_BATCH_SIZE): Promise<ChainReport> {
  const head = await readHead(chainKey);
  const cursors = CHAINED_TABLES.map((table) => new TableCursor(table, chainKey, head?.seq ?? null, batchSize));
  const report = (entries: number, broken: ChainBreak | null): ChainReport => ({ chainKey, entries, head, broken });
  let expected = 1;
  let previousHash = GENESIS_HASH;
  let last: { table: string; id: number } | null = null;
  for (;;) {
    let next: TableCursor | null = null;
    let nextRow: Row | undefined;
    for (const cursor of cursors) {
      const row = await cursor.peek();
      if (row && (!nextRow || row.seq < nextRow.seq)) [next, nextRow] = [cursor, row];
    }
    if (!next || !nextRow) break;
    const row = next.take();
    const at = { table: next.table.table, id: row.id, seq: row.seq };
    if (row.seq < expected) return report(expected - 1, { ...at, problem: 'duplicate', detail: `entry number ${row.seq} is taken twice` });
    if (row.seq > expected) {
      const gap = row.seq - expected === 1 ? `entry ${expected} is` : `entries ${expected} to ${row.seq - 1} are`;
      return report(expected - 1, { ...at, problem: 'missing', detail: `entry missing before it: ${gap} not there` });
    }
    if (row.previousHash !== previousHash) {
      const before = last ? `entry ${expected - 1} (${last.table} ${last.id})` : 'the start of the chain';
      return report(expected - 1, { ...at, problem: 'link', detail: `link broken: its previous hash is not the hash of ${before}` });
    }
    if (hashOf(next.table, row) !== row.entryHash) {
      return report(expected - 1, { ...at, problem: 'altered', detail: 'content altered: its hash does not match what it records' });
    }
    previousHash = row.entryHash!;
    last = { table: at.table, id: row.id };
    expected += 1;
  }
  const entries = expected - 1;
  if (!head) {
    if (entries > 0) return report(entries, { table: last!.table, id: last!.id, seq: entries, problem: 'head', detail: 'the chain has no head recording its last entry' });
  } else if (entries < head.seq) {
    const after = last ? `after entry ${entries} (${last.table} ${last.id})` : 'from the start';
    return report(entries, { table: null, id: null, seq: entries + 1, problem: 'missing', detail: `entries missing ${after}: the chain head records ${head.seq}` });
  } else if (entries > 0 && previousHash !== head.hash) {
    return report(entries, { table: last!.table, id: last!.id, seq: entries, problem: 'head', detail: 'the last entry is not the one the chain head records' });
  }
  const beyond = head ? await firstBeyondHead(chainKey) : null;
  return report(entries, beyond ?? (await firstUnchained(chainKey)));
}

/** Every chain: each organisation's, and chain 0 when there are events of no organisation. */
export async function chainKeys(): Promise<number[]> {
  const rows = await sequelize.query<{ chainKey: number | string }>(
    `SELECT chain_key AS "chainKey" FROM chain_heads
     UNION SELECT id FROM organisations
     UNION SELECT 0 FROM audit_events WHERE organisation_id IS NULL`,
    { type: QueryTypes.SELECT },
  );
  return [...new Set(rows.map((row) => Number(row.chainKey)))].sort((a, b) => a - b);
}

export async function verifyChains(batchSize = VERIFY_BATCH_SIZE): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const key of await chainKeys()) reports.push(await verifyChain(key, batchSize));
  return reports;
}

/** "audit_events 57 (entry 12): content altered: …", for the command line and the admin page. */
export function describeBreak(broken: ChainBreak): string {
  const where = broken.table ? `${broken.table} ${broken.id}${broken.seq === null ? '' : ` (entry ${broken.seq})`}` : `entry ${broken.seq}`;
  return `${where}: ${broken.detail}`;
}
