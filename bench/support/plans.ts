// Bench support: the SQL one call sends, and what the database's planner does with each statement.
import { QueryTypes } from 'sequelize';
import { sequelize } from '#db/models/index.ts';
import type { BenchContext } from '../run.ts';

/** Runs one call while recording the SQL of every statement it sends. */
export async function captureSql(call: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  sequelize.addHook('afterQuery', 'benchCapture', (_options, query) => {
    const sql = (query as unknown as { sql?: string }).sql;
    if (sql) statements.push(sql.trim().replace(/;$/, ''));
  });
  try {
    await call();
  } finally {
    sequelize.removeHook('afterQuery', 'benchCapture');
  }
  return statements;
}

/** Maps the aliases Sequelize gives tables (`revision->evidence`) back to table names. */
export function tableAliases(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/(?:FROM|JOIN)\s+[`"]([^`"]+)[`"](?:\s+AS\s+[`"]([^`"]+)[`"])?/gi)) {
    aliases.set(match[1]!, match[1]!);
    if (match[2]) aliases.set(match[2], match[1]!);
  }
  return aliases;
}

export type PlanStep = { table: string; access: string; fullScan: boolean; fullIndexScan: boolean };

export async function explain(db: BenchContext['db'], sql: string): Promise<PlanStep[]> {
  const aliases = tableAliases(sql);
  const steps: PlanStep[] = [];
  if (db === 'sqlite') {
    const rows = await sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, { type: QueryTypes.SELECT });
    for (const { detail } of rows) {
      const match = /^(SCAN|SEARCH)\s+(?:TABLE\s+)?(\S+)(?:\s+AS\s+(\S+))?(.*)$/.exec(detail);
      if (!match || match[2] === 'CONSTANT') continue;
      const alias = match[3] ?? match[2]!;
      const table = aliases.get(alias) ?? aliases.get(match[2]!) ?? alias;
      const scan = match[1] === 'SCAN';
      const viaIndex = /\bUSING\b/.test(match[4] ?? '');
      steps.push({ table, access: detail, fullScan: scan && !viaIndex, fullIndexScan: scan && viaIndex });
    }
  } else {
    const rows = await sequelize.query<{ table: string | null; type: string | null; key: string | null; rows: number | null; Extra: string | null }>(
      `EXPLAIN ${sql}`,
      { type: QueryTypes.SELECT },
    );
    for (const row of rows) {
      if (!row.table) continue;
      const table = aliases.get(row.table) ?? row.table;
      steps.push({
        table,
        access: `type=${row.type} key=${row.key ?? '-'} rows=${row.rows ?? '?'}${row.Extra ? ` (${row.Extra})` : ''}`,
        fullScan: row.type === 'ALL',
        fullIndexScan: row.type === 'index',
      });
    }
  }
  return steps;
}

export function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

export const round = (value: number) => Math.round(value * 100) / 100;

