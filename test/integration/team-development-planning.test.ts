// Planning against the gaps and the workforce report on the real database: who lacks a gap, an activity that lands in
// each chosen person's PDP (and what is refused, with nothing written), attendance, what it achieved, the report's
// figures on a known team, its period, its CSV, and a query count that does not grow with the team.
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { activityPage, gapPage, planActivity, recordAttendance, teamGaps } from '#app/domain/development/activities.server.ts';
import { ActivitySchema, type ActivityInput } from '#app/domain/development/forms.ts';
import { acknowledgePolicy, addPolicy } from '#app/domain/policies.server.ts';
import { periodAsked } from '#app/domain/team/report-period.server.ts';
import { workforceReportCsv } from '#app/domain/team/workforce-report-csv.server.ts';
import { workforceReport, peopleBehind } from '#app/domain/team/workforce-report.server.ts';
import { addDays, today as todayInLondon } from '#app/utils/dates/index.ts';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AuditEvent, DevelopmentActivity, DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, Team } from '#db/models/index.ts';
import {
  actorFor,
  createAssessor,
  createEvidence,
  createPerson,
  createStaffedOrganisation,
  giveStandard,
  holdVersion,
  judge,
  judgement,
  recordedSession,
  signedAgreement,
  unique,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const today = todayInLondon();

/** A team of four the manager manages (supervisor, worker, Ann, Ben) holding ASTH325; P1 met for the supervisor, P2 for the worker. */
async function setUp() {
  const org = await createStaffedOrganisation();
  const ann = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, name: unique('Ann') }), ['worker']);
  const ben = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, name: unique('Ben') }), ['worker']);
  const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.supervisor, org.worker, ann, ben]);
  const assessor = await createAssessor(org.admin, [org.supervisor, org.worker, ann, ben]);
  const [p1, p2] = items as [(typeof items)[number], (typeof items)[number]];
  await judge(assessor, org.supervisor.id, [await createEvidence(org.supervisor, [p1], { submitted: true })], [judgement(p1.id)]);
  await judge(assessor, org.worker.id, [await createEvidence(org.worker, [p2], { submitted: true })], [judgement(p2.id)]);
  return { ...org, ann, ben, assessor, version, items, p1, p2 };
}

const training = (workerIds: number[], overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'training',
  title: 'Agreeing contact with families',
  details: 'A morning session with case studies.',
  startsOn: today,
  place: 'Riverside House, room 2',
  workerIds,
  ...overrides,
});

async function counts(organisationId: number) {
  const where = { where: { organisationId } };
  return {
    activities: await DevelopmentActivity.count(where),
    opportunities: await DevelopmentOpportunity.count(where),
    plans: await DevelopmentPlan.count(where),
    audit: await AuditEvent.count(where),
  };
}

