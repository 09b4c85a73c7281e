// Workflows through the domain API: a refused transition is InvalidTransition, answered 409, and writes nothing; the
// pages' views say what each person may do next at each stage, from the same tables.
import { expect } from 'chai';
import { submitEvidence } from '#app/domain/evidence.server.ts';
import { draftAgreement, signAgreement, type AgreementInput } from '#app/domain/supervision/agreements.server.ts';
import { actOnSession } from '#app/domain/supervision/commands.server.ts';
import { SessionCommandSchema } from '#app/domain/supervision/forms.ts';
import { workerSupervision } from '#app/domain/supervision/overview.server.ts';
import { addAction, agreeRecord, completeAction, shareRecord, startRecord, type RecordInput } from '#app/domain/supervision/records.server.ts';
import { sessionPage } from '#app/domain/supervision/session-page.server.ts';
import { cancelSession, markSessionMissed, moveSession } from '#app/domain/supervision/sessions.server.ts';
import { addDays, today as todayInLondon } from '#app/utils/dates/index.ts';
import { InvalidTransition, toHttpError } from '#app/utils/errors.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import {
  AuditEvent,
  Evidence,
  EvidenceRevision,
  SupervisionAction,
  SupervisionAgreement,
  SupervisionRecord,
  SupervisionRecordAgreement,
  SupervisionSession,
  SupervisionSignature,
} from '#db/models/index.ts';
import { createStaffedOrganisation } from '#test/factories/index.ts';

type Org = Awaited<ReturnType<typeof createStaffedOrganisation>>;
const today = todayInLondon();

const RECORD: RecordInput = {
  attendance: 'Both attended',
  discussion: 'Talked through two difficult calls',
  wellbeing: 'Tired but coping',
  workload: '32 open contacts',
  practiceIssues: 'None today',
  learning: 'PDP reviewed',
};

function agreementInput(): AgreementInput {
  return {
    frequencyWeeks: 6,
    durationMinutes: 60,
    sessionTime: '10:00',
    startsOn: addDays(today, 1),
    place: 'Riverside House',
    confidentiality: 'Confidential except where someone is at risk.',
    scope: 'Practice and wellbeing.',
    recordKeeping: 'The supervisor writes the record.',
    agreeWithinDays: 7,
    reviewOn: addDays(today, 365),
    probation: false,
  };
}

async function session(org: Org, status: 'planned' | 'requested', hoursFromNow: number) {
  const startsAt = new Date(Date.now() + hoursFromNow * 3_600_000);
  return SupervisionSession.create({
    organisationId: org.organisation.id,
    agreementId: null,
    workerId: org.worker.id,
    supervisorId: org.supervisor.id,
    type: 'regular',
    status,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    place: null,
    requestReason: null,
    cancelReason: null,
    requestedById: null,
  });
}

/** Everything a supervision or evidence write could touch, so "nothing written" can be checked in one comparison. */
async function snapshot(organisationId: number) {
  const rows = async (model: { findAll(options: object): Promise<{ get(options: { plain: true }): object }[]> }) =>
    (await model.findAll({ where: { organisationId }, order: [['id', 'ASC']] })).map((row) => row.get({ plain: true }));
  return {
    sessions: await rows(SupervisionSession),
    records: await rows(SupervisionRecord),
    recordAgreements: await rows(SupervisionRecordAgreement),
    actions: await rows(SupervisionAction),
    agreements: await rows(SupervisionAgreement),
    signatures: await rows(SupervisionSignature),
    evidence: await rows(Evidence),
    revisions: await rows(EvidenceRevision),
    audit: await AuditEvent.count({ where: { organisationId } }),
  };
}

async function refused(promise: Promise<unknown>, message: string): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(error, message).to.be.instanceOf(InvalidTransition);
  const response = toHttpError(error) as Response;
  expect(response.status, message).to.equal(409);
  expect(await response.text(), message).to.equal(message);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('workflow transitions through the domain', () => {
  it('refuses what the status does not allow with InvalidTransition (409) and writes nothing', async () => {
    const org = await createStaffedOrganisation();
    const past = await session(org, 'planned', -2);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, RECORD);
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: 'Read the policy', ownerId: org.worker.id, dueOn: addDays(today, 7) });
    await completeAction(contextFor(org.worker), actionId);
    const cancelled = await session(org, 'planned', -24);
    await cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), cancelled.id, 'Supervisor on leave');
    const agreementId = await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput());
    await signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), agreementId);
    await signAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), agreementId);
    // Already submitted (as if mapped and sent earlier): the status is all the refusal depends on.
    const { id: evidenceId } = await Evidence.create({
      organisationId: org.organisation.id,
      workerId: org.worker.id,
      status: 'submitted',
      currentRevisionId: null,
      submissionToken: `workflows-${Date.now()}`,
    });

    const before = await snapshot(org.organisation.id);
    await refused(cancelSession(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, 'Too late'), 'Only a planned or requested session can be cancelled');
    await refused(moveSession(contextFor(org.supervisor, { ipAddress: 'ip' }), cancelled.id, { date: addDays(today, 9), startTime: '10:00', endTime: '11:00' }), 'Only a planned or requested session can be moved');
    await refused(markSessionMissed(contextFor(org.supervisor, { ipAddress: 'ip' }), cancelled.id), 'Only a planned session can be marked missed');
    await refused(startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), cancelled.id, RECORD), 'Only a planned or held session can be recorded');
    await refused(shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId), 'This record has already been shared');
    await refused(completeAction(contextFor(org.worker), actionId), 'This action is already done');
    await refused(signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), agreementId), 'Only a draft agreement can be signed');
    await refused(submitEvidence(contextFor(org.worker), evidenceId), 'This evidence has already been submitted');
    expect(await snapshot(org.organisation.id)).to.deep.equal(before);
  });

  it('a form whose record moved on while the person typed gets the refusal beside the field, with 409, and nothing is written', async () => {
    const org = await createStaffedOrganisation();
    const past = await session(org, 'planned', -3);
    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, RECORD);
    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, 'Agreed');
    const before = await snapshot(org.organisation.id);
    const reply = (await submitForm(form({ intent: 'record', ...RECORD, discussion: 'Changed after it was agreed' }), SessionCommandSchema, (command) =>
      actOnSession(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, command),
    )) as unknown as { init: { status: number }; data: { error: Record<string, string[]> } };
    expect(reply.init.status).to.equal(409);
    expect(reply.data.error.discussion?.[0]).to.match(/^This record was agreed and locked on .+: add an addendum instead$/);
    // A refusal that names no field is not the form's: it reaches the error adapter as 409.
    let thrown: unknown;
    try {
      await submitForm(form({ intent: 'cancel', reason: 'No longer needed' }), SessionCommandSchema, (command) => actOnSession(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, command));
    } catch (error) {
      thrown = error;
    }
    expect((toHttpError(thrown) as Response).status).to.equal(409);
    expect(await snapshot(org.organisation.id)).to.deep.equal(before);
  });
});

