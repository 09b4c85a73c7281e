// Everything one worker's portfolio prints, read in a fixed number of statements however much evidence they have:
// the standards they hold with each item's state and latest decision, their submitted evidence with its files, the
// supervision summary, the PDP and their policy acknowledgements. Drafts are never read: a portfolio leaves the portal.
import { QueryTypes } from 'sequelize';
import { dateColumn, type IsoDate } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { canPrintPortfolio, type Actor } from '#app/utils/permissions.server.ts';
import { sequelize } from '#db/models/index.ts';
import { isAchieved, latestAchievements } from '../assessment/achievements.server.ts';
import { heldStandards } from '../evidence/internal/held-items.server.ts';
import { itemStates } from '../evidence/item-states.server.ts';
import { EVIDENCE_STATUS, type ItemState } from '../evidence-types.ts';
import { relationshipTo } from '../relationships.server.ts';
import { AGREEMENT_STATUS, ACTION_STATUS, SESSION_STATUS } from '../supervision/statuses.ts';

export type PortfolioDecision = {
  id: number;
  outcome: string;
  method: string;
  feedback: string;
  assessorName: string;
  decidedAt: Date;
  countersignRequired: boolean;
  review: { outcome: string; iqaName: string; at: Date } | null;
  /** The evidence the decision rests on. */
  evidenceIds: number[];
};

export type PortfolioItem = {
  id: number;
  code: string;
  kind: 'P' | 'K';
  section: string;
  text: string;
  /** As printed: drafts count for nothing, so an item with only drafts behind it is `none`. */
  state: ItemState;
  decision: PortfolioDecision | null;
  /** Submitted evidence mapped to the item, with the worker's note on how it shows it. */
  evidence: { evidenceId: number; note: string }[];
};

export type PortfolioStandard = {
  standardVersionId: number;
  urn: string;
  version: string;
  title: string;
  targetDate: IsoDate;
  achievedAt: Date | null;
  items: PortfolioItem[];
};

export type PortfolioFile = { id: number; name: string; storedName: string; mediaType: string; sizeBytes: number; sha256: string };

export type PortfolioEvidence = {
  id: number;
  type: string;
  title: string;
  activityDate: IsoDate;
  description: string;
  witness: { name: string; role: string | null; statement: string | null } | null;
  status: string;
  revisionNumber: number;
  submittedAt: Date | null;
  recordedByName: string | null;
  files: PortfolioFile[];
  /** Item codes (URN and code) the evidence is mapped to. */
  itemIds: number[];
};

export type PortfolioSupervision = {
  agreement: {
    version: number;
    supervisorName: string;
    frequencyWeeks: number;
    durationMinutes: number;
    startsOn: IsoDate;
    reviewOn: IsoDate;
    agreeWithinDays: number;
    signatures: { party: string; signedName: string; signedAt: Date }[];
  } | null;
  sessions: { status: string; type: string; count: number; first: Date; last: Date }[];
  /** Sessions held since the current agreement started. */
  heldSinceAgreement: number;
  actions: { open: number; done: number; overdue: number };
};

export type PortfolioPlan = {
  strengths: string;
  updatedAt: Date;
  goals: { id: number; description: string; status: string; urn: string | null; section: string | null; itemCode: string | null }[];
  opportunities: {
    kind: string;
    description: string;
    targetDate: IsoDate;
    status: string;
    outcome: string;
    completedOn: IsoDate | null;
    goalId: number | null;
  }[];
  agreed: { versionNumber: number; workerAgreedAt: Date; supervisorAgreedAt: Date; supervisorName: string | null } | null;
} | null;

export type PortfolioPolicy = { title: string; version: string; isCurrent: boolean; nextReviewOn: IsoDate; acknowledgedAt: Date | null };

export type PortfolioData = {
  worker: {
    id: number;
    name: string;
    email: string;
    jobTitle: string | null;
    teamName: string | null;
    locationName: string | null;
    organisationName: string;
    roles: { name: string; startedOn: IsoDate; targetDate: IsoDate }[];
  };
  standards: PortfolioStandard[];
  evidence: PortfolioEvidence[];
  supervision: PortfolioSupervision;
  plan: PortfolioPlan;
  policies: PortfolioPolicy[];
};

type Row = Record<string, unknown>;
const select = (sql: string, replacements: Record<string, unknown>): Promise<Row[]> =>
  sequelize.query<Row>(sql, { type: QueryTypes.SELECT, raw: true, replacements });
