// The current-state projection of competence (docs/decisions/023): where each item stands for each worker, kept in
// worker_item_states by the writes that change it, and read for many workers at once by itemStates.
import { QueryTypes, type Transaction } from 'sequelize';
import { dialect } from '#db/connection.ts';
import { WorkerItemState, WorkerSectionCount, sequelize } from '#db/models/index.ts';
import { decidedState, type LatestDecision } from '../assessment/decided-state.ts';
import { EVIDENCE_STATUS, type ItemState } from '../evidence-types.ts';
import { heldStandardsOf } from './internal/held-items.server.ts';
import { keepSectionCounts, sectionCountsOf, type ItemPlace } from './section-counts.server.ts';

/** `decisionId`: the latest assessment decision on the item, whether or not it sets the state yet (awaiting countersign, challenged). */
export type WorkerItem = { state: ItemState; evidenceCount: number; submittedCount: number; decisionId: number | null };
type Projected = WorkerItem & { organisationId: number };

const NONE: WorkerItem = { state: 'none', evidenceCount: 0, submittedCount: 0, decisionId: null };

type StoredStateColumns = { state: ItemState; evidenceCount: number | string; submittedCount: number | string; decisionId: number | string | null };

function toWorkerItem(row: StoredStateColumns): WorkerItem {
  return {
    state: row.state,
    evidenceCount: Number(row.evidenceCount),
    submittedCount: Number(row.submittedCount),
    decisionId: row.decisionId === null ? null : Number(row.decisionId),
  };
}

const STATES_SQL = `
SELECT ps.person_id AS "workerId", i.id AS "itemId", w.state, w.evidence_count AS "evidenceCount", w.submitted_count AS "submittedCount",
       w.decision_id AS "decisionId"
FROM person_standards ps
JOIN standard_items i ON i.standard_version_id = ps.standard_version_id
LEFT JOIN worker_item_states w ON w.worker_id = ps.person_id AND w.standard_item_id = i.id
WHERE ps.person_id IN (:workerIds) AND ps.standard_version_id IN (:standardVersionIds)
ORDER BY ps.person_id, ps.id, i.position`;

/**
 * Per worker, every item of the given standard versions that they hold, with its state and evidence count, in one
 * statement however many workers and items; items of versions a worker does not hold are not in their map. Unchecked:
 * the caller has already decided the actor may read these workers' evidence (relationships.server.ts).
 */
export async function itemStates(workerIds: number[], standardVersionIds: number[]): Promise<Map<number, Map<number, WorkerItem>>> {
  const byWorker = new Map<number, Map<number, WorkerItem>>(workerIds.map((id) => [id, new Map()]));
  if (!workerIds.length || !standardVersionIds.length) return byWorker;
  const rows = await sequelize.query<{
    workerId: number;
    itemId: number;
    state: ItemState | null;
    evidenceCount: number | null;
    submittedCount: number | null;
    decisionId: number | null;
  }>(
    STATES_SQL,
    { type: QueryTypes.SELECT, raw: true, replacements: { workerIds, standardVersionIds } },
  );
  for (const row of rows) {
    byWorker.get(Number(row.workerId))!.set(
      Number(row.itemId),
      row.state === null ? NONE : toWorkerItem(row as StoredStateColumns),
    );
  }
  return byWorker;
}

const MAPPED_SQL = `
SELECT worker_id AS "workerId", standard_item_id AS "itemId", state, evidence_count AS "evidenceCount", submitted_count AS "submittedCount",
       decision_id AS "decisionId"
FROM worker_item_states
WHERE worker_id IN (:workerIds)`;

/**
 * The sparse form for many workers (the team matrix): only the items something has happened to, through the unique
 * (worker_id, standard_item_id) index and in no particular order (the caller keys them), so the database neither
 * sorts nor builds a temporary table; an item missing from a worker's map is `none`. Unchecked, like itemStates.
 */
export async function mappedItemStates(workerIds: number[]): Promise<Map<number, Map<number, WorkerItem>>> {
  const byWorker = new Map<number, Map<number, WorkerItem>>(workerIds.map((id) => [id, new Map()]));
  if (!workerIds.length) return byWorker;
  const rows = await sequelize.query<StoredStateColumns & { workerId: number; itemId: number }>(
    MAPPED_SQL,
    { type: QueryTypes.SELECT, raw: true, replacements: { workerIds } },
  );
  for (const row of rows) {
    byWorker.get(Number(row.workerId))!.set(Number(row.itemId), toWorkerItem(row));
  }
  return byWorker;
}

