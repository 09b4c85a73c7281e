// Supervision: agreements and the policy check, schedules and urgent debriefs, records with actions, calendars,
// overdue views, and who may see any of it (the two parties and the managers above them only).
import { expect } from 'chai';
import { draftAgreement, signAgreement, workersWithoutAgreement, type AgreementInput } from '#app/domain/supervision/agreements.server.ts';
import { calendarFor, calendarForToken, createCalendarLink, revokeCalendarLinks } from '#app/domain/supervision/calendar.server.ts';
import { overdueOverview } from '#app/domain/supervision/overdue.server.ts';
import { workerSupervision } from '#app/domain/supervision/overview.server.ts';
import {
  addAction,
  addAddendum,
  agreeRecord,
  completeAction,
  saveRecord,
  sessionRecord,
  shareRecord,
  startRecord,
  type RecordInput,
} from '#app/domain/supervision/records.server.ts';
import {
  cancelSession,
  markSessionMissed,
  moveSession,
  planSchedule,
  planSession,
  requestUrgentDebrief,
} from '#app/domain/supervision/sessions.server.ts';
import { attentionFor } from '#app/domain/home.server.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
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
import { actorFor, createPerson, createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { addDaysToDate, londonInstant } from '#app/domain/supervision/uk-date.ts';
import { todayInLondon } from '#app/domain/policies.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates.ts';
import { contextFor } from '#app/utils/request-context.server.ts';

/** The last Sunday of a month, when UK clocks change (March forward, October back). */
function lastSunday(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0));
  date.setUTCDate(date.getUTCDate() - date.getUTCDay());
  return date.toISOString().slice(0, 10);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

const today = todayInLondon();

function agreementInput(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    frequencyWeeks: 6,
    durationMinutes: 60,
    sessionTime: '10:00',
    startsOn: addDaysToDate(today, 1),
    place: 'Riverside House, room 2',
    confidentiality: 'Confidential between us, except where someone is at risk of harm.',
    scope: 'Practice, wellbeing, workload, learning and the PDP.',
    recordKeeping: 'The supervisor writes the record; both agree it.',
    agreeWithinDays: 7,
    reviewOn: addDaysToDate(today, 365),
    probation: false,
    ...overrides,
  };
}

const RECORD: RecordInput = {
  attendance: 'Both attended',
  discussion: 'Talked through two difficult calls',
  wellbeing: 'Tired but coping',
  workload: '32 open contacts',
  practiceIssues: 'Boundaries with one customer',
  learning: 'Book onto safeguarding refresher; PDP reviewed',
};

async function signedAgreement(org: Awaited<ReturnType<typeof createStaffedOrganisation>>, overrides: Partial<AgreementInput> = {}) {
  const id = await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput(overrides));
  await signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), id);
  await signAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), id);
  return id;
}

/** A session in the past (as if planned earlier and now held). */
async function pastSession(org: Awaited<ReturnType<typeof createStaffedOrganisation>>, daysAgo: number) {
  const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
  const session = await SupervisionSession.create({
    organisationId: org.organisation.id,
    agreementId: null,
    workerId: org.worker.id,
    supervisorId: org.supervisor.id,
    type: 'regular',
    status: 'planned',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    place: null,
    requestReason: null,
    cancelReason: null,
    requestedById: null,
  });
  return session;
}

