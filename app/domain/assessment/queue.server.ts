// The assessor's queue: submitted evidence of the workers they assess whose current revision still has a mapped item
// with no decision resting on that revision, oldest first, filtered and paged, in a fixed number of statements.
import { QueryTypes } from 'sequelize';
import { addDays, londonDateOf, londonInstant, today } from '#app/utils/dates/index.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { sequelize } from '#db/models/index.ts';
import { EVIDENCE_STATUS, EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type EvidenceType } from '../evidence-types.ts';

export const QUEUE_PAGE_SIZE = 25;
/** The choices of the age filter: waiting more than this many days. */
export const QUEUE_AGES = [7, 14, 28] as const;

export type QueueFilters = {
  workerId?: number | undefined;
  /** A standard (any version): evidence with an item of it still waiting. */
  standardId?: number | undefined;
  /** Waiting more than this many whole days (London calendar days since the revision was submitted). */
  olderThanDays?: number | undefined;
  type?: EvidenceType | undefined;
};

export type QueueRow = {
  evidenceId: number;
  workerId: number;
  workerName: string;
  title: string;
  type: EvidenceType;
  revisionNumber: number;
  submittedAt: string;
  /** Whole London calendar days since the current revision was submitted. */
  ageDays: number;
  waiting: number;
  mapped: number;
};

type Fragment = { inStandard: string; where: string; having: string; replacements: Record<string, unknown> };

/**
 * The filters as SQL fragments (fixed text, values as replacements) for waitingStatement, which gives one row per
 * waiting piece of evidence: its mapped items, and those with no decision resting on the current revision (a decision
 * on revision 2 does not count for revision 3). Through worker_assessors (assessor_id) → evidence (worker_id, status)
 * → the current revision → its links (evidence_revision_id, standard_item_id) → the decisions resting on that
 * revision (assessment_decision_evidence_revision) and their item by primary key.
 */
function waitingSql(actor: Actor, filters: QueueFilters, now: Date): Fragment {
  // Submitted evidence only: drafts are the worker's own (docs/decisions/026).
  const replacements: Record<string, unknown> = { assessorId: actor.id, organisationId: actor.organisationId, statuses: [EVIDENCE_STATUS.submitted] };
  const where: string[] = [];
  let inStandard = 'NULL';
  let having = '';
  if (filters.workerId !== undefined) {
    where.push('wa.worker_id = :workerId');
    replacements.workerId = filters.workerId;
  }
  if (filters.type !== undefined) {
    where.push('r.type = :type');
    replacements.type = filters.type;
  }
  if (filters.olderThanDays !== undefined) {
    // More than N days: submitted before the London midnight that began the day N days ago.
    where.push('r.submitted_at < :submittedBefore');
    replacements.submittedBefore = londonInstant(addDays(today(now), -filters.olderThanDays), '00:00');
  }
  if (filters.standardId !== undefined) {
    // A lookup per link by primary key: joined instead, MariaDB starts from the standard's items and probes every
    // piece of evidence for each (seconds at 5,000 pieces).
    inStandard = `CASE WHEN EXISTS (
      SELECT 1 FROM standard_items si JOIN standard_versions sv ON sv.id = si.standard_version_id
      WHERE si.id = l.standard_item_id AND sv.standard_id = :standardId
    ) THEN 1 ELSE 0 END`;
    having = 'AND SUM(x.in_standard * x.waiting) > 0';
    replacements.standardId = filters.standardId;
  }
  return { inStandard, where: where.map((condition) => `AND ${condition}`).join(' '), having, replacements };
}

function waitingStatement({ inStandard, where, having }: Fragment): string {
  return `
SELECT x.evidence_id, MIN(x.submitted_at) AS submitted_at, COUNT(*) AS mapped, SUM(x.waiting) AS waiting
FROM (
  SELECT e.id AS evidence_id, r.submitted_at, ${inStandard} AS in_standard,
         CASE WHEN EXISTS (
           SELECT 1 FROM assessment_decision_evidence ade JOIN assessment_decisions d ON d.id = ade.decision_id
           WHERE ade.evidence_revision_id = r.id AND d.standard_item_id = l.standard_item_id
         ) THEN 0 ELSE 1 END AS waiting
  FROM worker_assessors wa
  JOIN people p ON p.id = wa.worker_id AND p.deactivated_at IS NULL
  JOIN evidence e ON e.worker_id = wa.worker_id AND e.status IN (:statuses)
  JOIN evidence_revisions r ON r.id = e.current_revision_id AND r.submitted_at IS NOT NULL
  JOIN evidence_item_links l ON l.evidence_revision_id = r.id
  WHERE wa.assessor_id = :assessorId AND wa.organisation_id = :organisationId AND wa.worker_id <> :assessorId ${where}
) x
GROUP BY x.evidence_id
HAVING SUM(x.waiting) > 0 ${having}`;
}

/** A DATETIME as a raw query gives it: a Date from MariaDB's driver, text ("2026-12-01 09:30:00.000 +00:00") from SQLite. */
function instantOf(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(' ', ''));
}

/** Whole London calendar days from the instant to now. */
function ageInDays(instant: Date, now: Date): number {
  return Math.round((Date.parse(today(now)) - Date.parse(londonDateOf(instant))) / 86_400_000);
}

