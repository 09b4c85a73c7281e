// Bench support: where one call's time goes. Times every statement Sequelize sends (from the call to the rows back,
// driver and row handling included) and what is left for the JavaScript around them, over several calls.
import { performance } from 'node:perf_hooks';
import { sequelize } from '#db/models/index.ts';
import { percentile, round } from './plans.ts';

export type StatementTime = { statement: string; sql: string; medianMs: number };
export type CallProfile = { medianMs: number; statements: StatementTime[] };

/** The first words of a statement and the tables it reads, enough to tell the statements of one call apart. */
function labelOf(sql: string): string {
  const tables = [...new Set([...sql.matchAll(/(?:FROM|JOIN)\s+[`"]?(\w+)/gi)].map((match) => match[1]!))];
  return `${sql.trim().slice(0, 40).replace(/\s+/g, ' ')}… [${tables.join(', ')}]`;
}

/**
 * Runs `call` `runs` times and gives the median of the whole call and of each of its statements, in the order the
 * call sends them. Statements the call sends together (Promise.all) are run one after the other here, so each time is
 * its own; the call's median is of these serialised calls.
 */
export async function profileCall(call: () => Promise<unknown>, runs: number): Promise<CallProfile> {
  const original = sequelize.query.bind(sequelize);
  const times: number[][] = [];
  const sqls: string[] = [];
  const totals: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let position = 0;
    let previous: Promise<unknown> = Promise.resolve();
    (sequelize as unknown as { query: typeof original }).query = (async (...args: Parameters<typeof original>) => {
      const mine = position++;
      // One at a time, so each time is the statement's own and not its wait behind the others.
      const before = previous;
      let done!: () => void;
      previous = new Promise<void>((resolve) => (done = resolve));
      await before;
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        done();
        (times[mine] ??= []).push(performance.now() - start);
        const sql = args[0];
        sqls[mine] ??= typeof sql === 'string' ? sql : (sql as { query: string }).query;
      }
    }) as typeof original;
    const start = performance.now();
    try {
      await call();
    } finally {
      (sequelize as unknown as { query: typeof original }).query = original;
    }
    totals.push(performance.now() - start);
  }
  const median = (list: number[]) => round(percentile([...list].sort((a, b) => a - b), 0.5));
  return { medianMs: median(totals), statements: sqls.map((sql, index) => ({ statement: labelOf(sql), sql, medianMs: median(times[index]!) })) };
}
