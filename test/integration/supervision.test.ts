// Supervision: agreements and the policy check, schedules and urgent debriefs, records with actions, calendars,
// overdue views, and who may see any of it (the two parties and the managers above them only).
import { expect } from 'chai';
import { attentionFor } from '#app/domain/home.server.ts';
import { agreementsFor, draftAgreement, signAgreement, workersWithoutAgreement } from '#app/domain/supervision/agreements.server.ts';
import { calendarFor, calendarForToken, createCalendarLink, revokeCalendarLinks } from '#app/domain/supervision/calendar.server.ts';
import { overdueOverview } from '#app/domain/supervision/overdue.server.ts';
import { supervisees, supervisionHome, workerSupervision } from '#app/domain/supervision/overview.server.ts';
import { addAction, addAddendum, agreeRecord, completeAction, saveRecord, sessionRecord, shareRecord, startRecord } from '#app/domain/supervision/records.server.ts';
import { sessionPage } from '#app/domain/supervision/session-page.server.ts';
import {
  cancelSession,
  markSessionMissed,
  moveSession,
  planSchedule,
  planSession,
  recordPastSession,
  requestUrgentDebrief,
} from '#app/domain/supervision/sessions.server.ts';
import { addDays, formatDate, formatDateTime, londonInstant, today as todayInLondon } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import {
  AuditEvent,
  RoleAssignment,
  RoleProfile,
  SupervisionAgreement,
  SupervisionCalendarToken,
  SupervisionRecord,
  SupervisionRecordAgreement,
  SupervisionSession,
  SupervisionSignature,
  WorkerAssessor,
} from '#db/models/index.ts';
import {
  RECORD_INPUT,
  actorFor,
  agreementInput,
  createPerson,
  createStaffedOrganisation,
  heldSession,
  signedAgreement,
  unique,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

/** The last Sunday of a month, when UK clocks change (March forward, October back). */
function lastSunday(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0));
  date.setUTCDate(date.getUTCDate() - date.getUTCDay());
  return date.toISOString().slice(0, 10);
}

const today = todayInLondon();

describe('supervision agreements', () => {
  it('a supervisor drafts, both sign (name and time): it becomes current; a new version supersedes it and the old stays', async () => {
    const org = await createStaffedOrganisation();
    const first = await signedAgreement(org.supervisor, org.worker);
    const view = await workerSupervision(org.worker, org.worker.id);
    expect(view.current?.id).to.equal(first);
    expect(view.current?.signatures.map((row) => [row.party, row.name])).to.deep.equal([
      ['worker', org.worker.name],
      ['supervisor', org.supervisor.name],
    ]);
    const second = await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ frequencyWeeks: 4 }));
    expect((await workerSupervision(org.worker, org.worker.id)).current?.id, 'the first stays current until both sign').to.equal(first);
    await signAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), second);
    const { active } = await signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), second);
    expect(active).to.equal(true);
    const after = await workerSupervision(org.manager, org.worker.id);
    expect(after.current?.id).to.equal(second);
    expect(after.history.map((row) => [row.id, row.version, row.status])).to.deep.equal([[first, 1, 'superseded']]);
    expect(await AuditEvent.count({ where: { action: 'supervision.agreement_signed', organisationId: org.organisation.id } })).to.equal(4);
    const signature = await SupervisionSignature.findOne({ where: { agreementId: first } });
    await expectRejection(signature!.update({ signedName: 'Someone else' }), AppendOnlyViolation);
    await expectRejection(signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), second), InvalidTransition);
  });

  it('refuses an agreement with no frequency, a review before the start, or written by the worker; nothing is written', async () => {
    const org = await createStaffedOrganisation();
    const noFrequency = await expectRejection(draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ frequencyWeeks: undefined })), ValidationError);
    expect(noFrequency).to.be.instanceOf(ValidationError);
    expect((noFrequency as ValidationError).fieldErrors.frequencyWeeks).to.deep.equal(['Enter how often supervision happens, in weeks']);
    const backwards = await expectRejection(draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ reviewOn: today })), ValidationError);
    expect((backwards as ValidationError).fieldErrors.reviewOn).to.deep.equal(['The review date must be after the start date']);
    await expectRejection(draftAgreement(contextFor(org.worker, { ipAddress: 'ip' }), org.worker.id, agreementInput()), Forbidden);
    expect(await SupervisionAgreement.count({ where: { workerId: org.worker.id } })).to.equal(0);
  });

  it('flags an agreement less frequent than the worker’s role profile policy, and anything beyond 13 weeks', async () => {
    const org = await createStaffedOrganisation();
    const profile = await RoleProfile.create({
      organisationId: org.organisation.id,
      name: unique('Contact worker'),
      description: null,
      supervisionFrequencyWeeks: 6,
      probationSupervisionFrequencyWeeks: 1,
      urgentDebriefOnRequest: true,
      targetMonths: 12,
    });
    await RoleAssignment.create({
      organisationId: org.organisation.id,
      personId: org.worker.id,
      roleProfileId: profile.id,
      startedOn: today,
      targetDate: addDays(today, 365),
      endedOn: null,
      assignedById: org.admin.id,
    });
    await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ frequencyWeeks: 8 }));
    const view = await workerSupervision(org.manager, org.worker.id);
    expect(view.draft?.policy.meetsPolicy).to.equal(false);
    expect(view.draft?.policy.requiredWeeks).to.equal(6);
    expect(view.draft?.policy.message).to.contain('role profile');
    await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ frequencyWeeks: 2, probation: true }));
    const probation = await workerSupervision(org.manager, org.worker.id);
    expect(probation.draft?.policy.requiredWeeks, 'weekly during probation').to.equal(1);
    expect(probation.draft?.policy.meetsPolicy).to.equal(false);

    const other = await createStaffedOrganisation();
    await draftAgreement(contextFor(other.supervisor, { ipAddress: 'ip' }), other.worker.id, agreementInput({ frequencyWeeks: 16 }));
    const nice = await workerSupervision(other.supervisor, other.worker.id);
    expect(nice.draft?.policy.requiredWeeks).to.equal(13);
    expect(nice.draft?.policy.message).to.contain('NICE');
  });

  it('shows the manager which workers have no current agreement', async () => {
    const org = await createStaffedOrganisation();
    const before = await workersWithoutAgreement(org.manager);
    expect(before.map((row) => row.id)).to.include.members([org.worker.id, org.supervisor.id]);
    await signedAgreement(org.supervisor, org.worker);
    const after = await workersWithoutAgreement(org.manager);
    expect(after.map((row) => row.id)).not.to.include(org.worker.id);
    expect(after.map((row) => row.id)).to.include(org.supervisor.id);
  });
});

