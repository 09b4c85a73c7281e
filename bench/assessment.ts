// Bench of assessment's two growing reads: the assessor's queue with 5,000 submitted pieces of evidence from the
// workers they assess, and the progress page of a worker with 10,000 decisions. Prints statements and time of each,
// whether the statement count stays the same as the data grows, and every plan step of the queue.
// Options: --evidence N (5000, spread over --workers N, 10), --decisions N (10000), --runs N (20).
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { assessmentQueue } from '#app/domain/assessment/queue.server.ts';
import { refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AssessmentDecision, AssessmentDecisionEvidence, Evidence, PersonStandard, StandardItem, StandardVersion, WorkerAssessor, sequelize } from '#db/models/index.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createPerson, createStaffedOrganisation } from '#test/factories/index.ts';
import type { BenchContext } from './run.ts';
import { insertEvidence, type ItemRef } from './support/evidence-data.ts';
import { parseBenchOptions } from './support/options.ts';
import { captureSql, explain, percentile, round } from './support/plans.ts';

const OptionsSchema = z.object({
  evidence: z.coerce.number().int().min(100).default(5000),
  workers: z.coerce.number().int().min(1).default(10),
  decisions: z.coerce.number().int().min(10).default(10_000),
  runs: z.coerce.number().int().min(1).default(20),
});

/** The queue's own derived tables (its rows, already narrowed to the assessor's): a scan of them is no table scan. */
const DERIVED = ['q', 'x', '<derived'];

async function measure(call: () => Promise<unknown>, runs: number) {
  queryCounter.count = 0;
  await call();
  const queries = queryCounter.count;
  const timings: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await call();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { queries, ms: { median: round(percentile(timings, 0.5)), p95: round(percentile(timings, 0.95)) } };
}

/** Decisions on one worker's evidence, created one at a time as the domain does (each row is chained), in one transaction. */
async function insertDecisions(worker: { id: number; organisationId: number }, assessorId: number, from: number, to: number) {
  const evidence = await Evidence.findAll({ where: { workerId: worker.id }, attributes: ['id', 'currentRevisionId'], order: [['id', 'ASC']] });
  const links = await sequelize.query<{ revisionId: number; itemId: number }>(
    `SELECT evidence_revision_id AS "revisionId", standard_item_id AS "itemId" FROM evidence_item_links WHERE evidence_revision_id IN (:ids) ORDER BY id`,
    { type: QueryTypes.SELECT, raw: true, replacements: { ids: evidence.map((piece) => piece.currentRevisionId!) } },
  );
  const evidenceOf = new Map(evidence.map((piece) => [piece.currentRevisionId!, piece.id]));
  await sequelize.transaction(async (transaction) => {
    for (let index = from; index < to; index += 1) {
      const link = links[index % links.length]!;
      const outcome = index % 3 === 0 ? 'not_yet_met' : 'met';
      const decision = await AssessmentDecision.create(
        {
          organisationId: worker.organisationId,
          workerId: worker.id,
          standardItemId: Number(link.itemId),
          assessorId,
          outcome,
          method: 'examination_of_work_product',
          feedback: outcome === 'met' ? '' : 'Show how you recorded the change in the care plan.',
          countersignRequired: false,
          answersReviewId: null,
          submissionKey: `bench-decision-${index}`,
        },
        { transaction },
      );
      await AssessmentDecisionEvidence.create(
        { organisationId: worker.organisationId, decisionId: decision.id, evidenceId: evidenceOf.get(Number(link.revisionId))!, evidenceRevisionId: Number(link.revisionId) },
        { transaction },
      );
    }
    await refreshItemStates([worker.id], transaction);
  });
}

