// The workforce report for a period (docs/decisions/031): what an inspector asks about the people a manager manages,
// organised by the CQC single assessment framework's quality statements and Regulation 18, every figure with the
// people behind it: a web page, a CSV of the same figures (workforce-report-csv.server.ts) and the inspection pack.
// Bulk reads only: a fixed number of queries whatever the size of the team.
import { Op } from 'sequelize';
import { addDays, addMonths, londonDateOf, today as todayInLondon, type IsoDate } from '#app/utils/dates/index.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import {
  DevelopmentPlan,
  DevelopmentPlanVersion,
  PolicyAcknowledgement,
  PolicyVersion,
  RoleAssignment,
  RoleProfile,
  SupervisionAgreement,
  SupervisionRecord,
  SupervisionRecordAgreement,
  SupervisionSession,
} from '#db/models/index.ts';
import { isAchieved, latestAchievements } from '../assessment/achievements.server.ts';
import { activityKindLabel, gapPath } from '../development/activity-kinds.ts';
import { achievedBy, activitiesFor, delivered, gapKey, teamCompetence } from '../development/internal/gaps.server.ts';
import { managedPeople, type ManagedPerson } from '../development/internal/managed-people.server.ts';
import { AGREEMENT_STATUS, RECORD_STATUS, SESSION_STATUS } from '../supervision/statuses.ts';
import type { PdpState, Who } from './report-labels.ts';

export type ReportPeriod = { from: IsoDate; to: IsoDate };

/** The last twelve months up to today: the period the report opens with. */
export function defaultPeriod(now = todayInLondon()): ReportPeriod {
  return { from: addDays(addMonths(now, -12), 1), to: now };
}

const DEFAULT_PDP_REVIEW_MONTHS = 6;
const MAIN_GAPS = 5;


export type ReportPerson = {
  id: number;
  name: string;
  teamName: string;
  agreement: boolean;
  sessionsHeld: number;
  sessionsExpected: number;
  recordsDue: number;
  recordsOnTime: number;
  pdp: PdpState;
  hasGaps: boolean;
  standardsAchieved: number;
  standardsInProgress: number;
  policiesOutstanding: number;
  developmentPlanned: number;
  developmentDelivered: number;
};

/** Who a figure is about: the filter of the people table that lists them. */
const WHO_TESTS: Record<Who, (person: ReportPerson) => boolean> = {
  'no-agreement': (p) => !p.agreement,
  'sessions-behind': (p) => p.sessionsHeld < p.sessionsExpected,
  'records-late': (p) => p.recordsOnTime < p.recordsDue,
  'pdp-none': (p) => p.pdp === 'none',
  'pdp-not-agreed': (p) => p.pdp === 'not_agreed',
  'pdp-stale': (p) => p.pdp === 'stale',
  'pdp-current': (p) => p.pdp === 'current',
  'gaps-no-pdp': (p) => p.hasGaps && p.pdp === 'none',
  'standards-achieved': (p) => p.standardsAchieved > 0,
  'standards-in-progress': (p) => p.standardsInProgress > 0,
  'policies-outstanding': (p) => p.policiesOutstanding > 0,
  'development-planned': (p) => p.developmentPlanned > 0,
  'development-delivered': (p) => p.developmentDelivered > 0,
};

export function isWho(value: string | null): value is Who {
  return value !== null && Object.hasOwn(WHO_TESTS, value);
}

export type Figure = { key: string; label: string; value: number; of: number | null; who: Who | null };
export type ReportSection = { id: string; title: string; asks: string; figures: Figure[] };

export const percent = (value: number, of: number | null) => (of ? Math.round((value / of) * 100) : null);

