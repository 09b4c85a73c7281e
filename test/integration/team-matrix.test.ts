// The manager's team matrix on the real database: cells agree with the progress page, the flags beside each person,
// the filters and drill-down, what is not the manager's is not found, and the statements do not grow with the team.
import { expect } from 'chai';
import { addPolicy } from '#app/domain/policies.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { teamMatrix } from '#app/domain/team/matrix.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { DevelopmentPlan, DevelopmentPlanVersion, Location, Team } from '#db/models/index.ts';
import {
  actorFor,
  createAssessor,
  createEvidence,
  createOrganisation,
  createPerson,
  createStaffedOrganisation,
  giveStandard,
  judge,
  judgement,
  makeManagerOf,
  recordedSession,
  signedAgreement,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

async function addWorkers(org: Awaited<ReturnType<typeof createStaffedOrganisation>>, count: number, teamId = org.team.id) {
  const workers: Actor[] = [];
  for (let index = 0; index < count; index += 1) {
    workers.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId, lineSupervisorId: org.supervisor.id }), ['worker']));
  }
  return workers;
}

async function agreedPlan(worker: Actor, supervisor: Actor, agreedAt: Date) {
  const plan = await DevelopmentPlan.create({ organisationId: worker.organisationId, workerId: worker.id, strengths: 'Calm with people in distress.' });
  await DevelopmentPlanVersion.create({
    organisationId: worker.organisationId,
    planId: plan.id,
    versionNumber: 1,
    content: '{}',
    proposedById: supervisor.id,
    supervisorId: supervisor.id,
    supervisorAgreedAt: agreedAt,
    workerAgreedAt: agreedAt,
    supervisionRecordId: null,
  });
}