describe('supervision agreements', () => {
  it('a supervisor drafts, both sign (name and time): it becomes current; a new version supersedes it and the old stays', async () => {
    const org = await createStaffedOrganisation();
    const first = await signedAgreement(org);
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
    expect(await caught(signature!.update({ signedName: 'Someone else' }))).to.be.instanceOf(AppendOnlyViolation);
    expect(await caught(signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), second))).to.be.instanceOf(InvalidTransition);
  });

  it('refuses an agreement with no frequency, a review before the start, or written by the worker; nothing is written', async () => {
    const org = await createStaffedOrganisation();
    const noFrequency = await caught(draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ frequencyWeeks: undefined })));
    expect(noFrequency).to.be.instanceOf(ValidationError);
    expect((noFrequency as ValidationError).fieldErrors.frequencyWeeks).to.deep.equal(['Enter how often supervision happens, in weeks']);
    const backwards = await caught(draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput({ reviewOn: today })));
    expect((backwards as ValidationError).fieldErrors.reviewOn).to.deep.equal(['The review date must be after the start date']);
    expect(await caught(draftAgreement(contextFor(org.worker, { ipAddress: 'ip' }), org.worker.id, agreementInput()))).to.be.instanceOf(Forbidden);
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
      targetDate: addDaysToDate(today, 365),
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
    await signedAgreement(org);
    const after = await workersWithoutAgreement(org.manager);
    expect(after.map((row) => row.id)).not.to.include(org.worker.id);
    expect(after.map((row) => row.id)).to.include(org.supervisor.id);
  });
});

describe('supervision confidentiality', () => {
  it('the worker, their supervisor and the manager above read it; an assessor, IQA, colleague or another organisation get 404', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org);
    const session = await pastSession(org, 2);
    await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD);
    for (const reader of [org.worker, org.supervisor, org.manager]) {
      expect((await sessionRecord(reader, session.id)).record?.discussion).to.equal(RECORD.discussion);
      expect((await workerSupervision(reader, org.worker.id)).worker.id).to.equal(org.worker.id);
    }
    const assessorRow = await createPerson(org.organisation.id, { roles: ['assessor'], teamId: org.team.id });
    await WorkerAssessor.create({ organisationId: org.organisation.id, workerId: org.worker.id, assessorId: assessorRow.id } as never);
    const assessor = actorFor(assessorRow, ['assessor']);
    const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'], teamId: org.team.id }), ['iqa']);
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: org.supervisor.id }), ['worker']);
    const colleagueSupervisor = actorFor(await createPerson(org.organisation.id, { roles: ['supervisor', 'worker'], teamId: org.team.id }), ['supervisor', 'worker']);
    const elsewhere = await createStaffedOrganisation();
    for (const [label, outsider] of [
      ['assessor', { ...assessor, roles: ['assessor', 'worker'] as const }],
      ['iqa', { ...iqa, roles: ['iqa', 'worker'] as const }],
      ['colleague', colleague],
      ['another supervisor', colleagueSupervisor],
      ['another organisation’s manager', elsewhere.manager],
    ] as const) {
      const actor = { ...outsider, roles: [...outsider.roles] };
      expect(await caught(sessionRecord(actor, session.id)), label).to.be.instanceOf(NotFound);
      expect(await caught(workerSupervision(actor, org.worker.id)), label).to.be.instanceOf(NotFound);
    }
    // Roles without the supervision permission at all are refused before anything is looked up.
    expect(await caught(workerSupervision(assessor, org.worker.id))).to.be.instanceOf(Forbidden);
  });
});