function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  for (let month = `${period.from.slice(0, 7)}-01`; month.slice(0, 7) <= period.to.slice(0, 7); month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The report for the manager's people over the period; point-in-time figures are as they stand today. */
export async function workforceReport(actor: Actor, period: ReportPeriod) {
  assertCan(actor, 'read:team:managed');
  return (await reportFor(actor, await managedPeople(actor), period)).report;
}

/**
 * The report about these people (the inspection pack's: one team or location), with what it read about each, for the
 * pack's summary pages. Unchecked: the caller has chosen people the actor may report on.
 */
export async function reportFor(actor: Actor, people: ManagedPerson[], period: ReportPeriod) {
  const today = todayInLondon();
  const ids = people.map((person) => person.id);
  const none = { where: { id: { [Op.in]: [] as number[] } } };
  const [competence, activities, agreements, held, records, plans, assignments, policies, achievements] = await Promise.all([
    teamCompetence(ids),
    activitiesFor(actor.organisationId, ids),
    SupervisionAgreement.findAll({ where: { workerId: { [Op.in]: ids }, status: AGREEMENT_STATUS.active }, attributes: ['workerId', 'startsOn', 'frequencyWeeks'] }),
    SupervisionSession.findAll({ where: { workerId: { [Op.in]: ids }, status: SESSION_STATUS.held }, attributes: ['workerId', 'startsAt'] }),
    SupervisionRecord.findAll({ where: { workerId: { [Op.in]: ids }, dueOn: { [Op.between]: [period.from, period.to] } }, attributes: ['id', 'workerId', 'status', 'dueOn'] }),
    DevelopmentPlan.findAll({ where: { workerId: { [Op.in]: ids } }, attributes: ['id', 'workerId'] }),
    RoleAssignment.findAll({
      where: { personId: { [Op.in]: ids }, [Op.or]: [{ endedOn: null }, { endedOn: { [Op.gte]: today } }] },
      attributes: ['personId'],
      include: [{ model: RoleProfile, as: 'roleProfile', attributes: ['name', 'pdpReviewMonths'] }],
    }),
    PolicyVersion.findAll({ where: { organisationId: actor.organisationId, isCurrent: true }, attributes: ['id'] }),
    latestAchievements(ids),
  ]);
  const recordIds = records.map((record) => record.id);
  const planIds = plans.map((plan) => plan.id);
  const policyVersionIds = policies.map((version) => version.id);
  const [recordAgreements, versions, acknowledgements] = await Promise.all([
    SupervisionRecordAgreement.findAll(recordIds.length ? { where: { recordId: { [Op.in]: recordIds } }, attributes: ['recordId', 'agreedAt'] } : none),
    DevelopmentPlanVersion.findAll(
      planIds.length
        ? { where: { planId: { [Op.in]: planIds }, supervisorAgreedAt: { [Op.ne]: null }, workerAgreedAt: { [Op.ne]: null } }, attributes: ['planId', 'supervisorAgreedAt', 'workerAgreedAt'] }
        : none,
    ),
    PolicyAcknowledgement.findAll(
      policyVersionIds.length && ids.length ? { where: { policyVersionId: { [Op.in]: policyVersionIds }, personId: { [Op.in]: ids } }, attributes: ['personId', 'policyVersionId'] } : none,
    ),
  ]);

  // Supervision held against the agreed frequency, per person and per month of the period (up to today).
  const until = period.to < today ? period.to : today;
  const months = monthsOf(period);
  const heldByMonth = new Map(months.map((month) => [month, 0]));
  const agreedByMonth = new Map(months.map((month) => [month, 0]));
  const heldDates = new Map<number, IsoDate[]>();
  for (const session of held) {
    const date = londonDateOf(session.startsAt);
    if (date < period.from || date > until) continue;
    heldDates.set(session.workerId, [...(heldDates.get(session.workerId) ?? []), date]);
    const month = date.slice(0, 7);
    if (heldByMonth.has(month)) heldByMonth.set(month, heldByMonth.get(month)! + 1);
  }
  const agreementOf = new Map(agreements.map((agreement) => [agreement.workerId, agreement]));
  const expectedOf = new Map<number, number>();
  for (const agreement of agreements) {
    const start = agreement.startsOn > period.from ? agreement.startsOn : period.from;
    const days = start <= until ? daysBetween(start, until) : 0;
    expectedOf.set(agreement.workerId, Math.floor(days / (agreement.frequencyWeeks * 7)));
    for (const month of months) {
      const first = `${month}-01` > start ? `${month}-01` : start;
      const last = addDays(addMonths(`${month}-01`, 1), -1);
      const end = last < until ? last : until;
      if (first <= end) agreedByMonth.set(month, agreedByMonth.get(month)! + daysBetween(first, end) / (agreement.frequencyWeeks * 7));
    }
  }

  // Records due in the period, agreed within the agreed time: the last party's agreement on or before the due date.
  const agreedOn = new Map<number, IsoDate>();
  for (const row of recordAgreements) {
    const date = londonDateOf(row.agreedAt);
    if ((agreedOn.get(row.recordId) ?? '') < date) agreedOn.set(row.recordId, date);
  }
  const recordsOf = new Map<number, { due: number; onTime: number }>();
  for (const record of records) {
    const tally = recordsOf.get(record.workerId) ?? { due: 0, onTime: 0 };
    tally.due += 1;
    if (record.status === RECORD_STATUS.agreed && (agreedOn.get(record.id) ?? '9999') <= record.dueOn) tally.onTime += 1;
    recordsOf.set(record.workerId, tally);
  }

  // PDPs: none, never agreed, not reviewed within the shortest review period of the person's roles, or current.
  const reviewMonths = new Map<number, number>();
  const roleNames = new Map<number, string[]>();
  for (const assignment of assignments) {
    const profile = assignment.get('roleProfile') as RoleProfile | undefined;
    const months = profile?.pdpReviewMonths ?? DEFAULT_PDP_REVIEW_MONTHS;
    reviewMonths.set(assignment.personId, Math.min(reviewMonths.get(assignment.personId) ?? Infinity, months));
    if (profile) roleNames.set(assignment.personId, [...new Set([...(roleNames.get(assignment.personId) ?? []), profile.name])]);
  }
  const planOf = new Map(plans.map((plan) => [plan.workerId, plan.id]));
  const lastAgreed = new Map<number, IsoDate>();
  for (const version of versions) {
    const at = [version.supervisorAgreedAt!, version.workerAgreedAt!].sort((a, b) => b.getTime() - a.getTime())[0]!;
    const date = londonDateOf(at);
    if ((lastAgreed.get(version.planId) ?? '') < date) lastAgreed.set(version.planId, date);
  }
  const pdpOf = (personId: number): PdpState => {
    const planId = planOf.get(personId);
    if (planId === undefined) return 'none';
    const agreed = lastAgreed.get(planId);
    if (!agreed) return 'not_agreed';
    return addMonths(agreed, reviewMonths.get(personId) ?? DEFAULT_PDP_REVIEW_MONTHS) < today ? 'stale' : 'current';
  };

  const acknowledged = new Map<number, Set<number>>();
  for (const row of acknowledgements) acknowledged.set(row.personId, (acknowledged.get(row.personId) ?? new Set()).add(row.policyVersionId));

  // Development planned (dated in the period) for each person, and delivered (attended or completed).
  const inPeriod = activities.filter((activity) => activity.startsOn >= period.from && activity.startsOn <= period.to);
  const planned = new Map<number, number>();
  const deliveredTo = new Map<number, number>();
  for (const activity of inPeriod) {
    for (const participant of activity.participants) {
      planned.set(participant.workerId, (planned.get(participant.workerId) ?? 0) + 1);
      if (delivered(participant.status)) deliveredTo.set(participant.workerId, (deliveredTo.get(participant.workerId) ?? 0) + 1);
    }
  }

  const lacking = new Set(competence.gaps.filter((gap) => gap.ref.kind === 'standard').flatMap((gap) => gap.lacking));
  const rows: ReportPerson[] = people.map((person) => {
    const standards = competence.held.get(person.id) ?? [];
    const achieved = standards.filter((standard) => isAchieved(achievements.get(person.id)?.get(standard.standardVersionId))).length;
    const tally = recordsOf.get(person.id) ?? { due: 0, onTime: 0 };
    return {
      id: person.id,
      name: person.name,
      teamName: person.teamName,
      agreement: agreementOf.has(person.id),
      // Sessions under the current agreement: those held since it started.
      sessionsHeld: (heldDates.get(person.id) ?? []).filter((date) => date >= (agreementOf.get(person.id)?.startsOn ?? '9999')).length,
      sessionsExpected: expectedOf.get(person.id) ?? 0,
      recordsDue: tally.due,
      recordsOnTime: tally.onTime,
      pdp: pdpOf(person.id),
      hasGaps: lacking.has(person.id),
      standardsAchieved: achieved,
      standardsInProgress: standards.length - achieved,
      policiesOutstanding: policyVersionIds.filter((id) => !acknowledged.get(person.id)?.has(id)).length,
      developmentPlanned: planned.get(person.id) ?? 0,
      developmentDelivered: deliveredTo.get(person.id) ?? 0,
    };
  });

  const count = (who: Who) => rows.filter(WHO_TESTS[who]).length;
  const sum = (pick: (row: ReportPerson) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const total = rows.length;
  const holding = rows.filter((row) => row.standardsAchieved + row.standardsInProgress > 0).length;
  const withAgreement = total - count('no-agreement');
  const sessionsExpected = sum((row) => row.sessionsExpected);

  // Items met in the period, by month of the decision that met them.
  const metByMonth = new Map(months.map((month) => [month, 0]));
  for (const dates of competence.metOn.values()) {
    for (const date of dates.values()) {
      if (date >= period.from && date <= period.to && metByMonth.has(date.slice(0, 7))) metByMonth.set(date.slice(0, 7), metByMonth.get(date.slice(0, 7))! + 1);
    }
  }
  const itemsMetInPeriod = [...metByMonth.values()].reduce((a, b) => a + b, 0);

  const byGap = new Map<string, typeof activities>();
  for (const activity of activities) if (activity.ref) byGap.set(gapKey(activity.ref), [...(byGap.get(gapKey(activity.ref)) ?? []), activity]);
  const mainGaps = competence.gaps
    .filter((gap) => gap.ref.kind !== 'standard' && gap.lacking.length > 0)
    .slice(0, MAIN_GAPS)
    .map((gap) => {
      const against = (byGap.get(gap.key) ?? []).filter((activity) => activity.startsOn >= period.from && activity.startsOn <= period.to);
      return {
        label: gap.label,
        path: gapPath(gap.ref),
        lacking: gap.lacking.length,
        holders: gap.holders.length,
        planned: against.length,
        places: against.reduce((n, activity) => n + activity.participants.length, 0),
        delivered: against.reduce((n, activity) => n + activity.participants.filter((participant) => delivered(participant.status)).length, 0),
        itemsMet: against.reduce((n, activity) => n + achievedBy(activity, competence).itemsMet, 0),
        activities: against.map((activity) => ({ id: activity.id, title: activity.title, kindLabel: activityKindLabel(activity.kind), startsOn: activity.startsOn })),
      };
    });

  const sections: ReportSection[] = [
    {
      id: 'safe-staffing',
      title: 'Safe and effective staffing',
      asks: 'Are there enough suitably qualified, skilled and experienced staff, supported to deliver safe care?',
      figures: [
        { key: 'people', label: 'People in the teams you manage', value: total, of: null, who: null },
        { key: 'standards-achieved', label: 'People who have achieved a standard their role requires', value: count('standards-achieved'), of: holding, who: 'standards-achieved' },
        { key: 'standards-in-progress', label: 'People with a standard still in progress', value: count('standards-in-progress'), of: holding, who: 'standards-in-progress' },
        { key: 'agreement', label: 'People with a current written supervision agreement', value: withAgreement, of: total, who: 'no-agreement' },
      ],
    },
    {
      id: 'learning-culture',
      title: 'Learning culture',
      asks: 'Do staff have the learning and development they need, planned against what they still have to show?',
      figures: [
        { key: 'pdp-current', label: 'People with a PDP reviewed within its review period', value: count('pdp-current'), of: total, who: 'pdp-current' },
        { key: 'pdp-stale', label: 'PDPs not reviewed within their review period', value: count('pdp-stale'), of: total, who: 'pdp-stale' },
        { key: 'pdp-not-agreed', label: 'PDPs never agreed', value: count('pdp-not-agreed'), of: total, who: 'pdp-not-agreed' },
        { key: 'gaps-no-pdp', label: 'People with gaps and no PDP', value: count('gaps-no-pdp'), of: total, who: 'gaps-no-pdp' },
        { key: 'items-met', label: 'Items met in the period', value: itemsMetInPeriod, of: null, who: null },
        { key: 'development-planned', label: 'People with development planned in the period', value: count('development-planned'), of: total, who: 'development-planned' },
        { key: 'development-delivered', label: 'People who attended or completed development in the period', value: count('development-delivered'), of: count('development-planned'), who: 'development-delivered' },
      ],
    },
    {
      id: 'wellbeing',
      title: 'Workforce wellbeing and enablement',
      asks: 'Are staff supported through regular supervision, with records agreed promptly, and do they know the policies they work to?',
      figures: [
        { key: 'sessions', label: 'Supervision sessions held against the agreed frequency', value: sum((row) => row.sessionsHeld), of: sessionsExpected, who: 'sessions-behind' },
        { key: 'records', label: 'Supervision records agreed within the agreed time', value: sum((row) => row.recordsOnTime), of: sum((row) => row.recordsDue), who: 'records-late' },
        { key: 'policies', label: 'People who have acknowledged every current policy', value: total - count('policies-outstanding'), of: total, who: 'policies-outstanding' },
      ],
    },
  ];

  const coverage = competence.gaps
    .filter((gap) => gap.ref.kind === 'standard')
    .map((gap) => {
      let items = 0;
      let met = 0;
      for (const workerId of gap.holders) {
        for (const standard of competence.held.get(workerId) ?? []) {
          if (competence.standardOf.get(standard.standardVersionId) !== gap.standard.id) continue;
          items += standard.items.length;
          met += standard.items.filter((item) => competence.states.get(workerId)?.get(item.id)?.state === 'met').length;
        }
      }
      return { label: gap.standard.urn, title: gap.standard.title, people: gap.holders.length, items, met, percent: percent(met, items) ?? 0 };
    })
    .sort((a, b) => a.label.localeCompare(b.label));

  const report = {
    period,
    today,
    sections,
    mainGaps,
    people: rows,
    charts: {
      coverage,
      itemsMet: months.map((month) => ({ month, met: metByMonth.get(month)! })),
      supervision: months.map((month) => ({ month, held: heldByMonth.get(month)!, agreed: Math.round(agreedByMonth.get(month)! * 10) / 10 })),
    },
  };
  return { report, read: { competence, achievements, roleNames } };
}

export type WorkforceReport = Awaited<ReturnType<typeof workforceReport>>;
/** What the report read about each person: held standards and item states, achievements, role profiles. */
export type ReportReads = Awaited<ReturnType<typeof reportFor>>['read'];

/** The people a figure links to: everyone, or those the filter names. */
export function peopleBehind(report: WorkforceReport, who: Who | null): ReportPerson[] {
  return who ? report.people.filter(WHO_TESTS[who]) : report.people;
}
