// Changing a worker's PDP (strengths, goals, learning opportunities) and agreeing it: the worker and their supervisor
// (or a manager above) both work on it; a version put forward is agreed by the other party, and each agreed version is
// kept as it was. Every change goes through write() (docs/decisions/010).
import type { Transaction } from 'sequelize';
import { parseIsoDate, today } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, DevelopmentPlanVersion } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { locked, write } from '../write.server.ts';
import { openGapsOf } from './gaps.server.ts';
import { GOAL_STATUS, OPPORTUNITY_KINDS, OPPORTUNITY_STATUS, type GoalInput, type OpportunityInput } from './plan-forms.ts';
import { mayProposeUnchanged, planAccess, planContent, planStandingOf } from './plans.server.ts';
import { agreedAtOf } from './standing.ts';

type Access = Awaited<ReturnType<typeof planAccess>>;

/** The actor's access, refused (403) for a reader who may not change the plan. */
async function changeAccess(actor: Actor, workerId: number): Promise<Access & { party: 'worker' | 'supervisor' }> {
  const access = await planAccess(actor, workerId);
  if (!access.party) throw new Forbidden('Only the worker and their supervisor change this plan');
  return { ...access, party: access.party };
}

/** The worker's plan, created empty on its first change; locked for the write. */
async function planFor(actor: Actor, workerId: number, transaction: Transaction): Promise<DevelopmentPlan> {
  const plan = await DevelopmentPlan.findOne({ where: { workerId, organisationId: actor.organisationId }, ...locked(transaction) });
  return plan ?? DevelopmentPlan.create({ organisationId: actor.organisationId, workerId, strengths: '' }, { transaction });
}

const changed = (actor: Actor, access: Access, what: string) => ({
  action: AUDIT_ACTIONS.developmentPlanChanged,
  summary: `${actor.name} ${what} in ${access.relationship.self ? 'their own' : `${access.worker.name}’s`} development plan`,
  subject: { type: 'person', id: access.worker.id },
});

export async function saveStrengths(ctx: DomainContext, workerId: number, strengths: string) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'change:development-plan',
    load: async () => changeAccess(actor, workerId),
    run: async (_access, transaction) => {
      const plan = await planFor(actor, workerId, transaction);
      await plan.update({ strengths: strengths.trim() }, { transaction });
    },
    audit: (access) => changed(actor, access, 'changed the strengths'),
  });
}

/** Where a goal's gap is, from the form's `link`; only a standard, section or item the worker holds (anything else, another organisation's included, is refused beside the field). */
async function goalLink(workerId: number, workerName: string, link: string | undefined) {
  const value = (link ?? '').trim();
  if (!value) return { standardId: null, section: null, standardItemId: null };
  const held = (await openGapsOf([workerId])).links.get(workerId)!;
  const refused = new ValidationError({ link: [`Select a standard, section or item that ${workerName} holds, or none for a free-text area`] });
  const [kind, id, ...rest] = value.split(':');
  const number = Number(id);
  if (kind === 'item' && held.items.has(number)) return { standardId: held.items.get(number)!.standardId, section: null, standardItemId: number };
  if (kind === 'standard' && held.standards.has(number)) return { standardId: number, section: null, standardItemId: null };
  const section = rest.join(':');
  if (kind === 'section' && held.sections.has(`${number}:${section}`)) return { standardId: number, section, standardItemId: null };
  throw refused;
}

const TARGET_DATE_MESSAGE = 'Enter the target date, for example 27 3 2026';
const validTargetDate = (date: string | undefined) => Boolean(date && parseIsoDate(date));

export async function addGoal(ctx: DomainContext, workerId: number, input: GoalInput): Promise<number> {
  const { actor } = ctx;
  const access = await changeAccess(actor, workerId);
  const errors: Record<string, string[]> = {};
  if (!input.description.trim()) errors.description = ['Enter the area for development'];
  if (!validTargetDate(input.targetDate)) errors.targetDate = [TARGET_DATE_MESSAGE];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const link = await goalLink(workerId, access.worker.name, input.link);
  return write(ctx, {
    permission: 'change:development-plan',
    load: async () => changeAccess(actor, workerId),
    run: async (_access, transaction) => {
      const plan = await planFor(actor, workerId, transaction);
      const goal = await DevelopmentGoal.create(
        { organisationId: actor.organisationId, planId: plan.id, description: input.description.trim(), ...link, targetDate: input.targetDate, status: GOAL_STATUS.open },
        { transaction },
      );
      return goal.id;
    },
    audit: (loaded) => changed(actor, loaded, 'added an area for development'),
  });
}