describe('supervision schedule', () => {
  it('plans sessions from the agreement with rrule at the same London time, and adds no duplicates when run again', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org, { frequencyWeeks: 6, reviewOn: addDaysToDate(today, 180) });
    const created = await planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id);
    expect(created).to.be.within(4, 5);
    expect(await planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id)).to.equal(0);
    const sessions = await SupervisionSession.findAll({ where: { workerId: org.worker.id }, order: [['startsAt', 'ASC']] });
    expect(sessions).to.have.length(created);
    const { formatDateTime } = await import('#app/utils/dates.ts');
    expect(sessions.every((session) => formatDateTime(session.startsAt).endsWith('at 10:00am'))).to.equal(true);
    expect(await caught(planSchedule(contextFor(org.worker, { ipAddress: 'ip' }), org.worker.id))).to.be.instanceOf(Forbidden);
  });

  it('refuses a schedule without a signed agreement, a past session planned as future and an end before its start', async () => {
    const org = await createStaffedOrganisation();
    const noAgreement = await caught(planSchedule(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id));
    expect(noAgreement).to.be.instanceOf(ValidationError);
    const past = await caught(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, -3), startTime: '10:00', endTime: '11:00', type: 'regular' }));
    expect((past as ValidationError).fieldErrors.date).to.deep.equal(['A planned session must be in the future: this date and time has passed']);
    const backwards = await caught(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 3), startTime: '11:00', endTime: '10:00', type: 'appraisal' }));
    expect((backwards as ValidationError).fieldErrors.endTime).to.deep.equal(['The end time must be after the start time']);
    expect(await SupervisionSession.count({ where: { workerId: org.worker.id } })).to.equal(0);
  });

  it('refuses a time the clocks skip, next to the time field, and takes the first of a time they repeat (BST)', async () => {
    const org = await createStaffedOrganisation();
    const year = Number(today.slice(0, 4)) + 1;
    const forward = lastSunday(year, 3);
    const back = lastSunday(year, 10);
    const longDate = (date: string) => formatDate(`${date}T12:00:00Z`);
    const skipped = await caught(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: forward, startTime: '01:30', endTime: '03:00', type: 'regular' }));
    expect((skipped as ValidationError).fieldErrors).to.deep.equal({
      startTime: [`The clocks go forward at 1am on ${longDate(forward)}, so 1:30am does not exist that day. Choose another time.`],
    });
    const endSkipped = await caught(planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: forward, startTime: '00:15', endTime: '01:00', type: 'regular' }));
    expect((endSkipped as ValidationError).fieldErrors).to.deep.equal({
      endTime: [`The clocks go forward at 1am on ${longDate(forward)}, so 1am does not exist that day. Choose another time.`],
    });
    expect(await SupervisionSession.count({ where: { workerId: org.worker.id } })).to.equal(0);

    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: back, startTime: '01:30', endTime: '02:30', type: 'regular' });
    const session = (await SupervisionSession.findByPk(id))!;
    expect(session.startsAt.toISOString()).to.equal(`${back}T00:30:00.000Z`);
    expect(session.endsAt.getTime() - session.startsAt.getTime(), 'from 1:30am BST to 2:30am GMT').to.equal(2 * 3_600_000);
    expect(formatDateTime(session.startsAt)).to.equal(`${longDate(back)} at 1:30am BST`);
    const moved = await caught(moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: forward, startTime: '01:45', endTime: '04:00' }));
    expect((moved as ValidationError).fieldErrors.startTime?.[0]).to.match(/^The clocks go forward at 1am/);
  });

  it('moves, cancels with a reason, and marks a started session missed', async () => {
    const org = await createStaffedOrganisation();
    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 3), startTime: '10:00', endTime: '11:00', type: 'appraisal', place: 'Office' });
    await moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: '2026-12-14', startTime: '14:00', endTime: '15:00' });
    const moved = await SupervisionSession.findByPk(id);
    expect(moved!.startsAt.toISOString()).to.equal(londonInstant('2026-12-14', '14:00').toISOString());
    expect((await caught(cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, '  ')) as ValidationError).fieldErrors.reason).to.have.length(1);
    await cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, 'Supervisor off sick');
    expect((await SupervisionSession.findByPk(id))!.cancelReason).to.equal('Supervisor off sick');
    expect(await caught(cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, 'again'))).to.be.instanceOf(InvalidTransition);
    const past = await pastSession(org, 1);
    expect(await caught(markSessionMissed(contextFor(org.worker, { ipAddress: 'ip' }), past.id))).to.be.instanceOf(Forbidden);
    await markSessionMissed(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id);
    expect((await SupervisionSession.findByPk(past.id))!.status).to.equal('missed');
    const future = await planSession(contextFor(org.manager, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 5), startTime: '09:00', endTime: '10:00', type: 'regular' });
    expect(await caught(markSessionMissed(contextFor(org.supervisor, { ipAddress: 'ip' }), future))).to.be.instanceOf(InvalidTransition);
  });

  it('a worker asks for an urgent debrief: the supervisor is told on their home page and it is in both schedules', async () => {
    const org = await createStaffedOrganisation();
    expect((await caught(requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), '')) as ValidationError).fieldErrors.reason).to.have.length(1);
    const id = await requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), 'A distressing call this morning');
    const home = await attentionFor(org.supervisor);
    const items = home.flatMap((section) => section.items.map((item) => item.text));
    expect(items.some((text) => /urgent debrief/i.test(text))).to.equal(true);
    expect((await workerSupervision(org.worker, org.worker.id)).sessions.map((row) => [row.id, row.status, row.type])).to.deep.equal([[id, 'requested', 'urgent_debrief']]);
    await moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), id, { date: addDaysToDate(today, 1), startTime: '16:00', endTime: '16:30' });
    expect((await SupervisionSession.findByPk(id))!.status).to.equal('planned');
    const supervisorDiary = await calendarFor(org.supervisor, 'test');
    expect(supervisorDiary).to.contain(`supervision-session-${id}@test`);
    expect(supervisorDiary).to.contain('Urgent debrief with');
  });
});