export async function run({ db, args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('assessment', OptionsSchema, args);
  const started = performance.now();
  const org = await createStaffedOrganisation();
  const organisationId = org.organisation.id;
  const versions = await saveStandardVersions(contextFor(org.admin), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });
  const versionIds = versions.map((version) => version.standardVersionId);
  const items = await StandardItem.findAll({ where: { standardVersionId: versionIds }, attributes: ['id', 'standardVersionId'], order: [['standardVersionId', 'ASC'], ['position', 'ASC']] });
  const itemsByStandard: ItemRef[][] = versionIds.map((versionId) => items.filter((item) => item.standardVersionId === versionId));

  const assessor = actorFor(await createPerson(organisationId, { roles: ['assessor'] }), ['assessor']);
  const workers = [];
  for (let index = 0; index < options.workers; index += 1) {
    workers.push(actorFor(await createPerson(organisationId, { roles: ['worker'], teamId: org.team.id }), ['worker']));
  }
  // The progress page's worker, judged by someone else, so their evidence is not in the measured queue.
  const judged = org.worker;
  const judge = actorFor(await createPerson(organisationId, { roles: ['assessor'] }), ['assessor']);
  await WorkerAssessor.bulkCreate([
    ...workers.map((worker) => ({ organisationId, workerId: worker.id, assessorId: assessor.id })),
    { organisationId, workerId: judged.id, assessorId: judge.id },
  ]);
  await PersonStandard.bulkCreate(
    [...workers, judged].flatMap((worker) => versionIds.map((standardVersionId) => ({ organisationId, personId: worker.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' }))),
  );

  const queue = () => assessmentQueue(assessor, {}, 1);
  const progress = () => workerProgress(judged, judged.id);
  // Small first, so the statement counts can be compared with the full data: they must not grow.
  await insertEvidence(workers[0]!, itemsByStandard, 0, 10, 4);
  await insertEvidence(judged, itemsByStandard, 0, 500, 4);
  const smallQueue = await measure(queue, 1);
  const smallProgress = await measure(progress, 1);
  await insertDecisions(judged, judge.id, 0, 10);
  const tenDecisions = await measure(progress, 1);

  // The rest of the queue, spread evenly over the workers (the first has its 10 already).
  for (const [index, worker] of workers.entries()) {
    const share = Math.floor(options.evidence / options.workers) + (index < options.evidence % options.workers ? 1 : 0);
    const from = index === 0 ? 10 : 0;
    if (share > from) await insertEvidence(worker, itemsByStandard, from, share, 4);
  }
  const decisionsStarted = performance.now();
  await insertDecisions(judged, judge.id, 10, options.decisions);
  console.log(`${options.decisions} decisions (chained, one at a time) in ${Math.round(performance.now() - decisionsStarted)} ms`);
  if (db === 'mysql') {
    await sequelize.query('ANALYZE TABLE evidence, evidence_revisions, evidence_item_links, assessment_decisions, assessment_decision_evidence, worker_assessors, worker_item_states');
  }
  const decisionCount = await AssessmentDecision.count({ where: { workerId: judged.id } });
  console.log(`data built in ${Math.round(performance.now() - started)} ms: ${options.evidence} pieces in ${assessor.name}'s queue across ${options.workers} workers; ${decisionCount} decisions for the progress page's worker`);

  const standardId = (await StandardVersion.findByPk(versionIds[0]))!.standardId;
  const first = await queue();
  console.log(`queue: ${first.total} waiting, ${first.pageCount} pages, first page ${first.rows.length} rows, oldest ${first.oldestDays} days`);
  const queueFigures = await measure(queue, options.runs);
  const filters = { standardId, type: 'reflective_account' as const };
  const filtered = await measure(() => assessmentQueue(assessor, filters, 1), options.runs);
  const lastPage = await measure(() => assessmentQueue(assessor, {}, first.pageCount), options.runs);
  const progressFigures = await measure(progress, options.runs);
  console.log(`queue first page: ${queueFigures.queries} statements (${smallQueue.queries} at 10 pieces), median ${queueFigures.ms.median} ms, p95 ${queueFigures.ms.p95} ms`);
  console.log(`queue filtered (standard, type): ${filtered.queries} statements, median ${filtered.ms.median} ms; last page: median ${lastPage.ms.median} ms`);
  console.log(`progress page: ${progressFigures.queries} statements with ${decisionCount} decisions (${tenDecisions.queries} with 10, ${smallProgress.queries} with none), median ${progressFigures.ms.median} ms, p95 ${progressFigures.ms.p95} ms` +
    (progressFigures.queries === tenDecisions.queries ? ' (fixed)' : ' (GROWS WITH THE DECISIONS)'));

  const fullScans: string[] = [];
  const sorts: string[] = [];
  const reads = { queue, filtered: () => assessmentQueue(assessor, filters, 1) };
  for (const [name, call] of Object.entries(reads)) {
    console.log(`${name} plans (${db === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'}):`);
    for (const [index, sql] of (await captureSql(call)).entries()) {
      if (!/^SELECT\b/i.test(sql)) continue;
      console.log(`  ${index + 1}. ${sql.replace(/\s+/g, ' ').slice(0, 140)}…`);
      for (const step of await explain(db, sql)) {
        console.log(`       ${step.fullScan ? 'FULL SCAN ' : step.fullIndexScan ? 'FULL INDEX SCAN ' : ''}${step.table}: ${step.access}`);
        const finding = `${step.table} (${name} ${index + 1}: ${step.access})`;
        if (step.fullScan && !DERIVED.some((table) => step.table.includes(table))) fullScans.push(finding);
        if (/TEMP B-TREE|filesort|temporary/i.test(step.access)) sorts.push(finding);
      }
    }
  }
  console.log(fullScans.length ? `full scans: ${fullScans.join('; ')}` : 'no full scans of any table');

  return {
    evidence: first.total,
    decisions: decisionCount,
    queue: { ...queueFigures, queriesWith10Evidence: smallQueue.queries },
    queueFiltered: filtered,
    queueLastPage: lastPage,
    progress: { ...progressFigures, queriesWith10Decisions: tenDecisions.queries, queriesWithoutDecisions: smallProgress.queries },
    queries: queueFigures.queries + progressFigures.queries,
    ms: round(queueFigures.ms.median + progressFigures.ms.median),
    fullScans,
    sorts,
  };
}
