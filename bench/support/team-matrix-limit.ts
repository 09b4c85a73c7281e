// The limits the team page is measured against: one hand-written statement that computes the same matrix (per person
// and standard, the items met, not yet met, submitted, mapped and with nothing) for a manager's teams, from the summary
// the page reads or from the projection beneath it, sent through the database driver itself (sqlite3 or mysql2), with
// no Sequelize in between. Only the bench uses it.
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';

export type LimitCell = { workerId: number; urn: string; total: number; met: number; notYetMet: number; submitted: number; mapped: number; none: number };

const TEAM_SQL = `
team AS (
  SELECT p.id FROM people p
  WHERE p.organisation_id = ? AND p.deactivated_at IS NULL
    AND p.team_id IN (SELECT t.id FROM manager_scopes m JOIN teams t ON t.id = m.team_id OR t.location_id = m.location_id WHERE m.manager_id = ?)
)`;

const HELD_SQL = `
held AS (
  SELECT ps.person_id, ps.standard_version_id, s.urn, (SELECT COUNT(*) FROM standard_items i WHERE i.standard_version_id = ps.standard_version_id) AS total
  FROM person_standards ps
  JOIN team ON team.id = ps.person_id
  JOIN standard_versions v ON v.id = ps.standard_version_id
  JOIN standards s ON s.id = v.standard_id
)`;

const CELLS_SQL = `
SELECT h.person_id AS worker_id, h.urn, h.total, COALESCE(st.met, 0) AS met, COALESCE(st.not_yet_met, 0) AS not_yet_met,
       COALESCE(st.submitted, 0) AS submitted, COALESCE(st.mapped, 0) AS mapped
FROM held h
LEFT JOIN states st ON st.worker_id = h.person_id AND st.standard_version_id = h.standard_version_id`;

// The matrix counted from the projection itself (worker_item_states, ADR 023): every item state of the team.
const PROJECTION_SQL = `
WITH ${TEAM_SQL}, ${HELD_SQL},
states AS (
  SELECT w.worker_id, i.standard_version_id,
         SUM(CASE WHEN w.state = 'met' THEN 1 ELSE 0 END) AS met,
         SUM(CASE WHEN w.state = 'not_yet_met' THEN 1 ELSE 0 END) AS not_yet_met,
         SUM(CASE WHEN w.state = 'submitted' THEN 1 ELSE 0 END) AS submitted,
         SUM(CASE WHEN w.state = 'mapped' THEN 1 ELSE 0 END) AS mapped
  FROM worker_item_states w
  JOIN team ON team.id = w.worker_id
  JOIN standard_items i ON i.id = w.standard_item_id
  GROUP BY w.worker_id, i.standard_version_id
)${CELLS_SQL}`;

// The same matrix from the summary the page reads (worker_section_counts, ADR 036): a few rows a person.
const SUMMARY_SQL = `
WITH ${TEAM_SQL}, ${HELD_SQL},
states AS (
  SELECT c.worker_id, c.standard_version_id, SUM(c.met) AS met, SUM(c.not_yet_met) AS not_yet_met, SUM(c.submitted) AS submitted, SUM(c.mapped) AS mapped
  FROM worker_section_counts c
  JOIN team ON team.id = c.worker_id
  GROUP BY c.worker_id, c.standard_version_id
)${CELLS_SQL}`;

/** What the limit counts from: the projection (the old limit) or the summary the page reads (the target's). */
export type LimitSource = 'projection' | 'summary';
const SOURCE_SQL: Record<LimitSource, string> = { projection: PROJECTION_SQL, summary: SUMMARY_SQL };

