// The items a worker can map evidence to: every item of the standard versions they hold. Read as plain rows
// for one worker or many; unchecked, so callers decide first who may see these workers.
import { QueryTypes, type Transaction } from 'sequelize';
import { dateColumn } from '#app/utils/dates/index.ts';
import { sequelize } from '#db/models/index.ts';

export type HeldItem = { id: number; code: string; kind: 'P' | 'K'; section: string; text: string; previousItemId: number | null };

export type HeldStandard = {
  standardVersionId: number;
  urn: string;
  version: string;
  title: string;
  targetDate: string;
  items: HeldItem[];
};

type HoldingRow = { personId: number; standardVersionId: number; urn: string; version: string; title: string; targetDate: string | Date };
type ItemRow = HeldItem & { standardVersionId: number };

const HOLDINGS_SQL = `
SELECT ps.person_id AS "personId", ps.standard_version_id AS "standardVersionId", s.urn, v.version, v.title,
       ps.target_date AS "targetDate"
FROM person_standards ps
JOIN standard_versions v ON v.id = ps.standard_version_id
JOIN standards s ON s.id = v.standard_id
WHERE ps.person_id IN (:workerIds)
ORDER BY ps.person_id, ps.id`;

const ITEMS_SQL = `
SELECT id, standard_version_id AS "standardVersionId", code, kind, section, text, previous_item_id AS "previousItemId"
FROM standard_items
WHERE standard_version_id IN (:versionIds)
ORDER BY standard_version_id, position`;

const PREVIOUS_SQL = `SELECT id, previous_item_id AS "previousItemId" FROM standard_items WHERE id IN (:ids)`;


/**
 * Maps every earlier version of the given items (unchanged text, linked at import) to the item it became,
 * so evidence mapped to an old version counts for the new one. One query per version step, not per item.
 */
export async function predecessorsOf(items: { id: number; previousItemId: number | null }[]): Promise<Map<number, number>> {
  const becomes = new Map<number, number>();
  let step = items;
  let current = new Map(items.map((item) => [item.id, item.id]));
  while (step.length) {
    const next = new Map<number, number>();
    for (const item of step) {
      if (item.previousItemId === null || becomes.has(item.previousItemId)) continue;
      becomes.set(item.previousItemId, current.get(item.id)!);
      next.set(item.previousItemId, current.get(item.id)!);
    }
    // Only items that had a predecessor are looked up again: usually none, so no query at all.
    step = next.size
      ? (await sequelize.query<{ id: number; previousItemId: number | null }>(PREVIOUS_SQL, {
          type: QueryTypes.SELECT,
          raw: true,
          replacements: { ids: [...next.keys()] },
        })).map((row) => ({ id: Number(row.id), previousItemId: row.previousItemId === null ? null : Number(row.previousItemId) }))
      : [];
    current = next;
  }
  return becomes;
}

/**
 * Each worker's standards with their items, in two queries whatever the number of workers, standards or items.
 * Inside a write (`transaction`) it reads what that transaction sees, as the item-state projection needs.
 */
export async function heldStandardsOf(workerIds: number[], transaction?: Transaction): Promise<Map<number, HeldStandard[]>> {
  const byWorker = new Map<number, HeldStandard[]>(workerIds.map((id) => [id, []]));
  if (!workerIds.length) return byWorker;
  const holdings = await sequelize.query<HoldingRow>(HOLDINGS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { workerIds }, transaction });
  const versionIds = [...new Set(holdings.map((holding) => Number(holding.standardVersionId)))];
  const items = versionIds.length
    ? await sequelize.query<ItemRow>(ITEMS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { versionIds }, transaction })
    : [];
  const itemsByVersion = new Map<number, HeldItem[]>(versionIds.map((id) => [id, []]));
  for (const { standardVersionId, ...item } of items) {
    itemsByVersion.get(Number(standardVersionId))!.push({
      ...item,
      id: Number(item.id),
      previousItemId: item.previousItemId === null ? null : Number(item.previousItemId),
    });
  }
  for (const holding of holdings) {
    const standardVersionId = Number(holding.standardVersionId);
    byWorker.get(Number(holding.personId))!.push({
      standardVersionId,
      urn: holding.urn,
      version: holding.version,
      title: holding.title,
      targetDate: dateColumn(holding.targetDate),
      items: itemsByVersion.get(standardVersionId)!,
    });
  }
  return byWorker;
}

export async function heldStandards(workerId: number): Promise<HeldStandard[]> {
  return (await heldStandardsOf([workerId])).get(workerId)!;
}