const COUNTS_SQL = `
SELECT e.worker_id AS "workerId", e.organisation_id AS "organisationId", l.standard_item_id AS "itemId",
       COUNT(*) AS "evidenceCount", SUM(CASE WHEN e.status <> '${EVIDENCE_STATUS.draft}' THEN 1 ELSE 0 END) AS "submittedCount"
FROM evidence e
JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
WHERE e.worker_id IN (:workerIds)
GROUP BY e.worker_id, e.organisation_id, l.standard_item_id`;

// The latest decision on each item of these workers, with its IQA review: through (worker_id, standard_item_id, id).
const DECISIONS_SQL = `
SELECT d.worker_id AS "workerId", d.organisation_id AS "organisationId", d.standard_item_id AS "itemId", d.id, d.outcome,
       d.countersign_required AS "countersignRequired", r.outcome AS "review"
FROM assessment_decisions d
LEFT JOIN iqa_reviews r ON r.decision_id = d.id
WHERE d.worker_id IN (:workerIds)
  AND d.id = (SELECT MAX(latest.id) FROM assessment_decisions latest
              WHERE latest.worker_id = d.worker_id AND latest.standard_item_id = d.standard_item_id)`;

const PREVIOUS_SQL = `SELECT id, previous_item_id AS "previousItemId" FROM standard_items WHERE id IN (:ids)`;

/** previous_item_id of every earlier version of the given items, one query per version step (usually none). */
async function ancestry(items: { id: number; previousItemId: number | null }[], transaction?: Transaction): Promise<Map<number, number | null>> {
  const previousOf = new Map<number, number | null>(items.map((item) => [item.id, item.previousItemId]));
  let unknown = [...new Set(items.flatMap((item) => (item.previousItemId !== null && !previousOf.has(item.previousItemId) ? [item.previousItemId] : [])))];
  while (unknown.length) {
    const rows = await sequelize.query<{ id: number; previousItemId: number | null }>(PREVIOUS_SQL, {
      type: QueryTypes.SELECT,
      raw: true,
      replacements: { ids: unknown },
      transaction,
    });
    for (const row of rows) previousOf.set(Number(row.id), row.previousItemId === null ? null : Number(row.previousItemId));
    unknown = [...new Set(rows.flatMap((row) => (row.previousItemId !== null && !previousOf.has(Number(row.previousItemId)) ? [Number(row.previousItemId)] : [])))];
  }
  return previousOf;
}

/**
 * Which held item each earlier item's evidence counts for, by the rule of the progress page (predecessorsOf in
 * held-items.server.ts): walking back one version step at a time from the held items, the first claim wins.
 */
function carriedInto(held: { id: number; previousItemId: number | null }[], previousOf: Map<number, number | null>): Map<number, number> {
  const becomes = new Map<number, number>();
  let step = held;
  let current = new Map(held.map((item) => [item.id, item.id]));
  while (step.length) {
    const next = new Map<number, number>();
    for (const item of step) {
      if (item.previousItemId === null || becomes.has(item.previousItemId)) continue;
      becomes.set(item.previousItemId, current.get(item.id)!);
      next.set(item.previousItemId, current.get(item.id)!);
    }
    step = [...next.keys()].sort((a, b) => a - b).map((id) => ({ id, previousItemId: previousOf.get(id) ?? null }));
    current = next;
  }
  return becomes;
}

/**
 * Recomputes the projection of these workers from the source rows (evidence, current revisions' links, the versions
 * they hold), as the transaction sees them: per worker, the held items with any evidence behind them.
 */
export async function computeItemStates(workerIds: number[], transaction?: Transaction): Promise<Map<number, Map<number, Projected>>> {
  return (await projectItemStates(workerIds, transaction)).byWorker;
}