// What the page shows beside each person, as facts: the agreement's terms, the last session held, records late,
// the latest agreed PDP and review period, policies not acknowledged, targets passed; one row per person.
const ATTENTION_SQL = `
WITH team AS (
  SELECT p.id, p.organisation_id, p.line_supervisor_id FROM people p
  WHERE p.organisation_id = ? AND p.deactivated_at IS NULL
    AND p.team_id IN (SELECT t.id FROM manager_scopes m JOIN teams t ON t.id = m.team_id OR t.location_id = m.location_id WHERE m.manager_id = ?)
)
SELECT p.id AS worker_id,
  (SELECT COUNT(*) FROM person_roles r WHERE r.person_id = p.id AND r.role = 'worker') AS is_worker,
  (SELECT COUNT(*) FROM people s JOIN person_roles r ON r.person_id = s.id AND r.role = 'supervisor'
   WHERE s.id = p.line_supervisor_id AND s.deactivated_at IS NULL) AS supervisor_counts,
  (SELECT MAX(a.starts_on) FROM supervision_agreements a WHERE a.worker_id = p.id AND a.status = 'active') AS agreement_starts_on,
  (SELECT MAX(a.frequency_weeks) FROM supervision_agreements a WHERE a.worker_id = p.id AND a.status = 'active') AS frequency_weeks,
  (SELECT MAX(s.starts_at) FROM supervision_sessions s WHERE s.worker_id = p.id AND s.status = 'held') AS last_held,
  (SELECT COUNT(*) FROM supervision_records r WHERE r.worker_id = p.id AND r.status <> 'agreed' AND r.due_on < ?) AS records_late,
  (SELECT MAX(CASE WHEN v.worker_agreed_at > v.supervisor_agreed_at THEN v.worker_agreed_at ELSE v.supervisor_agreed_at END)
   FROM development_plans dp JOIN development_plan_versions v ON v.plan_id = dp.id
   WHERE dp.worker_id = p.id AND v.worker_agreed_at IS NOT NULL AND v.supervisor_agreed_at IS NOT NULL) AS pdp_agreed_at,
  (SELECT MIN(rp.pdp_review_months) FROM role_assignments ra JOIN role_profiles rp ON rp.id = ra.role_profile_id
   WHERE ra.person_id = p.id AND ra.ended_on IS NULL) AS pdp_review_months,
  (SELECT COUNT(*) FROM policy_versions v WHERE v.organisation_id = p.organisation_id AND v.is_current = 1
   AND NOT EXISTS (SELECT 1 FROM policy_acknowledgements k WHERE k.policy_version_id = v.id AND k.person_id = p.id)) AS unacknowledged,
  (SELECT COUNT(*) FROM role_assignments ra WHERE ra.person_id = p.id AND ra.ended_on IS NULL AND ra.target_date < ?) AS targets_passed
FROM team p`;

export type LimitAttention = Record<string, unknown> & { worker_id: number };

type LimitRow = { worker_id: number; urn: string; total: number | string; met: number | string; not_yet_met: number | string; submitted: number | string; mapped: number | string };

function toCells(rows: LimitRow[]): LimitCell[] {
  return rows.map((row) => {
    const cell = {
      workerId: Number(row.worker_id),
      urn: row.urn,
      total: Number(row.total),
      met: Number(row.met),
      notYetMet: Number(row.not_yet_met),
      submitted: Number(row.submitted),
      mapped: Number(row.mapped),
    };
    return { ...cell, none: cell.total - cell.met - cell.notYetMet - cell.submitted - cell.mapped };
  });
}

export type MatrixLimit = {
  /** The cells alone: one statement. */
  query: (source: LimitSource, organisationId: number, managerId: number) => Promise<LimitCell[]>;
  /** The cells and the facts beside each person: two statements, as the page shows them. */
  page: (source: LimitSource, organisationId: number, managerId: number, today: string) => Promise<{ cells: LimitCell[]; attention: LimitAttention[] }>;
  close: () => Promise<void>;
};

/** Opens the driver's own connection to the bench database, beside Sequelize's. */
export async function openMatrixLimit(databaseUrl: string): Promise<MatrixLimit> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(databaseUrl.slice('sqlite:'.length), sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
    });
    const all = <Row>(sql: string, params: unknown[]) =>
      new Promise<Row[]>((resolve, reject) => {
        db.all<Row>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows)));
      });
    return {
      query: async (source, organisationId, managerId) => toCells(await all<LimitRow>(SOURCE_SQL[source], [organisationId, managerId])),
      page: async (source, organisationId, managerId, today) => ({
        cells: toCells(await all<LimitRow>(SOURCE_SQL[source], [organisationId, managerId])),
        attention: await all<LimitAttention>(ATTENTION_SQL, [organisationId, managerId, today, today]),
      }),
      close: () => new Promise((resolve) => db.close(() => resolve())),
    };
  }
  const connection = await mysql.createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    query: async (source, organisationId, managerId) => {
      const [rows] = await connection.query(SOURCE_SQL[source], [organisationId, managerId]);
      return toCells(rows as LimitRow[]);
    },
    page: async (source, organisationId, managerId, today) => {
      const [[cells], [attention]] = await Promise.all([
        connection.query(SOURCE_SQL[source], [organisationId, managerId]),
        connection.query(ATTENTION_SQL, [organisationId, managerId, today, today]),
      ]);
      return { cells: toCells(cells as LimitRow[]), attention: attention as LimitAttention[] };
    },
    close: () => connection.end(),
  };
}
