// A worker's personal development plan as its readers see it (the worker, their line supervisor, the managers above
// them; docs/decisions/033), its agreed versions, and the standing of many workers' plans at once for the team page.
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, canReadDevelopmentPlan, canReadSupervision, developmentPlanParty, type Actor } from '#app/utils/permissions.server.ts';
import { DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, DevelopmentPlanVersion, Person, Standard, StandardItem, StandardVersion, SupervisionRecord, SupervisionSession, sequelize } from '#db/models/index.ts';
import { relationshipTo } from '../relationships.server.ts';
import { openGapCount, openGapsOf } from './gaps.server.ts';
import { agreedAtOf, flaggedForNoPlan, instantOf, planStanding, type PlanStanding } from './standing.ts';

/** The worker and the actor's standing to the plan; 404 for anyone who may not read it (assessors, colleagues, other organisations). */
export async function planAccess(actor: Actor, workerId: number) {
  assertCan(actor, 'read:development-plan');
  const { worker, relationship } = await relationshipTo(actor, workerId);
  const related = { id: worker.id, relationship };
  if (!canReadDevelopmentPlan(actor, related)) throw new NotFound('Development plan');
  return { worker, relationship, party: developmentPlanParty(actor, related), readsSupervision: canReadSupervision(actor, related) };
}

// Per person `p` of the statement they are put in: their plan, when its latest version agreed by both was agreed (the
// later of the two agreements), and the shortest review period of their role profiles current on :today.
export const PLAN_STANDING_COLUMNS = `
  (SELECT dp.id FROM development_plans dp WHERE dp.worker_id = p.id) AS "planId",
  (SELECT CASE WHEN v.worker_agreed_at > v.supervisor_agreed_at THEN v.worker_agreed_at ELSE v.supervisor_agreed_at END
     FROM development_plans dp JOIN development_plan_versions v ON v.plan_id = dp.id
    WHERE dp.worker_id = p.id AND v.worker_agreed_at IS NOT NULL AND v.supervisor_agreed_at IS NOT NULL
    ORDER BY v.version_number DESC LIMIT 1) AS "planAgreedAt",
  (SELECT MIN(rp.pdp_review_months) FROM role_assignments ra JOIN role_profiles rp ON rp.id = ra.role_profile_id
    WHERE ra.person_id = p.id AND (ra.ended_on IS NULL OR ra.ended_on > :today)) AS "pdpReviewMonths"`;

export type PlanStandingRow = { planId: number | string | null; planAgreedAt: Date | string | null; pdpReviewMonths: number | string | null };

/** A plan's standing on `on` from PLAN_STANDING_COLUMNS: missing, draft (never agreed by both), current or stale. */
export function planStandingOfRow(row: PlanStandingRow, on: string): PlanStanding {
  return planStanding({ hasPlan: row.planId !== null, agreedAt: instantOf(row.planAgreedAt), reviewMonths: row.pdpReviewMonths === null ? null : Number(row.pdpReviewMonths) }, on);
}

/**
 * Unchecked: the caller has already chosen workers the actor may see. Each worker's plan standing in one statement
 * however many workers.
 */
export async function planStandingOf(workerIds: number[], on: string = today()): Promise<Record<number, PlanStanding>> {
  if (!workerIds.length) return {};
  const rows = await sequelize.query<PlanStandingRow & { workerId: number | string }>(`SELECT p.id AS "workerId", ${PLAN_STANDING_COLUMNS} FROM people p WHERE p.id IN (:workerIds)`, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds, today: on },
  });
  return Object.fromEntries(rows.map((row) => [Number(row.workerId), planStandingOfRow(row, on)]));
}

export type PlanContent = {
  strengths: string;
  /** `targetDate` is missing from versions agreed before areas had one. */
  goals: { id: number; description: string; link: string | null; targetDate?: string | null; status: string }[];
  opportunities: { id: number; kind: string; description: string; targetDate: string; status: string; outcome: string; goalId: number | null }[];
};