/** How many pieces wait and since when: the queue's total, for the home page and the queue's heading. */
async function summaryOf(actor: Actor, filters: QueueFilters, now: Date): Promise<{ waiting: number; oldestDays: number | null }> {
  const fragment = waitingSql(actor, filters, now);
  const [row] = await sequelize.query<{ waiting: number | string; oldest: string | Date | null }>(
    `SELECT COUNT(*) AS waiting, MIN(q.submitted_at) AS oldest FROM (${waitingStatement(fragment)}) q`,
    { type: QueryTypes.SELECT, raw: true, replacements: fragment.replacements },
  );
  const waiting = Number(row?.waiting ?? 0);
  return { waiting, oldestDays: waiting && row?.oldest ? ageInDays(instantOf(row.oldest), now) : null };
}

/** For the assessor's home page: "5 pieces of evidence waiting, the oldest 12 days", agreeing with the queue. */
export async function queueSummary(actor: Actor, now: Date = new Date()) {
  assertCan(actor, 'read:assessment-queue:own');
  return summaryOf(actor, {}, now);
}

const WORKERS_SQL = `
SELECT p.id, p.name FROM worker_assessors wa JOIN people p ON p.id = wa.worker_id AND p.deactivated_at IS NULL
WHERE wa.assessor_id = :assessorId AND wa.organisation_id = :organisationId AND wa.worker_id <> :assessorId
ORDER BY p.name, p.id`;

// The standards the assessed workers hold, for the standard filter (whatever version each holds).
const STANDARDS_SQL = `
SELECT s.id, s.urn, MIN(sv.title) AS title FROM worker_assessors wa
JOIN person_standards ps ON ps.person_id = wa.worker_id
JOIN standard_versions sv ON sv.id = ps.standard_version_id
JOIN standards s ON s.id = sv.standard_id
WHERE wa.assessor_id = :assessorId AND wa.organisation_id = :organisationId
GROUP BY s.id, s.urn
ORDER BY s.urn, s.id`;

type PageRow = {
  evidenceId: number | string; workerId: number | string; workerName: string; title: string; type: EvidenceType;
  revisionNumber: number | string; submittedAt: string | Date; waiting: number | string; mapped: number | string;
};

/**
 * One page of the queue. The total is its own statement (summaryOf): counted here with COUNT(*) OVER (), MariaDB took
 * seconds at 5,000 pieces where the two statements take a tenth of a second.
 */
function pageOf(actor: Actor, filters: QueueFilters, page: number, now: Date): Promise<PageRow[]> {
  const fragment = waitingSql(actor, filters, now);
  return sequelize.query<PageRow>(
    `SELECT q.evidence_id AS "evidenceId", e.worker_id AS "workerId", p.name AS "workerName", r.title, r.type,
            r.revision_number AS "revisionNumber", q.submitted_at AS "submittedAt", q.waiting, q.mapped
     FROM (${waitingStatement(fragment)}) q
     JOIN evidence e ON e.id = q.evidence_id
     JOIN evidence_revisions r ON r.id = e.current_revision_id
     JOIN people p ON p.id = e.worker_id
     ORDER BY q.submitted_at, q.evidence_id
     LIMIT :limit OFFSET :offset`,
    { type: QueryTypes.SELECT, raw: true, replacements: { ...fragment.replacements, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE } },
  );
}

/**
 * The actor's queue, filtered, one page of it (pages from 1; past the last page gives the last), with the total and
 * the filter choices: four statements whatever its length. Only the workers assigned to the actor, never drafts.
 */
export async function assessmentQueue(actor: Actor, filters: QueueFilters, requestedPage = 1, now: Date = new Date()) {
  assertCan(actor, 'read:assessment-queue:own');
  const people = { assessorId: actor.id, organisationId: actor.organisationId };
  const [summary, workers, standards] = await Promise.all([
    summaryOf(actor, filters, now),
    sequelize.query<{ id: number; name: string }>(WORKERS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: people }),
    sequelize.query<{ id: number; urn: string; title: string }>(STANDARDS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: people }),
  ]);
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), Math.max(1, Math.ceil(summary.waiting / QUEUE_PAGE_SIZE)));
  const rows = summary.waiting ? await pageOf(actor, filters, page, now) : [];
  const pageCount = Math.max(1, Math.ceil(summary.waiting / QUEUE_PAGE_SIZE));
  return {
    rows: rows.map((row): QueueRow => {
      const submittedAt = instantOf(row.submittedAt);
      return {
        evidenceId: Number(row.evidenceId),
        workerId: Number(row.workerId),
        workerName: row.workerName,
        title: row.title,
        type: row.type,
        revisionNumber: Number(row.revisionNumber),
        submittedAt: submittedAt.toISOString(),
        ageDays: ageInDays(submittedAt, now),
        waiting: Number(row.waiting),
        mapped: Number(row.mapped),
      };
    }),
    total: summary.waiting,
    oldestDays: summary.oldestDays,
    page,
    pageCount,
    pageSize: QUEUE_PAGE_SIZE,
    filters,
    options: {
      workers: workers.map((worker) => ({ value: String(worker.id), label: worker.name })),
      standards: standards.map((standard) => ({ value: String(standard.id), label: `${standard.urn} ${standard.title}` })),
      types: EVIDENCE_TYPES.map((type) => ({ value: type, label: EVIDENCE_TYPE_LABELS[type] })),
      ages: QUEUE_AGES.map((days) => ({ value: String(days), label: `More than ${days} days` })),
    },
  };
}