/** A goal of a plan the actor changes; another's is not found. */
async function loadGoal(actor: Actor, goalId: number, transaction: Transaction) {
  const goal = await DevelopmentGoal.findOne({ where: { id: goalId, organisationId: actor.organisationId }, ...locked(transaction) });
  const plan = goal ? await DevelopmentPlan.findByPk(goal.planId, { transaction }) : null;
  if (!goal || !plan) throw new NotFound('Area for development');
  return { goal, access: await changeAccess(actor, plan.workerId) };
}

export async function setGoalStatus(ctx: DomainContext, goalId: number, status: string) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'change:development-plan',
    load: (transaction) => loadGoal(actor, goalId, transaction),
    check: () => {
      if (!(Object.values(GOAL_STATUS) as string[]).includes(status)) throw new ValidationError({ status: ['Select a status'] });
    },
    run: async ({ goal }, transaction) => {
      await goal.update({ status }, { transaction });
    },
    audit: ({ access }) => changed(actor, access, 'changed an area for development'),
  });
}

/** The field errors of a learning opportunity, checked again here for callers other than the form. */
export function opportunityProblems(input: OpportunityInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!Object.hasOwn(OPPORTUNITY_KINDS, input.kind)) errors.kind = ['Select the kind of learning opportunity'];
  if (!input.description.trim()) errors.description = ['Enter what the opportunity is'];
  if (!validTargetDate(input.targetDate)) errors.targetDate = [TARGET_DATE_MESSAGE];
  return errors;
}

/** Adds a learning opportunity to the worker's plan; `supervisionRecordId` when it was agreed in a supervision record (checked by the caller). */
export async function createOpportunity(actor: Actor, workerId: number, input: OpportunityInput, transaction: Transaction, supervisionRecordId: number | null = null) {
  const errors = opportunityProblems(input);
  const plan = await planFor(actor, workerId, transaction);
  if (input.goalId !== undefined && !(await DevelopmentGoal.findOne({ where: { id: input.goalId, planId: plan.id }, transaction }))) {
    errors.goalId = ['Select an area for development of this plan'];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return DevelopmentOpportunity.create(
    {
      organisationId: actor.organisationId,
      planId: plan.id,
      goalId: input.goalId ?? null,
      activityId: null,
      supervisionRecordId,
      kind: input.kind,
      description: input.description.trim(),
      targetDate: input.targetDate,
      status: OPPORTUNITY_STATUS.planned,
      outcome: '',
      completedOn: null,
    },
    { transaction },
  );
}

export async function addOpportunity(ctx: DomainContext, workerId: number, input: OpportunityInput): Promise<number> {
  const { actor } = ctx;
  return write(ctx, {
    permission: 'change:development-plan',
    load: async () => changeAccess(actor, workerId),
    check: () => {
      const errors = opportunityProblems(input);
      if (Object.keys(errors).length) throw new ValidationError(errors);
    },
    run: async (_access, transaction) => (await createOpportunity(actor, workerId, input, transaction)).id,
    audit: (access) => changed(actor, access, 'added a learning opportunity'),
  });
}

export async function updateOpportunity(ctx: DomainContext, opportunityId: number, input: { status: string; outcome?: string | undefined }) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'change:development-plan',
    load: async (transaction) => {
      const opportunity = await DevelopmentOpportunity.findOne({ where: { id: opportunityId, organisationId: actor.organisationId }, ...locked(transaction) });
      const plan = opportunity ? await DevelopmentPlan.findByPk(opportunity.planId, { transaction }) : null;
      if (!opportunity || !plan) throw new NotFound('Learning opportunity');
      return { opportunity, access: await changeAccess(actor, plan.workerId) };
    },
    check: () => {
      if (!(Object.values(OPPORTUNITY_STATUS) as string[]).includes(input.status)) throw new ValidationError({ status: ['Select a status'] });
    },
    run: async ({ opportunity }, transaction) => {
      const completed = input.status === OPPORTUNITY_STATUS.completed;
      await opportunity.update(
        { status: input.status, outcome: (input.outcome ?? '').trim(), completedOn: completed ? (opportunity.completedOn ?? today(now)) : null },
        { transaction },
      );
    },
    audit: ({ access }) => changed(actor, access, 'updated a learning opportunity'),
  });
}

