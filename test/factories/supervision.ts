// Supervision: agreements signed by both parties and sessions that have happened, through the domain API where the
// workflow matters and the models where only the row does.
import { draftAgreement, signAgreement, type AgreementInput } from '#app/domain/supervision/agreements.server.ts';
import { startRecord, type RecordInput } from '#app/domain/supervision/records.server.ts';
import { addDays, today as todayInLondon } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { SupervisionSession } from '#db/models/index.ts';

export function agreementInput(overrides: Partial<AgreementInput> = {}): AgreementInput {
  const today = todayInLondon();
  return {
    frequencyWeeks: 6,
    durationMinutes: 60,
    sessionTime: '10:00',
    startsOn: addDays(today, 1),
    place: 'Riverside House, room 2',
    confidentiality: 'Confidential between us, except where someone is at risk of harm.',
    scope: 'Practice, wellbeing, workload, learning and the PDP.',
    recordKeeping: 'The supervisor writes the record; both agree it.',
    agreeWithinDays: 7,
    reviewOn: addDays(today, 365),
    probation: false,
    ...overrides,
  };
}

/** An agreement the supervisor drafted and both signed (the worker first): the worker's current one. */
export async function signedAgreement(supervisor: Actor, worker: Actor, overrides: Partial<AgreementInput> = {}): Promise<number> {
  const id = await draftAgreement(contextFor(supervisor, { ipAddress: 'ip' }), worker.id, agreementInput(overrides));
  await signAgreement(contextFor(worker, { ipAddress: 'ip' }), id);
  await signAgreement(contextFor(supervisor, { ipAddress: 'ip' }), id);
  return id;
}

/** A regular session that started `daysAgo` days ago, still planned (as if planned earlier and now held). */
export async function heldSession(supervisor: { id: number }, worker: { id: number; organisationId: number }, daysAgo: number, options: { agreementId?: number } = {}) {
  const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
  return SupervisionSession.create({
    organisationId: worker.organisationId,
    agreementId: options.agreementId ?? null,
    workerId: worker.id,
    supervisorId: supervisor.id,
    type: 'regular',
    status: 'planned',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    place: null,
    requestReason: null,
    cancelReason: null,
    requestedById: null,
  });
}

export const RECORD_INPUT: RecordInput = {
  attendance: 'Both attended',
  discussion: 'Talked through two difficult calls',
  wellbeing: 'Tired but coping',
  workload: '32 open contacts',
  practiceIssues: 'Boundaries with one customer',
  learning: 'Book onto safeguarding refresher; PDP reviewed',
};

/** A held session with the supervisor's first draft of its record; returns both ids. */
export async function recordedSession(supervisor: Actor, worker: Actor, daysAgo: number, input: RecordInput = RECORD_INPUT) {
  const session = await heldSession(supervisor, worker, daysAgo);
  const recordId = await startRecord(contextFor(supervisor, { ipAddress: 'ip' }), session.id, input);
  return { session, recordId };
}