describe('supervision for everyone with a line supervisor', () => {
  it('an assessor-only person with a line supervisor reads their supervision, signs, asks for a debrief and is in the manager’s lists', async () => {
    const org = await createStaffedOrganisation();
    const row = await createPerson(org.organisation.id, { roles: ['assessor'], teamId: org.team.id, lineSupervisorId: org.supervisor.id });
    const assessor = actorFor(row, ['assessor']);
    expect((await supervisionHome(assessor)).can.requestDebrief).to.equal(true);
    expect((await workerSupervision(assessor, assessor.id)).isSelf).to.equal(true);
    for (const overseer of [org.manager, org.supervisor]) {
      expect((await supervisees(overseer)).map((person) => person.id)).to.include(assessor.id);
      expect((await workersWithoutAgreement(overseer)).map((person) => person.id)).to.include(assessor.id);
    }
    const agreementId = await signedAgreement(org.supervisor, assessor);
    expect((await SupervisionAgreement.findByPk(agreementId))!.status).to.equal('active');
    expect((await workersWithoutAgreement(org.manager)).map((person) => person.id)).not.to.include(assessor.id);
    const debrief = await requestUrgentDebrief(contextFor(assessor, { ipAddress: 'ip' }), 'A hard conversation');
    expect((await workerSupervision(assessor, assessor.id)).sessions.map((session) => session.id)).to.deep.equal([debrief]);
    // Without a line supervisor the assessor role alone still gives no supervision.
    const unsupervised = actorFor(await createPerson(org.organisation.id, { roles: ['assessor'], teamId: org.team.id }), ['assessor']);
    await expectRejection(supervisionHome(unsupervised), Forbidden);
    expect((await supervisees(org.manager)).map((person) => person.id)).not.to.include(unsupervised.id);
  });
});

