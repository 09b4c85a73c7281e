// Planning against the gaps (docs/decisions/031): the biggest gaps among the people a manager manages, who lacks one,
// a development activity for chosen people that puts a learning opportunity in each one's PDP, and its attendance.
import { Op } from 'sequelize';
import { dateColumn, today as todayInLondon } from '#app/utils/dates/index.ts';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { DevelopmentActivity, DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, Person, Standard, StandardItem } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { locked, write } from '../write.server.ts';
import { activityKindLabel, ATTENDANCE, gapPath, participationLabel, type GapRef } from './activity-kinds.ts';
import { PAST_DATE_MESSAGE, type ActivityInput, type AttendanceInput } from './forms.ts';
import { achievedBy, activitiesFor, delivered, gapKey, itemsOfGap, teamCompetence, type Gap, type PlannedActivity, type TeamCompetence } from './internal/gaps.server.ts';
import { managedPeople, type ManagedPerson } from './internal/managed-people.server.ts';

/** How many items a gaps page lists at most: the biggest first. */
const ITEMS_LISTED = 25;

function describeActivity(activity: PlannedActivity, competence: TeamCompetence) {
  const achieved = achievedBy(activity, competence);
  return {
    id: activity.id,
    kindLabel: activityKindLabel(activity.kind),
    title: activity.title,
    startsOn: activity.startsOn,
    people: activity.participants.length,
    delivered: activity.participants.filter((participant) => delivered(participant.status)).length,
    itemsMet: achieved.itemsMet,
    peopleWithItemsMet: achieved.people.length,
  };
}

function activitiesByGap(activities: PlannedActivity[]) {
  const byGap = new Map<string, PlannedActivity[]>();
  for (const activity of activities) {
    if (!activity.ref) continue;
    const key = gapKey(activity.ref);
    byGap.set(key, [...(byGap.get(key) ?? []), activity]);
  }
  return byGap;
}

/** The team's gaps, biggest first, with the development planned against each and what it achieved. */
export async function teamGaps(actor: Actor) {
  assertCan(actor, 'read:team:managed');
  const people = await managedPeople(actor);
  const ids = people.map((person) => person.id);
  const [competence, activities] = await Promise.all([teamCompetence(ids), activitiesFor(actor.organisationId, ids)]);
  const planned = activitiesByGap(activities);
  const row = (gap: Gap) => ({
    key: gap.key,
    path: gapPath(gap.ref),
    label: gap.label,
    standardUrn: gap.standard.urn,
    section: gap.section,
    code: gap.item?.code ?? null,
    text: gap.item?.text ?? null,
    lacking: gap.lacking.length,
    holders: gap.holders.length,
    activities: (planned.get(gap.key) ?? []).map((activity) => describeActivity(activity, competence)),
  });
  const open = competence.gaps.filter((gap) => gap.lacking.length > 0);
  return {
    people: people.length,
    standards: open.filter((gap) => gap.ref.kind === 'standard').map(row),
    sections: open.filter((gap) => gap.ref.kind === 'section').map(row),
    items: open.filter((gap) => gap.ref.kind === 'item').slice(0, ITEMS_LISTED).map(row),
    itemsWithGaps: open.filter((gap) => gap.ref.kind === 'item').length,
  };
}

/** The gap's own row (another organisation's standard or item is not found), checked against the actor's organisation. */
async function loadGap(actor: Actor, ref: GapRef) {
  if (ref.kind === 'item') {
    const item = await StandardItem.findOne({ where: { id: ref.itemId, organisationId: actor.organisationId }, include: [{ association: 'standardVersion', attributes: ['standardId', 'title'] }] });
    if (!item) throw new NotFound('Gap');
    return { standardId: (item.get('standardVersion') as { standardId: number }).standardId, section: item.section, itemId: item.id };
  }
  const standard = await Standard.findOne({ where: { id: ref.standardId, organisationId: actor.organisationId }, attributes: ['id'] });
  if (!standard) throw new NotFound('Gap');
  return { standardId: standard.id, section: ref.kind === 'section' ? ref.section : null, itemId: null };
}

/** Who holds the gap without having all of it met: the mentors a mentoring activity may name. */
function mentorsFor(gap: Gap | undefined, people: ManagedPerson[]) {
  if (!gap) return [];
  const lacking = new Set(gap.lacking);
  const holders = new Set(gap.holders);
  return people.filter((person) => holders.has(person.id) && !lacking.has(person.id));
}

async function gapWithPeople(actor: Actor, ref: GapRef) {
  await loadGap(actor, ref);
  const people = await managedPeople(actor);
  const ids = people.map((person) => person.id);
  const [competence, activities] = await Promise.all([teamCompetence(ids), activitiesFor(actor.organisationId, ids)]);
  const gap = competence.gaps.find((candidate) => candidate.key === gapKey(ref));
  return { people, competence, activities, gap };
}