/** The plan's content as it is agreed and kept: what the versions store as JSON. Reads inside a write when given its transaction. */
export async function planContent(planId: number, transaction?: Transaction): Promise<PlanContent> {
  const [plan, goals, opportunities] = await Promise.all([
    DevelopmentPlan.findByPk(planId, { transaction }),
    DevelopmentGoal.findAll({ where: { planId }, order: [['id', 'ASC']], transaction }),
    DevelopmentOpportunity.findAll({ where: { planId }, order: [['targetDate', 'ASC'], ['id', 'ASC']], transaction }),
  ]);
  const labels = await linkLabels(goals, transaction);
  return {
    strengths: plan?.strengths ?? '',
    goals: goals.map((goal) => ({ id: goal.id, description: goal.description, link: labels.get(goal.id) ?? null, targetDate: goal.targetDate, status: goal.status })),
    opportunities: opportunities.map((row) => ({
      id: row.id,
      kind: row.kind,
      description: row.description,
      targetDate: row.targetDate,
      status: row.status,
      outcome: row.outcome,
      goalId: row.goalId,
    })),
  };
}

/** What each goal is linked to, in words ("Standard: section" or "URN code: text"), two queries for any number of goals. */
async function linkLabels(goals: DevelopmentGoal[], transaction?: Transaction): Promise<Map<number, string>> {
  const itemIds = goals.flatMap((goal) => (goal.standardItemId ? [goal.standardItemId] : []));
  const standardIds = goals.flatMap((goal) => (goal.standardId ? [goal.standardId] : []));
  const [items, versions] = await Promise.all([
    itemIds.length ? StandardItem.findAll({ where: { id: { [Op.in]: itemIds } }, include: [{ model: StandardVersion, as: 'standardVersion', attributes: ['title'], include: [{ model: Standard, as: 'standard', attributes: ['urn'] }] }], transaction }) : [],
    standardIds.length ? StandardVersion.findAll({ where: { standardId: { [Op.in]: standardIds }, isCurrent: true }, attributes: ['standardId', 'title'], transaction }) : [],
  ]);
  const itemLabel = new Map(items.map((item) => [item.id, `${item.get('standardVersion') ? ((item.get('standardVersion') as StandardVersion).standard?.urn ?? '') : ''} ${item.code}: ${item.text}`.trim()]));
  const titleOf = new Map(versions.map((version) => [version.standardId, version.title]));
  const labels = new Map<number, string>();
  for (const goal of goals) {
    if (goal.standardItemId) labels.set(goal.id, itemLabel.get(goal.standardItemId) ?? 'An item');
    else if (goal.standardId) labels.set(goal.id, goal.section ? `${titleOf.get(goal.standardId) ?? 'A standard'}: ${goal.section}` : `${titleOf.get(goal.standardId) ?? 'A standard'} (whole standard)`);
  }
  return labels;
}