const num = (value: unknown) => Number(value);
const nullableNum = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const instant = (value: unknown) => new Date(value as string | Date);
const nullableInstant = (value: unknown) => (value === null || value === undefined ? null : instant(value));
const bool = (value: unknown) => (typeof value === 'string' ? value === 'true' || value === '1' : Boolean(Number(value)));

const WORKER_SQL = `
SELECT p.id, p.name, p.email, p.job_title AS "jobTitle", t.name AS "teamName", l.name AS "locationName", o.name AS "organisationName"
FROM people p
JOIN organisations o ON o.id = p.organisation_id
LEFT JOIN teams t ON t.id = p.team_id
LEFT JOIN locations l ON l.id = t.location_id
WHERE p.id = :workerId`;

const ROLES_SQL = `
SELECT r.name, a.started_on AS "startedOn", a.target_date AS "targetDate"
FROM role_assignments a JOIN role_profiles r ON r.id = a.role_profile_id
WHERE a.person_id = :workerId AND a.ended_on IS NULL
ORDER BY a.started_on, a.id`;

const DECISIONS_SQL = `
SELECT d.id, d.outcome, d.method, d.feedback, d.created_at AS "decidedAt", d.countersign_required AS "countersignRequired",
       a.name AS "assessorName", r.outcome AS "reviewOutcome", r.created_at AS "reviewedAt", q.name AS "iqaName"
FROM assessment_decisions d
JOIN people a ON a.id = d.assessor_id
LEFT JOIN iqa_reviews r ON r.decision_id = d.id
LEFT JOIN people q ON q.id = r.iqa_id
WHERE d.id IN (:decisionIds)`;

const DECISION_EVIDENCE_SQL = `
SELECT decision_id AS "decisionId", evidence_id AS "evidenceId" FROM assessment_decision_evidence
WHERE decision_id IN (:decisionIds) ORDER BY decision_id, evidence_id`;

// Submitted evidence only (a draft is the worker's unsent letter), at its current revision, oldest activity first.
const EVIDENCE_SQL = `
SELECT e.id, e.status, r.id AS "revisionId", r.revision_number AS "revisionNumber", r.type, r.title, r.activity_date AS "activityDate",
       r.description, r.witness_name AS "witnessName", r.witness_role AS "witnessRole", r.witness_statement AS "witnessStatement",
       r.submitted_at AS "submittedAt", rb.name AS "recordedByName"
FROM evidence e
JOIN evidence_revisions r ON r.id = e.current_revision_id
LEFT JOIN people rb ON rb.id = e.recorded_by_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY r.activity_date, e.id`;

const LINKS_SQL = `
SELECT e.id AS "evidenceId", l.standard_item_id AS "itemId", l.note
FROM evidence e JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY e.id, l.id`;

const FILES_SQL = `
SELECT e.id AS "evidenceId", f.id, f.original_name AS "name", f.stored_name AS "storedName", f.media_type AS "mediaType",
       f.size_bytes AS "sizeBytes", f.sha256
FROM evidence e JOIN evidence_files f ON f.evidence_revision_id = e.current_revision_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY e.id, f.id`;

const PREVIOUS_SQL = `SELECT id, previous_item_id AS "previousItemId" FROM standard_items WHERE id IN (:ids)`;

const AGREEMENT_SQL = `
SELECT a.id, a.version, s.name AS "supervisorName", a.frequency_weeks AS "frequencyWeeks", a.duration_minutes AS "durationMinutes",
       a.starts_on AS "startsOn", a.review_on AS "reviewOn", a.agree_within_days AS "agreeWithinDays",
       g.party, g.signed_name AS "signedName", g.signed_at AS "signedAt"
FROM supervision_agreements a
JOIN people s ON s.id = a.supervisor_id
LEFT JOIN supervision_signatures g ON g.agreement_id = a.id
WHERE a.worker_id = :workerId AND a.status = '${AGREEMENT_STATUS.active}'
ORDER BY a.version DESC, g.party`;

const SESSIONS_SQL = `
SELECT status, type, COUNT(*) AS "count", MIN(starts_at) AS "first", MAX(starts_at) AS "last",
       SUM(CASE WHEN starts_at >= :since THEN 1 ELSE 0 END) AS "sinceAgreement"
FROM supervision_sessions WHERE worker_id = :workerId
GROUP BY status, type ORDER BY status, type`;

