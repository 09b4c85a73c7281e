// Demo supervision through the portal's own API: agreements (current, awaiting a signature, none), past and future
// sessions, records in every state (draft, shared and overdue, agreed with an addendum), actions (done, open,
// past due) and an urgent debrief Liam has asked for. Every date is counted from today, and each write carries the
// time it would have happened (agreements signed before the sessions held under them, records written after them).
// Safe to run again: it does nothing once Sarah has an agreement.
import { draftAgreement, signAgreement, type AgreementInput } from '#app/domain/supervision/agreements.server.ts';
import { addAction, addAddendum, agreeRecord, completeAction, shareRecord, startRecord } from '#app/domain/supervision/records.server.ts';
import { cancelSession, markSessionMissed, planSchedule, planSession, requestUrgentDebrief } from '#app/domain/supervision/sessions.server.ts';
import { today, addDays, londonInstant } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { SupervisionAgreement, SupervisionSession } from '#db/models/index.ts';
import { actorByKey } from './actors.ts';


export const TERMS = {
  durationMinutes: 60,
  sessionTime: '10:00',
  place: 'Riverside House, small meeting room (or Teams if working from home)',
  confidentiality:
    'What we discuss stays between us and is recorded here. Limits: anything suggesting a risk of harm to a customer, a colleague or you is shared with the registered manager and the safeguarding lead, and I will tell you first where I can.',
  scope: 'Practice and casework, wellbeing, workload and caseload, practice issues, learning and development, and the PDP.',
  recordKeeping: 'The supervisor writes the record in NOSfolio within three working days; you add comments and agree it.',
  agreeWithinDays: 7,
};

/** A session that took place `daysAgo` days ago at 10:00 London time (the schedule API only plans the future). */
/** The instant `daysAgo` days ago at this London time, as the `now` of a write that happened then. */
export function daysAgoAt(daysAgo: number, time: string): Date {
  return londonInstant(addDays(today(), -daysAgo), time);
}

export async function pastSession(worker: Actor, supervisor: Actor, daysAgo: number, type = 'regular', agreementId: number | null = null) {
  const date = addDays(today(), -daysAgo);
  return SupervisionSession.create({
    organisationId: worker.organisationId,
    agreementId,
    workerId: worker.id,
    supervisorId: supervisor.id,
    type,
    status: 'planned',
    startsAt: londonInstant(date, '10:00'),
    endsAt: londonInstant(date, '11:00'),
    place: TERMS.place,
    requestReason: null,
    cancelReason: null,
    requestedById: null,
  });
}