/** The plan page: the plan now, its standing and gaps, what the actor may do, who agreed each version and when. */
export async function planPage(actor: Actor, workerId: number) {
  const access = await planAccess(actor, workerId);
  const plan = await DevelopmentPlan.findOne({ where: { workerId, organisationId: actor.organisationId } });
  const [content, versions, standing, { gaps, links }, supervised] = await Promise.all([
    plan ? planContent(plan.id) : ({ strengths: '', goals: [], opportunities: [] } satisfies PlanContent),
    plan ? DevelopmentPlanVersion.findAll({ where: { planId: plan.id }, order: [['versionNumber', 'DESC']] }) : [],
    planStandingOf([workerId]),
    openGapsOf([workerId]),
    plan ? opportunitiesAgreedInSupervision(plan.id) : new Map<number, { sessionId: number; heldOn: Date }>(),
  ]);
  const people = await Person.findAll({ where: { id: { [Op.in]: [...new Set(versions.flatMap((v) => [v.proposedById, v.supervisorId ?? v.proposedById]))] } }, attributes: ['id', 'name'] });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const latest = versions[0];
  const unchanged = latest !== undefined && JSON.stringify(content) === latest.content;
  const pending = latest && unchanged && !agreedAtOf(latest) ? latest : null;
  const workerGaps = gaps.get(workerId) ?? [];
  const planStanding_ = standing[workerId]!;
  return {
    worker: access.worker,
    isSelf: access.relationship.self,
    canChange: access.party !== null,
    /** Put forward: when the plan has changed since the last version, or is unchanged but stale. */
    canPropose: access.party !== null && plan !== null && (!unchanged || mayProposeUnchanged(planStanding_, pending !== null)),
    standing: planStanding_,
    flagged: flaggedForNoPlan(planStanding_, openGapCount(workerGaps)),
    openGaps: openGapCount(workerGaps),
    content: {
      ...content,
      opportunities: content.opportunities.map((row) => {
        const agreedIn = supervised.get(row.id);
        return { ...row, agreedInSupervision: agreedIn ? { heldOn: agreedIn.heldOn, sessionId: access.readsSupervision ? agreedIn.sessionId : null } : null };
      }),
    },
    linkOptions: links.get(workerId)?.options ?? [],
    versions: versions.map((version) => ({
      versionNumber: version.versionNumber,
      proposedBy: nameOf.get(version.proposedById) ?? '',
      proposedAt: version.createdAt,
      workerAgreedAt: version.workerAgreedAt,
      supervisorAgreedAt: version.supervisorAgreedAt,
      supervisorName: version.supervisorId ? (nameOf.get(version.supervisorId) ?? '') : null,
      agreed: agreedAtOf(version) !== null,
    })),
    pending: pending
      ? {
          versionNumber: pending.versionNumber,
          awaiting: pending.workerAgreedAt ? 'supervisor' : 'worker',
          mayAgree: access.party !== null && (access.party === 'worker' ? !pending.workerAgreedAt : !pending.supervisorAgreedAt),
        }
      : null,
  };
}

/** The plan as last agreed may be put forward again unchanged only once it is stale (and nothing waits for agreement). */
export function mayProposeUnchanged(standing: PlanStanding, pending: boolean): boolean {
  return !pending && standing.state === 'stale';
}

export type PlanPage = Awaited<ReturnType<typeof planPage>>;

/** For each opportunity agreed in a supervision record: the session it was held in and when. */
async function opportunitiesAgreedInSupervision(planId: number) {
  const rows = await DevelopmentOpportunity.findAll({
    where: { planId, supervisionRecordId: { [Op.ne]: null } },
    attributes: ['id', 'supervisionRecordId'],
    include: [{ model: SupervisionRecord, as: 'supervisionRecord', attributes: ['sessionId'], include: [{ model: SupervisionSession, as: 'session', attributes: ['id', 'startsAt'] }] }],
  });
  return new Map(
    rows.map((row) => {
      const session = (row.get('supervisionRecord') as (SupervisionRecord & { session?: SupervisionSession }) | undefined)?.session;
      return [row.id, { sessionId: session?.id ?? 0, heldOn: session?.startsAt ?? new Date(0) }];
    }),
  );
}

/** One agreed (or put forward) version as it was: its content as kept, and who agreed it when. */
export async function planVersion(actor: Actor, workerId: number, versionNumber: number) {
  const access = await planAccess(actor, workerId);
  const plan = await DevelopmentPlan.findOne({ where: { workerId, organisationId: actor.organisationId } });
  const version = plan ? await DevelopmentPlanVersion.findOne({ where: { planId: plan.id, versionNumber } }) : null;
  if (!version) throw new NotFound('Version');
  const people = await Person.findAll({ where: { id: { [Op.in]: [version.proposedById, version.supervisorId ?? version.proposedById] } }, attributes: ['id', 'name'] });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  return {
    worker: access.worker,
    isSelf: access.relationship.self,
    versionNumber: version.versionNumber,
    content: JSON.parse(version.content) as PlanContent,
    proposedBy: nameOf.get(version.proposedById) ?? '',
    proposedAt: version.createdAt,
    workerAgreedAt: version.workerAgreedAt,
    supervisorAgreedAt: version.supervisorAgreedAt,
    supervisorName: version.supervisorId ? (nameOf.get(version.supervisorId) ?? '') : null,
    agreed: agreedAtOf(version) !== null,
  };
}