describe('supervision agreements read for a page', () => {
  it('lists 1 or 20 versions of an agreement in the same number of queries, with each one’s signatures and policy check', async () => {
    const one = await createStaffedOrganisation();
    await signedAgreement(one.supervisor, one.worker);
    const many = await createStaffedOrganisation();
    for (let version = 1; version <= 20; version += 1) await signedAgreement(many.supervisor, many.worker, { frequencyWeeks: version % 2 ? 6 : 14 });

    queryCounter.count = 0;
    const single = await agreementsFor(one.supervisor, one.worker.id);
    const forOne = queryCounter.count;
    queryCounter.count = 0;
    const twenty = await agreementsFor(many.supervisor, many.worker.id);
    expect(queryCounter.count).to.equal(forOne);
    expect(single).to.have.length(1);
    expect(twenty.map((row) => row.version)).to.deep.equal(Array.from({ length: 20 }, (_, index) => 20 - index));
    expect(twenty.every((row) => row.signatures.map((signature) => signature.party).join() === 'worker,supervisor')).to.equal(true);
    expect(twenty.map((row) => row.policy.meetsPolicy)).to.deep.equal(twenty.map((row) => row.frequencyWeeks <= 13));
    expect(twenty.filter((row) => row.status === 'active').map((row) => row.version)).to.deep.equal([20]);
  });
});

describe('supervision confidentiality', () => {
  it('the worker, their supervisor and the manager above read it; an assessor, IQA, colleague or another organisation get 404', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org.supervisor, org.worker);
    const session = await heldSession(org.supervisor, org.worker, 2);
    await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD_INPUT);
    for (const reader of [org.worker, org.supervisor, org.manager]) {
      expect((await sessionRecord(reader, session.id)).record?.discussion).to.equal(RECORD_INPUT.discussion);
      expect((await workerSupervision(reader, org.worker.id)).worker.id).to.equal(org.worker.id);
    }
    const assessorRow = await createPerson(org.organisation.id, { roles: ['assessor'], teamId: org.team.id });
    await WorkerAssessor.create({ organisationId: org.organisation.id, workerId: org.worker.id, assessorId: assessorRow.id } as never);
    const assessor = actorFor(assessorRow, ['assessor']);
    const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'], teamId: org.team.id }), ['iqa']);
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id }), ['worker']);
    const colleagueSupervisor = actorFor(await createPerson(org.organisation.id, { roles: ['supervisor', 'worker'], teamId: org.team.id }), ['supervisor', 'worker']);
    const elsewhere = await createStaffedOrganisation();
    for (const [_label, outsider] of [
      ['assessor', { ...assessor, roles: ['assessor', 'worker'] as const }],
      ['iqa', { ...iqa, roles: ['iqa', 'worker'] as const }],
      ['colleague', colleague],
      ['another supervisor', colleagueSupervisor],
      ['another organisation’s manager', elsewhere.manager],
    ] as const) {
      const actor = { ...outsider, roles: [...outsider.roles] };
      await expectRejection(sessionRecord(actor, session.id), NotFound);
      await expectRejection(workerSupervision(actor, org.worker.id), NotFound);
    }
    // Roles without the supervision permission at all are refused before anything is looked up.
    await expectRejection(workerSupervision(assessor, org.worker.id), Forbidden);
  });
});