/** One gap: who lacks it (and how much of it), who could mentor, and the development planned against it. */
export async function gapPage(actor: Actor, ref: GapRef) {
  assertCan(actor, 'read:team:managed');
  const { people, competence, activities, gap } = await gapWithPeople(actor, ref);
  // A standard or item of the organisation that nobody the manager manages holds has no gap to show.
  if (!gap) throw new NotFound('Gap');
  const lacking = new Set(gap.lacking);
  const key = gapKey(ref);
  return {
    gap: { label: gap.label, kind: ref.kind, standard: gap.standard, section: gap.section, item: gap.item, holders: gap.holders.length, path: gapPath(ref) },
    lacking: people
      .filter((person) => lacking.has(person.id))
      .map((person) => {
        const items = itemsOfGap(ref, competence.held.get(person.id) ?? [], competence.standardOf);
        const states = competence.states.get(person.id)!;
        return { id: person.id, name: person.name, teamName: person.teamName, items: items.length, notMet: items.filter((item) => states.get(item.id)?.state !== 'met').length };
      }),
    mentors: mentorsFor(gap, people).map((person) => ({ id: person.id, name: person.name })),
    activities: activities.filter((activity) => activity.ref && gapKey(activity.ref) === key).map((activity) => describeActivity(activity, competence)),
  };
}

/**
 * Plans a development activity against the gap for the chosen people, all of whom the manager manages: the activity,
 * each person's PDP where they have none yet, and their learning opportunity on it, in one transaction with its audit.
 */
export async function planActivity(ctx: DomainContext, ref: GapRef, input: ActivityInput): Promise<number> {
  const { actor } = ctx;
  return write(ctx, {
    permission: 'plan:development:managed',
    load: async () => {
      const { people, gap } = await gapWithPeople(actor, ref);
      return { target: await loadGap(actor, ref), people, gap };
    },
    check: ({ people, gap }) => {
      const managed = new Set(people.map((person) => person.id));
      // Someone the manager does not manage (or of another organisation) is not theirs to see.
      if (input.workerIds.some((id) => !managed.has(id))) throw new NotFound('Person');
      const errors: Record<string, string[]> = {};
      if (input.startsOn < todayInLondon(ctx.now)) errors.startsOn = [PAST_DATE_MESSAGE];
      if (input.kind === 'training' && !input.place) errors.place = ['Enter where the training session takes place'];
      if (input.kind === 'mentoring') {
        const mentors = new Set(mentorsFor(gap, people).map((person) => person.id));
        if (input.mentorId === undefined) errors.mentorId = ['Select the colleague who will mentor'];
        else if (!mentors.has(input.mentorId)) errors.mentorId = ['Select a mentor who has this met'];
        else if (input.workerIds.includes(input.mentorId)) errors.mentorId = ['A mentor cannot also be mentored on this activity'];
      }
      if (Object.keys(errors).length) throw new ValidationError(errors);
    },
    run: async ({ target }, transaction) => {
      const workerIds = [...new Set(input.workerIds)];
      const activity = await DevelopmentActivity.create(
        {
          organisationId: actor.organisationId,
          kind: input.kind,
          title: input.title,
          details: input.details ?? '',
          startsOn: input.startsOn,
          place: input.place || null,
          mentorId: input.kind === 'mentoring' ? (input.mentorId ?? null) : null,
          standardId: target.standardId,
          section: target.section,
          standardItemId: target.itemId,
          plannedById: actor.id,
        },
        { transaction },
      );
      const existing = await DevelopmentPlan.findAll({ where: { workerId: { [Op.in]: workerIds } }, ...locked(transaction) });
      const planOf = new Map(existing.map((plan) => [plan.workerId, plan.id]));
      for (const workerId of workerIds) {
        if (planOf.has(workerId)) continue;
        const plan = await DevelopmentPlan.create({ organisationId: actor.organisationId, workerId, strengths: '' }, { transaction });
        planOf.set(workerId, plan.id);
      }
      // The area for development this closes, where the worker's plan already names the same gap.
      const goals = await DevelopmentGoal.findAll({
        where: {
          planId: { [Op.in]: [...planOf.values()] },
          status: 'open',
          ...(target.itemId !== null ? { standardItemId: target.itemId } : { standardId: target.standardId, section: target.section, standardItemId: null }),
        },
        order: [['id', 'ASC']],
        transaction,
      });
      for (const workerId of workerIds) {
        const planId = planOf.get(workerId)!;
        await DevelopmentOpportunity.create(
          {
            organisationId: actor.organisationId,
            planId,
            goalId: goals.find((goal) => goal.planId === planId)?.id ?? null,
            activityId: activity.id,
            supervisionRecordId: null,
            kind: input.kind,
            description: input.title,
            targetDate: input.startsOn,
            status: 'planned',
            outcome: '',
            completedOn: null,
          },
          { transaction },
        );
      }
      return activity.id;
    },
    audit: (_subject, activityId) => ({
      action: AUDIT_ACTIONS.developmentActivityPlanned,
      summary: `Planned ${activityKindLabel(input.kind).toLowerCase()} on ${input.startsOn} for ${input.workerIds.length} ${input.workerIds.length === 1 ? 'person' : 'people'}`,
      subject: { type: 'development_activity', id: activityId },
    }),
  });
}