describe('team matrix', function () {
  this.timeout(120_000);

  it('counts each cell as the progress page does, drills into sections and items, and sorts by most gaps', async () => {
    const org = await createStaffedOrganisation();
    const [other] = await addWorkers(org, 1);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker, other!]);
    const [p1, p2, p3, p4] = items;
    const assessor = await createAssessor(org.admin, [org.worker]);
    const submitted = await createEvidence(org.worker, [p1!, p2!, p3!], { submitted: true });
    await createEvidence(org.worker, [p4!]);
    await judge(assessor, org.worker.id, [submitted], [judgement(p1!.id, 'met'), judgement(p2!.id, 'not_yet_met')]);

    const matrix = await teamMatrix(org.manager, {});
    expect(matrix.level).to.equal('standards');
    expect(matrix.columns.map((column) => column.key)).to.deep.equal(['ASTH325']);
    const row = matrix.rows.find((entry) => entry.id === org.worker.id)!;
    const cell = row.cells[0]!;
    expect(cell).to.include({ total: items.length, met: 1, notYetMet: 1, submitted: 1, mapped: 1, none: items.length - 4 });
    expect(row.gaps).to.equal(items.length - 1);
    // The progress page, as the worker reads it, has the same items with evidence behind them.
    const progress = (await workerProgress(org.worker, org.worker.id)).standards[0]!;
    expect(progress.total).to.equal(cell.total);
    expect(progress.covered).to.equal(cell.total - cell.none);
    // Most gaps first: the colleague with nothing comes before the worker.
    expect(matrix.rows.map((entry) => entry.id).indexOf(other!.id)).to.be.lessThan(matrix.rows.map((entry) => entry.id).indexOf(org.worker.id));
    expect(matrix.rows.find((entry) => entry.id === org.supervisor.id), 'people who hold no standard are listed with their flags').to.exist;
    expect(matrix.rows.find((entry) => entry.id === org.supervisor.id)!.cells).to.deep.equal([null]);

    const sections = await teamMatrix(org.manager, { standard: 'ASTH325' });
    expect(sections.level).to.equal('sections');
    expect(sections.rows.map((entry) => entry.id)).to.have.members([org.worker.id, other!.id]);
    const sectionOfP1 = p1!.section;
    const index = sections.columns.findIndex((column) => column.key === sectionOfP1);
    const mine = sections.rows.find((entry) => entry.id === org.worker.id)!.cells[index]!;
    const inSection = items.filter((item) => item.section === sectionOfP1);
    expect(mine.total).to.equal(inSection.length);
    expect(mine.met).to.equal(1);
    expect(sections.columns.reduce((sum, _column, column) => sum + sections.rows.find((entry) => entry.id === org.worker.id)!.cells[column]!.total, 0)).to.equal(items.length);

    const itemLevel = await teamMatrix(org.manager, { standard: 'ASTH325', section: sectionOfP1 });
    expect(itemLevel.level).to.equal('items');
    expect(itemLevel.columns.map((column) => column.key)).to.deep.equal(inSection.map((item) => item.code));
    const cells = itemLevel.rows.find((entry) => entry.id === org.worker.id)!.cells;
    const stateOf = (code: string) => {
      const found = cells[itemLevel.columns.findIndex((column) => column.key === code)]!;
      return found.met ? 'met' : found.notYetMet ? 'not_yet_met' : found.submitted ? 'submitted' : found.mapped ? 'mapped' : 'none';
    };
    expect(stateOf(p1!.code)).to.equal('met');
    for (const item of inSection) expect(cells[itemLevel.columns.findIndex((column) => column.key === item.code)]!.total).to.equal(1);

    await expectRejection(teamMatrix(org.manager, { standard: 'HSC3331' }), NotFound);
    await expectRejection(teamMatrix(org.manager, { standard: 'ASTH325', section: 'No such section' }), NotFound);
    await expectRejection(teamMatrix(org.manager, { section: sectionOfP1 }), NotFound);
    const byName = await teamMatrix(org.manager, { sort: 'name' });
    expect(byName.rows.map((entry) => entry.name)).to.deep.equal([...byName.rows.map((entry) => entry.name)].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('flags overdue supervision, no agreement, records not agreed in time, missing and stale PDPs, policies and passed targets', async () => {
    const org = await createStaffedOrganisation();
    const [late, fine, stale] = await addWorkers(org, 3);
    await giveStandard(org.admin, 'ASTH325', [org.worker, late!, fine!, stale!]);
    // Agreed two months ago, every two weeks, never held: overdue. The record of a session a month ago was never agreed.
    await signedAgreement(org.supervisor, late!, { startsOn: addDays(today(), -60), frequencyWeeks: 2, reviewOn: addDays(today(), 300) });
    await recordedSession(org.supervisor, late!, 30);
    await signedAgreement(org.supervisor, fine!);
    await signedAgreement(org.supervisor, stale!);
    await agreedPlan(fine!, org.supervisor, new Date());
    await agreedPlan(stale!, org.supervisor, new Date(Date.now() - 200 * 86_400_000));
    await addPolicy(contextFor(org.admin, { ipAddress: 'ip' }), {
      title: 'Safeguarding adults',
      version: '1',
      adoptedOn: addDays(today(), -10),
      nextReviewOn: addDays(today(), 300),
      body: 'How we keep people safe.',
    });
    const profileId = await createRoleProfile(contextFor(org.admin), {
      name: 'Senior carer',
      description: '',
      standardIds: [],
      supervisionFrequencyWeeks: 6,
      urgentDebriefOnRequest: false,
      targetMonths: 12,
    });
    await assignRoleProfile(contextFor(org.admin), { personId: stale!.id, roleProfileId: profileId, startedOn: addDays(today(), -800) });

    const matrix = await teamMatrix(org.manager, {});
    const flagsOf = (worker: Actor) => matrix.rows.find((row) => row.id === worker.id)!.flags;
    expect(flagsOf(late!).supervisionOverdue).to.not.equal(null);
    expect(flagsOf(late!).recordsLate).to.equal(1);
    expect(flagsOf(late!).noAgreement).to.equal(false);
    expect(flagsOf(late!).pdp).to.equal('missing');
    expect(flagsOf(org.worker).noAgreement).to.equal(true);
    expect(flagsOf(fine!)).to.include({ supervisionOverdue: null, noAgreement: false, recordsLate: 0, pdp: null, noLineSupervisor: false });
    expect(flagsOf(stale!).pdp).to.equal('stale');
    expect(flagsOf(fine!).unacknowledgedPolicies).to.equal(1);
    expect(flagsOf(stale!).passedTargets.map((target) => target.roleProfileName)).to.deep.equal(['Senior carer']);
    expect(flagsOf(fine!).passedTargets).to.deep.equal([]);
    expect(matrix.rows.find((row) => row.id === fine!.id)!.flagCount).to.equal(1);

    const byRole = await teamMatrix(org.manager, { role: String(profileId) });
    expect(byRole.rows.map((row) => row.id)).to.deep.equal([stale!.id]);
  });

  it('filters by location and team, and refuses a team, location or role profile that is not the manager’s', async () => {
    const org = await createStaffedOrganisation();
    const elsewhere = await Location.create({ organisationId: org.organisation.id, name: 'Hillside', address: null });
    const night = await Team.create({ organisationId: org.organisation.id, name: 'Night team', locationId: elsewhere.id });
    const notMine = await Team.create({ organisationId: org.organisation.id, name: 'Day team', locationId: elsewhere.id });
    await makeManagerOf(org.manager.id, org.organisation.id, { teamId: night.id });
    const [nightWorker] = await addWorkers(org, 1, night.id);
    const [dayWorker] = await addWorkers(org, 1, notMine.id);

    const all = await teamMatrix(org.manager, {});
    expect(all.rows.map((row) => row.id)).to.include(nightWorker!.id).and.not.include(dayWorker!.id);
    expect(all.options.teams.map((team) => team.id)).to.have.members([org.team.id, night.id]);
    expect((await teamMatrix(org.manager, { team: String(night.id) })).rows.map((row) => row.id)).to.deep.equal([nightWorker!.id]);
    expect((await teamMatrix(org.manager, { location: String(elsewhere.id) })).rows.map((row) => row.id)).to.deep.equal([nightWorker!.id]);
    expect((await teamMatrix(org.manager, { location: String(org.location.id) })).rows.map((row) => row.id)).to.not.include(nightWorker!.id);

    const stranger = await createOrganisation();
    const otherOrg = await createStaffedOrganisation();
    await expectRejection(teamMatrix(org.manager, { team: String(notMine.id) }), NotFound);
    await expectRejection(teamMatrix(org.manager, { team: String(stranger.team.id) }), NotFound);
    await expectRejection(teamMatrix(org.manager, { location: String(stranger.location.id) }), NotFound);
    await expectRejection(teamMatrix(org.manager, { team: 'abc' }), NotFound);
    await expectRejection(teamMatrix(org.manager, { role: '999999' }), NotFound);
    await expectRejection(teamMatrix(otherOrg.manager, { team: String(org.team.id) }), NotFound);
    await expectRejection(teamMatrix(org.worker, {}), Error);
  });

  it('sends the same number of statements for 5 and for 50 workers, at every level', async () => {
    async function statements(count: number) {
      const org = await createStaffedOrganisation();
      const workers = await addWorkers(org, count - 1);
      const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker, ...workers]);
      await giveStandard(org.admin, 'HSC3331', [org.worker, ...workers]);
      for (const worker of [org.worker, ...workers].slice(0, 5)) {
        await createEvidence(worker, items.slice(0, 3), { submitted: true });
        await signedAgreement(org.supervisor, worker);
        await agreedPlan(worker, org.supervisor, new Date());
      }
      const counts = [];
      for (const query of [{}, { standard: 'ASTH325' }, { standard: 'ASTH325', section: items[0]!.section }]) {
        const manager = { ...org.manager };
        queryCounter.count = 0;
        const matrix = await teamMatrix(manager, query);
        counts.push(queryCounter.count);
        expect(matrix.rows.length).to.be.at.least(count);
      }
      return counts;
    }
    const five = await statements(5);
    const fifty = await statements(50);
    expect(fifty).to.deep.equal(five);
    expect(five[0]).to.be.at.most(20);
  });
});