describe('supervision in the audit log', () => {
  it('names what happened and to whom, never the confidential text: reasons, record, comments, addenda', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org);
    const planned = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 3), startTime: '10:00', endTime: '11:00', type: 'regular' });
    const secrets = ['off sick – anxiety and depression', 'A distressing call about Mrs B', 'I agree; my back pain is worse', 'Referred to occupational health', 'Ask the GP about the memory clinic'];
    await cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), planned, secrets[0]!);
    await requestUrgentDebrief(contextFor(org.worker, { ipAddress: 'ip' }), secrets[1]!);
    const session = await pastSession(org, 2);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD);
    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: secrets[4]!, ownerId: org.worker.id, dueOn: addDaysToDate(today, 7) });
    await completeAction(contextFor(org.worker), actionId);
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, secrets[2]!);
    await addAddendum(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId, secrets[3]!);
    const summaries = (await AuditEvent.findAll({ where: { organisationId: org.organisation.id } })).map((event) => event.summary);
    expect(summaries.some((summary) => summary.includes('cancelled a supervision session'))).to.equal(true);
    for (const happened of ['started', 'added an action to', 'marked an action of']) {
      expect(summaries.some((summary) => summary.includes(happened)), happened).to.equal(true);
    }
    for (const text of [...secrets, ...Object.values(RECORD)]) {
      expect(summaries.filter((summary) => summary.includes(text)), text).to.deep.equal([]);
    }
  });
});

