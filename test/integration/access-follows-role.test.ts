// Access follows the relationship AND the role that gives it: line supervision while the actor holds supervisor,
// a manager scope while they hold manager, an assessor assignment while they hold assessor; deactivated people none.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { loadActorForSession } from '#app/domain/accounts.server.ts';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { getEvidence, getEvidenceFile, listEvidence, recordEvidence } from '#app/domain/evidence.server.ts';
import { getOrganisationStructure } from '#app/domain/organisation.server.ts';
import { getPerson, listPeople, setPersonActive, updatePerson } from '#app/domain/people.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { relationshipsToReassign } from '#app/domain/reassignment.server.ts';
import type { Role } from '#app/domain/roles.ts';
import { draftAgreement, workersWithoutAgreement, type AgreementInput } from '#app/domain/supervision/agreements.server.ts';
import { calendarFor } from '#app/domain/supervision/calendar.server.ts';
import { overdueOverview } from '#app/domain/supervision/overdue.server.ts';
import { supervisees, workerSupervision } from '#app/domain/supervision/overview.server.ts';
import { addAddendum, agreeRecord, sessionRecord, shareRecord, startRecord } from '#app/domain/supervision/records.server.ts';
import { cancelSession, planSession } from '#app/domain/supervision/sessions.server.ts';
import { listManagedTeam } from '#app/domain/team.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Session, Team } from '#db/models/index.ts';
import { actorFor, createPerson, createStaffedOrganisation, giveStandard, heldSession, makeManagerOf, signedAgreement, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const todayDate = today();
const AGREEMENT: AgreementInput = {
  frequencyWeeks: 4,
  durationMinutes: 60,
  sessionTime: '10:00',
  startsOn: addDays(todayDate, -30),
  place: 'Room 2',
  confidentiality: 'Confidential',
  scope: 'Practice',
  recordKeeping: 'Both agree',
  agreeWithinDays: 7,
  reviewOn: addDays(todayDate, 300),
  probation: false,
};

/** The actor as a fresh request sees them: roles and activity as they are in the database now. */
async function signedIn(person: { id: number }): Promise<Actor | null> {
  const id = randomBytes(16).toString('hex');
  await Session.create({ tokenHash: createHash('sha256').update(id).digest('hex'), personId: person.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return loadActorForSession(id);
}

async function setRoles(admin: Actor, personId: number, roles: Role[]) {
  const person = await getPerson(admin, personId);
  await updatePerson(
    contextFor(admin, { ipAddress: 'ip' }),
    personId,
    { name: person.name, email: person.email, teamId: person.teamId ?? undefined, lineSupervisorId: person.lineSupervisorId ?? undefined, roles },
  );
}

/**
 * A supervisor who also manages another team, their supervisee in the main team, and everything the supervisee has:
 * a locked supervision record, a planned session, a draft agreement, evidence with a file.
 */
async function supervisedWorker() {
  const org = await createStaffedOrganisation();
  const otherTeam = await Team.create({ organisationId: org.organisation.id, name: unique('Team'), locationId: null });
  const supervisorPerson = await createPerson(org.organisation.id, { roles: ['supervisor', 'manager', 'worker'], teamId: otherTeam.id });
  await makeManagerOf(supervisorPerson.id, org.organisation.id, { teamId: otherTeam.id });
  const supervisor = actorFor(supervisorPerson, ['supervisor', 'manager', 'worker']);
  const workerPerson = await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: supervisor.id });
  const worker = actorFor(workerPerson, ['worker']);

  const agreementId = await signedAgreement(supervisor, worker, AGREEMENT);
  const held = await heldSession(supervisor, worker, 3, { agreementId });
  const recordId = await startRecord(contextFor(supervisor, { ipAddress: 'ip' }), held.id, { attendance: 'Both', discussion: 'Hard calls', wellbeing: 'Tired', workload: 'High', practiceIssues: 'None', learning: 'Refresher' });
  await shareRecord(contextFor(supervisor, { ipAddress: 'ip' }), recordId);
  await agreeRecord(contextFor(worker, { ipAddress: 'ip' }), recordId, 'Agreed');
  const plannedId = await planSession(contextFor(supervisor, { ipAddress: 'ip' }), worker.id, { date: addDays(todayDate, 5), startTime: '10:00', endTime: '11:00', type: 'regular' });
  const { items } = await giveStandard(org.admin, 'ASTH325', [worker]);
  const evidenceId = await recordEvidence(
    contextFor(worker),
    { type: 'reflective_account', title: 'A visit', activityDate: '2026-01-14', description: 'What I did', links: [{ itemId: items[0]!.id, note: 'Shows P1' }] },
    [{ name: 'notes.pdf', bytes: PDF }],
    // Submitted: a draft is the worker's alone, whoever else may read their evidence.
    { submissionToken: unique('token'), submit: true },
  );
  const fileId = (await getEvidence(worker, evidenceId)).files[0]!.id;
  return { org, supervisor, worker, heldId: held.id, recordId, plannedId, evidenceId, fileId };
}

/** Every read and write the line supervisor had; each is "not found" once the relationship no longer counts. */
async function expectNoSupervisionOrEvidence(actor: Actor, setup: Awaited<ReturnType<typeof supervisedWorker>>) {
  const { worker, heldId, recordId, plannedId, evidenceId, fileId } = setup;
  const attempts: [string, () => Promise<unknown>][] = [
    ['supervision page', () => workerSupervision(actor, worker.id)],
    ['session record', () => sessionRecord(actor, heldId)],
    ['addendum to a locked record', () => addAddendum(contextFor(actor, { ipAddress: 'ip' }), recordId, 'Later note')],
    ['cancel a session', () => cancelSession(contextFor(actor, { ipAddress: 'ip' }), plannedId, 'Away')],
    ['evidence list', () => listEvidence(actor, worker.id)],
    ['evidence', () => getEvidence(actor, evidenceId)],
    ['evidence file', () => getEvidenceFile(actor, fileId)],
    ['progress', () => workerProgress(actor, worker.id)],
  ];
  for (const [_what, attempt] of attempts) {
    await expectRejection(attempt(), NotFound);
  }
}

describe('access follows the role that gives it', () => {
  it('a line supervisor keeps access while they hold the supervisor role', async () => {
    const setup = await supervisedWorker();
    const actor = (await signedIn(setup.supervisor))!;
    expect((await workerSupervision(actor, setup.worker.id)).canManage).to.equal(true);
    expect((await getEvidenceFile(actor, setup.fileId)).name).to.equal('notes.pdf');
    expect((await supervisees(actor)).map((row) => row.id)).to.include(setup.worker.id);
  });

  it('once the supervisor role is removed, the former supervisor (still a manager elsewhere) reads and writes none of the supervisee’s supervision or evidence', async () => {
    const setup = await supervisedWorker();
    await setRoles(setup.org.admin, setup.supervisor.id, ['manager', 'worker']);
    const former = (await signedIn(setup.supervisor))!;
    expect(former.roles).not.to.include('supervisor');
    await expectNoSupervisionOrEvidence(former, setup);
    await expectRejection(planSession(contextFor(former, { ipAddress: 'ip' }), setup.worker.id, { date: addDays(todayDate, 9), startTime: '10:00', endTime: '11:00', type: 'regular' }), NotFound);
    await expectRejection(draftAgreement(contextFor(former, { ipAddress: 'ip' }), setup.worker.id, { ...AGREEMENT, startsOn: addDays(todayDate, 1) }), NotFound);
    expect((await supervisees(former)).map((row) => row.id)).not.to.include(setup.worker.id);
    expect((await overdueOverview(former)).workers.map((row) => row.id)).not.to.include(setup.worker.id);
    expect((await workersWithoutAgreement(former)).map((row) => row.id)).not.to.include(setup.worker.id);
  });

  it('once the supervisor role is removed, a former supervisor left with the worker role reads none of it either', async () => {
    const setup = await supervisedWorker();
    await setRoles(setup.org.admin, setup.supervisor.id, ['worker']);
    const former = (await signedIn(setup.supervisor))!;
    await expectNoSupervisionOrEvidence(former, setup);
    expect(await calendarFor(former, 'test')).not.to.contain(`supervision-session-${setup.plannedId}@test`);
  });

  it('a manager whose manager role is removed no longer sees the team, nor (without the supervisor role) the people they line-manage', async () => {
    const { org } = await supervisedWorker();
    // The factory's manager is the supervisor's line supervisor without holding the supervisor role.
    await setRoles(org.admin, org.manager.id, ['worker']);
    const former = (await signedIn(org.manager))!;
    await expectRejection(listManagedTeam(former), Forbidden);
    for (const workerId of [org.worker.id, org.supervisor.id]) {
      await expectRejection(workerSupervision(former, workerId), NotFound);
      await expectRejection(listEvidence(former, workerId), NotFound);
      await expectRejection(workerProgress(former, workerId), NotFound);
    }
  });

  it('an assessor whose assessor role is removed no longer reads the evidence of the workers assigned to them', async () => {
    const setup = await supervisedWorker();
    const assessorPerson = await createPerson(setup.org.organisation.id, { roles: ['assessor', 'worker'] });
    await setWorkerAssessors(contextFor(setup.org.admin, { ipAddress: 'ip' }), setup.worker.id, [assessorPerson.id]);
    expect((await listEvidence((await signedIn(assessorPerson))!, setup.worker.id)).evidence).to.have.length(1);
    await setRoles(setup.org.admin, assessorPerson.id, ['worker']);
    const former = (await signedIn(assessorPerson))!;
    await expectRejection(listEvidence(former, setup.worker.id), NotFound);
    await expectRejection(getEvidenceFile(former, setup.fileId), NotFound);
  });

  it('deactivating a person ends their sessions, and a deactivated person cannot be loaded as an actor', async () => {
    const setup = await supervisedWorker();
    const sessionId = randomBytes(16).toString('hex');
    await Session.create({ tokenHash: createHash('sha256').update(sessionId).digest('hex'), personId: setup.supervisor.id, expiresAt: new Date(Date.now() + 3_600_000) });
    await setPersonActive(contextFor(setup.org.admin, { ipAddress: 'ip' }), setup.supervisor.id, false);
    expect(await Session.count({ where: { personId: setup.supervisor.id } })).to.equal(0);
    expect(await signedIn(setup.supervisor)).to.equal(null);
  });
});

describe('relationships to reassign once a role is removed or a person deactivated', () => {
  it('lists the former supervisor’s supervisees, the former manager’s scopes and the former assessor’s workers to the admin', async () => {
    const setup = await supervisedWorker();
    const { org, supervisor, worker } = setup;
    const assessorPerson = await createPerson(org.organisation.id, { roles: ['assessor'] });
    await setWorkerAssessors(contextFor(org.admin, { ipAddress: 'ip' }), worker.id, [assessorPerson.id]);
    const none = { supervisees: [], managerScopes: [], assessedWorkers: [] };
    expect(await relationshipsToReassign(org.admin, supervisor.id)).to.deep.equal(none);

    await setRoles(org.admin, supervisor.id, ['worker']);
    const afterRoles = await relationshipsToReassign(org.admin, supervisor.id);
    expect(afterRoles.supervisees).to.deep.equal([{ id: worker.id, name: worker.name }]);
    expect(afterRoles.managerScopes.map((scope) => scope.label)).to.have.length(1);
    const row = (await listPeople(org.admin)).find((person) => person.id === worker.id)!;
    expect(row.lineSupervisorNeedsReassigning).to.equal(true);
    const structure = await getOrganisationStructure(org.admin);
    expect(structure.managers.find((manager) => manager.id === supervisor.id)).to.include({ holdsRole: false });

    await setPersonActive(contextFor(org.admin, { ipAddress: 'ip' }), assessorPerson.id, false);
    expect((await relationshipsToReassign(org.admin, assessorPerson.id)).assessedWorkers).to.deep.equal([{ id: worker.id, name: worker.name }]);
    await expectRejection(relationshipsToReassign(org.worker, supervisor.id), Forbidden);
    await expectRejection(relationshipsToReassign((await createStaffedOrganisation()).admin, supervisor.id), NotFound);
  });
});