/** The activity in the actor's organisation, with its participants the actor manages; none of them: not found. */
async function loadActivity(actor: Actor, activityId: number) {
  const activity = await DevelopmentActivity.findOne({ where: { id: activityId, organisationId: actor.organisationId } });
  if (!activity) throw new NotFound('Development activity');
  const people = await managedPeople(actor);
  const ids = people.map((person) => person.id);
  const planned = (await activitiesFor(actor.organisationId, ids)).find((candidate) => candidate.id === activityId);
  if (!planned && activity.plannedById !== actor.id) throw new NotFound('Development activity');
  return { activity, people, planned: planned ?? { id: activity.id, kind: activity.kind, title: activity.title, startsOn: dateColumn(activity.startsOn), place: activity.place, ref: null, participants: [] } };
}

/** The activity's page: what, when, where, against which gap; each participant's attendance and what they achieved. */
export async function activityPage(actor: Actor, activityId: number) {
  assertCan(actor, 'read:team:managed');
  const { activity, people, planned } = await loadActivity(actor, activityId);
  const ids = planned.participants.map((participant) => participant.workerId);
  const refs: GapRef | null = activity.standardItemId !== null
    ? { kind: 'item', itemId: activity.standardItemId }
    : activity.standardId !== null
      ? activity.section !== null ? { kind: 'section', standardId: activity.standardId, section: activity.section } : { kind: 'standard', standardId: activity.standardId }
      : null;
  const [competence, mentor] = await Promise.all([
    teamCompetence(ids),
    activity.mentorId ? Person.findOne({ where: { id: activity.mentorId, organisationId: actor.organisationId }, attributes: ['name'] }) : null,
  ]);
  const gap = refs ? competence.gaps.find((candidate) => candidate.key === gapKey(refs)) : undefined;
  const names = new Map(people.map((person) => [person.id, person.name]));
  const withRef = { ...planned, ref: refs };
  const achieved = new Set(achievedBy(withRef, competence).people);
  return {
    activity: {
      id: activity.id,
      kindLabel: activityKindLabel(activity.kind),
      title: activity.title,
      details: activity.details,
      startsOn: activity.startsOn,
      place: activity.place,
      mentorName: mentor?.name ?? null,
      gap: refs && gap ? { label: gap.label, path: gapPath(refs) } : null,
      started: activity.startsOn <= todayInLondon(),
    },
    participants: planned.participants.map((participant) => {
      const items = refs ? itemsOfGap(refs, competence.held.get(participant.workerId) ?? [], competence.standardOf) : [];
      const met = competence.metOn.get(participant.workerId);
      return {
        opportunityId: participant.opportunityId,
        workerId: participant.workerId,
        name: names.get(participant.workerId) ?? '',
        status: participant.status,
        statusLabel: participationLabel(participant.status),
        outcome: participant.outcome,
        completedOn: participant.completedOn,
        itemsMetSince: items.filter((item) => (met?.get(item.id) ?? '') >= activity.startsOn).length,
        itemsStillToMeet: items.filter((item) => competence.states.get(participant.workerId)?.get(item.id)?.state !== 'met').length,
        achieved: achieved.has(participant.workerId),
      };
    }),
  };
}

/** Records a participant's attendance (attended, did not attend, completed with its outcome) from the day of the activity. */
export async function recordAttendance(ctx: DomainContext, activityId: number, input: AttendanceInput) {
  const { actor } = ctx;
  return write(ctx, {
    permission: 'plan:development:managed',
    load: async (transaction) => {
      const { activity, planned } = await loadActivity(actor, activityId);
      if (!planned.participants.some((participant) => participant.opportunityId === input.opportunityId)) throw new NotFound('Participant');
      const opportunity = await DevelopmentOpportunity.findOne({ where: { id: input.opportunityId, activityId, organisationId: actor.organisationId }, ...locked(transaction) });
      if (!opportunity) throw new NotFound('Participant');
      return { activity, opportunity };
    },
    check: ({ activity }) => {
      const today = todayInLondon(ctx.now);
      if (activity.startsOn > today) throw new ValidationError({ attendance: ['You can record attendance from the day of the activity'] });
      if (input.attendance === 'completed' && !input.outcome) throw new ValidationError({ outcome: ['Enter what the person achieved or learnt'] });
    },
    run: async ({ opportunity }, transaction) => {
      const completed = input.attendance === 'completed';
      await opportunity.update(
        { status: ATTENDANCE[input.attendance].status, outcome: input.outcome ?? '', completedOn: completed ? todayInLondon(ctx.now) : null },
        { transaction },
      );
    },
    audit: ({ opportunity }) => ({
      action: AUDIT_ACTIONS.developmentAttendanceRecorded,
      summary: `Recorded ${ATTENDANCE[input.attendance].label.toLowerCase()} on a development activity`,
      subject: { type: 'development_opportunity', id: opportunity.id },
    }),
  });
}