/** Puts the plan as it stands forward for agreement: a new version, agreed at once by the party who puts it forward. */
export async function proposePlan(ctx: DomainContext, workerId: number): Promise<number> {
  const { actor, now } = ctx;
  return write(ctx, {
    permission: 'change:development-plan',
    load: async (transaction) => {
      const access = await changeAccess(actor, workerId);
      const plan = await DevelopmentPlan.findOne({ where: { workerId, organisationId: actor.organisationId }, ...locked(transaction) });
      if (!plan) throw new InvalidTransition('There is nothing to agree yet: add strengths, areas for development or learning opportunities first');
      const latest = await DevelopmentPlanVersion.findOne({ where: { planId: plan.id }, order: [['versionNumber', 'DESC']], transaction });
      const standing = (await planStandingOf([workerId], today(now)))[workerId]!;
      return { access, plan, latest, standing, content: JSON.stringify(await planContent(plan.id, transaction)) };
    },
    check: ({ latest, standing, content }) => {
      if (latest && latest.content === content && !mayProposeUnchanged(standing, !agreedAtOf(latest))) {
        throw new InvalidTransition(agreedAtOf(latest) ? 'This plan is already agreed as it stands' : 'This plan is already put forward for agreement as it stands');
      }
    },
    run: async ({ access, plan, latest, content }, transaction) => {
      const version = await DevelopmentPlanVersion.create(
        {
          organisationId: actor.organisationId,
          planId: plan.id,
          versionNumber: (latest?.versionNumber ?? 0) + 1,
          content,
          proposedById: actor.id,
          supervisorId: access.party === 'supervisor' ? actor.id : null,
          supervisorAgreedAt: access.party === 'supervisor' ? now : null,
          workerAgreedAt: access.party === 'worker' ? now : null,
          supervisionRecordId: null,
        },
        { transaction },
      );
      return version.versionNumber;
    },
    audit: ({ access }, versionNumber) => ({
      action: AUDIT_ACTIONS.developmentPlanProposed,
      summary: `${actor.name} put forward version ${versionNumber} of ${access.relationship.self ? 'their' : `${access.worker.name}’s`} development plan for agreement`,
      subject: { type: 'person', id: workerId },
    }),
  });
}

/** The other party agrees the version put forward, as long as it is the latest and the plan has not changed since. */
export async function agreePlan(ctx: DomainContext, workerId: number, versionNumber: number) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'change:development-plan',
    load: async (transaction) => {
      const access = await changeAccess(actor, workerId);
      const plan = await DevelopmentPlan.findOne({ where: { workerId, organisationId: actor.organisationId }, transaction });
      const version = plan ? await DevelopmentPlanVersion.findOne({ where: { planId: plan.id, versionNumber }, ...locked(transaction) }) : null;
      if (!plan || !version) throw new NotFound('Version');
      const latest = await DevelopmentPlanVersion.max<number, DevelopmentPlanVersion>('versionNumber', { where: { planId: plan.id }, transaction });
      return { access, version, isLatest: latest === version.versionNumber, content: JSON.stringify(await planContent(plan.id, transaction)) };
    },
    check: ({ access, version, isLatest, content }) => {
      if ((access.party === 'worker' ? version.workerAgreedAt : version.supervisorAgreedAt) !== null) throw new InvalidTransition('You have already agreed this version');
      if (!isLatest || version.content !== content) throw new InvalidTransition('The plan has changed since this version was put forward: put it forward again');
    },
    run: async ({ access, version }, transaction) => {
      await version.update(access.party === 'worker' ? { workerAgreedAt: now } : { supervisorAgreedAt: now, supervisorId: actor.id }, { transaction });
    },
    audit: ({ access }) => ({
      action: AUDIT_ACTIONS.developmentPlanAgreed,
      summary: `${actor.name} agreed version ${versionNumber} of ${access.relationship.self ? 'their' : `${access.worker.name}’s`} development plan`,
      subject: { type: 'person', id: workerId },
    }),
  });
}