describe('supervision schedule', () => {
  it('plans sessions from the agreement with rrule at the same London time, and adds no duplicates when run again', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org.supervisor, org.worker, { frequencyWeeks: 6, reviewOn: addDays(today, 180) });
    const created = await planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id);
    expect(created).to.be.within(4, 5);
    expect(await planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id)).to.equal(0);
    const sessions = await SupervisionSession.findAll({ where: { workerId: org.worker.id }, order: [['startsAt', 'ASC']] });
    expect(sessions).to.have.length(created);
    const { formatDateTime } = await import('#app/utils/dates/index.ts');
    expect(sessions.every((session) => formatDateTime(session.startsAt).endsWith('at 10:00am'))).to.equal(true);
    await expectRejection(planSchedule(contextFor(org.worker, { ipAddress: 'ip' }), org.worker.id), Forbidden);
  });

  it('refuses a schedule without a signed agreement, a past session planned as future and an end before its start', async () => {
    const org = await createStaffedOrganisation();
    const noAgreement = await expectRejection(planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id), ValidationError);
    expect(noAgreement).to.be.instanceOf(ValidationError);
    const past = await expectRejection(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, -3), startTime: '10:00', endTime: '11:00', type: 'regular' }), ValidationError);
    expect((past as ValidationError).fieldErrors.date).to.deep.equal([
      'A planned session must be in the future: this date and time has passed. To write up a session that already happened, record a session that took place',
    ]);
    const backwards = await expectRejection(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 3), startTime: '11:00', endTime: '10:00', type: 'appraisal' }), ValidationError);
    expect((backwards as ValidationError).fieldErrors.endTime).to.deep.equal(['The end time must be after the start time']);
    expect(await SupervisionSession.count({ where: { workerId: org.worker.id } })).to.equal(0);
  });

  it('refuses a time the clocks skip, next to the time field, and takes the first of a time they repeat (BST)', async () => {
    const org = await createStaffedOrganisation();
    const year = Number(today.slice(0, 4)) + 1;
    const forward = lastSunday(year, 3);
    const back = lastSunday(year, 10);
    const longDate = (date: string) => formatDate(`${date}T12:00:00Z`);
    const skipped = await expectRejection(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: forward, startTime: '01:30', endTime: '03:00', type: 'regular' }), ValidationError);
    expect((skipped as ValidationError).fieldErrors).to.deep.equal({
      startTime: [`The clocks go forward at 1am on ${longDate(forward)}, so 1:30am does not exist that day. Choose another time.`],
    });
    const endSkipped = await expectRejection(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: forward, startTime: '00:15', endTime: '01:00', type: 'regular' }), ValidationError);
    expect((endSkipped as ValidationError).fieldErrors).to.deep.equal({
      endTime: [`The clocks go forward at 1am on ${longDate(forward)}, so 1am does not exist that day. Choose another time.`],
    });
    expect(await SupervisionSession.count({ where: { workerId: org.worker.id } })).to.equal(0);

    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: back, startTime: '01:30', endTime: '02:30', type: 'regular' });
    const session = (await SupervisionSession.findByPk(id))!;
    expect(session.startsAt.toISOString()).to.equal(`${back}T00:30:00.000Z`);
    expect(session.endsAt.getTime() - session.startsAt.getTime(), 'from 1:30am BST to 2:30am GMT').to.equal(2 * 3_600_000);
    expect(formatDateTime(session.startsAt)).to.equal(`${longDate(back)} at 1:30am BST`);
    const moved = await expectRejection(moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: forward, startTime: '01:45', endTime: '04:00' }), ValidationError);
    expect((moved as ValidationError).fieldErrors.startTime?.[0]).to.match(/^The clocks go forward at 1am/);
  });

  it('moves, cancels with a reason, and marks a started session missed', async () => {
    const org = await createStaffedOrganisation();
    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 3), startTime: '10:00', endTime: '11:00', type: 'appraisal', place: 'Office' });
    await moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: '2026-12-14', startTime: '14:00', endTime: '15:00' });
    const moved = await SupervisionSession.findByPk(id);
    expect(moved!.startsAt.toISOString()).to.equal(londonInstant('2026-12-14', '14:00').toISOString());
    expect((await expectRejection(cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, '  '), ValidationError)).fieldErrors.reason).to.have.length(1);
    await cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, 'Supervisor off sick');
    expect((await SupervisionSession.findByPk(id))!.cancelReason).to.equal('Supervisor off sick');
    await expectRejection(cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, 'again'), InvalidTransition);
    const past = await heldSession(org.supervisor, org.worker, 1);
    await expectRejection(markSessionMissed(contextFor(org.worker, { ipAddress: 'ip' }), past.id), Forbidden);
    await markSessionMissed(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id);
    expect((await SupervisionSession.findByPk(past.id))!.status).to.equal('missed');
    const future = await planSession(contextFor(org.manager, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 5), startTime: '09:00', endTime: '10:00', type: 'regular' });
    await expectRejection(markSessionMissed(contextFor(org.supervisor, { ipAddress: 'ip' }), future), InvalidTransition);
  });

  it('a worker asks for an urgent debrief: the supervisor is told on their home page and it is in both schedules', async () => {
    const org = await createStaffedOrganisation();
    expect((await expectRejection(requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), ''), ValidationError)).fieldErrors.reason).to.have.length(1);
    const id = await requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), 'A distressing call this morning');
    const home = await attentionFor(org.supervisor);
    const items = home.flatMap((section) => section.items.map((item) => item.text));
    expect(items.some((text) => /urgent debrief/i.test(text))).to.equal(true);
    expect((await workerSupervision(org.worker, org.worker.id)).sessions.map((row) => [row.id, row.status, row.type])).to.deep.equal([[id, 'requested', 'urgent_debrief']]);
    await moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: addDays(today, 1), startTime: '16:00', endTime: '16:30' });
    expect((await SupervisionSession.findByPk(id))!.status).to.equal('planned');
    const supervisorDiary = await calendarFor(org.supervisor, 'test');
    expect(supervisorDiary).to.contain(`supervision-session-${id}@test`);
    expect(supervisorDiary).to.contain('Urgent debrief with');
  });
});

