// The IQA's reads over a period: the decisions made, the sample the organisation's rules draw from them, each one's
// review status, and the coverage report. A fixed number of queries whatever the number of decisions.
import { stringify } from 'csv-stringify/sync';
import { QueryTypes } from 'sequelize';
import { addDays, addMonths, londonInstant, today, type IsoDate } from '#app/utils/dates/index.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { IqaSettings, sequelize } from '#db/models/index.ts';
import { newAssessorsAmong } from './assessor-standing.server.ts';
import { DEFAULT_SAMPLING_RULES, drawSample, type SampleReason, type SamplingRules } from './sampling.ts';

export type Period = { from: IsoDate; to: IsoDate };

/** The last month up to today: the period a page shows until someone chooses another. */
export function defaultPeriod(now: Date = new Date()): Period {
  const to = today(now);
  return { from: addDays(addMonths(to, -1), 1), to };
}

export const REVIEW_STATUSES = { waiting: 'waiting', agreed: 'agreed', challenged: 'challenged', answered: 'answered' } as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[keyof typeof REVIEW_STATUSES];

export type PeriodDecision = {
  id: number;
  workerId: number;
  workerName: string;
  itemId: number;
  itemCode: string;
  standardId: number;
  urn: string;
  assessorId: number;
  assessorName: string;
  outcome: string;
  method: string;
  feedback: string;
  countersignRequired: boolean;
  answersReviewId: number | null;
  createdAt: Date;
  review: { id: number; outcome: string; note: string; iqaName: string; at: Date } | null;
  answeredBy: number | null;
  status: ReviewStatus;
};

const DECISIONS_SQL = `
SELECT d.id, d.worker_id AS "workerId", w.name AS "workerName", d.standard_item_id AS "itemId", i.code AS "itemCode",
  v.standard_id AS "standardId", s.urn, d.assessor_id AS "assessorId", a.name AS "assessorName", d.outcome, d.method,
  d.feedback, d.countersign_required AS "countersignRequired", d.answers_review_id AS "answersReviewId", d.created_at AS "createdAt",
  r.id AS "reviewId", r.outcome AS "reviewOutcome", r.note AS "reviewNote", r.created_at AS "reviewedAt", q.name AS "iqaName",
  (SELECT MIN(answer.id) FROM assessment_decisions answer WHERE answer.answers_review_id = r.id) AS "answeredBy"
FROM assessment_decisions d
JOIN standard_items i ON i.id = d.standard_item_id
JOIN standard_versions v ON v.id = i.standard_version_id
JOIN standards s ON s.id = v.standard_id
JOIN people w ON w.id = d.worker_id
JOIN people a ON a.id = d.assessor_id
LEFT JOIN iqa_reviews r ON r.decision_id = d.id
LEFT JOIN people q ON q.id = r.iqa_id
WHERE d.organisation_id = :organisationId AND d.created_at >= :start AND d.created_at < :end
ORDER BY d.created_at DESC, d.id DESC`;

type Row = Omit<PeriodDecision, 'review' | 'status' | 'createdAt' | 'countersignRequired' | 'answersReviewId'> & {
  answersReviewId: number | string | null;
  countersignRequired: boolean | number;
  createdAt: Date | string;
  reviewId: number | null;
  reviewOutcome: string | null;
  reviewNote: string | null;
  reviewedAt: Date | string | null;
  iqaName: string | null;
};

function statusOf(row: Row): ReviewStatus {
  if (row.reviewOutcome === 'agreed') return REVIEW_STATUSES.agreed;
  if (row.reviewOutcome === 'challenged') return row.answeredBy ? REVIEW_STATUSES.answered : REVIEW_STATUSES.challenged;
  return REVIEW_STATUSES.waiting;
}

/** The organisation's sampling rules, the defaults until an admin sets them. Unchecked: rules are not secret within it. */
export async function samplingRulesOf(organisationId: number): Promise<SamplingRules & { leadIqaId: number | null }> {
  const row = await IqaSettings.findByPk(organisationId);
  return row
    ? { samplePercent: row.samplePercent, minimumPerAssessorMonth: row.minimumPerAssessorMonth, leadIqaId: row.leadIqaId }
    : { ...DEFAULT_SAMPLING_RULES, leadIqaId: null };
}

/** Decisions made between two London instants, oldest last. Unchecked: the callers below check. */
async function decisionsBetween(organisationId: number, start: Date, end: Date): Promise<PeriodDecision[]> {
  const rows = await sequelize.query<Row>(DECISIONS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { organisationId, start, end } });
  return rows.map((row) => ({
    id: Number(row.id),
    workerId: Number(row.workerId),
    workerName: row.workerName,
    itemId: Number(row.itemId),
    itemCode: row.itemCode,
    standardId: Number(row.standardId),
    urn: row.urn,
    assessorId: Number(row.assessorId),
    assessorName: row.assessorName,
    outcome: row.outcome,
    method: row.method,
    feedback: row.feedback,
    countersignRequired: Boolean(Number(row.countersignRequired)),
    answersReviewId: row.answersReviewId === null ? null : Number(row.answersReviewId),
    createdAt: new Date(row.createdAt),
    review: row.reviewId
      ? { id: Number(row.reviewId), outcome: row.reviewOutcome!, note: row.reviewNote ?? '', iqaName: row.iqaName ?? '', at: new Date(row.reviewedAt!) }
      : null,
    answeredBy: row.answeredBy ? Number(row.answeredBy) : null,
    status: statusOf(row),
  }));
}

export type SampledDecision = PeriodDecision & { reason: SampleReason };

