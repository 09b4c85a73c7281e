// Personal development plans on the real database: who reads them, what bad input is refused with nothing written,
// versions agreed by both and kept, the standing of many plans in one statement, and the PDP in supervision.
import { expect } from 'chai';
import { addGoal, addOpportunity, agreePlan, proposePlan, saveStrengths, updateOpportunity } from '#app/domain/development/plan-changes.server.ts';
import { planPage, planStandingOf, planVersion } from '#app/domain/development/plans.server.ts';
import { addOpportunityFromRecord, pdpAgenda } from '#app/domain/development/supervision-agenda.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { saveRecord } from '#app/domain/supervision/records.server.ts';
import { sessionPage } from '#app/domain/supervision/session-page.server.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AuditEvent, DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, DevelopmentPlanVersion, SupervisionRecord } from '#db/models/index.ts';
import {
  RECORD_INPUT,
  actorFor,
  createAssessor,
  createEvidence,
  createPerson,
  createStaffedOrganisation,
  giveStandard,
  judge,
  judgement,
  recordedSession,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const ctx = (actor: Actor, now?: Date) => contextFor(actor, { ipAddress: 'test', ...(now ? { now } : {}) });
const opportunity = { kind: 'training', description: 'Safeguarding adults level 2', targetDate: '2026-09-30' };

async function writtenRows(organisationId: number) {
  const where = { where: { organisationId } };
  return Promise.all([DevelopmentPlan.count(where), DevelopmentGoal.count(where), DevelopmentOpportunity.count(where), DevelopmentPlanVersion.count(where), AuditEvent.count(where)]);
}

describe('personal development plans', function () {
  this.timeout(60_000);

  it('is read by the worker, their line supervisor and the managers above them; assessors, colleagues and other organisations find nothing', async () => {
    const org = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    // An assessor with a plan of their own (a worker too) reads the plans of those they assess no more than a colleague does.
    const assessor = await createAssessor(org.admin, [org.worker], ['assessor', 'worker']);
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id }), ['worker']);
    await saveStrengths(ctx(org.worker), org.worker.id, 'Calm with distressed callers');

    for (const reader of [org.worker, org.supervisor, org.manager]) {
      expect((await planPage(reader, org.worker.id)).content.strengths, reader.name).to.equal('Calm with distressed callers');
    }
    expect((await planPage(org.manager, org.worker.id)).canChange).to.equal(true);
    for (const outsider of [assessor, colleague, other.manager, other.supervisor]) {
      await expectRejection(planPage(outsider, org.worker.id), NotFound);
      await expectRejection(saveStrengths(ctx(outsider), org.worker.id, 'Changed'), NotFound);
    }
    // The admin, and an assessor who is nobody's worker, have no PDP of their own and read nobody's: refused by role.
    await expectRejection(planPage(org.admin, org.worker.id), Forbidden);
    await expectRejection(planPage(await createAssessor(org.admin, [org.worker]), org.worker.id), Forbidden);
    expect((await planPage(org.worker, org.worker.id)).content.strengths).to.equal('Calm with distressed callers');
  });

  it('refuses a learning opportunity or a goal without a target date and a goal linked to another organisation’s item, beside the field, writing nothing', async () => {
    const org = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const { items: theirItems } = await giveStandard(other.admin, 'ASTH325', [other.worker]);
    const before = await writtenRows(org.organisation.id);

    const noDate = await expectRejection(addOpportunity(ctx(org.supervisor), org.worker.id, { ...opportunity, targetDate: '' }), ValidationError);
    expect(noDate.fieldErrors).to.have.keys(['targetDate']);
    const badDate = await expectRejection(addOpportunity(ctx(org.supervisor), org.worker.id, { ...opportunity, targetDate: '2026-02-30' }), ValidationError);
    expect(badDate.fieldErrors.targetDate).to.deep.equal(['Enter the target date, for example 27 3 2026']);
    const foreign = await expectRejection(addGoal(ctx(org.supervisor), org.worker.id, { description: 'Recording', targetDate: '2027-03-31', link: `item:${theirItems[0]!.id}` }), ValidationError);
    expect(foreign.fieldErrors.link![0]).to.match(/^Select a standard, section or item that .* holds/);
    await expectRejection(addGoal(ctx(org.supervisor), org.worker.id, { description: 'Recording', targetDate: '2027-03-31', link: 'standard:999999' }), ValidationError);
    await expectRejection(addGoal(ctx(org.supervisor), org.worker.id, { description: ' ', targetDate: '2027-03-31', link: '' }), ValidationError);
    const goalWithoutDate = await expectRejection(addGoal(ctx(org.supervisor), org.worker.id, { description: 'Recording', targetDate: '', link: '' }), ValidationError);
    expect(goalWithoutDate.fieldErrors).to.deep.equal({ targetDate: ['Enter the target date, for example 27 3 2026'] });

    expect(await writtenRows(org.organisation.id)).to.deep.equal(before);
    expect(await DevelopmentGoal.count({ where: { organisationId: other.organisation.id } })).to.equal(0);
  });

  it('links goals to a held item, section or standard, or none; keeps each agreed version as it was', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const item = items[0]!;
    const itemGoal = await addGoal(ctx(org.worker), org.worker.id, { description: 'Active listening', targetDate: '2027-03-31', link: `item:${item.id}` });
    const page = await planPage(org.worker, org.worker.id);
    const sectionLink = page.linkOptions.find((option) => option.value.startsWith('section:'))!;
    await addGoal(ctx(org.supervisor), org.worker.id, { description: 'A whole section', targetDate: '2027-03-31', link: sectionLink.value });
    await addGoal(ctx(org.supervisor), org.worker.id, { description: 'Confidence on the phone', targetDate: '2027-03-31', link: '' });
    await addOpportunity(ctx(org.worker), org.worker.id, { ...opportunity, goalId: itemGoal });
    const goals = await DevelopmentGoal.findAll({ where: { organisationId: org.organisation.id }, order: [['id', 'ASC']] });
    expect(goals.map((goal) => [goal.standardItemId, goal.section !== null, goal.standardId !== null])).to.deep.equal([
      [item.id, false, true],
      [null, true, true],
      [null, false, false],
    ]);
    expect((await planPage(org.worker, org.worker.id)).standing.state).to.equal('draft');

    // The supervisor puts it forward (agreeing it), the worker agrees: version 1, named with the times.
    const proposedAt = new Date('2026-02-01T10:00:00Z');
    expect(await proposePlan(ctx(org.supervisor, proposedAt), org.worker.id)).to.equal(1);
    await expectRejection(agreePlan(ctx(org.supervisor), org.worker.id, 1), InvalidTransition);
    await expectRejection(proposePlan(ctx(org.worker), org.worker.id), InvalidTransition);
    await agreePlan(ctx(org.worker, new Date('2026-02-02T09:00:00Z')), org.worker.id, 1);
    const agreed = await planPage(org.manager, org.worker.id);
    expect(agreed.versions[0]).to.include({ versionNumber: 1, agreed: true, supervisorName: org.supervisor.name, proposedBy: org.supervisor.name });
    expect(agreed.standing).to.deep.include({ reviewDue: '2026-08-02' });

    // A later change does not alter version 1; a version put forward before the plan changed cannot be agreed.
    const opportunityId = (await DevelopmentOpportunity.findOne({ where: { organisationId: org.organisation.id } }))!.id;
    await updateOpportunity(ctx(org.worker), opportunityId, { status: 'completed', outcome: 'Certificate on file' });
    expect(await proposePlan(ctx(org.worker), org.worker.id)).to.equal(2);
    await saveStrengths(ctx(org.worker), org.worker.id, 'Patient');
    const changed = await expectRejection(agreePlan(ctx(org.supervisor), org.worker.id, 2), InvalidTransition);
    expect(changed.message).to.match(/changed since/);
    const first = await planVersion(org.worker, org.worker.id, 1);
    expect(first.content.opportunities[0]).to.include({ status: 'planned', outcome: '' });
    expect(first.content.goals.map((goal) => goal.link)).to.deep.equal([`${'ASTH325'} ${item.code}: ${item.text}`, sectionLink.label, null]);
    expect(first.agreed).to.equal(true);
    expect((await planVersion(org.worker, org.worker.id, 2)).content.opportunities[0]).to.include({ status: 'completed', outcome: 'Certificate on file' });
    await expectRejection(planVersion(org.worker, org.worker.id, 3), NotFound);
  });

  it('gives the standing of many workers’ plans in one statement: missing, draft, current, stale by the shortest role profile period', async () => {
    const org = await createStaffedOrganisation();
    const people = await Promise.all([1, 2, 3, 4].map(() => createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id })));
    const [missing, draft, current, stale] = people.map((person) => actorFor(person, ['worker']));
    const short = await createRoleProfile(ctx(org.admin), { name: 'Night support', standardIds: [], supervisionFrequencyWeeks: 4, urgentDebriefOnRequest: false, targetMonths: 12, pdpReviewMonths: 3 });
    const long = await createRoleProfile(ctx(org.admin), { name: 'Day support', standardIds: [], supervisionFrequencyWeeks: 4, urgentDebriefOnRequest: false, targetMonths: 12, pdpReviewMonths: 12 });
    await assignRoleProfile(ctx(org.admin), { personId: stale!.id, roleProfileId: short, startedOn: '2025-01-01' });
    await assignRoleProfile(ctx(org.admin), { personId: stale!.id, roleProfileId: long, startedOn: '2025-01-01' });
    await assignRoleProfile(ctx(org.admin), { personId: current!.id, roleProfileId: long, startedOn: '2025-01-01' });
    await saveStrengths(ctx(draft!), draft!.id, 'Punctual');
    for (const [person, at] of [[current!, '2026-01-10T10:00:00Z'], [stale!, '2026-01-10T10:00:00Z']] as const) {
      await saveStrengths(ctx(person), person.id, 'Kind');
      await proposePlan(ctx(person, new Date(at)), person.id);
      await agreePlan(ctx(org.supervisor, new Date(at)), person.id, 1);
    }

    queryCounter.count = 0;
    const standing = await planStandingOf(people.map((person) => person.id), '2026-05-01');
    expect(queryCounter.count).to.equal(1);
    expect(Object.fromEntries(Object.entries(standing).map(([id, row]) => [id, [row.state, row.reviewDue]]))).to.deep.equal({
      [missing!.id]: ['missing', null],
      [draft!.id]: ['draft', null],
      [current!.id]: ['current', '2027-01-10'],
      [stale!.id]: ['stale', '2026-04-10'],
    });
  });

  it('flags a worker with gaps and no PDP on their plan page', async () => {
    const org = await createStaffedOrganisation();
    await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const page = await planPage(org.supervisor, org.worker.id);
    expect(page).to.include({ flagged: true });
    expect(page.openGaps).to.be.greaterThan(0);
    await saveStrengths(ctx(org.worker), org.worker.id, 'Warm');
    expect((await planPage(org.supervisor, org.worker.id)).flagged).to.equal(false);
  });

  it('puts the plan’s open goals and opportunities and the open gaps per section on the session’s agenda, and links what the record adds both ways', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const assessor = await createAssessor(org.admin, [org.worker]);
    const evidenceId = await createEvidence(org.worker, [items[0]!, items[1]!], { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'met'), judgement(items[1]!.id, 'not_yet_met', { feedback: 'Say more about consent' })]);
    const goalId = await addGoal(ctx(org.worker), org.worker.id, { description: 'Consent conversations', targetDate: '2027-03-31', link: `item:${items[1]!.id}` });
    await addGoal(ctx(org.worker), org.worker.id, { description: 'Dropped goal', targetDate: '2027-03-31', link: '' }).then((id) => DevelopmentGoal.update({ status: 'dropped' }, { where: { id } }));
    await addOpportunity(ctx(org.worker), org.worker.id, { ...opportunity, goalId });

    const { session, recordId } = await recordedSession(org.supervisor, org.worker, 1);
    const page = await sessionPage(org.supervisor, session.id);
    expect(page.agenda.goals.map((goal) => goal.description)).to.deep.equal(['Consent conversations']);
    expect(page.agenda.opportunities.map((row) => row.description)).to.deep.equal([opportunity.description]);
    const [standard] = page.agenda.gaps;
    expect(standard!.open).to.equal(items.length - 1);
    expect(standard!.sections.reduce((sum, section) => sum + section.notYetMet, 0)).to.equal(1);
    expect(standard!.sections.reduce((sum, section) => sum + section.open, 0)).to.equal(items.length - 1);
    expect(page.can.addOpportunity).to.equal(true);

    // The PDP review part is saved with the record; an opportunity agreed there goes into the plan, linked both ways.
    await saveRecord(ctx(org.supervisor), recordId, { ...RECORD_INPUT, pdpReview: 'Consent goal on track' });
    expect((await SupervisionRecord.findByPk(recordId))!.pdpReview).to.equal('Consent goal on track');
    await expectRejection(addOpportunityFromRecord(ctx(org.worker), recordId, { ...opportunity, description: 'Shadow Mia' }), Forbidden);
    const noDate = await expectRejection(addOpportunityFromRecord(ctx(org.supervisor), recordId, { ...opportunity, targetDate: '' }), ValidationError);
    expect(noDate.fieldErrors).to.have.keys(['targetDate']);
    const added = await addOpportunityFromRecord(ctx(org.supervisor), recordId, { kind: 'shadowing', description: 'Shadow Mia on two consent calls', targetDate: '2026-10-01', goalId });
    expect((await DevelopmentOpportunity.findByPk(added))!.supervisionRecordId).to.equal(recordId);
    expect((await pdpAgenda(org.worker.id, recordId)).addedHere.map((row) => row.id)).to.deep.equal([added]);
    const forWorker = (await planPage(org.worker, org.worker.id)).content.opportunities.find((row) => row.id === added)!;
    const stored = (await SupervisionRecord.findByPk(recordId, { include: ['session'] }))!.get('session') as { startsAt: Date };
    expect(forWorker.agreedInSupervision).to.deep.equal({ heldOn: stored.startsAt, sessionId: session.id });
    const forManager = (await planPage(org.manager, org.worker.id)).content.opportunities.find((row) => row.id === added)!;
    expect(forManager.agreedInSupervision!.sessionId).to.equal(session.id);
  });
});