describe('supervision in the audit log', () => {
  it('names what happened and to whom, never the confidential text: reasons, record, comments, addenda', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org.supervisor, org.worker);
    const planned = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 3), startTime: '10:00', endTime: '11:00', type: 'regular' });
    const secrets = ['off sick – anxiety and depression', 'A distressing call about Mrs B', 'I agree; my back pain is worse', 'Referred to occupational health', 'Ask the GP about the memory clinic'];
    await cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), planned, secrets[0]!);
    await requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), secrets[1]!);
    const session = await heldSession(org.supervisor, org.worker, 2);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD_INPUT);
    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: secrets[4]!, ownerId: org.worker.id, dueOn: addDays(today, 7) });
    await completeAction(contextFor(org.worker), actionId);
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, secrets[2]!);
    await addAddendum(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId, secrets[3]!);
    const summaries = (await AuditEvent.findAll({ where: { organisationId: org.organisation.id } })).map((event) => event.summary);
    expect(summaries.some((summary) => summary.includes('cancelled a supervision session'))).to.equal(true);
    for (const happened of ['started', 'added an action to', 'marked an action of']) {
      expect(summaries.some((summary) => summary.includes(happened)), happened).to.equal(true);
    }
    for (const text of [...secrets, ...Object.values(RECORD_INPUT)]) {
      expect(summaries.filter((summary) => summary.includes(text)), text).to.deep.equal([]);
    }
  });
});

describe('supervision records', () => {
  it('the supervisor writes and shares, the worker comments and agrees; it locks; later changes are addenda; actions carry forward', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org.supervisor, org.worker);
    const session = await heldSession(org.supervisor, org.worker, 3);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD_INPUT);
    expect((await SupervisionSession.findByPk(session.id))!.status).to.equal('held');
    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: 'Book safeguarding refresher', ownerId: org.worker.id, dueOn: addDays(today, 14) });
    expect((await expectRejection(agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, 'ok'), ValidationError)).fieldErrors.comments).to.deep.equal([
      'Your supervisor has not shared this record with you yet',
    ]);
    const workerWrites = await expectRejection(saveRecord(contextFor(org.worker), recordId, { ...RECORD_INPUT, discussion: 'Rewritten by the worker' }), Forbidden);
    expect(workerWrites.message).to.contain('Only the supervisor writes this part');
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, 'I agree; I would add that the team was short-staffed.');
    const record = await SupervisionRecord.findByPk(recordId);
    expect(record!.status).to.equal('agreed');
    expect(record!.lockedAt).to.be.instanceOf(Date);
    expect(record!.discussion).to.equal(RECORD_INPUT.discussion);
    expect((await SupervisionRecordAgreement.findAll({ where: { recordId } })).map((row) => row.party).sort()).to.deep.equal(['supervisor', 'worker']);
    const locked = await expectRejection(saveRecord(contextFor(org.supervisor), recordId, { ...RECORD_INPUT, discussion: 'Changed afterwards' }), ValidationError);
    expect((locked as ValidationError).fieldErrors.discussion?.[0]).to.contain('add an addendum instead');
    expect((await SupervisionRecord.findByPk(recordId))!.discussion).to.equal(RECORD_INPUT.discussion);
    await addAddendum(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId, 'The refresher date moved to January.');
    const next = await heldSession(org.supervisor, org.worker, 1);
    const view = await sessionRecord(org.worker, next.id);
    expect(view.carriedForward.map((row) => row.id)).to.deep.equal([actionId]);
    expect((await sessionRecord(org.worker, session.id)).addenda.map((row) => row.text)).to.deep.equal(['The refresher date moved to January.']);
    await completeAction(contextFor(org.worker), actionId);
    expect((await sessionRecord(org.worker, next.id)).carriedForward).to.deep.equal([]);
    expect(await AuditEvent.count({ where: { action: 'supervision.record_agreed', organisationId: org.organisation.id } })).to.equal(1);
  });

  it('the supervisor records a session that took place yesterday: it is held, its record comes next; not the worker, not the future', async () => {
    const org = await createStaffedOrganisation();
    const input = { date: addDays(today, -1), startTime: '10:00', endTime: '11:00', type: 'regular' as const };
    await expectRejection(recordPastSession(contextFor(org.worker, { ipAddress: 'ip' }), org.worker.id, input), Forbidden);
    const ahead = await expectRejection(recordPastSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { ...input, date: addDays(today, 2) }), ValidationError);
    expect(ahead.fieldErrors.date).to.deep.equal(['A session that took place must have started already: this date and time is still to come']);
    expect(await SupervisionSession.count({ where: { workerId: org.worker.id } })).to.equal(0);

    const id = await recordPastSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, input);
    const session = (await SupervisionSession.findByPk(id))!;
    expect([session.status, session.type, session.supervisorId]).to.deep.equal(['held', 'regular', org.supervisor.id]);
    expect(formatDateTime(session.startsAt)).to.contain('10:00am');
    expect((await sessionPage(org.supervisor, id)).can).to.include({ record: true, move: false, miss: false });
    await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), id, RECORD_INPUT);
    expect((await SupervisionRecord.findOne({ where: { sessionId: id } }))?.status).to.equal('draft');
    expect(await AuditEvent.count({ where: { action: 'supervision.session_changed', organisationId: org.organisation.id } })).to.equal(1);
  });

  it('cannot record a session that has not happened yet', async () => {
    const org = await createStaffedOrganisation();
    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 2), startTime: '10:00', endTime: '11:00', type: 'regular' });
    await expectRejection(startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), id, RECORD_INPUT), ValidationError);
    expect(await SupervisionRecord.count({ where: { sessionId: id } })).to.equal(0);
  });
});

