// Bench of the team matrix's read: 200 workers holding the three seed standards (246 items each), with evidence
// on part of their items, read through the item-state projection for all of them at once, dense (every held item)
// and sparse (only the items something has happened to). Prints the time, the statements per read, and each plan:
// the sparse form must use the projection's (worker_id, standard_item_id) index with no temporary table and no sort.
// Options: --workers N (200), --evidence N (20 pieces per worker), --others N (200: workers of another organisation
// with as much evidence, so the projection is shared as in production), --runs N (10).
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { itemStates, mappedItemStates, rebuildItemStates } from '#app/domain/evidence/item-states.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { PersonStandard, StandardItem } from '#db/models/index.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createPerson, createStaffedOrganisation } from '#test/factories/index.ts';
import type { BenchContext } from './run.ts';
import { insertEvidence } from './support/evidence-data.ts';
import { parseBenchOptions } from './support/options.ts';
import { captureSql, explain, percentile, round } from './support/plans.ts';

const OptionsSchema = z.object({
  workers: z.coerce.number().int().min(1).default(200),
  evidence: z.coerce.number().int().min(0).default(20),
  others: z.coerce.number().int().min(0).default(200),
  runs: z.coerce.number().int().min(1).default(10),
});

async function timed(runs: number, call: () => Promise<unknown>) {
  await call();
  const timings: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await call();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { median: round(percentile(timings, 0.5)), p95: round(percentile(timings, 0.95)) };
}

/** The plan of every statement one call sends, and whether any step sorts or builds a temporary table. */
async function plansOf(db: BenchContext['db'], call: () => Promise<unknown>) {
  const steps = [];
  for (const sql of (await captureSql(call)).filter((statement) => /^SELECT\b/i.test(statement))) steps.push(...(await explain(db, sql)));
  const sorts = steps.filter((step) => /filesort|temporary|TEMP B-TREE/i.test(step.access)).map((step) => `${step.table}: ${step.access}`);
  return { steps: steps.map((step) => `${step.table}: ${step.access}`), sorts };
}

/** An organisation whose `count` workers hold the three seed standards, each with `evidence` pieces on them. */
async function staffedWithEvidence(count: number, evidence: number) {
  const org = await createStaffedOrganisation();
  const versions = await saveStandardVersions(contextFor(org.admin), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });
  const versionIds = versions.map((version) => version.standardVersionId);
  const workers = [org.worker];
  for (let index = 1; index < count; index += 1) {
    workers.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id }), ['worker']));
  }
  await PersonStandard.bulkCreate(
    workers.flatMap((worker) =>
      versionIds.map((standardVersionId) => ({ organisationId: org.organisation.id, personId: worker.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' })),
    ),
  );
  const items = await StandardItem.findAll({ where: { standardVersionId: versionIds }, attributes: ['id', 'standardVersionId'], order: [['standardVersionId', 'ASC'], ['position', 'ASC']] });
  const itemsByStandard = versionIds.map((versionId) => items.filter((item) => item.standardVersionId === versionId));
  for (const worker of workers) await insertEvidence(worker, itemsByStandard, 0, evidence, 4);
  return { workers, versionIds, items };
}

export async function run({ db, args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('matrix', OptionsSchema, args);
  const started = performance.now();
  const { workers, versionIds, items } = await staffedWithEvidence(options.workers, options.evidence);
  if (options.others) await staffedWithEvidence(options.others, options.evidence);
  // The evidence went in as rows, not through the domain API: the projection is rebuilt from them, as after an import.
  const rebuilt = await rebuildItemStates();
  if (db === 'mysql') await (await import('#db/models/index.ts')).sequelize.query('ANALYZE TABLE worker_item_states, person_standards, standard_items');
  console.log(`data built in ${Math.round(performance.now() - started)} ms: ${workers.length} workers x ${items.length} items` +
    `${options.others ? `, and ${options.others} workers of another organisation` : ''}; ${rebuilt.rows} projection rows in all`);

  const workerIds = workers.map((worker) => worker.id);
  const dense = await itemStates(workerIds, versionIds);
  const sparse = await mappedItemStates(workerIds);
  const denseCells = [...dense.values()].reduce((sum, byItem) => sum + byItem.size, 0);
  const sparseCells = [...sparse.values()].reduce((sum, byItem) => sum + byItem.size, 0);
  const mappedInDense = [...dense.values()].reduce((sum, byItem) => sum + [...byItem.values()].filter((entry) => entry.state !== 'none').length, 0);
  if (mappedInDense !== sparseCells) throw new Error(`The dense form has ${mappedInDense} mapped cells, the sparse form ${sparseCells}`);
  console.log(`cells: dense ${denseCells}, sparse ${sparseCells}`);

  queryCounter.count = 0;
  await mappedItemStates(workerIds);
  const sparseQueries = queryCounter.count;
  queryCounter.count = 0;
  await itemStates(workerIds, versionIds);
  const denseQueries = queryCounter.count;

  const denseMs = await timed(options.runs, () => itemStates(workerIds, versionIds));
  const sparseMs = await timed(options.runs, () => mappedItemStates(workerIds));
  const densePlan = await plansOf(db, () => itemStates(workerIds, versionIds));
  const sparsePlan = await plansOf(db, () => mappedItemStates(workerIds));
  console.log(`dense (itemStates): ${denseQueries} statement(s), median ${denseMs.median} ms, p95 ${denseMs.p95} ms`);
  for (const step of densePlan.steps) console.log(`    ${step}`);
  console.log(`sparse (mappedItemStates): ${sparseQueries} statement(s), median ${sparseMs.median} ms, p95 ${sparseMs.p95} ms`);
  for (const step of sparsePlan.steps) console.log(`    ${step}`);
  console.log(sparsePlan.sorts.length ? `the sparse form SORTS: ${sparsePlan.sorts.join('; ')}` : 'the sparse form: no temporary table, no sort');
  return {
    workers: workers.length,
    others: options.others,
    items: items.length,
    denseCells,
    sparseCells,
    dense: { queries: denseQueries, ms: denseMs, sorts: densePlan.sorts },
    sparse: { queries: sparseQueries, ms: sparseMs, sorts: sparsePlan.sorts },
  };
}
