// The demo's assessment: decisions in every state (met, not yet met with feedback, awaiting countersign, challenged and
// answered), one standard achieved, a new assessor, the IQA's sample reviewed; all through the domain API, each on
// the day it happened, and safe to run again (each form's submission key is recorded once).
import { recordDecisions, type Judgement } from '#app/domain/assessment/decisions.server.ts';
import { reviewDecision, setAssessorStatus, setIqaSettings } from '#app/domain/assessment/iqa.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AssessmentDecision, AssessorStatus, Evidence, IqaReview, IqaSettings, PersonStandard, StandardItem, StandardVersion, Standard } from '#db/models/index.ts';
import { actorByKey } from './actors.ts';

const atNoon = (daysAgo: number) => new Date(`${addDays(today(), -daysAgo)}T12:00:00Z`);

export type DemoJudgement = { urn: string; code: string } & Omit<Judgement, 'itemId'>;

/** The worker's held item with this standard and code. */
export async function itemsOf(workerId: number): Promise<Map<string, number>> {
  const holdings = await PersonStandard.findAll({
    where: { personId: workerId },
    include: [{ model: StandardVersion, as: 'standardVersion', include: [{ model: Standard, as: 'standard' }] }],
  });
  const items = await StandardItem.findAll({ where: { standardVersionId: holdings.map((holding) => holding.standardVersionId) } });
  const urnOf = new Map(holdings.map((holding) => [holding.standardVersionId, holding.standardVersion!.standard!.urn]));
  return new Map(items.map((item) => [`${urnOf.get(item.standardVersionId)} ${item.code}`, item.id]));
}

export async function decide(assessor: Actor, worker: Actor, evidenceTokens: string[], judgements: DemoJudgement[], key: string, daysAgo: number, answersReviewId?: number) {
  const items = await itemsOf(worker.id);
  const evidence = await Evidence.findAll({ where: { workerId: worker.id, submissionToken: evidenceTokens }, attributes: ['id'] });
  await recordDecisions(contextFor(assessor, { ipAddress: 'seed', now: atNoon(daysAgo) }), {
    workerId: worker.id,
    evidenceIds: evidence.map((piece) => piece.id),
    judgements: judgements.map(({ urn, code, ...judgement }) => ({ ...judgement, itemId: items.get(`${urn} ${code}`)! })),
    submissionKey: key,
    answersReviewId: answersReviewId ?? null,
  });
}

export async function decisionOf(key: string, worker: Actor, urn: string, code: string) {
  const itemId = (await itemsOf(worker.id)).get(`${urn} ${code}`)!;
  return (await AssessmentDecision.findOne({ where: { submissionKey: key, standardItemId: itemId } }))!;
}

export async function review(iqa: Actor, decisionId: number, outcome: 'agreed' | 'challenged', note: string, daysAgo: number) {
  if (await IqaReview.count({ where: { decisionId } })) return;
  await reviewDecision(contextFor(iqa, { ipAddress: 'seed', now: atNoon(daysAgo) }), decisionId, { outcome, note });
}

export const met = (urn: string, code: string, method: Judgement['method'], feedback = ''): DemoJudgement => ({ urn, code, outcome: 'met', method, feedback });

export async function seedAssessment(admin: Actor): Promise<void> {
  const [priya, ellie, tom, sarah, liam, david] = await Promise.all([
    actorByKey('priya'),
    actorByKey('ellie'),
    actorByKey('tom'),
    actorByKey('sarah'),
    actorByKey('liam'),
    actorByKey('david'),
  ]);

  // The organisation's sampling rules, with Tom as lead IQA; Ellie is new, so her met decisions wait for his countersign.
  if (!(await IqaSettings.findByPk(admin.organisationId))) {
    await setIqaSettings(contextFor(admin, { ipAddress: 'seed' }), { samplePercent: 20, minimumPerAssessorMonth: 1, leadIqaId: tom.id });
  }
  if (!(await AssessorStatus.count({ where: { assessorId: ellie.id } }))) {
    await setAssessorStatus(contextFor(tom, { ipAddress: 'seed', now: atNoon(30) }), ellie.id, 'new');
  }

  // David achieved ASTH325 a year ago: every item met, the performance criteria by direct observation.
  const codes = (kind: 'P' | 'K', from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${kind}${from + index}`);
  await decide(priya, david, ['demo-david-observed-calls'], codes('P', 1, 12).map((code) => met('ASTH325', code, 'direct_observation')), 'demo-david-p', 392);
  await decide(priya, david, ['demo-david-boundaries-discussion'], codes('K', 1, 10).map((code) => met('ASTH325', code, 'professional_discussion')), 'demo-david-k1', 391);
  await decide(priya, david, ['demo-david-services-account'], codes('K', 11, 19).map((code) => met('ASTH325', code, 'reflective_account')), 'demo-david-k2', 390);

  // Sarah: met, and not yet met with feedback she can act on.
  await decide(priya, sarah, ['demo-sarah-boundaries'], [
    met('ASTH325', 'P6', 'reflective_account'),
    met('ASTH325', 'P7', 'reflective_account'),
    { urn: 'ASTH325', code: 'K3', outcome: 'not_yet_met', method: 'reflective_account', feedback: 'You say you explained the limits of your role, but not which limits or why. Add how you explained what the service cannot do, and what you offered instead.' },
    met('HSC3331', 'P1', 'reflective_account'),
  ], 'demo-sarah-boundaries-judged', 70);
  await decide(priya, sarah, ['demo-sarah-observation'], [
    met('ASTH325', 'P5', 'witness_testimony'),
    met('ASTH325', 'K13', 'questioning', 'Confirmed by questioning: Sarah explained displaced anger and how she responded to it.'),
  ], 'demo-sarah-observation-judged', 50);

  // Tom's sample: he agrees one of Priya's decisions and challenges another, which Priya answers with a new decision.
  const p6 = await decisionOf('demo-sarah-boundaries-judged', sarah, 'ASTH325', 'P6');
  const p7 = await decisionOf('demo-sarah-boundaries-judged', sarah, 'ASTH325', 'P7');
  await review(tom, p6.id, 'agreed', 'The account shows the purpose of contact was explained and agreed.', 40);
  await review(tom, p7.id, 'challenged', 'The account gives the frequency but not where the agreed contact plan was recorded. Please check before this counts as met.', 40);
  const challenge = (await IqaReview.findOne({ where: { decisionId: p7.id } }))!;
  await decide(priya, sarah, ['demo-sarah-boundaries'], [
    met('ASTH325', 'P7', 'questioning', 'Checked by questioning: the contact plan was recorded in the case notes on the day and shared with Mr D’s daughter.'),
  ], 'demo-sarah-p7-answer', 38, challenge.id);

  // Liam: Ellie, a new assessor, judged his first referral; Tom countersigned one decision, the other waits.
  await decide(ellie, liam, ['demo-liam-first-referral'], [met('ASTH325', 'P1', 'reflective_account'), met('ASTH325', 'P2', 'reflective_account')], 'demo-liam-referral-judged', 18);
  const liamP1 = await decisionOf('demo-liam-referral-judged', liam, 'ASTH325', 'P1');
  await review(tom, liamP1.id, 'agreed', 'Countersigned: the account shows the greeting and the check of need.', 10);
}
