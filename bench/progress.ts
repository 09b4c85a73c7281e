// Bench of the progress page: a worker with 500 pieces of evidence, 3 standards and 2,000 item links. Builds
// the data through the domain API and the models, then measures the page's domain call, workerProgress: its
// time against the limit (one hand-written statement through the driver, interleaved, checked to agree item by
// item), how many queries one call runs, and whether any of them scans a table.
// Options: --evidence N (500), --links-per-evidence N (4), --runs N (20), --colleagues N (0: other workers of
// the same organisation who hold the same standards and have as much evidence, to see the lookups stay per-worker),
// --other-orgs N (0: other organisations with their own copy of the three standards, so the library is not all theirs).
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { workerProgress } from '#app/domain/progress.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { env } from '#app/utils/env.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { Evidence, EvidenceItemLink, EvidenceRevision, PersonStandard, StandardItem, sequelize } from '#db/models/index.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createOrganisation, createPerson, createStaffedOrganisation } from '#test/factories/index.ts';
import type { BenchContext } from './run.ts';
import { insertEvidence } from './support/evidence-data.ts';
import { parseBenchOptions } from './support/options.ts';
import { captureSql, explain, percentile, round, tableAliases } from './support/plans.ts';
import { openLimit, type LimitItem } from './support/progress-limit.ts';

const OptionsSchema = z.object({
  evidence: z.coerce.number().int().min(1).default(500),
  linksPerEvidence: z.coerce.number().int().min(1).max(20).default(4),
  runs: z.coerce.number().int().min(1).default(20),
  colleagues: z.coerce.number().int().min(0).default(0),
  otherOrgs: z.coerce.number().int().min(0).default(0),
});

/** Tables whose full scan would grow with the worker's evidence or the organisation's library. */
const WATCHED = ['evidence_item_links', 'evidence', 'evidence_revisions', 'standard_items'];

type PageItem = { id: number; state: string; evidenceCount: number; evidence: { id: number }[] };

/** The page and the limit must give the same state, count and latest evidence for every item. */
function assertAgree(page: PageItem[], limit: LimitItem[]) {
  const byId = new Map(limit.map((item) => [item.itemId, item]));
  if (byId.size !== page.length) throw new Error(`The page has ${page.length} items, the hand-written SQL ${byId.size}`);
  for (const item of page) {
    const other = byId.get(item.id);
    const latest = item.evidence.map((evidence) => evidence.id).join(',');
    if (!other || other.state !== item.state || other.evidenceCount !== item.evidenceCount || other.latest.join(',') !== latest) {
      throw new Error(`Item ${item.id} differs: page ${item.state}/${item.evidenceCount}/[${latest}], SQL ${JSON.stringify(other)}`);
    }
  }
}