/**
 * The period's decisions and the sample drawn from them. The draw looks at whole London months around the period, so
 * the monthly minimum picks the same decision whichever days of the month the period covers.
 */
export async function sampleForPeriod(actor: Actor, period: Period): Promise<{ decisions: PeriodDecision[]; sample: SampledDecision[]; rules: SamplingRules }> {
  assertCan(actor, 'read:iqa-report');
  const monthStart = `${period.from.slice(0, 7)}-01`;
  const nextMonth = addMonths(`${period.to.slice(0, 7)}-01`, 1);
  const [rules, decisions] = await Promise.all([
    samplingRulesOf(actor.organisationId),
    decisionsBetween(actor.organisationId, londonInstant(monthStart, '00:00'), londonInstant(nextMonth, '00:00')),
  ]);
  const newAssessors = await newAssessorsAmong(decisions.map((decision) => decision.assessorId));
  const candidates = decisions.map((decision) => ({ ...decision, answersChallenge: decision.answersReviewId !== null, reviewed: decision.review !== null }));
  const drawn = drawSample(actor.organisationId, rules, candidates, newAssessors);
  const start = londonInstant(period.from, '00:00');
  const end = londonInstant(addDays(period.to, 1), '00:00');
  const inPeriod = decisions.filter((decision) => decision.createdAt >= start && decision.createdAt < end);
  const sample = inPeriod.filter((decision) => drawn.has(decision.id)).map((decision) => ({ ...decision, reason: drawn.get(decision.id)! }));
  return { decisions: inPeriod, sample, rules: { samplePercent: rules.samplePercent, minimumPerAssessorMonth: rules.minimumPerAssessorMonth } };
}

export type EvidenceBasis = { decisionId: number; evidenceId: number; title: string; revisionNumber: number };

/** The evidence (at the revision judged) each decision rests on; one query. Unchecked: the decisions are the caller's. */
export async function basisOf(decisionIds: number[]): Promise<Map<number, EvidenceBasis[]>> {
  const byDecision = new Map<number, EvidenceBasis[]>(decisionIds.map((id) => [id, []]));
  if (!decisionIds.length) return byDecision;
  const rows = await sequelize.query<EvidenceBasis>(
    `SELECT b.decision_id AS "decisionId", b.evidence_id AS "evidenceId", r.title, r.revision_number AS "revisionNumber"
     FROM assessment_decision_evidence b JOIN evidence_revisions r ON r.id = b.evidence_revision_id
     WHERE b.decision_id IN (:decisionIds) ORDER BY b.id`,
    { type: QueryTypes.SELECT, raw: true, replacements: { decisionIds } },
  );
  for (const row of rows) byDecision.get(Number(row.decisionId))?.push({ ...row, decisionId: Number(row.decisionId), evidenceId: Number(row.evidenceId), revisionNumber: Number(row.revisionNumber) });
  return byDecision;
}

export type CoverageRow = { key: number; label: string; made: number; sampled: number; reviewed: number; agreed: number; challenged: number; percentSampled: number };

function coverage(decisions: PeriodDecision[], sampled: Set<number>, keyOf: (decision: PeriodDecision) => [number, string]): CoverageRow[] {
  const rows = new Map<number, CoverageRow>();
  for (const decision of decisions) {
    const [key, label] = keyOf(decision);
    const row = rows.get(key) ?? { key, label, made: 0, sampled: 0, reviewed: 0, agreed: 0, challenged: 0, percentSampled: 0 };
    row.made += 1;
    if (sampled.has(decision.id)) row.sampled += 1;
    if (decision.review) row.reviewed += 1;
    if (decision.review?.outcome === 'agreed') row.agreed += 1;
    if (decision.review?.outcome === 'challenged') row.challenged += 1;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, percentSampled: Math.round((row.sampled / row.made) * 100) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export type SamplingReport = { period: Period; rules: SamplingRules; byAssessor: CoverageRow[]; byStandard: CoverageRow[]; total: CoverageRow };

/** Coverage per assessor and per standard for the period: decisions made, sampled, reviewed, agreed, challenged. */
export async function samplingReport(actor: Actor, period: Period): Promise<SamplingReport> {
  assertCan(actor, 'read:iqa-report:org');
  const { decisions, sample, rules } = await sampleForPeriod(actor, period);
  const sampled = new Set(sample.map((decision) => decision.id));
  return {
    period,
    rules,
    byAssessor: coverage(decisions, sampled, (decision) => [decision.assessorId, decision.assessorName]),
    byStandard: coverage(decisions, sampled, (decision) => [decision.standardId, decision.urn]),
    total: coverage(decisions, sampled, () => [0, 'All decisions'])[0] ?? { key: 0, label: 'All decisions', made: 0, sampled: 0, reviewed: 0, agreed: 0, challenged: 0, percentSampled: 0 },
  };
}


/** The report as CSV: one row per assessor, then per standard, then the total, with the same figures as the page. */
export async function samplingReportCsv(actor: Actor, period: Period): Promise<string> {
  const report = await samplingReport(actor, period);
  const row = (group: string, entry: CoverageRow) => [group, entry.label, entry.made, entry.sampled, entry.reviewed, entry.agreed, entry.challenged, entry.percentSampled];
  return stringify([
    ['Group', 'Name', 'Decisions made', 'Sampled', 'Reviewed', 'Agreed', 'Challenged', '% sampled'],
    ...report.byAssessor.map((entry) => row('Assessor', entry)),
    ...report.byStandard.map((entry) => row('Standard', entry)),
    row('Total', report.total),
  ]);
}
