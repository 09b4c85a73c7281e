// The limit the progress page is measured against: one hand-written statement that gives the same item
// items (code, text, section), states, counts and latest evidence (id, title, status, date), sent through the database driver itself (sqlite3 or mysql2), with no
// Sequelize in between. Not part of the product: only the bench uses it.
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import { LATEST_EVIDENCE_SHOWN } from '#app/domain/evidence/internal/item-evidence.server.ts';
import { EVIDENCE_STATUS } from '#app/domain/evidence-types.ts';

export type LimitItem = { itemId: number; state: 'none' | 'mapped' | 'submitted'; evidenceCount: number; latest: number[] };

const LIMIT_SQL = `
WITH held AS (
  SELECT si.id AS item_id, si.code, si.kind, si.section, si.text, si.position, ps.id AS holding_id, v.title AS standard_title, st.urn
  FROM person_standards ps
  JOIN standard_versions v ON v.id = ps.standard_version_id
  JOIN standards st ON st.id = v.standard_id
  JOIN standard_items si ON si.standard_version_id = ps.standard_version_id
  WHERE ps.person_id = ?
),
ranked AS (
  SELECT l.standard_item_id AS item_id, e.id AS evidence_id, r.title, e.status, r.activity_date,
         COUNT(*) OVER (PARTITION BY l.standard_item_id) AS evidence_count,
         SUM(CASE WHEN e.status <> '${EVIDENCE_STATUS.draft}' THEN 1 ELSE 0 END) OVER (PARTITION BY l.standard_item_id) AS submitted_count,
         ROW_NUMBER() OVER (PARTITION BY l.standard_item_id ORDER BY r.activity_date DESC, e.id DESC) AS position_in_item
  FROM evidence e
  JOIN evidence_revisions r ON r.id = e.current_revision_id
  JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
  WHERE e.worker_id = ?
)
SELECT h.item_id, h.code, h.kind, h.section, h.text, h.standard_title, h.urn,
       COALESCE(k.evidence_count, 0) AS evidence_count, COALESCE(k.submitted_count, 0) AS submitted_count,
       k.evidence_id, k.title, k.status, k.activity_date
FROM held h
LEFT JOIN ranked k ON k.item_id = h.item_id AND k.position_in_item <= ${LATEST_EVIDENCE_SHOWN}
ORDER BY h.holding_id, h.position, k.position_in_item`;

type LimitRow = { item_id: number; evidence_count: number | string; submitted_count: number | string; evidence_id: number | null };

function toItems(rows: LimitRow[]): LimitItem[] {
  const items = new Map<number, LimitItem>();
  for (const row of rows) {
    const itemId = Number(row.item_id);
    let item = items.get(itemId);
    if (!item) {
      const count = Number(row.evidence_count);
      item = { itemId, state: count === 0 ? 'none' : Number(row.submitted_count) > 0 ? 'submitted' : 'mapped', evidenceCount: count, latest: [] };
      items.set(itemId, item);
    }
    if (row.evidence_id !== null) item.latest.push(Number(row.evidence_id));
  }
  return [...items.values()];
}

export type Limit = { query: (workerId: number) => Promise<LimitItem[]>; close: () => Promise<void> };

/** Opens the driver's own connection to the bench database, beside Sequelize's. */
export async function openLimit(databaseUrl: string): Promise<Limit> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(databaseUrl.slice('sqlite:'.length), sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
    });
    return {
      query: (workerId) =>
        new Promise((resolve, reject) => {
          db.all<LimitRow>(LIMIT_SQL, [workerId, workerId], (error, rows) => (error ? reject(error) : resolve(toItems(rows))));
        }),
      close: () => new Promise((resolve) => db.close(() => resolve())),
    };
  }
  const connection = await mysql.createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    query: async (workerId) => {
      const [rows] = await connection.query(LIMIT_SQL, [workerId, workerId]);
      return toItems(rows as LimitRow[]);
    },
    close: () => connection.end(),
  };
}