export async function run({ db, args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('progress', OptionsSchema, args);
  const started = performance.now();

  const org = await createStaffedOrganisation();
  const organisationId = org.organisation.id;
  const versions = await saveStandardVersions(
    contextFor(org.admin),
    SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)),
    { sourceName: 'bench' },
  );
  const versionIds = versions.map((version) => version.standardVersionId);
  for (let index = 0; index < options.otherOrgs; index += 1) {
    const other = await createOrganisation();
    const admin = await createPerson(other.organisation.id, { roles: ['admin'] });
    await saveStandardVersions(contextFor(actorFor(admin, ['admin'])), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });
  }
  const workers = [org.worker];
  for (let index = 0; index < options.colleagues; index += 1) {
    const person = await createPerson(organisationId, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id });
    workers.push(actorFor(person, ['worker']));
  }
  await PersonStandard.bulkCreate(
    workers.flatMap((worker) =>
      versionIds.map((standardVersionId) => ({ organisationId, personId: worker.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' })),
    ),
  );
  const items = await StandardItem.findAll({
    where: { standardVersionId: versionIds },
    attributes: ['id', 'standardVersionId'],
    order: [
      ['standardVersionId', 'ASC'],
      ['position', 'ASC'],
    ],
  });
  const itemsByStandard = versionIds.map((versionId) => items.filter((item) => item.standardVersionId === versionId));
  console.log(`standards: ${versions.map((version) => `${version.urn} v${version.version}`).join(', ')} (${items.length} items)`);

  const worker = org.worker;
  const countQueries = async () => {
    queryCounter.count = 0;
    await workerProgress(worker, worker.id);
    return queryCounter.count;
  };

  // A small portfolio first, so the query count can be compared with the full one: it must not grow.
  const small = Math.min(50, options.evidence);
  await insertEvidence(worker, itemsByStandard, 0, small, options.linksPerEvidence);
  const queriesSmall = await countQueries();
  await insertEvidence(worker, itemsByStandard, small, options.evidence, options.linksPerEvidence);
  for (const colleague of workers.slice(1)) await insertEvidence(colleague, itemsByStandard, 0, options.evidence, options.linksPerEvidence);
  if (db === 'mysql') {
    // What InnoDB's automatic statistics would settle to; without it the plans right after a bulk load vary.
    await sequelize.query('ANALYZE TABLE evidence, evidence_revisions, evidence_item_links, standard_items, person_standards');
  }

  const evidenceCount = await Evidence.count({ where: { workerId: worker.id } });
  const linkCount = await EvidenceItemLink.count({
    include: [{ model: EvidenceRevision, as: 'revision', required: true, attributes: [], include: [{ model: Evidence, as: 'evidence', required: true, attributes: [], where: { workerId: worker.id } }] }],
  });
  console.log(`data built in ${Math.round(performance.now() - started)} ms: ${evidenceCount} evidence, ${linkCount} links for the worker` +
    (options.colleagues ? `, and as much again for each of ${options.colleagues} colleagues` : '') +
    (options.otherOrgs ? `; ${options.otherOrgs} other organisations with their own copy of the standards` : ''));

  // Warm up both, check they agree item by item, then time them interleaved so both see the same machine.
  const limit = await openLimit(env().databaseUrl);
  const progress = await workerProgress(worker, worker.id);
  const mapped = progress.standards.reduce((sum, standard) => sum + standard.items.reduce((count, item) => count + item.evidenceCount, 0), 0);
  console.log(`page check: ${progress.standards.length} standards, ${mapped} evidence mappings across items, ` +
    progress.standards.map((standard) => `${standard.urn} ${standard.covered}/${standard.total} covered`).join(', '));
  if (mapped !== linkCount) throw new Error(`The page counts ${mapped} evidence mappings for ${linkCount} links`);
  assertAgree(progress.standards.flatMap((standard) => standard.items), await limit.query(worker.id));

  const timings: number[] = [];
  const rawTimings: number[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    let start = performance.now();
    await workerProgress(worker, worker.id);
    timings.push(performance.now() - start);
    start = performance.now();
    await limit.query(worker.id);
    rawTimings.push(performance.now() - start);
  }
  await limit.close();
  timings.sort((a, b) => a - b);
  rawTimings.sort((a, b) => a - b);
  const ms = { median: round(percentile(timings, 0.5)), p95: round(percentile(timings, 0.95)) };
  const rawSqlMs = { median: round(percentile(rawTimings, 0.5)), p95: round(percentile(rawTimings, 0.95)) };
  const ratio = round(percentile(timings, 0.5) / percentile(rawTimings, 0.5));
  console.log(`workerProgress: ${options.runs} runs, median ${ms.median} ms, p95 ${ms.p95} ms, min ${round(timings[0]!)} ms, max ${round(timings.at(-1)!)} ms`);
  console.log(`hand-written SQL through the driver: median ${rawSqlMs.median} ms, p95 ${rawSqlMs.p95} ms; ratio ${ratio}`);

  const queries = await countQueries();
  console.log(`queries per call: ${queries} with ${options.evidence} evidence, ${queriesSmall} with ${small} evidence` +
    (queries === queriesSmall ? ' (fixed)' : ' (GROWS WITH THE DATA)'));
  const managerQueries = await (async () => {
    queryCounter.count = 0;
    await workerProgress(org.manager, worker.id);
    return queryCounter.count;
  })();
  console.log(`queries per call as the worker's manager (workers/$workerId page): ${managerQueries}`);

  const statements = await captureSql(() => workerProgress(worker, worker.id));
  const fullScans: string[] = [];
  const otherScans: string[] = [];
  const fullIndexScans: string[] = [];
  console.log(`query plans (${db === 'sqlite' ? 'EXPLAIN QUERY PLAN, no ANALYZE statistics' : 'EXPLAIN'}):`);
  for (const [index, sql] of statements.entries()) {
    if (!/^SELECT\b/i.test(sql)) continue;
    const tables = [...new Set(tableAliases(sql).values())];
    console.log(`  ${index + 1}. ${tables.join(' + ')}: ${sql.length > 160 ? `${sql.slice(0, 160)}…` : sql}`);
    for (const step of await explain(db, sql)) {
      console.log(`       ${step.fullScan ? 'FULL SCAN ' : step.fullIndexScan ? 'FULL INDEX SCAN ' : ''}${step.table}: ${step.access}`);
      const finding = `${step.table} (query ${index + 1}: ${step.access})`;
      if (step.fullIndexScan && WATCHED.includes(step.table)) fullIndexScans.push(finding);
      if (step.fullScan) (WATCHED.includes(step.table) ? fullScans : otherScans).push(finding);
    }
  }
  if (otherScans.length) console.log(`full scans of small tables (not counted): ${otherScans.join('; ')}`);
  if (fullIndexScans.length) console.log(`full index scans (every entry of an index read) of growing tables: ${fullIndexScans.join('; ')}`);
  console.log(fullScans.length ? `full scans of growing tables: ${fullScans.join('; ')}` : 'no full scans of evidence_item_links, evidence, evidence_revisions or standard_items');

  return {
    evidence: evidenceCount,
    links: linkCount,
    standards: versions.length,
    ...(options.colleagues ? { colleagues: options.colleagues } : {}),
    ...(options.otherOrgs ? { otherOrgs: options.otherOrgs } : {}),
    queries,
    queriesWith50Evidence: queriesSmall,
    ms,
    rawSqlMs,
    ratio,
    fullScans,
    fullIndexScans,
  };
}