describe('supervision overdue views', () => {
  it('shows sessions overdue against the frequency, records not agreed in time and actions past due, to supervisor and manager', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org.supervisor, org.worker, { frequencyWeeks: 2, startsOn: addDays(today, -60) });
    // Every two weeks from 60 days ago; the only session was 30 days ago, so the next was due 16 days ago.
    const session = await heldSession(org.supervisor, org.worker, 30);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD_INPUT);
    await addAction(contextFor(org.supervisor), recordId, { description: 'Read the lone working policy', ownerId: org.worker.id, dueOn: addDays(today, -5) });
    for (const viewer of [org.supervisor, org.manager]) {
      const overview = await overdueOverview(viewer);
      expect(overview.sessions.map((row) => row.workerId), 'sessions').to.deep.equal([org.worker.id]);
      expect(overview.records.map((row) => row.sessionId), 'records').to.deep.equal([session.id]);
      expect(overview.actions.map((row) => row.description), 'actions').to.deep.equal(['Read the lone working policy']);
    }
    await expectRejection(overdueOverview(org.worker), Forbidden);
    const elsewhere = await createStaffedOrganisation();
    const theirs = await overdueOverview(elsewhere.manager);
    expect(theirs.sessions.concat(theirs.records as never).map((row) => row.workerId)).not.to.include(org.worker.id);
    const home = (await attentionFor(org.manager)).flatMap((section) => section.items.map((item) => item.text)).join(' ');
    expect(home).to.match(/overdue/i);
  });
});

describe('supervision calendars', () => {
  it('a private link serves the person’s sessions until revoked; only the sha256 is stored; unknown tokens are not found', async () => {
    const org = await createStaffedOrganisation();
    await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDays(today, 4), startTime: '10:00', endTime: '11:00', type: 'regular', place: 'Room 2' });
    const token = await createCalendarLink(contextFor(org.worker, { ipAddress: 'ip' }));
    const stored = await SupervisionCalendarToken.findOne({ where: { personId: org.worker.id } });
    expect(stored!.tokenHash).to.have.length(64);
    expect(stored!.tokenHash).not.to.contain(token);
    const ics = await calendarForToken(token, 'test');
    expect(ics).to.contain('BEGIN:VEVENT');
    expect(ics).to.contain('LOCATION:Room 2');
    await expectRejection(calendarForToken(token.replace(/./g, 'a'), 'test'), NotFound);
    await revokeCalendarLinks(contextFor(org.worker, { ipAddress: 'ip' }));
    await expectRejection(calendarForToken(token, 'test'), NotFound);
    const fresh = await createCalendarLink(contextFor(org.worker, { ipAddress: 'ip' }));
    expect(await calendarForToken(fresh, 'test')).to.contain('BEGIN:VEVENT');
  });
});