describe('what a page offers next', () => {
  it('the session page offers each party only what the tables and their part allow, stage by stage', async () => {
    const org = await createStaffedOrganisation();
    const past = await session(org, 'planned', -1);
    const future = await session(org, 'requested', 24);
    const none = { move: false, cancel: false, miss: false, readRecord: false, record: false, share: false, agree: false, addAction: false, addAddendum: false, addOpportunity: false };
    const can = async (actor: Org['worker'], id = past.id) => (await sessionPage(actor, id)).can;

    expect(await can(org.supervisor, future.id)).to.deep.equal({ ...none, move: true, cancel: true });
    expect((await sessionPage(org.supervisor, future.id)).session.requested).to.equal(true);
    expect(await can(org.supervisor)).to.deep.equal({ ...none, move: true, cancel: true, miss: true, record: true });
    expect(await can(org.worker)).to.deep.equal(none);

    const recordId = await startRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), past.id, RECORD);
    expect(await can(org.supervisor)).to.deep.equal({ ...none, readRecord: true, record: true, share: true, addAction: true, addOpportunity: true });
    expect(await can(org.manager)).to.deep.equal({ ...none, readRecord: true, record: true, share: true, addAction: true, addOpportunity: true });
    expect(await can(org.worker)).to.deep.equal(none);
    // The worker's page does not carry the supervisor's draft.
    expect((await sessionPage(org.worker, past.id)).record?.discussion).to.equal('');

    await shareRecord(contextFor(org.supervisor, { ipAddress: 'ip' }), recordId);
    expect(await can(org.supervisor)).to.deep.equal({ ...none, readRecord: true, record: true, addAction: true, addOpportunity: true });
    expect(await can(org.worker)).to.deep.equal({ ...none, readRecord: true, agree: true });
    expect((await sessionPage(org.worker, past.id)).record?.discussion).to.equal(RECORD.discussion);

    const actionId = await addAction(contextFor(org.supervisor), recordId, { description: 'Read the policy', ownerId: org.worker.id, dueOn: addDays(today, 7) });
    expect((await sessionPage(org.worker, past.id)).actions.map((row) => [row.id, row.canComplete])).to.deep.equal([[actionId, true]]);
    await agreeRecord(contextFor(org.worker, { ipAddress: 'ip' }), recordId, '');
    expect(await can(org.supervisor)).to.deep.equal({ ...none, readRecord: true, addAddendum: true });
    expect(await can(org.worker)).to.deep.equal({ ...none, readRecord: true, addAddendum: true });
    await completeAction(contextFor(org.worker), actionId);
    expect((await sessionPage(org.worker, past.id)).actions.map((row) => row.canComplete)).to.deep.equal([false]);
  });

  it('the worker’s supervision page says who still has to sign, and offers the sign form only to them', async () => {
    const org = await createStaffedOrganisation();
    const agreementId = await draftAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), org.worker.id, agreementInput());
    const forWorker = await workerSupervision(org.worker, org.worker.id);
    expect(forWorker.can).to.deep.equal({ sign: true, schedule: false, planSession: false, recordPastSession: false, draft: false });
    expect(forWorker.signing).to.deep.equal({ awaiting: ['worker', 'supervisor'], as: 'worker' });
    expect(forWorker.agreementDefaults.frequencyWeeks).to.equal('6');
    await signAgreement(contextFor(org.worker, { ipAddress: 'ip' }), agreementId);
    expect((await workerSupervision(org.worker, org.worker.id)).can.sign).to.equal(false);
    const forSupervisor = await workerSupervision(org.supervisor, org.worker.id);
    expect(forSupervisor.can).to.deep.equal({ sign: true, schedule: false, planSession: true, recordPastSession: true, draft: true });
    expect(forSupervisor.signing).to.deep.equal({ awaiting: ['supervisor'], as: 'supervisor' });
    await signAgreement(contextFor(org.supervisor, { ipAddress: 'ip' }), agreementId);
    const current = await workerSupervision(org.manager, org.worker.id);
    expect(current.can).to.deep.equal({ sign: false, schedule: true, planSession: true, recordPastSession: true, draft: true });
    expect(current.signing.awaiting).to.deep.equal([]);
  });
});