/** computeItemStates with, for the summary, the version and section of every held item. */
async function projectItemStates(workerIds: number[], transaction?: Transaction) {
  const byWorker = new Map<number, Map<number, Projected>>(workerIds.map((id) => [id, new Map()]));
  const placeOf = new Map<number, ItemPlace>();
  if (!workerIds.length) return { byWorker, placeOf };
  const [held, counts, decisions] = await Promise.all([
    heldStandardsOf(workerIds, transaction),
    sequelize.query<{ workerId: number; organisationId: number; itemId: number; evidenceCount: number | string; submittedCount: number | string }>(
      COUNTS_SQL,
      { type: QueryTypes.SELECT, raw: true, replacements: { workerIds }, transaction },
    ),
    sequelize.query<LatestDecision & { workerId: number; organisationId: number; itemId: number }>(DECISIONS_SQL, {
      type: QueryTypes.SELECT,
      raw: true,
      replacements: { workerIds },
      transaction,
    }),
  ]);
  const previousOf = await ancestry([...held.values()].flatMap((standards) => standards.flatMap((standard) => standard.items)), transaction);
  const countsByWorker = new Map<number, typeof counts>();
  for (const row of counts) {
    const list = countsByWorker.get(Number(row.workerId)) ?? [];
    list.push(row);
    countsByWorker.set(Number(row.workerId), list);
  }
  const decisionsByWorker = new Map<number, typeof decisions>();
  for (const row of decisions) {
    const list = decisionsByWorker.get(Number(row.workerId)) ?? [];
    list.push(row);
    decisionsByWorker.set(Number(row.workerId), list);
  }
  for (const [workerId, standards] of held) {
    for (const standard of standards) {
      for (const item of standard.items) placeOf.set(item.id, { standardVersionId: standard.standardVersionId, section: item.section });
    }
    const items = standards.flatMap((standard) => standard.items);
    const heldIds = new Set(items.map((item) => item.id));
    const becomes = carriedInto(items, previousOf);
    const projected = byWorker.get(workerId)!;
    for (const row of countsByWorker.get(workerId) ?? []) {
      const itemId = becomes.get(Number(row.itemId)) ?? Number(row.itemId);
      if (!heldIds.has(itemId)) continue;
      const entry = projected.get(itemId) ?? { organisationId: Number(row.organisationId), state: 'none', evidenceCount: 0, submittedCount: 0, decisionId: null };
      entry.evidenceCount += Number(row.evidenceCount);
      entry.submittedCount += Number(row.submittedCount);
      projected.set(itemId, entry);
    }
    // Evidence gives mapped or submitted (submitted outranks a draft mapping); the latest decision, once it counts, decides.
    for (const entry of projected.values()) entry.state = entry.submittedCount > 0 ? 'submitted' : 'mapped';
    const latest = new Map<number, LatestDecision & { organisationId: number }>();
    for (const row of decisionsByWorker.get(workerId) ?? []) {
      const itemId = becomes.get(Number(row.itemId)) ?? Number(row.itemId);
      if (!heldIds.has(itemId)) continue;
      const known = latest.get(itemId);
      if (!known || Number(row.id) > Number(known.id)) latest.set(itemId, row);
    }
    for (const [itemId, decision] of latest) {
      const entry = projected.get(itemId) ?? { organisationId: Number(decision.organisationId), state: 'none', evidenceCount: 0, submittedCount: 0, decisionId: null };
      entry.decisionId = Number(decision.id);
      entry.state = decidedState(decision) ?? (entry.evidenceCount === 0 ? 'none' : entry.state);
      projected.set(itemId, entry);
    }
  }
  return { byWorker, placeOf };
}

/**
 * On MariaDB, this write's snapshot was taken before another write for the same worker committed its refresh, so a
 * recomputation here would undo that one. It carries InnoDB's deadlock code: the transaction helper re-runs the
 * whole write from scratch, as after a deadlock (docs/decisions/008).
 */
export class ItemStatesOutdated extends Error {
  readonly code = 'ER_LOCK_DEADLOCK';
  constructor() {
    super('The item states changed while this write was running; it is run again');
  }
}

type StoredRow = { id: number; workerId: number; itemId: number; state: string; evidenceCount: number; submittedCount: number; decisionId: number | null };
const STORED_SQL = `
SELECT id, worker_id AS "workerId", standard_item_id AS "itemId", state, evidence_count AS "evidenceCount", submitted_count AS "submittedCount",
       decision_id AS "decisionId"
FROM worker_item_states WHERE worker_id IN (:workerIds) ORDER BY id`;

async function storedRows(workerIds: number[], transaction: Transaction, forUpdate = false): Promise<StoredRow[]> {
  const rows = await sequelize.query<StoredRow>(`${STORED_SQL}${forUpdate ? ' FOR UPDATE' : ''}`, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds },
    transaction,
  });
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    workerId: Number(row.workerId),
    itemId: Number(row.itemId),
    evidenceCount: Number(row.evidenceCount),
    submittedCount: Number(row.submittedCount),
    decisionId: row.decisionId === null ? null : Number(row.decisionId),
  }));
}

