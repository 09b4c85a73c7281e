// The summary of the item-state projection that pages across a team read (docs/decisions/036): per worker, held
// standard version and section, the items met, not yet met, submitted and mapped. Derived only from the projection
// refreshItemStates has just computed, and written in the same transaction, so it never disagrees with
// worker_item_states; a section with nothing has no row.
import { QueryTypes, type Transaction } from 'sequelize';
import { WorkerSectionCount, sequelize } from '#db/models/index.ts';
import type { ItemState } from '../evidence-types.ts';

export type StateCounts = { met: number; notYetMet: number; submitted: number; mapped: number };
/** Where an item sits: the held version and the section heading the summary counts it under. */
export type ItemPlace = { standardVersionId: number; section: string };
type CountRow = StateCounts & { organisationId: number; workerId: number; standardVersionId: number; section: string };

const COLUMN_OF: Partial<Record<ItemState, keyof StateCounts>> = { met: 'met', not_yet_met: 'notYetMet', submitted: 'submitted', mapped: 'mapped' };
const keyOf = (row: { workerId: number; standardVersionId: number; section: string }) => `${row.workerId}\u0000${row.standardVersionId}\u0000${row.section}`;

/** The summary rows of these projected states: one per worker, version and section with any item not `none`. */
export function sectionCountsOf(
  projected: Map<number, Map<number, { organisationId: number; state: ItemState }>>,
  placeOf: Map<number, ItemPlace>,
): Map<string, CountRow> {
  const rows = new Map<string, CountRow>();
  for (const [workerId, items] of projected) {
    for (const [itemId, entry] of items) {
      const column = COLUMN_OF[entry.state];
      const place = placeOf.get(itemId);
      if (!column || !place) continue;
      const key = keyOf({ workerId, ...place });
      const row = rows.get(key) ?? { organisationId: entry.organisationId, workerId, ...place, met: 0, notYetMet: 0, submitted: 0, mapped: 0 };
      row[column] += 1;
      rows.set(key, row);
    }
  }
  return rows;
}

const STORED_SQL = `
SELECT id, worker_id AS "workerId", standard_version_id AS "standardVersionId", section, met, not_yet_met AS "notYetMet",
       submitted, mapped
FROM worker_section_counts WHERE worker_id IN (:workerIds)`;

/**
 * Makes these workers' summary rows equal to the counts of their projection, inside the refresh's transaction: reads
 * the stored rows (one statement), deletes those that differ or are no longer wanted and inserts the new ones. A
 * damaged summary is put right by any refresh of the worker, as by a rebuild.
 */
export async function keepSectionCounts(
  workerIds: number[],
  wanted: Map<string, CountRow>,
  transaction: Transaction,
): Promise<{ removed: number; written: number }> {
  if (!workerIds.length) return { removed: 0, written: 0 };
  const stored = await sequelize.query<Record<keyof CountRow | 'id', number | string>>(STORED_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds },
    transaction,
  });
  const stale: number[] = [];
  const kept = new Set<string>();
  for (const row of stored) {
    const key = keyOf({ workerId: Number(row.workerId), standardVersionId: Number(row.standardVersionId), section: String(row.section) });
    const next = wanted.get(key);
    const same =
      next !== undefined &&
      !kept.has(key) &&
      next.met === Number(row.met) &&
      next.notYetMet === Number(row.notYetMet) &&
      next.submitted === Number(row.submitted) &&
      next.mapped === Number(row.mapped);
    if (same) kept.add(key);
    else stale.push(Number(row.id));
  }
  const fresh = [...wanted].filter(([key]) => !kept.has(key)).map(([, row]) => row);
  if (stale.length) await WorkerSectionCount.destroy({ where: { id: stale }, transaction });
  if (fresh.length) await WorkerSectionCount.bulkCreate(fresh, { transaction });
  return { removed: stale.length, written: fresh.length };
}