export async function seedSupervision(): Promise<void> {
  const [grace, david, sarah, liam, chloe] = await Promise.all(['grace', 'david', 'sarah', 'liam', 'chloe'].map(actorByKey));
  if (await SupervisionAgreement.findOne({ where: { workerId: sarah!.id } })) return;
  const todayDate = today();
  const ip = 'seed';

  // Sarah: a current agreement (every six weeks), signed by both before it started, with sessions planned to the review
  // date.
  const sarahTerms: AgreementInput = { ...TERMS, frequencyWeeks: 6, startsOn: addDays(todayDate, -70), reviewOn: addDays(todayDate, 295), probation: false };
  const sarahAgreement = await draftAgreement(contextFor(david!, { ipAddress: ip, now: daysAgoAt(75, '09:00') }), sarah!.id, sarahTerms);
  await signAgreement(contextFor(david!, { ipAddress: ip, now: daysAgoAt(74, '09:30') }), sarahAgreement);
  await signAgreement(contextFor(sarah!, { ipAddress: ip, now: daysAgoAt(73, '14:00') }), sarahAgreement);
  await planSchedule(contextFor(david!, { ipAddress: ip }), sarah!.id);

  // Eight weeks ago: recorded, shared, agreed (locked), with an addendum; one action done, one still open, one past due.
  const first = await pastSession(sarah!, david!, 56, 'regular', sarahAgreement);
  const firstWritten = contextFor(david!, { ipAddress: ip, now: daysAgoAt(55, '15:00') });
  const firstRecord = await startRecord(firstWritten, first.id, {
    attendance: 'Sarah Jones and David Price attended.',
    discussion: 'Reviewed three contacts where the caller was distressed, and how Sarah kept to the service boundaries (ASTH325).',
    wellbeing: 'Sarah said the late shifts were tiring; agreed to swap one a fortnight.',
    workload: 'About 30 open contacts; two complex referrals handed to the duty social worker.',
    practiceIssues: 'Recording of consent on the contact form was sometimes missed.',
    learning: 'PDP reviewed: safeguarding refresher booked; shadowing a duty worker planned.',
  });
  const done = await addAction(firstWritten, firstRecord, { description: 'Shadow a duty social worker for one afternoon', ownerId: sarah!.id, dueOn: addDays(todayDate, -35) });
  await addAction(firstWritten, firstRecord, { description: 'Complete the safeguarding adults refresher (e-learning)', ownerId: sarah!.id, dueOn: addDays(todayDate, 21) });
  await addAction(firstWritten, firstRecord, { description: 'Share the updated consent recording guide with Sarah', ownerId: david!.id, dueOn: addDays(todayDate, -7) });
  await shareRecord(contextFor(david!, { ipAddress: ip, now: daysAgoAt(54, '11:00') }), firstRecord);
  await agreeRecord(contextFor(sarah!, { ipAddress: ip, now: daysAgoAt(52, '16:00') }), firstRecord, 'Agreed. The shift swap has helped already.');
  await addAddendum(contextFor(david!, { ipAddress: ip, now: daysAgoAt(40, '12:00') }), firstRecord, 'The safeguarding refresher moved to a later date because the course was full.');
  await completeAction(contextFor(sarah!, { now: daysAgoAt(36, '13:00') }), done);

  // Two weeks ago: recorded and shared twelve days ago, not yet agreed by Sarah: overdue (seven days to agree).
  const second = await pastSession(sarah!, david!, 14, 'regular', sarahAgreement);
  const secondRecord = await startRecord(contextFor(david!, { ipAddress: ip, now: daysAgoAt(13, '15:00') }), second.id, {
    attendance: 'Sarah Jones and David Price attended.',
    discussion: 'A call from a customer who was verbally abusive; Sarah ended it in line with the policy.',
    wellbeing: 'Upset on the day; feeling better after a debrief with a colleague.',
    workload: 'Manageable.',
    practiceIssues: 'None new.',
    learning: 'Reflective account on the call to be added as evidence.',
  });
  await shareRecord(contextFor(david!, { ipAddress: ip, now: daysAgoAt(12, '10:00') }), secondRecord);

  // Liam (probation): a weekly agreement David has signed and Liam has not yet; a draft record; an urgent debrief request.
  const liamAgreement = await draftAgreement(contextFor(david!, { ipAddress: ip }), liam!.id, { ...TERMS, frequencyWeeks: 1, startsOn: addDays(todayDate, 3), reviewOn: addDays(todayDate, 90), probation: true });
  await signAgreement(contextFor(david!, { ipAddress: ip }), liamAgreement);
  const liamSession = await pastSession(liam!, david!, 3, 'probation');
  await startRecord(contextFor(david!, { ipAddress: ip, now: daysAgoAt(2, '16:00') }), liamSession.id, {
    attendance: 'Liam O’Brien and David Price attended.',
    discussion: 'First month of probation: call handling and the contact system.',
    wellbeing: 'Settling in well.',
    workload: 'Building up to a full caseload.',
    practiceIssues: 'Needs to check the customer’s identity before discussing their case.',
    learning: 'Induction workbook section 3.',
  });
  await requestUrgentDebrief(contextFor(liam!, { ipAddress: ip }), 'A customer disclosed self-harm on a call this morning; I would like to talk it through.');
  await planSession(contextFor(david!, { ipAddress: ip }), liam!.id, { type: 'appraisal', date: addDays(todayDate, 40), startTime: '14:00', endTime: '15:00', place: 'Riverside House' });

  // Chloe: no agreement yet (the manager sees this), a missed session and a cancelled one.
  const missed = await pastSession(chloe!, grace!, 10);
  await markSessionMissed(contextFor(grace!, { ipAddress: ip, now: daysAgoAt(10, '11:30') }), missed.id);
  const cancelled = await planSession(contextFor(grace!, { ipAddress: ip }), chloe!.id, { type: 'regular', date: addDays(todayDate, 7), startTime: '09:30', endTime: '10:30' });
  await cancelSession(contextFor(grace!, { ipAddress: ip }), cancelled, 'Grace is on annual leave; to be rearranged.');
}