describe('team development: planning against the gaps', function () {
  this.timeout(120_000);

  it('shows who lacks an item, a section and a standard among the people the manager manages, and who could mentor', async () => {
    const f = await setUp();
    const gaps = await teamGaps(f.manager);
    expect(gaps.people).to.equal(4);
    expect(gaps.standards.map((row) => [row.standardUrn, row.lacking, row.holders])).to.deep.equal([['ASTH325', 4, 4]]);
    // Every item but P1 and P2 is lacked by all four: the biggest gaps come first.
    expect(gaps.items[0]!.lacking).to.equal(4);
    expect(gaps.itemsWithGaps).to.equal(f.items.length);

    const p1 = await gapPage(f.manager, { kind: 'item', itemId: f.p1.id });
    expect(p1.lacking.map((person) => person.id).sort()).to.deep.equal([f.worker.id, f.ann.id, f.ben.id].sort());
    expect(p1.mentors.map((person) => person.id)).to.deep.equal([f.supervisor.id]);

    const section = await gapPage(f.manager, { kind: 'section', standardId: f.version.standardId, section: f.p1.section });
    expect(section.lacking).to.have.length(4);
    expect(section.mentors).to.deep.equal([]);

    // Another organisation's manager: the item is not theirs to see.
    const other = await createStaffedOrganisation();
    await expectRejection(gapPage(other.manager, { kind: 'item', itemId: f.p1.id }), NotFound);
  });

  it('plans a training session for the chosen people: in each one’s PDP (made if missing), linked to their goal, in one audited write', async () => {
    const f = await setUp();
    // The worker already has a plan with a goal naming this gap; Ann and Ben have none.
    const plan = await DevelopmentPlan.create({ organisationId: f.organisation.id, workerId: f.worker.id, strengths: 'Calm with families' });
    const goal = await DevelopmentGoal.create({ organisationId: f.organisation.id, planId: plan.id, description: 'Agree contact', standardId: null, section: null, standardItemId: f.p1.id, status: 'open' });
    const before = await counts(f.organisation.id);

    const id = await planActivity(contextFor(f.manager), { kind: 'item', itemId: f.p1.id }, training([f.worker.id, f.ann.id, f.ben.id]));

    const after = await counts(f.organisation.id);
    expect(after).to.deep.equal({ activities: before.activities + 1, opportunities: before.opportunities + 3, plans: before.plans + 2, audit: before.audit + 1 });
    const activity = (await DevelopmentActivity.findByPk(id))!;
    expect([activity.kind, activity.standardItemId, activity.standardId, activity.place, activity.plannedById]).to.deep.equal(['training', f.p1.id, f.version.standardId, 'Riverside House, room 2', f.manager.id]);
    const opportunities = await DevelopmentOpportunity.findAll({ where: { activityId: id }, order: [['id', 'ASC']] });
    const plans = await DevelopmentPlan.findAll({ where: { id: opportunities.map((row) => row.planId) } });
    expect(plans.map((row) => row.workerId).sort()).to.deep.equal([f.worker.id, f.ann.id, f.ben.id].sort());
    expect(opportunities.map((row) => [row.kind, row.description, row.targetDate, row.status])).to.deep.equal(
      Array(3).fill(['training', 'Agreeing contact with families', today, 'planned']),
    );
    expect(opportunities.find((row) => row.planId === plan.id)!.goalId).to.equal(goal.id);
    const audit = await AuditEvent.findOne({ where: { organisationId: f.organisation.id, action: 'development.activity_planned' } });
    expect(audit!.summary).to.equal(`Planned training session on ${today} for 3 people`);

    const page = await gapPage(f.manager, { kind: 'item', itemId: f.p1.id });
    expect(page.activities.map((row) => [row.id, row.people, row.delivered, row.itemsMet])).to.deep.equal([[id, 3, 0, 0]]);
  });

  it('refuses no people, a date in the past, people not theirs, another organisation’s item and a mentor without it met, writing nothing', async () => {
    const f = await setUp();
    const other = await createStaffedOrganisation();
    const elsewhere = await Team.create({ organisationId: f.organisation.id, name: unique('Other team'), locationId: null });
    const notTheirs = await createPerson(f.organisation.id, { roles: ['worker'], teamId: elsewhere.id });
    const item = { kind: 'item' as const, itemId: f.p1.id };
    const before = await counts(f.organisation.id);
    const otherBefore = await counts(other.organisation.id);

    // No people: the form's schema answers beside the field.
    const noPeople = ActivitySchema.safeParse({ kind: 'training', title: 'T', startsOn: { day: '1', month: '1', year: '2099' } });
    expect(noPeople.success).to.equal(false);
    expect(noPeople.error!.flatten().fieldErrors.workerIds).to.deep.equal(['Select at least one person']);
    const past = ActivitySchema.safeParse({ kind: 'training', title: 'T', workerIds: [1], startsOn: { day: '1', month: '1', year: String(Number(today.slice(0, 4)) - 1) } });
    expect(past.error!.flatten().fieldErrors.startsOn).to.deep.equal(['The date must be today or in the future']);

    const pastDate = await expectRejection(planActivity(contextFor(f.manager), item, training([f.ann.id], { startsOn: addDays(today, -1) })), ValidationError);
    expect(pastDate.fieldErrors).to.deep.equal({ startsOn: ['The date must be today or in the future'] });
    const noPlace = await expectRejection(planActivity(contextFor(f.manager), item, training([f.ann.id], { place: '' })), ValidationError);
    expect(noPlace.fieldErrors).to.deep.equal({ place: ['Enter where the training session takes place'] });
    const wrongMentor = await expectRejection(planActivity(contextFor(f.manager), item, training([f.ann.id], { kind: 'mentoring', mentorId: f.ben.id })), ValidationError);
    expect(wrongMentor.fieldErrors).to.deep.equal({ mentorId: ['Select a mentor who has this met'] });
    await expectRejection(planActivity(contextFor(f.manager), item, training([f.ann.id, notTheirs.id])), NotFound);
    await expectRejection(planActivity(contextFor(f.manager), item, training([f.ann.id, other.worker.id])), NotFound);
    await expectRejection(planActivity(contextFor(other.manager), item, training([other.worker.id])), NotFound);

    expect(await counts(f.organisation.id)).to.deep.equal(before);
    expect(await counts(other.organisation.id)).to.deep.equal(otherBefore);

    // A mentor who has it met is accepted.
    const id = await planActivity(contextFor(f.manager), item, training([f.ann.id], { kind: 'mentoring', mentorId: f.supervisor.id, place: '' }));
    expect((await activityPage(f.manager, id)).activity.mentorName).to.equal(f.supervisor.name);
  });

  it('tracks attendance and completion from the activity page, from its day, and shows what it achieved', async () => {
    const f = await setUp();
    const item = { kind: 'item' as const, itemId: f.p1.id };
    const later = await planActivity(contextFor(f.manager), item, training([f.ann.id], { startsOn: addDays(today, 7) }));
    const laterOpportunity = (await DevelopmentOpportunity.findOne({ where: { activityId: later } }))!;
    const early = await expectRejection(recordAttendance(contextFor(f.manager), later, { opportunityId: laterOpportunity.id, attendance: 'attended' }), ValidationError);
    expect(early.fieldErrors).to.deep.equal({ attendance: ['You can record attendance from the day of the activity'] });

    const id = await planActivity(contextFor(f.manager), item, training([f.worker.id, f.ann.id, f.ben.id]));
    const page = await activityPage(f.manager, id);
    const of = (workerId: number) => page.participants.find((row) => row.workerId === workerId)!.opportunityId;
    const noOutcome = await expectRejection(recordAttendance(contextFor(f.manager), id, { opportunityId: of(f.worker.id), attendance: 'completed' }), ValidationError);
    expect(noOutcome.fieldErrors).to.deep.equal({ outcome: ['Enter what the person achieved or learnt'] });
    // Another activity's participant, another organisation's manager: not found.
    await expectRejection(recordAttendance(contextFor(f.manager), id, { opportunityId: laterOpportunity.id, attendance: 'attended' }), NotFound);
    const other = await createStaffedOrganisation();
    await expectRejection(recordAttendance(contextFor(other.manager), id, { opportunityId: of(f.ann.id), attendance: 'attended' }), NotFound);

    await recordAttendance(contextFor(f.manager), id, { opportunityId: of(f.worker.id), attendance: 'completed', outcome: 'Agreed a contact plan with a family' });
    await recordAttendance(contextFor(f.manager), id, { opportunityId: of(f.ann.id), attendance: 'attended' });
    await recordAttendance(contextFor(f.manager), id, { opportunityId: of(f.ben.id), attendance: 'did_not_attend' });

    // After the session, the worker's P1 is met: that is what it achieved.
    await judge(f.assessor, f.worker.id, [await createEvidence(f.worker, [f.p1], { submitted: true })], [judgement(f.p1.id)]);
    const after = await activityPage(f.manager, id);
    const rows = after.participants.map((row) => [row.workerId, row.statusLabel, row.outcome, row.completedOn, row.itemsMetSince, row.itemsStillToMeet]);
    expect(rows.sort()).to.deep.equal(
      [
        [f.worker.id, 'Completed', 'Agreed a contact plan with a family', today, 1, 0],
        [f.ann.id, 'Attended', '', null, 0, 1],
        [f.ben.id, 'Did not attend', '', null, 0, 1],
      ].sort(),
    );
    const gap = await gapPage(f.manager, item);
    expect(gap.activities.map((row) => [row.id, row.people, row.delivered, row.itemsMet, row.peopleWithItemsMet])).to.deep.equal([[later, 1, 0, 0, 0], [id, 3, 2, 1, 1]]);
  });
});