/** Projection rows removed and written, and the same for the summary rows (worker_section_counts). */
export type RefreshResult = { removed: number; written: number; countsRemoved: number; countsWritten: number };

/**
 * Brings these workers' item states (and their summary, worker_section_counts) up to date inside the transaction that changed their evidence or the versions they
 * hold, just before it commits: only rows whose state or counts changed are deleted and written again. On SQLite the
 * transaction is the only writer, so what it reads is current. On MariaDB a per-worker lock row makes two refreshes of
 * one worker take turns, and a write whose snapshot is older than the other's commit is re-run (ItemStatesOutdated).
 */
export async function refreshItemStates(workerIds: number[], transaction: Transaction): Promise<RefreshResult> {
  const ids = [...new Set(workerIds)].sort((a, b) => a - b);
  if (!ids.length) return { removed: 0, written: 0, countsRemoved: 0, countsWritten: 0 };
  let existing: StoredRow[];
  if (dialect() === 'mysql') {
    await sequelize.query(
      `INSERT INTO worker_item_state_locks (worker_id, refreshed_at) VALUES ${ids.map(() => '(?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE refreshed_at = VALUES(refreshed_at)`,
      { replacements: ids.flatMap((id) => [id, new Date()]), transaction },
    );
    // Read with the lock held: the first plain read of a transaction takes its snapshot, so a write that had not read
    // yet sees the other's commit; one that had read before sees less than the locking read and must run again.
    existing = await storedRows(ids, transaction);
    const current = await storedRows(ids, transaction, true);
    if (JSON.stringify(existing) !== JSON.stringify(current)) throw new ItemStatesOutdated();
  } else {
    existing = await storedRows(ids, transaction);
  }
  const { byWorker: computed, placeOf } = await projectItemStates(ids, transaction);
  const stale: number[] = [];
  const kept = new Set<string>();
  for (const row of existing) {
    const next = computed.get(row.workerId)?.get(row.itemId);
    if (
      next &&
      next.state === row.state &&
      next.evidenceCount === row.evidenceCount &&
      next.submittedCount === row.submittedCount &&
      next.decisionId === row.decisionId
    ) {
      kept.add(`${row.workerId}:${row.itemId}`);
    } else {
      stale.push(row.id);
    }
  }
  const fresh = [...computed].flatMap(([workerId, items]) =>
    [...items].filter(([itemId]) => !kept.has(`${workerId}:${itemId}`)).map(([standardItemId, entry]) => ({ workerId, standardItemId, ...entry })),
  );
  if (stale.length) await WorkerItemState.destroy({ where: { id: stale }, transaction });
  if (fresh.length) await WorkerItemState.bulkCreate(fresh, { transaction });
  // The summary the team matrix reads, from the same computation, in the same transaction (docs/decisions/036).
  const counts = await keepSectionCounts(ids, sectionCountsOf(computed, placeOf), transaction);
  return { removed: stale.length, written: fresh.length, countsRemoved: counts.removed, countsWritten: counts.written };
}

/** How many workers a rebuild recomputes per transaction: a few statements each, whatever their evidence. */
export const REBUILD_BATCH = 200;

/**
 * Recomputes the whole projection and its summary from the source rows, one transaction per batch of people, and
 * reports the rows it removed and wrote (none when every write kept them up to date). For after a restore, or a change to the rules.
 */
export async function rebuildItemStates(): Promise<RefreshResult & { workers: number; rows: number; countRows: number }> {
  const people = await sequelize.query<{ id: number }>(
    `SELECT id FROM people UNION SELECT worker_id AS id FROM worker_item_states UNION SELECT worker_id AS id FROM worker_section_counts ORDER BY id`,
    { type: QueryTypes.SELECT, raw: true },
  );
  const ids = people.map((row) => Number(row.id));
  const total: RefreshResult = { removed: 0, written: 0, countsRemoved: 0, countsWritten: 0 };
  for (let start = 0; start < ids.length; start += REBUILD_BATCH) {
    const batch = ids.slice(start, start + REBUILD_BATCH);
    const result = await sequelize.transaction((transaction) => refreshItemStates(batch, transaction));
    for (const key of Object.keys(total) as (keyof RefreshResult)[]) total[key] += result[key];
  }
  return { workers: ids.length, rows: await WorkerItemState.count(), countRows: await WorkerSectionCount.count(), ...total };
}
