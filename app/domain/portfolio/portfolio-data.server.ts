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
import type { ItemState } from '../evidence-types.ts';
import { relationshipTo } from '../relationships.server.ts';
import { ACTION_STATUS, SESSION_STATUS } from '../supervision/statuses.ts';
import {
  ACTIONS_SQL,
  AGREED_VERSION_SQL,
  AGREEMENT_SQL,
  DECISIONS_SQL,
  DECISION_EVIDENCE_SQL,
  EVIDENCE_SQL,
  FILES_SQL,
  GOALS_SQL,
  LINKS_SQL,
  OPPORTUNITIES_SQL,
  PLAN_SQL,
  POLICIES_SQL,
  PREVIOUS_SQL,
  ROLES_SQL,
  SESSIONS_SQL,
  WORKER_SQL,
} from './portfolio-sql.ts';

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
  goals: { id: number; description: string; targetDate: IsoDate | null; status: string; urn: string | null; section: string | null; itemCode: string | null }[];
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
 * documents (docs/decisions/034). Anyone else, and another organisation's worker, gets "not found".
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
            targetDate: row.targetDate === null ? null : dateColumn(row.targetDate as string),
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
