// What was judged since the worker last read their progress page (assessment_views): the home page's message.
import { QueryTypes } from 'sequelize';
import { plural } from '#app/utils/words.ts';
import { sequelize } from '#db/models/index.ts';

const JUDGED_SINCE_SQL = `
SELECT COUNT(DISTINCT d.standard_item_id) AS "items"
FROM assessment_decisions d
LEFT JOIN assessment_views v ON v.worker_id = d.worker_id
WHERE d.worker_id = :workerId AND (v.seen_at IS NULL OR d.created_at > v.seen_at)`;

/** How many of the worker's items were judged since they last looked; one query. Unchecked: the worker's own. */
export async function itemsJudgedSince(workerId: number): Promise<number> {
  const [row] = await sequelize.query<{ items: number | string }>(JUDGED_SINCE_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { workerId } });
  return Number(row?.items ?? 0);
}

/** The home page's line for a worker, or none when nothing was judged since they looked. */
export async function judgedSinceItem(workerId: number): Promise<{ text: string; href: string }[]> {
  const items = await itemsJudgedSince(workerId);
  return items ? [{ text: `${plural(items, 'item', 'items')} judged since you last looked`, href: '/progress' }] : [];
}