describe('supervision records', () => {
  it('the supervisor writes and shares, the worker comments and agrees; it locks; later changes are addenda; actions carry forward', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org);
    const session = await pastSession(org, 3);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD);
    expect((await SupervisionSession.findByPk(session.id))!.status).to.equal('held');
    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: 'Book safeguarding refresher', ownerId: org.worker.id, dueOn: addDaysToDate(today, 14) });
    expect((await caught(agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, 'ok')) as ValidationError).fieldErrors.comments).to.deep.equal([
      'Your supervisor has not shared this record with you yet',
    ]);
    const workerWrites = await caught(saveRecord(contextFor(org.worker), recordId, { ...RECORD, discussion: 'Rewritten by the worker' }));
    expect(workerWrites).to.be.instanceOf(Forbidden);
    expect((workerWrites as Forbidden).message).to.contain('Only the supervisor writes this part');
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, 'I agree; I would add that the team was short-staffed.');
    const record = await SupervisionRecord.findByPk(recordId);
    expect(record!.status).to.equal('agreed');
    expect(record!.lockedAt).to.be.instanceOf(Date);
    expect(record!.discussion).to.equal(RECORD.discussion);
    expect((await SupervisionRecordAgreement.findAll({ where: { recordId } })).map((row) => row.party).sort()).to.deep.equal(['supervisor', 'worker']);
    const locked = await caught(saveRecord(contextFor(org.supervisor), recordId, { ...RECORD, discussion: 'Changed afterwards' }));
    expect((locked as ValidationError).fieldErrors.discussion?.[0]).to.contain('add an addendum instead');
    expect((await SupervisionRecord.findByPk(recordId))!.discussion).to.equal(RECORD.discussion);
    await addAddendum(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId, 'The refresher date moved to January.');
    const next = await pastSession(org, 1);
    const view = await sessionRecord(org.worker, next.id);
    expect(view.carriedForward.map((row) => row.id)).to.deep.equal([actionId]);
    expect((await sessionRecord(org.worker, session.id)).addenda.map((row) => row.text)).to.deep.equal(['The refresher date moved to January.']);
    await completeAction(contextFor(org.worker), actionId);
    expect((await sessionRecord(org.worker, next.id)).carriedForward).to.deep.equal([]);
    expect(await AuditEvent.count({ where: { action: 'supervision.record_agreed', organisationId: org.organisation.id } })).to.equal(1);
  });

  it('cannot record a session that has not happened yet', async () => {
    const org = await createStaffedOrganisation();
    const id = await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 2), startTime: '10:00', endTime: '11:00', type: 'regular' });
    expect(await caught(startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), id, RECORD))).to.be.instanceOf(ValidationError);
    expect(await SupervisionRecord.count({ where: { sessionId: id } })).to.equal(0);
  });
});

describe('supervision overdue views', () => {
  it('shows sessions overdue against the frequency, records not agreed in time and actions past due, to supervisor and manager', async () => {
    const org = await createStaffedOrganisation();
    await signedAgreement(org, { frequencyWeeks: 2, startsOn: addDaysToDate(today, -60) });
    // Every two weeks from 60 days ago; the only session was 30 days ago, so the next was due 16 days ago.
    const session = await pastSession(org, 30);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), session.id, RECORD);
    await addAction(contextFor(org.supervisor), recordId, { description: 'Read the lone working policy', ownerId: org.worker.id, dueOn: addDaysToDate(today, -5) });
    for (const viewer of [org.supervisor, org.manager]) {
      const overview = await overdueOverview(viewer);
      expect(overview.sessions.map((row) => row.workerId), 'sessions').to.deep.equal([org.worker.id]);
      expect(overview.records.map((row) => row.sessionId), 'records').to.deep.equal([session.id]);
      expect(overview.actions.map((row) => row.description), 'actions').to.deep.equal(['Read the lone working policy']);
    }
    expect(await caught(overdueOverview(org.worker))).to.be.instanceOf(Forbidden);
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
    await planSession(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, { date: addDaysToDate(today, 4), startTime: '10:00', endTime: '11:00', type: 'regular', place: 'Room 2' });
    const token = await createCalendarLink(contextFor(org.worker, { ipAddress: 'ip' }));
    const stored = await SupervisionCalendarToken.findOne({ where: { personId: org.worker.id } });
    expect(stored!.tokenHash).to.have.length(64);
    expect(stored!.tokenHash).not.to.contain(token);
    const ics = await calendarForToken(token, 'test');
    expect(ics).to.contain('BEGIN:VEVENT');
    expect(ics).to.contain('LOCATION:Room 2');
    expect(await caught(calendarForToken(token.replace(/./g, 'a'), 'test'))).to.be.instanceOf(NotFound);
    await revokeCalendarLinks(contextFor(org.worker, { ipAddress: 'ip' }));
    expect(await caught(calendarForToken(token, 'test'))).to.be.instanceOf(NotFound);
    const fresh = await createCalendarLink(contextFor(org.worker, { ipAddress: 'ip' }));
    expect(await calendarForToken(fresh, 'test')).to.contain('BEGIN:VEVENT');
  });
});
