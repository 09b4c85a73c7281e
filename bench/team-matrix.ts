// Bench of the manager's team page: 200 workers (--workers) in one team holding the three seed standards (246 items),
// 25 pieces of evidence each with four links (20,000 links), 50 assessment decisions each (10,000), supervision
// agreements, development plans and policies for the flags. Measures the page's domain read (teamMatrix) against
// hand-written SQL computing the same matrix through the driver (bench/support/team-matrix-limit.ts), from the summary
// the page reads (the target) and from the projection, interleaved, after checking all three agree cell by cell; and
// the statements of one call against a team of 5.
// Options: --workers N (200), --evidence N (25 per worker), --decisions N (50 per worker), --runs N (20).
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { rebuildItemStates } from '#app/domain/evidence/item-states.server.ts';
import { addPolicy } from '#app/domain/policies.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { teamMatrix } from '#app/domain/team/matrix.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import { env } from '#app/utils/env.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { DevelopmentPlan, DevelopmentPlanVersion, PersonStandard, StandardItem, SupervisionAgreement, Team, sequelize } from '#db/models/index.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createPerson, createStaffedOrganisation, makeManagerOf } from '#test/factories/index.ts';
import type { BenchContext } from './run.ts';
import { insertEvidence } from './support/evidence-data.ts';
import { parseBenchOptions } from './support/options.ts';
import { captureSql, explain, percentile, round } from './support/plans.ts';
import { profileCall } from './support/statement-times.ts';
import { openMatrixLimit, type LimitCell } from './support/team-matrix-limit.ts';

const OptionsSchema = z.object({
  workers: z.coerce.number().int().min(1).default(200),
  evidence: z.coerce.number().int().min(0).default(25),
  decisions: z.coerce.number().int().min(0).default(50),
  runs: z.coerce.number().int().min(1).default(20),
  // --profile 1: also print the median time and the plan of each statement of the page's call, whole standards and drilled.
  profile: z.coerce.number().int().min(0).max(1).default(0),
});

/** Rows inserted as plain SQL, in batches: the bench's data, not what it measures. */
async function insertRows(table: string, columns: string[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += 400) {
    const batch = rows.slice(start, start + 400);
    await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, {
      replacements: batch.flat(),
      type: QueryTypes.INSERT,
    });
  }
}

/** Decisions on the first `count` items each worker has evidence on, four in five met, straight into the table. */
async function insertDecisions(organisationId: number, assessorId: number, workerIds: number[], count: number) {
  if (!count) return;
  const linked = await sequelize.query<{ workerId: number; itemId: number }>(
    `SELECT e.worker_id AS "workerId", l.standard_item_id AS "itemId" FROM evidence e
     JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
     WHERE e.worker_id IN (:workerIds) GROUP BY e.worker_id, l.standard_item_id ORDER BY e.worker_id, l.standard_item_id`,
    { type: QueryTypes.SELECT, replacements: { workerIds } },
  );
  const taken = new Map<number, number>();
  const rows: unknown[][] = [];
  const now = new Date();
  for (const { workerId, itemId } of linked) {
    const n = taken.get(Number(workerId)) ?? 0;
    if (n >= count) continue;
    taken.set(Number(workerId), n + 1);
    const met = rows.length % 5 !== 4;
    rows.push([organisationId, workerId, itemId, assessorId, met ? 'met' : 'not_yet_met', 'observation', met ? '' : 'Show it again.', false, `bench-${workerId}-${itemId}`, now]);
  }
  await insertRows(
    'assessment_decisions',
    ['organisation_id', 'worker_id', 'standard_item_id', 'assessor_id', 'outcome', 'method', 'feedback', 'countersign_required', 'submission_key', 'created_at'],
    rows,
  );
  return rows.length;
}

