// The rest of the demo team (issue 15): ten more people across Riverside House and Millbrook Community Hub, with role
// profiles, evidence and decisions, supervision in believable states, PDPs (current, stale, put forward and not yet
// agreed, missing where there are gaps) and development Grace planned against real gaps: one training session
// delivered with attendance and items met after it, e-learning and mentoring under way, and a session still to come. All through the
// domain API, each write dated when it would have happened; safe to run again (each step finds what it made).
import type { Judgement } from '#app/domain/assessment/decisions.server.ts';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { planActivity, recordAttendance } from '#app/domain/development/activities.server.ts';
import { acknowledgePolicy } from '#app/domain/policies.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { draftAgreement, signAgreement } from '#app/domain/supervision/agreements.server.ts';
import { addAction, agreeRecord, shareRecord, startRecord } from '#app/domain/supervision/records.server.ts';
import { planSchedule } from '#app/domain/supervision/sessions.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import {
  DevelopmentActivity,
  DevelopmentOpportunity,
  DevelopmentPlan,
  Policy,
  RoleAssignment,
  RoleProfile,
  Standard,
  SupervisionAgreement,
  WorkerAssessor,
} from '#db/models/index.ts';
import { actorByKey } from './actors.ts';
import { decide, decisionOf, itemsOf, met, review, type DemoJudgement } from './assessment.ts';
import { recordDemoEvidence, type DemoEvidence } from './evidence.ts';
import { daysAgoAt, pastSession, TERMS } from './supervision.ts';
import { seedPlans } from './team-plans.ts';