describe('team development: the workforce report', function () {
  this.timeout(120_000);

  it('gives the figures of a known team, each with the people behind it, and the same figures as CSV', async () => {
    const f = await setUp();
    const period = { from: addDays(today, -90), to: today };
    // The worker: a current agreement, a session held and its record started; a policy acknowledged by the worker only.
    await signedAgreement(f.supervisor, f.worker, { startsOn: addDays(today, -84), frequencyWeeks: 4 });
    await recordedSession(f.supervisor, f.worker, 10);
    const policyId = await addPolicy(contextFor(f.admin), { title: unique('Safeguarding'), version: '1', adoptedOn: addDays(today, -30), nextReviewOn: '2099-01-01', body: 'Text' });
    await acknowledgePolicy(contextFor(f.worker), policyId);
    const id = await planActivity(contextFor(f.manager), { kind: 'item', itemId: f.p1.id }, training([f.worker.id, f.ann.id]));
    const opportunity = (await DevelopmentOpportunity.findOne({ where: { activityId: id, planId: (await DevelopmentPlan.findOne({ where: { workerId: f.ann.id } }))!.id } }))!;
    await recordAttendance(contextFor(f.manager), id, { opportunityId: opportunity.id, attendance: 'attended' });

    const report = await workforceReport(f.manager, period);
    const figure = (key: string) => {
      const found = report.sections.flatMap((section) => section.figures).find((row) => row.key === key)!;
      return [found.value, found.of];
    };
    expect(report.sections.map((section) => section.title)).to.deep.equal(['Safe and effective staffing', 'Learning culture', 'Workforce wellbeing and enablement']);
    expect(figure('people')).to.deep.equal([4, null]);
    expect(figure('agreement')).to.deep.equal([1, 4]);
    expect(figure('standards-in-progress')).to.deep.equal([4, 4]);
    expect(figure('standards-achieved')).to.deep.equal([0, 4]);
    // 84 days of a four-weekly agreement: 3 sessions agreed, 1 held.
    expect(figure('sessions')).to.deep.equal([1, 3]);
    expect(figure('pdp-not-agreed')).to.deep.equal([2, 4]);
    expect(figure('gaps-no-pdp')).to.deep.equal([2, 4]);
    expect(figure('items-met')).to.deep.equal([2, null]);
    expect(figure('development-planned')).to.deep.equal([2, 4]);
    expect(figure('development-delivered')).to.deep.equal([1, 2]);
    expect(figure('policies')).to.deep.equal([1, 4]);
    expect(peopleBehind(report, 'no-agreement').map((row) => row.id).sort()).to.deep.equal([f.supervisor.id, f.ann.id, f.ben.id].sort());
    expect(peopleBehind(report, 'development-delivered').map((row) => row.id)).to.deep.equal([f.ann.id]);
    expect(report.mainGaps[0]!.lacking).to.equal(4);
    const p1 = report.mainGaps.find((gap) => gap.path === `/team/gaps/item-${f.p1.id}`);
    expect(p1 ?? null).to.equal(null); // P1 is lacked by three, not among the five biggest (lacked by all four).
    expect(report.charts.coverage).to.deep.equal([{ label: 'ASTH325', title: f.version.title, people: 4, items: f.items.length * 4, met: 2, percent: Math.round((2 / (f.items.length * 4)) * 100) }]);
    expect(report.charts.itemsMet.at(-1)).to.deep.equal({ month: today.slice(0, 7), met: 2 });
    expect(report.charts.supervision.reduce((n, row) => n + row.held, 0)).to.equal(1);

    const csv = parse(await workforceReportCsv(f.manager, period), { relax_column_count: true }) as string[][];
    expect(csv[0]).to.deep.equal(['Section', 'Measure', 'Value', 'Out of', 'Percent', 'Period from', 'Period to']);
    expect(csv).to.deep.include(['Safe and effective staffing', 'People with a current written supervision agreement', '1', '4', '25', period.from, period.to]);
    expect(csv).to.deep.include(['Workforce wellbeing and enablement', 'Supervision sessions held against the agreed frequency', '1', '3', '33', period.from, period.to]);
    const people = csv.slice(csv.findIndex((row) => row[0] === 'Person') + 1);
    expect(people.map((row) => row[0]).sort()).to.deep.equal([f.supervisor.name, f.worker.name, f.ann.name, f.ben.name].sort());
  });

  it('reads the period from the address: none is the last twelve months; one that ends before it starts is answered beside the end date', () => {
    const none = periodAsked(new URLSearchParams());
    expect(none.period!.to).to.equal(today);
    const backwards = periodAsked(new URLSearchParams('from.day=10&from.month=3&from.year=2026&to.day=9&to.month=3&to.year=2026'));
    expect(backwards.period).to.equal(null);
    expect(backwards.reply!.error).to.deep.equal({ to: ['The end date must be the same as or after the start date'] });
    const missing = periodAsked(new URLSearchParams('from.day=10&from.month=3&from.year=2026&to.day=&to.month=&to.year='));
    expect(missing.reply!.error).to.deep.equal({ to: ['Enter the end date'] });
    const fine = periodAsked(new URLSearchParams('from.day=1&from.month=1&from.year=2026&to.day=31&to.month=3&to.year=2026'));
    expect(fine.period).to.deep.equal({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('reads the report in the same number of queries whatever the size of the team', async () => {
    const f = await setUp();
    const period = { from: addDays(today, -90), to: today };
    const queriesFor = async () => {
      const start = queryCounter.count;
      await workforceReport(f.manager, period);
      await teamGaps(f.manager);
      return queryCounter.count - start;
    };
    await planActivity(contextFor(f.manager), { kind: 'item', itemId: f.p1.id }, training([f.worker.id]));
    const small = await queriesFor();
    const more = await Promise.all([1, 2, 3, 4, 5].map(() => createPerson(f.organisation.id, { roles: ['worker'], teamId: f.team.id })));
    await holdVersion(f.organisation.id, f.version.id, more);
    await planActivity(contextFor(f.manager), { kind: 'item', itemId: f.p1.id }, training(more.map((person) => person.id)));
    expect(await queriesFor()).to.equal(small);
  });
});