const ACTIONS_SQL = `
SELECT status, COUNT(*) AS "count", SUM(CASE WHEN due_on < :today THEN 1 ELSE 0 END) AS "overdue"
FROM supervision_actions WHERE worker_id = :workerId GROUP BY status`;

const PLAN_SQL = `SELECT id, strengths, updated_at AS "updatedAt" FROM development_plans WHERE worker_id = :workerId`;

const GOALS_SQL = `
SELECT g.id, g.description, g.status, COALESCE(s.urn, si.urn) AS urn, g.section, i.code AS "itemCode"
FROM development_plans p
JOIN development_goals g ON g.plan_id = p.id
LEFT JOIN standards s ON s.id = g.standard_id
LEFT JOIN standard_items i ON i.id = g.standard_item_id
LEFT JOIN standard_versions iv ON iv.id = i.standard_version_id
LEFT JOIN standards si ON si.id = iv.standard_id
WHERE p.worker_id = :workerId ORDER BY g.id`;

const OPPORTUNITIES_SQL = `
SELECT o.kind, o.description, o.target_date AS "targetDate", o.status, o.outcome, o.completed_on AS "completedOn", o.goal_id AS "goalId"
FROM development_plans p JOIN development_opportunities o ON o.plan_id = p.id
WHERE p.worker_id = :workerId ORDER BY o.target_date, o.id`;

const AGREED_VERSION_SQL = `
SELECT v.version_number AS "versionNumber", v.worker_agreed_at AS "workerAgreedAt", v.supervisor_agreed_at AS "supervisorAgreedAt",
       s.name AS "supervisorName"
FROM development_plans p
JOIN development_plan_versions v ON v.plan_id = p.id
LEFT JOIN people s ON s.id = v.supervisor_id
WHERE p.worker_id = :workerId AND v.worker_agreed_at IS NOT NULL AND v.supervisor_agreed_at IS NOT NULL
ORDER BY v.version_number DESC`;

// Every policy version the worker acknowledged, and each current version whether or not they have.
const POLICIES_SQL = `
SELECT p.title, v.version, v.is_current AS "isCurrent", v.next_review_on AS "nextReviewOn", a.created_at AS "acknowledgedAt"
FROM policy_versions v
JOIN policies p ON p.id = v.policy_id
LEFT JOIN policy_acknowledgements a ON a.policy_version_id = v.id AND a.person_id = :workerId
WHERE v.organisation_id = :organisationId AND (v.is_current = :yes OR a.id IS NOT NULL)
ORDER BY p.title, v.adopted_on, v.id`;

/** Maps earlier versions' items to the held item they became (evidence mapped to an old version still counts). */
async function carriedInto(items: { id: number; previousItemId: number | null }[]): Promise<Map<number, number>> {
  const becomes = new Map<number, number>();
  let step = items.map((item) => ({ ...item, heldId: item.id }));
  while (step.length) {
    const next = step.filter((item) => item.previousItemId !== null && !becomes.has(item.previousItemId));
    for (const item of next) becomes.set(item.previousItemId!, item.heldId);
    if (!next.length) break;
    const rows = await select(PREVIOUS_SQL, { ids: next.map((item) => item.previousItemId) });
    const heldOf = new Map(next.map((item) => [item.previousItemId!, item.heldId]));
    step = rows.map((row) => ({ id: num(row.id), previousItemId: nullableNum(row.previousItemId), heldId: heldOf.get(num(row.id))! }));
  }
  return becomes;
}

/**
 * Who may print: whoever may read the worker's submitted evidence, and the organisation's admins, who issue its
 * documents (docs/decisions/031). Anyone else, and another organisation's worker, gets "not found".
 */
export async function requirePortfolioReader(actor: Actor, workerId: number) {
  const { worker, relationship } = await relationshipTo(actor, workerId);
  if (!canPrintPortfolio(actor, { id: worker.id, relationship })) throw new NotFound('Evidence');
  return worker;
}

