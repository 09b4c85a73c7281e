// The read layer of competence: what each item of each worker's standards has behind it, aggregated by the
// database in one set-based statement for one worker or many (never a model instance per link row).
import { QueryTypes } from 'sequelize';
import { dateColumn } from '#app/utils/dates/index.ts';
import { sequelize } from '#db/models/index.ts';
import { EVIDENCE_STATUS } from '../../evidence-types.ts';

/** How many of an item's pieces of evidence a page lists; the rest are counted. */
export const LATEST_EVIDENCE_SHOWN = 5;

export type EvidenceRef = { id: number; title: string; status: string; activityDate: string };

export type ItemEvidence = {
  /** Pieces of evidence whose current revision is mapped to the item. */
  evidenceCount: number;
  /** Of those, how many are no longer drafts (submitted for assessment). */
  submittedCount: number;
  /** The latest pieces, newest activity first, at most LATEST_EVIDENCE_SHOWN. */
  latest: EvidenceRef[];
};

type Row = {
  workerId: number;
  itemId: number;
  evidenceId: number;
  title: string;
  status: string;
  activityDate: string | Date;
  evidenceCount: number | string;
  submittedCount: number | string;
};

/**
 * The statement behind every competence page. It starts from the workers' evidence (index on worker_id),
 * follows each current revision to its links (the unique index leads with evidence_revision_id), and lets
 * window functions count and rank per worker and item, so the result has at most LATEST_EVIDENCE_SHOWN rows
 * per item however much evidence there is. Items are not filtered by an IN list: links to items a worker no
 * longer holds are dropped by the caller, which costs nothing, while an item list would be probed per revision.
 */
export const itemEvidenceSql = (options: { drafts: boolean }) => `
SELECT worker_id AS "workerId", item_id AS "itemId", evidence_id AS "evidenceId", title, status,
       activity_date AS "activityDate", evidence_count AS "evidenceCount", submitted_count AS "submittedCount"
FROM (
  SELECT e.worker_id, l.standard_item_id AS item_id, e.id AS evidence_id, r.title, e.status, r.activity_date,
         COUNT(*) OVER (PARTITION BY e.worker_id, l.standard_item_id) AS evidence_count,
         SUM(CASE WHEN e.status <> '${EVIDENCE_STATUS.draft}' THEN 1 ELSE 0 END)
           OVER (PARTITION BY e.worker_id, l.standard_item_id) AS submitted_count,
         ROW_NUMBER() OVER (PARTITION BY e.worker_id, l.standard_item_id ORDER BY r.activity_date DESC, e.id DESC) AS position_in_item
  FROM evidence e
  JOIN evidence_revisions r ON r.id = e.current_revision_id
  JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
  WHERE e.worker_id IN (:workerIds)${options.drafts ? '' : ` AND e.status <> '${EVIDENCE_STATUS.draft}'`}
) ranked
WHERE position_in_item <= ${LATEST_EVIDENCE_SHOWN}
ORDER BY worker_id, item_id, position_in_item`;
export const ITEM_EVIDENCE_SQL = itemEvidenceSql({ drafts: true });

/**
 * Per worker, per item mapped: counts and the latest evidence. Unchecked: the caller has already decided the
 * actor may read these workers' evidence (relationships.server.ts), and whether drafts are theirs to see
 * (readsDraftsOf: only the worker's own view counts drafts).
 */
export async function itemEvidenceOf(workerIds: number[], options: { drafts: boolean } = { drafts: true }): Promise<Map<number, Map<number, ItemEvidence>>> {
  const byWorker = new Map<number, Map<number, ItemEvidence>>(workerIds.map((id) => [id, new Map()]));
  if (!workerIds.length) return byWorker;
  const rows = await sequelize.query<Row>(options.drafts ? ITEM_EVIDENCE_SQL : itemEvidenceSql(options), { type: QueryTypes.SELECT, raw: true, replacements: { workerIds } });
  for (const row of rows) {
    const items = byWorker.get(Number(row.workerId))!;
    const itemId = Number(row.itemId);
    let entry = items.get(itemId);
    if (!entry) {
      entry = { evidenceCount: Number(row.evidenceCount), submittedCount: Number(row.submittedCount), latest: [] };
      items.set(itemId, entry);
    }
    entry.latest.push({ id: Number(row.evidenceId), title: row.title, status: row.status, activityDate: dateColumn(row.activityDate) });
  }
  return byWorker;
}


/**
 * Folds the evidence of earlier versions of an item into the item it became (carry-over between versions):
 * counts add up and the latest lists merge. `becomes` maps an earlier item's id to the held item's id.
 */
export function foldCarriedItems(items: Map<number, ItemEvidence>, becomes: Map<number, number>): Map<number, ItemEvidence> {
  if (!becomes.size) return items;
  const folded = new Map<number, ItemEvidence>();
  for (const [itemId, entry] of items) {
    const heldId = becomes.get(itemId) ?? itemId;
    const existing = folded.get(heldId);
    if (!existing) {
      folded.set(heldId, { ...entry, latest: [...entry.latest] });
      continue;
    }
    const seen = new Set(existing.latest.map((ref) => ref.id));
    existing.evidenceCount += entry.evidenceCount;
    existing.submittedCount += entry.submittedCount;
    existing.latest = [...existing.latest, ...entry.latest.filter((ref) => !seen.has(ref.id))]
      .sort((a, b) => b.activityDate.localeCompare(a.activityDate) || b.id - a.id)
      .slice(0, LATEST_EVIDENCE_SHOWN);
  }
  return folded;
}