async function staffed(count: number, evidence: number, decisions: number) {
  const org = await createStaffedOrganisation();
  const versions = await saveStandardVersions(contextFor(org.admin), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });
  const versionIds = versions.map((version) => version.standardVersionId);
  const workers: Actor[] = [org.worker];
  for (let index = 1; index < count; index += 1) {
    workers.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id }), ['worker']));
  }
  // A second, small team under its own manager: the statements of one call must not grow with the team.
  const small = await Team.create({ organisationId: org.organisation.id, name: 'Small team', locationId: org.location.id });
  const smallManager = actorFor(await createPerson(org.organisation.id, { roles: ['manager'], teamId: small.id }), ['manager']);
  await makeManagerOf(smallManager.id, org.organisation.id, { teamId: small.id });
  const smallTeam: Actor[] = [];
  for (let index = 0; index < 5; index += 1) {
    smallTeam.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: small.id, lineSupervisorId: org.supervisor.id }), ['worker']));
  }
  const everyone = [...workers, ...smallTeam];
  await PersonStandard.bulkCreate(
    everyone.flatMap((worker) => versionIds.map((standardVersionId) => ({ organisationId: org.organisation.id, personId: worker.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' }))),
  );
  const items = await StandardItem.findAll({ where: { standardVersionId: versionIds }, attributes: ['id', 'standardVersionId'], order: [['standardVersionId', 'ASC'], ['position', 'ASC']] });
  const itemsByStandard = versionIds.map((versionId) => items.filter((item) => item.standardVersionId === versionId));
  for (const worker of workers) await insertEvidence(worker, itemsByStandard, 0, evidence, 4);
  const assessor = await createPerson(org.organisation.id, { roles: ['assessor'] });
  const decided = await insertDecisions(org.organisation.id, assessor.id, everyone.map((worker) => worker.id), decisions);

  // What the flags read: agreements for half (some long overdue), plans for a third (some stale), two policies
  // acknowledged by every other person.
  const todayDate = today();
  await SupervisionAgreement.bulkCreate(
    everyone.filter((_, index) => index % 2 === 0).map((worker, index) => ({
      organisationId: org.organisation.id,
      workerId: worker.id,
      supervisorId: org.supervisor.id,
      version: 1,
      status: 'active' as const,
      probation: false,
      frequencyWeeks: index % 3 === 0 ? 2 : 8,
      durationMinutes: 60,
      sessionTime: '10:00',
      startsOn: addDays(todayDate, -30),
      place: 'The office',
      confidentiality: 'Confidential.',
      scope: 'Practice.',
      recordKeeping: 'Both agree the record.',
      agreeWithinDays: 7,
      reviewOn: addDays(todayDate, 300),
      createdById: org.supervisor.id,
    })),
  );
  const planned = everyone.filter((_, index) => index % 3 === 0);
  const plans = await DevelopmentPlan.bulkCreate(planned.map((worker) => ({ organisationId: org.organisation.id, workerId: worker.id, strengths: 'Kind.' })));
  await DevelopmentPlanVersion.bulkCreate(
    plans.map((plan, index) => {
      const agreedAt = new Date(Date.now() - (index % 2 ? 250 : 20) * 86_400_000);
      return { organisationId: org.organisation.id, planId: plan.id, versionNumber: 1, content: '{}', proposedById: org.supervisor.id, supervisorId: org.supervisor.id, supervisorAgreedAt: agreedAt, workerAgreedAt: agreedAt, supervisionRecordId: null };
    }),
  );
  for (const title of ['Safeguarding adults', 'Medicines']) {
    await addPolicy(contextFor(org.admin, { ipAddress: 'bench' }), { title, version: '1', adoptedOn: addDays(todayDate, -10), nextReviewOn: addDays(todayDate, 300), body: 'The policy.' });
  }
  const current = await sequelize.query<{ id: number }>('SELECT id FROM policy_versions WHERE organisation_id = :org', { type: QueryTypes.SELECT, replacements: { org: org.organisation.id } });
  await insertRows(
    'policy_acknowledgements',
    ['organisation_id', 'policy_version_id', 'person_id', 'created_at'],
    everyone.filter((_, index) => index % 2 === 1).flatMap((worker) => current.map((version) => [org.organisation.id, version.id, worker.id, new Date()])),
  );
  return { org, workers, smallManager, items, decided: decided ?? 0 };
}

function cellsOfPage(matrix: Awaited<ReturnType<typeof teamMatrix>>): LimitCell[] {
  return matrix.rows.flatMap((row) =>
    row.cells.flatMap((cell, index) => (cell && row.cells.length ? [{ workerId: row.id, urn: matrix.columns[index]!.key, ...cell }] : [])),
  );
}

const key = (cell: LimitCell) => `${cell.workerId}:${cell.urn}`;

export async function run({ db, args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('team-matrix', OptionsSchema, args);
  const started = performance.now();
  const { org, workers, smallManager, items, decided } = await staffed(options.workers, options.evidence, options.decisions);
  const rebuilt = await rebuildItemStates();
  if (db === 'mysql') await sequelize.query('ANALYZE TABLE worker_item_states, worker_section_counts, person_standards, standard_items, people, assessment_decisions');
  const links = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM evidence_item_links', { type: QueryTypes.SELECT });
  console.log(
    `data built in ${Math.round(performance.now() - started)} ms: ${workers.length} workers (and a team of 5) x ${items.length} items, ` +
      `${Number(links[0]!.n)} evidence links, ${decided} decisions, ${rebuilt.rows} projection rows, ${rebuilt.countRows} summary rows`,
  );

  // A fresh actor per call, as per request: nothing memoised carries over from one call to the next.
  const manager = () => ({ ...org.manager });
  const limit = await openMatrixLimit(env().databaseUrl);
  const page = await teamMatrix(manager(), {});
  const fromPage = new Map(cellsOfPage(page).map((cell) => [key(cell), cell]));
  let raw: LimitCell[] = [];
  for (const source of ['summary', 'projection'] as const) {
    raw = await limit.query(source, org.organisation.id, org.manager.id);
    if (fromPage.size !== raw.length) throw new Error(`The page has ${fromPage.size} cells, the limit over the ${source} ${raw.length}`);
    for (const cell of raw) {
      const shown = fromPage.get(key(cell));
      if (JSON.stringify(shown) !== JSON.stringify(cell)) throw new Error(`Cell ${key(cell)}: page ${JSON.stringify(shown)}, limit over the ${source} ${JSON.stringify(cell)}`);
    }
  }
  const flagged = page.rows.filter((row) => row.flagCount > 0).length;
  console.log(`the page and both limits (over the summary, over the projection) agree on ${raw.length} cells; ${page.rows.length} people, ${flagged} with something that needs attention`);

  queryCounter.count = 0;
  await teamMatrix(manager(), {});
  const queries = queryCounter.count;
  queryCounter.count = 0;
  await teamMatrix({ ...smallManager }, {});
  const queriesWith5 = queryCounter.count;
  queryCounter.count = 0;
  await teamMatrix(manager(), { standard: 'ASTH325' });
  const queriesSections = queryCounter.count;

  if (options.profile) {
    for (const [label, query] of [['whole standards', {}], ['drilled into ASTH325', { standard: 'ASTH325' }]] as const) {
      const profile = await profileCall(() => teamMatrix(manager(), query), options.runs);
      const inStatements = profile.statements.reduce((sum, statement) => sum + statement.medianMs, 0);
      console.log(`profile, ${label}: call median ${profile.medianMs} ms, statements ${round(inStatements)} ms, the rest is JavaScript`);
      // The plans of the statements as sent (the profile keeps their text with replacements in place).
      const sent = await captureSql(() => teamMatrix(manager(), query));
      for (const statement of profile.statements) {
        console.log(`  ${String(statement.medianMs).padStart(8)} ms  ${statement.statement}`);
        const sql = sent.find((text) => text.startsWith(statement.sql.trim().slice(0, 60).replace(/:\w+.*$/s, '')));
        for (const step of sql ? await explain(db, sql) : []) console.log(`               ${step.access}`);
      }
    }
  }

  const facts = await limit.page('summary', org.organisation.id, org.manager.id, today());
  if (facts.attention.length !== page.rows.length) throw new Error(`The page has ${page.rows.length} people, the limit's facts ${facts.attention.length}`);
  const policiesAgree = facts.attention.every((row) => Number(row.unacknowledged) === page.rows.find((entry) => entry.id === Number(row.worker_id))!.flags.unacknowledgedPolicies);
  if (!policiesAgree) throw new Error('The page and the limit disagree on unacknowledged policies');

  // Interleaved, each in turn first: the page; the limit for the whole page (cells and the facts beside each
  // person) and for the cells alone, each from the summary the page reads and from the projection.
  const calls = {
    page: () => teamMatrix(manager(), {}),
    raw: () => limit.page('summary', org.organisation.id, org.manager.id, today()),
    cells: () => limit.query('summary', org.organisation.id, org.manager.id),
    projectionRaw: () => limit.page('projection', org.organisation.id, org.manager.id, today()),
    projectionCells: () => limit.query('projection', org.organisation.id, org.manager.id),
  };
  const kinds = Object.keys(calls) as (keyof typeof calls)[];
  const times = Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<keyof typeof calls, number[]>;
  for (let index = 0; index < options.runs; index += 1) {
    for (let turn = 0; turn < kinds.length; turn += 1) {
      const which = kinds[(index + turn) % kinds.length]!;
      const start = performance.now();
      await calls[which]();
      times[which].push(performance.now() - start);
    }
  }
  await limit.close();
  for (const list of Object.values(times)) list.sort((a, b) => a - b);
  const median = Object.fromEntries(kinds.map((kind) => [kind, round(percentile(times[kind], 0.5))])) as Record<keyof typeof calls, number>;
  const ms = median.page;
  const ratioTo = (limitMs: number) => round(ms / limitMs);
  console.log(`page (teamMatrix): median ${ms} ms, p95 ${round(percentile(times.page, 0.95))} ms; ${queries} statements (team of 5: ${queriesWith5}; sections: ${queriesSections})`);
  console.log(`limit over the summary, the page's content (two statements): median ${median.raw} ms, p95 ${round(percentile(times.raw, 0.95))} ms; ratio ${ratioTo(median.raw)}`);
  console.log(`limit over the summary, the cells alone (one statement): median ${median.cells} ms; ratio ${ratioTo(median.cells)}`);
  console.log(`limit over the projection, the page's content: median ${median.projectionRaw} ms; ratio ${ratioTo(median.projectionRaw)}`);
  console.log(`limit over the projection, the cells alone: median ${median.projectionCells} ms; ratio ${ratioTo(median.projectionCells)}`);
  if (queriesWith5 !== queries) console.log(`THE STATEMENTS GROW WITH THE TEAM: ${queriesWith5} for 5, ${queries} for ${workers.length}`);
  return {
    workers: workers.length,
    ms,
    rawSqlMs: median.raw,
    ratio: ratioTo(median.raw),
    queries,
    queriesWith5Workers: queriesWith5,
    cellsOnlyRawSqlMs: median.cells,
    cellsOnlyRatio: ratioTo(median.cells),
    projectionRawSqlMs: median.projectionRaw,
    projectionRatio: ratioTo(median.projectionRaw),
    projectionCellsOnlyRawSqlMs: median.projectionCells,
    projectionCellsOnlyRatio: ratioTo(median.projectionCells),
    items: items.length,
    evidenceLinks: Number(links[0]!.n),
    decisions: decided,
    cells: raw.length,
    p95: round(percentile(times.page, 0.95)),
    summaryRows: rebuilt.countRows,
  };
}