/** The portfolio's content for one worker, after the permission check; `today` decides what is overdue. */
export async function loadPortfolioData(actor: Actor, workerId: number, today: IsoDate): Promise<PortfolioData> {
  const worker = await requirePortfolioReader(actor, workerId);
  const replacements = { workerId: worker.id };
  const [
    [person],
    roles,
    standards,
    evidenceRows,
    linkRows,
    fileRows,
    agreementRows,
    actionRows,
    [planRow],
    goalRows,
    opportunityRows,
    [agreedRow],
    policyRows,
    achievements,
  ] = await Promise.all([
    select(WORKER_SQL, replacements),
    select(ROLES_SQL, replacements),
    heldStandards(worker.id),
    select(EVIDENCE_SQL, replacements),
    select(LINKS_SQL, replacements),
    select(FILES_SQL, replacements),
    select(AGREEMENT_SQL, replacements),
    select(ACTIONS_SQL, { ...replacements, today }),
    select(PLAN_SQL, replacements),
    select(GOALS_SQL, replacements),
    select(OPPORTUNITIES_SQL, replacements),
    select(AGREED_VERSION_SQL, replacements),
    select(POLICIES_SQL, { ...replacements, organisationId: actor.organisationId, yes: true }),
    latestAchievements([worker.id]),
  ]);
  const heldItems = standards.flatMap((standard) => standard.items);
  const agreementStart = agreementRows[0] ? dateColumn(agreementRows[0].startsOn as string) : null;
  const [states, becomes, sessionRows] = await Promise.all([
    itemStates([worker.id], standards.map((standard) => standard.standardVersionId)),
    carriedInto(heldItems),
    select(SESSIONS_SQL, { ...replacements, since: agreementStart ? new Date(`${agreementStart}T00:00:00Z`) : new Date(0) }),
  ]);
  const stateOf = states.get(worker.id)!;
  const decisionIds = [...new Set([...stateOf.values()].flatMap((state) => (state.decisionId === null ? [] : [state.decisionId])))];
  const [decisionRows, basisRows]: [Row[], Row[]] = decisionIds.length
    ? await Promise.all([select(DECISIONS_SQL, { decisionIds }), select(DECISION_EVIDENCE_SQL, { decisionIds })])
    : [[], []];

  const basisOf = new Map<number, number[]>();
  for (const row of basisRows) basisOf.set(num(row.decisionId), [...(basisOf.get(num(row.decisionId)) ?? []), num(row.evidenceId)]);
  const decisions = new Map<number, PortfolioDecision>(
    decisionRows.map((row) => [
      num(row.id),
      {
        id: num(row.id),
        outcome: String(row.outcome),
        method: String(row.method),
        feedback: String(row.feedback ?? ''),
        assessorName: String(row.assessorName),
        decidedAt: instant(row.decidedAt),
        countersignRequired: bool(row.countersignRequired),
        review: row.reviewOutcome ? { outcome: String(row.reviewOutcome), iqaName: String(row.iqaName ?? ''), at: instant(row.reviewedAt) } : null,
        evidenceIds: basisOf.get(num(row.id)) ?? [],
      },
    ]),
  );

  const linksOfItem = new Map<number, { evidenceId: number; note: string }[]>();
  const itemsOfEvidence = new Map<number, number[]>();
  for (const row of linkRows) {
    const itemId = becomes.get(num(row.itemId)) ?? num(row.itemId);
    linksOfItem.set(itemId, [...(linksOfItem.get(itemId) ?? []), { evidenceId: num(row.evidenceId), note: String(row.note ?? '') }]);
    itemsOfEvidence.set(num(row.evidenceId), [...(itemsOfEvidence.get(num(row.evidenceId)) ?? []), itemId]);
  }
  const filesOf = new Map<number, PortfolioFile[]>();
  for (const row of fileRows) {
    const file = { id: num(row.id), name: String(row.name), storedName: String(row.storedName), mediaType: String(row.mediaType), sizeBytes: num(row.sizeBytes), sha256: String(row.sha256) };
    filesOf.set(num(row.evidenceId), [...(filesOf.get(num(row.evidenceId)) ?? []), file]);
  }

  const achievedOf = achievements.get(worker.id)!;
  const agreement = agreementRows[0];
  const plan = planRow ?? null;
  return {
    worker: {
      id: worker.id,
      name: String(person!.name),
      email: String(person!.email),
      jobTitle: (person!.jobTitle as string | null) ?? null,
      teamName: (person!.teamName as string | null) ?? null,
      locationName: (person!.locationName as string | null) ?? null,
      organisationName: String(person!.organisationName),
      roles: roles.map((row) => ({ name: String(row.name), startedOn: dateColumn(row.startedOn as string), targetDate: dateColumn(row.targetDate as string) })),
    },
    standards: standards.map((standard) => {
      const latest = achievedOf.get(standard.standardVersionId);
      return {
        standardVersionId: standard.standardVersionId,
        urn: standard.urn,
        version: standard.version,
        title: standard.title,
        targetDate: dateColumn(standard.targetDate),
        achievedAt: isAchieved(latest) ? latest!.at : null,
        items: standard.items.map((item) => {
          const state = stateOf.get(item.id);
          const evidence = linksOfItem.get(item.id) ?? [];
          // The projection counts drafts; printed, an item whose only evidence is a draft has nothing behind it.
          const printed: ItemState = !state || state.state === 'mapped' ? 'none' : state.state === 'submitted' && !evidence.length ? 'none' : state.state;
          return {
            id: item.id,
            code: item.code,
            kind: item.kind,
            section: item.section,
            text: item.text,
            state: printed,
            decision: state?.decisionId ? (decisions.get(state.decisionId) ?? null) : null,
            evidence,
          };
        }),
      };
    }),
    evidence: evidenceRows.map((row) => ({
      id: num(row.id),
      type: String(row.type),
      title: String(row.title),
      activityDate: dateColumn(row.activityDate as string),
      description: String(row.description ?? ''),
      witness: row.witnessName ? { name: String(row.witnessName), role: (row.witnessRole as string | null) ?? null, statement: (row.witnessStatement as string | null) ?? null } : null,
      status: String(row.status),
      revisionNumber: num(row.revisionNumber),
      submittedAt: nullableInstant(row.submittedAt),
      recordedByName: (row.recordedByName as string | null) ?? null,
      files: filesOf.get(num(row.id)) ?? [],
      itemIds: itemsOfEvidence.get(num(row.id)) ?? [],
    })),
    supervision: {
      agreement: agreement
        ? {
            version: num(agreement.version),
            supervisorName: String(agreement.supervisorName),
            frequencyWeeks: num(agreement.frequencyWeeks),
            durationMinutes: num(agreement.durationMinutes),
            startsOn: dateColumn(agreement.startsOn as string),
            reviewOn: dateColumn(agreement.reviewOn as string),
            agreeWithinDays: num(agreement.agreeWithinDays),
            signatures: agreementRows
              .filter((row) => row.version === agreement.version && row.party)
              .map((row) => ({ party: String(row.party), signedName: String(row.signedName), signedAt: instant(row.signedAt) })),
          }
        : null,
      sessions: sessionRows.map((row) => ({ status: String(row.status), type: String(row.type), count: num(row.count), first: instant(row.first), last: instant(row.last) })),
      heldSinceAgreement: sessionRows.filter((row) => row.status === SESSION_STATUS.held).reduce((sum, row) => sum + num(row.sinceAgreement), 0),
      actions: {
        open: num(actionRows.find((row) => row.status === ACTION_STATUS.open)?.count ?? 0),
        done: num(actionRows.find((row) => row.status === ACTION_STATUS.done)?.count ?? 0),
        overdue: num(actionRows.find((row) => row.status === ACTION_STATUS.open)?.overdue ?? 0),
      },
    },
    plan: plan
      ? {
          strengths: String(plan.strengths ?? ''),
          updatedAt: instant(plan.updatedAt),
          goals: goalRows.map((row) => ({
            id: num(row.id),
            description: String(row.description),
            status: String(row.status),
            urn: (row.urn as string | null) ?? null,
            section: (row.section as string | null) ?? null,
            itemCode: (row.itemCode as string | null) ?? null,
          })),
          opportunities: opportunityRows.map((row) => ({
            kind: String(row.kind),
            description: String(row.description),
            targetDate: dateColumn(row.targetDate as string),
            status: String(row.status),
            outcome: String(row.outcome ?? ''),
            completedOn: row.completedOn ? dateColumn(row.completedOn as string) : null,
            goalId: nullableNum(row.goalId),
          })),
          agreed: agreedRow
            ? {
                versionNumber: num(agreedRow.versionNumber),
                workerAgreedAt: instant(agreedRow.workerAgreedAt),
                supervisorAgreedAt: instant(agreedRow.supervisorAgreedAt),
                supervisorName: (agreedRow.supervisorName as string | null) ?? null,
              }
            : null,
        }
      : null,
    policies: policyRows.map((row) => ({
      title: String(row.title),
      version: String(row.version),
      isCurrent: bool(row.isCurrent),
      nextReviewOn: dateColumn(row.nextReviewOn as string),
      acknowledgedAt: nullableInstant(row.acknowledgedAt),
    })),
  };
}