const ip = 'seed';
const daysAgo = (days: number) => addDays(today(), -days);
const codes = (kind: 'P' | 'K', from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${kind}${from + index}`);
const notYet = (urn: string, code: string, method: Judgement['method'], feedback: string): DemoJudgement => ({ urn, code, outcome: 'not_yet_met', method, feedback });

type Actors = Record<string, Actor>;

// --- Role profiles ---------------------------------------------------------------------------------------------

const CONTACT_PROFILE = 'Adult Services Customer Contact Worker';
const COMMUNITY_PROFILE = 'Community Support Worker';

async function seedRoles(admin: Actor, people: Actors) {
  let community = await RoleProfile.findOne({ where: { organisationId: admin.organisationId, name: COMMUNITY_PROFILE } });
  if (!community) {
    const hsc3331 = await Standard.findOne({ where: { organisationId: admin.organisationId, urn: 'HSC3331' } });
    const id = await createRoleProfile(contextFor(admin, { ipAddress: ip }), {
      name: COMMUNITY_PROFILE,
      description: 'Supports people in their own homes and in the community to keep and build the relationships and networks that matter to them, and to stay safe in them.',
      standardIds: [hsc3331!.id],
      supervisionFrequencyWeeks: 4,
      probationSupervisionFrequencyWeeks: 2,
      urgentDebriefOnRequest: true,
      targetMonths: 18,
    });
    community = (await RoleProfile.findByPk(id))!;
  }
  const contact = (await RoleProfile.findOne({ where: { organisationId: admin.organisationId, name: CONTACT_PROFILE } }))!;
  const holders: [string, RoleProfile, number][] = [
    ['amelia', contact, 330],
    ['josh', contact, 480],
    ['fatima', contact, 200],
    ['ben', contact, 300],
    ['ruth', contact, 90],
    ['kwame', community, 500],
    ['zoe', community, 420],
    ['gareth', community, 150],
    ['niamh', community, 260],
    ['peter', community, 60],
    ['chloe', community, 500],
  ];
  for (const [key, profile, started] of holders) {
    const personId = people[key]!.id;
    if (await RoleAssignment.count({ where: { personId, roleProfileId: profile.id } })) continue;
    await assignRoleProfile(contextFor(admin, { ipAddress: ip }), { personId, roleProfileId: profile.id, startedOn: daysAgo(started) });
  }
}

// --- Evidence and decisions ------------------------------------------------------------------------------------

function piece(worker: string, token: string, type: 'reflective_account' | 'observation' | 'professional_discussion' | 'work_product', title: string, days: number, urn: string, itemCodes: string[], note: string, submit = true): DemoEvidence {
  return { worker, token, submit, input: { type, title, activityDate: daysAgo(days), description: `${title}. ${note}` }, links: itemCodes.map((code) => ({ urn, code, note })), files: [] };
}

/** Evidence recorded before the development Grace planned. */
function evidenceBefore(): DemoEvidence[] {
  return [
    piece('amelia', 'demo-amelia-observed-calls', 'observation', 'A morning of observed calls on the contact line', 310, 'ASTH325', codes('P', 1, 12), 'Observed by the assessor across ten calls, two of them with distressed callers.'),
    piece('amelia', 'demo-amelia-discussion', 'professional_discussion', 'Professional discussion: confidentiality and the limits of my role', 210, 'ASTH325', codes('K', 1, 12), 'Discussed with the assessor, with examples from my calls.'),
    piece('amelia', 'demo-amelia-services', 'reflective_account', 'The local services I signpost callers to, and why', 16, 'ASTH325', codes('K', 13, 19), 'A reflective account of the services I use most and how I check a referral arrived.'),
    piece('josh', 'demo-josh-calls', 'reflective_account', 'Three calls from people asking for home care', 260, 'ASTH325', [...codes('P', 1, 6), 'K1', 'K2', 'K3'], 'How I greeted each caller, found out what they needed and explained what happens next.'),
    piece('ben', 'demo-ben-evening-calls', 'reflective_account', 'Evening calls when the duty team has gone home', 95, 'ASTH325', [...codes('P', 1, 4), 'K3'], 'What I can and cannot do after 5pm, and how I hand over to the emergency duty team.'),
    piece('fatima', 'demo-fatima-first-month', 'reflective_account', 'My first month on the contact line', 14, 'ASTH325', ['P1', 'P2', 'P3', 'K1'], 'How I open a call, check what the caller needs and keep the conversation on track.'),
    piece('ruth', 'demo-ruth-first-calls', 'reflective_account', 'My first calls without a buddy', 6, 'ASTH325', ['P1', 'P2'], 'Greeting callers and checking I had understood what they needed.'),
    piece('kwame', 'demo-kwame-observed', 'observation', 'Observed visits: supporting Mrs A back to her lunch club', 420, 'HSC3331', codes('P', 1, 24), 'Observed by the assessor over three visits.'),
    piece('kwame', 'demo-kwame-discussion', 'professional_discussion', 'Professional discussion: rights, risk and relationships', 410, 'HSC3331', codes('K', 1, 46), 'Discussed with the assessor, with examples from his caseload.'),
    piece('niamh', 'demo-niamh-networks', 'reflective_account', 'Helping Mr B find a walking group', 200, 'HSC3331', codes('P', 1, 17), 'How we worked out what Mr B wanted from friendships and found a group near him.'),
    piece('niamh', 'demo-niamh-knowledge', 'professional_discussion', 'Professional discussion: rights and my practice', 180, 'HSC3331', codes('K', 1, 20), 'Discussed with the assessor.'),
    piece('zoe', 'demo-zoe-networks', 'reflective_account', 'Supporting Ms C to reconnect with her sister', 150, 'HSC3331', [...codes('P', 1, 10), 'P18'], 'How Ms C and I planned the first phone call and what we agreed about how often I would help.'),
    piece('gareth', 'demo-gareth-preferences', 'reflective_account', 'Finding out who matters to Mr E', 9, 'HSC3331', codes('P', 1, 6), 'A reflective account of my first visits and the relationships Mr E told me about.'),
  ];
}

/** Evidence recorded after the development: what it achieved. */
function evidenceAfter(): DemoEvidence[] {
  return [
    piece('josh', 'demo-josh-boundaries-after-training', 'reflective_account', 'Explaining what the service cannot do, after the boundaries training', 40, 'ASTH325', ['K3', 'K4'], 'A caller wanted me to arrange a private cleaner. I explained the limits of my role and the service, and offered the information line for private care instead.'),
    piece('niamh', 'demo-niamh-safety-after-mentoring', 'reflective_account', 'Talking with Mr B about a new friend asking for money', 34, 'HSC3331', ['P18'], 'After mentoring with Kwame: how I raised it with Mr B, what he wanted to do, and what I recorded.'),
  ];
}

async function seedAssessments(admin: Actor, people: Actors) {
  const { priya, ellie, tom } = people;
  const assessorsOf: Record<string, Actor[]> = {
    amelia: [priya!], josh: [priya!], ben: [priya!], fatima: [ellie!, priya!], ruth: [priya!],
    kwame: [priya!], zoe: [priya!], niamh: [priya!], gareth: [priya!], peter: [priya!],
  };
  for (const [key, assessors] of Object.entries(assessorsOf)) {
    const worker = people[key]!;
    if (await WorkerAssessor.count({ where: { workerId: worker.id } })) continue;
    await setWorkerAssessors(contextFor(admin, { ipAddress: ip }), worker.id, assessors.map((assessor) => assessor.id));
  }
  await recordDemoEvidence(evidenceBefore());

  const { amelia, josh, ben, fatima, kwame, niamh, zoe } = people;
  await decide(priya!, amelia!, ['demo-amelia-observed-calls'], codes('P', 1, 12).map((code) => met('ASTH325', code, 'direct_observation')), 'demo-amelia-p', 305);
  await decide(priya!, amelia!, ['demo-amelia-discussion'], codes('K', 1, 12).map((code) => met('ASTH325', code, 'professional_discussion')), 'demo-amelia-k', 205);
  await decide(priya!, josh!, ['demo-josh-calls'], [
    ...codes('P', 1, 6).map((code) => met('ASTH325', code, 'reflective_account')),
    met('ASTH325', 'K1', 'reflective_account'),
    met('ASTH325', 'K2', 'reflective_account'),
    notYet('ASTH325', 'K3', 'reflective_account', 'You tell the caller you “can’t help with that” but not why, or what they can do instead. Show how you explain the limits of the service and what you offer in its place.'),
  ], 'demo-josh-calls-judged', 250);
  await decide(priya!, ben!, ['demo-ben-evening-calls'], [
    ...codes('P', 1, 4).map((code) => met('ASTH325', code, 'reflective_account')),
    notYet('ASTH325', 'K3', 'reflective_account', 'Say which requests you could not meet after 5pm and how you explained that to the caller.'),
  ], 'demo-ben-evening-judged', 88);
  // Ellie is new: her met decisions on Fatima's first month wait for Tom's countersign.
  await decide(ellie!, fatima!, ['demo-fatima-first-month'], ['P1', 'P2', 'P3', 'K1'].map((code) => met('ASTH325', code, 'reflective_account')), 'demo-fatima-first-month-judged', 8);
  // Kwame achieved HSC3331 over a year ago; Tom sampled one of the decisions.
  await decide(priya!, kwame!, ['demo-kwame-observed'], codes('P', 1, 24).map((code) => met('HSC3331', code, 'direct_observation')), 'demo-kwame-p', 400);
  await decide(priya!, kwame!, ['demo-kwame-discussion'], codes('K', 1, 46).map((code) => met('HSC3331', code, 'professional_discussion')), 'demo-kwame-k', 398);
  const kwameP18 = await decisionOf('demo-kwame-p', kwame!, 'HSC3331', 'P18');
  await review(tom!, kwameP18.id, 'agreed', 'Observed over three visits; the record shows how the risk was discussed with Mrs A.', 380);
  await decide(priya!, niamh!, ['demo-niamh-networks'], codes('P', 1, 17).map((code) => met('HSC3331', code, 'reflective_account')), 'demo-niamh-p', 190);
  await decide(priya!, niamh!, ['demo-niamh-knowledge'], codes('K', 1, 20).map((code) => met('HSC3331', code, 'professional_discussion')), 'demo-niamh-k', 175);
  await decide(priya!, zoe!, ['demo-zoe-networks'], [
    ...codes('P', 1, 10).map((code) => met('HSC3331', code, 'reflective_account')),
    notYet('HSC3331', 'P18', 'reflective_account', 'You describe the phone call well, but not how you and Ms C thought about whether the contact was safe for her. Add what you discussed and recorded.'),
  ], 'demo-zoe-networks-judged', 140);
}

// --- Supervision -----------------------------------------------------------------------------------------------

const MILLBROOK_TERMS = { ...TERMS, place: 'Millbrook Community Hub, quiet room (or a call between visits)' };

async function agreement(supervisor: Actor, worker: Actor, startedDaysAgo: number, frequencyWeeks: number, workerSigns = true, place = TERMS.place) {
  const id = await draftAgreement(contextFor(supervisor, { ipAddress: ip, now: daysAgoAt(startedDaysAgo + 4, '09:00') }), worker.id, {
    ...TERMS,
    place,
    frequencyWeeks,
    startsOn: daysAgo(startedDaysAgo),
    reviewOn: addDays(today(), 365 - startedDaysAgo > 30 ? 365 - startedDaysAgo : 60),
    probation: false,
  });
  await signAgreement(contextFor(supervisor, { ipAddress: ip, now: daysAgoAt(startedDaysAgo + 3, '10:00') }), id);
  if (workerSigns) await signAgreement(contextFor(worker, { ipAddress: ip, now: daysAgoAt(startedDaysAgo + 2, '14:00') }), id);
  return id;
}

/** A session held `days` ago under the agreement, its record written the next day, shared, and agreed unless `agreed` is false. */
async function heldSession(supervisor: Actor, worker: Actor, agreementId: number, days: number, notes: { discussion: string; learning: string; action?: { description: string; dueOn: string } }, agreed = true) {
  const session = await pastSession(worker, supervisor, days, 'regular', agreementId);
  const written = contextFor(supervisor, { ipAddress: ip, now: daysAgoAt(days - 1, '15:00') });
  const record = await startRecord(written, session.id, {
    attendance: `${worker.name} and ${supervisor.name} attended.`,
    discussion: notes.discussion,
    wellbeing: 'Well; nothing raised.',
    workload: 'Manageable.',
    practiceIssues: 'None new.',
    learning: notes.learning,
  });
  if (notes.action) await addAction(written, record, { ...notes.action, ownerId: worker.id });
  await shareRecord(contextFor(supervisor, { ipAddress: ip, now: daysAgoAt(days - 1, '16:00') }), record);
  if (agreed) await agreeRecord(contextFor(worker, { ipAddress: ip, now: daysAgoAt(days - 3, '11:00') }), record, 'Agreed.');
  return record;
}

/** Earlier sessions, held and agreed in the ordinary way, `days` ago each. */
async function earlierSessions(supervisor: Actor, worker: Actor, agreementId: number, days: number[]) {
  for (const day of days) {
    await heldSession(supervisor, worker, agreementId, day, { discussion: 'Casework, wellbeing and workload reviewed.', learning: 'Evidence for the standards and the PDP reviewed.' });
  }
}

async function seedTeamSupervision(people: Actors) {
  const { grace, david, kwame, amelia, josh, fatima, ben, ruth, zoe, niamh, peter } = people;
  if (await SupervisionAgreement.findOne({ where: { workerId: amelia!.id } })) return;

  // Amelia: up to date, the schedule planned ahead.
  const ameliaAgreement = await agreement(david!, amelia!, 120, 6);
  await earlierSessions(david!, amelia!, ameliaAgreement, [114]);
  await heldSession(david!, amelia!, ameliaAgreement, 72, { discussion: 'Distressed callers over the winter; how Amelia keeps to the service boundaries.', learning: 'PDP reviewed: the services account for ASTH325 K13 to K19.' });
  await heldSession(david!, amelia!, ameliaAgreement, 30, { discussion: 'Two safeguarding referrals made this month; both followed up.', learning: 'Services account written and submitted.' });
  await planSchedule(contextFor(david!, { ipAddress: ip }), amelia!.id);

  // Joshua: last held eight weeks ago against a six-weekly agreement: overdue, with an action past its date.
  const joshAgreement = await agreement(david!, josh!, 150, 6);
  await earlierSessions(david!, josh!, joshAgreement, [100]);
  await heldSession(david!, josh!, joshAgreement, 58, {
    discussion: 'Feedback on ASTH325 K3: explaining the limits of the service.',
    learning: 'Booked on the boundaries training.',
    action: { description: 'Write a reflective account of a call where you explained what the service cannot do', dueOn: daysAgo(20) },
  });

  // Fatima: the record of her last session is shared and not agreed in time.
  const fatimaAgreement = await agreement(david!, fatima!, 110, 6);
  await earlierSessions(david!, fatima!, fatimaAgreement, [100, 62]);
  await heldSession(david!, fatima!, fatimaAgreement, 20, { discussion: 'Settling in on the contact line; first assessment decisions.', learning: 'No PDP yet: to draft one together next time.' }, false);

  // Ben: held regularly, last nine days ago.
  const benAgreement = await agreement(david!, ben!, 130, 6);
  await earlierSessions(david!, ben!, benAgreement, [85]);
  await heldSession(david!, ben!, benAgreement, 9, { discussion: 'Evening calls and the handover to the emergency duty team.', learning: 'PDP put forward for Ben to agree; the boundaries training to rebook after he missed it.' });

  // Ruth: David has signed her agreement, Ruth has not yet: no current agreement.
  await agreement(david!, ruth!, 20, 6, false);

  // Millbrook: Kwame with Grace; his four-weekly team with him.
  const place = MILLBROOK_TERMS.place;
  const kwameAgreement = await agreement(grace!, kwame!, 160, 6, true, place);
  await earlierSessions(grace!, kwame!, kwameAgreement, [110, 66]);
  await heldSession(grace!, kwame!, kwameAgreement, 25, { discussion: 'Leading the Millbrook team; mentoring Zoe and Niamh on safety in relationships.', learning: 'PDP reviewed: the supervising others course.' });
  // Zoe: last held seven weeks ago against a four-weekly agreement: overdue.
  const zoeAgreement = await agreement(kwame!, zoe!, 140, 4, true, place);
  await earlierSessions(kwame!, zoe!, zoeAgreement, [105]);
  await heldSession(kwame!, zoe!, zoeAgreement, 49, { discussion: 'Ms C and her sister: what went well and the feedback on P18.', learning: 'Mentoring with Kwame planned.' });
  const niamhAgreement = await agreement(kwame!, niamh!, 120, 4, true, place);
  await earlierSessions(kwame!, niamh!, niamhAgreement, [88, 60]);
  await heldSession(kwame!, niamh!, niamhAgreement, 12, { discussion: 'Mr B and a new friend asking for money.', learning: 'Reflective account for HSC3331 P18 after mentoring.' });
  const peterAgreement = await agreement(kwame!, peter!, 55, 4, true, place);
  await earlierSessions(kwame!, peter!, peterAgreement, [50]);
  await heldSession(kwame!, peter!, peterAgreement, 27, { discussion: 'Night support: lone working and the on-call rota.', learning: 'Start HSC3331 evidence with Priya.' });
  await planSchedule(contextFor(kwame!, { ipAddress: ip }), peter!.id);
  // Gareth has no agreement at all: the manager sees it.
}

async function standardId(admin: Actor, urn: string) {
  return (await Standard.findOne({ where: { organisationId: admin.organisationId, urn } }))!.id;
}

async function activityTitled(admin: Actor, title: string) {
  return DevelopmentActivity.findOne({ where: { organisationId: admin.organisationId, title } });
}

/** Records what happened for each participant, once (a participant already recorded is left as it is). */
async function attendance(grace: Actor, activityId: number, days: number, outcomes: [Actor, 'attended' | 'did_not_attend' | 'completed', string?][]) {
  for (const [worker, what, outcome] of outcomes) {
    const plan = await DevelopmentPlan.findOne({ where: { workerId: worker.id } });
    const opportunity = await DevelopmentOpportunity.findOne({ where: { activityId, planId: plan!.id } });
    if (!opportunity || opportunity.status !== 'planned') continue;
    await recordAttendance(contextFor(grace, { ipAddress: ip, now: daysAgoAt(days, '17:00') }), activityId, { opportunityId: opportunity.id, attendance: what, ...(outcome ? { outcome } : {}) });
  }
}

async function seedDevelopment(admin: Actor, people: Actors) {
  const { grace, kwame, sarah, josh, ben, zoe, niamh } = people;

  // Delivered six weeks ago: boundaries training against ASTH325's knowledge and understanding (K3, the limits of the
  // role, was not yet met for Sarah, Joshua and Ben).
  const boundaries = 'Boundaries with callers: what the service can and cannot offer';
  let training = await activityTitled(admin, boundaries);
  if (!training) {
    const id = await planActivity(contextFor(grace!, { ipAddress: ip, now: daysAgoAt(60, '10:00') }), { kind: 'section', standardId: await standardId(admin, 'ASTH325'), section: 'Knowledge and understanding' }, {
      kind: 'training',
      title: boundaries,
      details: 'A half-day session with the duty social work team: the limits of the contact role, explaining them kindly, and what to offer instead.',
      startsOn: daysAgo(45),
      place: 'Riverside House, training room',
      workerIds: [sarah!.id, josh!.id, ben!.id],
    });
    training = (await DevelopmentActivity.findByPk(id))!;
  }
  await attendance(grace!, training.id, 45, [
    [sarah!, 'attended'],
    [josh!, 'completed', 'Completed the session and the scenario exercise; wrote a reflective account of a call afterwards.'],
    [ben!, 'did_not_attend'],
  ]);

  // Under way: Kwame, who has HSC3331 met, mentors Zoe and Niamh on safety and wellbeing within relationships (P18 to P24).
  const mentoringTitle = 'Mentoring with Kwame: keeping people safe in their relationships';
  let mentoring = await activityTitled(admin, mentoringTitle);
  if (!mentoring) {
    const id = await planActivity(contextFor(grace!, { ipAddress: ip, now: daysAgoAt(50, '10:00') }), { kind: 'section', standardId: await standardId(admin, 'HSC3331'), section: 'Support individuals to maintain their safety and wellbeing within relationships' }, {
      kind: 'mentoring',
      title: mentoringTitle,
      details: 'Three joint visits and a debrief after each.',
      startsOn: daysAgo(42),
      mentorId: kwame!.id,
      workerIds: [zoe!.id, niamh!.id],
    });
    mentoring = (await DevelopmentActivity.findByPk(id))!;
  }
  await attendance(grace!, mentoring.id, 36, [
    [zoe!, 'attended'],
    [niamh!, 'completed', 'Three joint visits with Kwame; Niamh now raises concerns about new contacts with the person first.'],
  ]);

  // To come in three weeks: safeguarding in relationships, against HSC3331's Safe-guarding section.
  const safeguarding = 'Safeguarding in relationships: recognising exploitation';
  if (!(await activityTitled(admin, safeguarding))) {
    await planActivity(contextFor(grace!, { ipAddress: ip }), { kind: 'section', standardId: await standardId(admin, 'HSC3331'), section: 'Safe-guarding' }, {
      kind: 'training',
      title: safeguarding,
      details: 'The council’s safeguarding team on financial and sexual exploitation, cuckooing and online contact.',
      startsOn: addDays(today(), 21),
      place: 'Millbrook Community Hub, meeting room 2',
      workerIds: [zoe!.id, niamh!.id],
    });
  }

  // Opened ten days ago: e-learning on reflective practice (HSC3331 K23), one of the team's biggest gaps; two have
  // finished it, nothing met since yet.
  const reflective = 'Reflective practice in care (e-learning)';
  const { amelia } = people;
  let elearning = await activityTitled(admin, reflective);
  if (!elearning) {
    const id = await planActivity(contextFor(grace!, { ipAddress: ip, now: daysAgoAt(14, '10:00') }), { kind: 'item', itemId: (await itemsOf(sarah!.id)).get('HSC3331 K23')! }, {
      kind: 'e_learning',
      title: reflective,
      details: 'The council’s one-hour module, then a reflective account discussed in supervision.',
      startsOn: daysAgo(10),
      workerIds: [sarah!.id, amelia!.id, josh!.id, ben!.id, zoe!.id, niamh!.id],
    });
    elearning = (await DevelopmentActivity.findByPk(id))!;
  }
  await attendance(grace!, elearning.id, 3, [
    [amelia!, 'completed', 'Module completed; a reflective account to follow.'],
    [niamh!, 'completed', 'Module completed.'],
  ]);

  // What the development achieved: items met after it.
  await recordDemoEvidence(evidenceAfter());
  const { priya } = people;
  await decide(priya!, josh!, ['demo-josh-boundaries-after-training'], [met('ASTH325', 'K3', 'reflective_account'), met('ASTH325', 'K4', 'reflective_account')], 'demo-josh-after-training-judged', 35);
  await decide(priya!, niamh!, ['demo-niamh-safety-after-mentoring'], [met('HSC3331', 'P18', 'reflective_account')], 'demo-niamh-after-mentoring-judged', 33);
}

// --- Policy -------------------------------------------------------------------------------------------------------

async function seedAcknowledgements(admin: Actor, people: Actors) {
  const policy = await Policy.findOne({ where: { organisationId: admin.organisationId, title: 'Client/Customer Care Policy' } });
  if (!policy) return;
  for (const [key, days] of [['david', 380], ['amelia', 370], ['ben', 300], ['kwame', 360], ['niamh', 200], ['liam', 50]] as const) {
    await acknowledgePolicy(contextFor(people[key]!, { ipAddress: ip, now: daysAgoAt(days, '09:30') }), policy.id);
  }
}

export async function seedTeam(admin: Actor): Promise<void> {
  const keys = ['grace', 'david', 'priya', 'ellie', 'tom', 'sarah', 'liam', 'chloe', 'amelia', 'josh', 'fatima', 'ben', 'ruth', 'kwame', 'zoe', 'gareth', 'niamh', 'peter'];
  const people: Actors = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await actorByKey(key)] as const)));
  await seedRoles(admin, people);
  await seedAssessments(admin, people);
  await seedTeamSupervision(people);
  await seedPlans(people);
  await seedDevelopment(admin, people);
  await seedAcknowledgements(admin, people);
}
