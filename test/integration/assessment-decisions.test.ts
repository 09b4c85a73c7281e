// Assessors' decisions on the real database: what they record, what they refuse, what they change (item states,
// achievement), and that the record cannot be rewritten.
import { expect } from 'chai';
import { reopenAchievement, latestAchievements } from '#app/domain/assessment/achievements.server.ts';
import { setStandardRules } from '#app/domain/assessment/rules.server.ts';
import { itemStates, refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { updateEvidence } from '#app/domain/evidence.server.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import { AssessmentDecision, AssessmentDecisionEvidence, AssessorStatus, Evidence, IqaReview, StandardAchievement, sequelize } from '#db/models/index.ts';
import {
  actorFor,
  createAssessor,
  createEvidence,
  createPerson,
  createStaffedOrganisation,
  evidenceInput,
  giveStandard,
  judge,
  judgement,
  unique,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

async function stateOf(workerId: number, versionId: number, itemId: number) {
  return (await itemStates([workerId], [versionId])).get(workerId)!.get(itemId)!;
}

describe('assessment decisions', function () {
  this.timeout(60_000);

  it('records met and not yet met per item on the revision judged, and the item states follow the latest decision', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const [p1, p2] = items;
    const evidenceId = await createEvidence(org.worker, [p1!, p2!], { submitted: true });
    const revisionTwoOf = (await Evidence.findByPk(evidenceId))!.currentRevisionId!;

    expect(await judge(assessor, org.worker.id, [evidenceId], [judgement(p1!.id, 'met'), judgement(p2!.id, 'not_yet_met')])).to.deep.equal({ recorded: 2 });
    expect((await stateOf(org.worker.id, version.id, p1!.id)).state).to.equal('met');
    expect((await stateOf(org.worker.id, version.id, p2!.id)).state).to.equal('not_yet_met');

    // The worker revises the evidence: the decisions still rest on the revision the assessor read.
    await updateEvidence(contextFor(org.worker), evidenceId, evidenceInput([p1!.id, p2!.id], { title: 'Revised after feedback' }), [], []);
    const basis = await AssessmentDecisionEvidence.findAll({ where: { evidenceId } });
    expect(basis.map((row) => row.evidenceRevisionId)).to.deep.equal([revisionTwoOf, revisionTwoOf]);
    expect((await Evidence.findByPk(evidenceId))!.currentRevisionId).to.not.equal(revisionTwoOf);

    // A later decision supersedes the earlier one; both stay.
    await judge(assessor, org.worker.id, [evidenceId], [judgement(p2!.id, 'met')]);
    expect((await stateOf(org.worker.id, version.id, p2!.id)).state).to.equal('met');
    expect(await AssessmentDecision.count({ where: { workerId: org.worker.id, standardItemId: p2!.id } })).to.equal(2);
  });

  it('refuses a decision on one’s own evidence, on a worker one does not assess, on another organisation, on a draft', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const assessor = await createAssessor(org.admin, [org.worker]);
    const stranger = await createAssessor(org.admin, []);
    const submitted = await createEvidence(org.worker, [items[0]!], { submitted: true });
    const draft = await createEvidence(org.worker, [items[0]!]);
    // An assessor who is also a worker, assigned (by mistake) to assess themselves.
    const selfAssessing = actorFor(await createPerson(org.organisation.id, { roles: ['worker', 'assessor'], teamId: org.team.id }), ['worker', 'assessor']);
    await giveStandard(org.admin, 'ASTH325', [selfAssessing]);
    const { WorkerAssessor } = await import('#db/models/index.ts');
    await WorkerAssessor.create({ organisationId: org.organisation.id, workerId: selfAssessing.id, assessorId: selfAssessing.id } as never);
    const own = await createEvidence(selfAssessing, [items[0]!], { submitted: true });
    const elsewhere = await createStaffedOrganisation();
    const theirAssessor = await createAssessor(elsewhere.admin, [elsewhere.worker]);

    await expectRejection(judge(selfAssessing, selfAssessing.id, [own], [judgement(items[0]!.id)]), Forbidden);
    await expectRejection(judge(stranger, org.worker.id, [submitted], [judgement(items[0]!.id)]), NotFound);
    await expectRejection(judge(theirAssessor, org.worker.id, [submitted], [judgement(items[0]!.id)]), NotFound);
    await expectRejection(judge(assessor, org.worker.id, [draft], [judgement(items[0]!.id)]), NotFound);
    await expectRejection(judge(org.supervisor, org.worker.id, [submitted], [judgement(items[0]!.id)]), Forbidden);
    expect(await AssessmentDecision.count({ where: { organisationId: org.organisation.id } })).to.equal(0);
  });

  it('refuses an unmapped item, not yet met without feedback, and met before the organisation’s rules are satisfied', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const p1 = items.find((item) => item.code === 'P1')!;
    const k1 = items.find((item) => item.code === 'K1')!;
    const first = await createEvidence(org.worker, [p1, k1], { submitted: true });
    const second = await createEvidence(org.worker, [p1], { submitted: true });
    const unmapped = items.find((item) => item.code === 'P3')!;

    const notMapped = await expectRejection(judge(assessor, org.worker.id, [first], [judgement(unmapped.id)]), ValidationError);
    expect(notMapped.fieldErrors[`item-${unmapped.id}-outcome`]![0]).to.contain('not mapped');
    const noFeedback = await expectRejection(judge(assessor, org.worker.id, [first], [judgement(k1.id, 'not_yet_met', { feedback: '  ' })]), ValidationError);
    expect(noFeedback.fieldErrors[`item-${k1.id}-feedback`]![0]).to.contain('Enter feedback for K1');

    await setStandardRules(contextFor(org.admin), version.standardId, { minimumEvidence: 2, observation: 'performance', observationCodes: [] });
    const tooFew = await expectRejection(judge(assessor, org.worker.id, [first], [judgement(p1.id)]), ValidationError);
    expect(tooFew.fieldErrors[`item-${p1.id}-outcome`]![0]).to.contain('needs 2 pieces of evidence');
    const unobserved = await expectRejection(judge(assessor, org.worker.id, [first, second], [judgement(p1.id)]), ValidationError);
    expect(unobserved.fieldErrors[`item-${p1.id}-method`]![0]).to.contain('needs direct observation');
    expect(await AssessmentDecision.count({ where: { workerId: org.worker.id } })).to.equal(0);

    // Holistic: one item judged on both pieces, by direct observation.
    await judge(assessor, org.worker.id, [first, second], [judgement(p1.id, 'met', { method: 'direct_observation' })]);
    const [decision] = await AssessmentDecision.findAll({ where: { workerId: org.worker.id }, include: ['basis'] });
    expect(decision!.basis!.map((row) => row.evidenceId).sort()).to.deep.equal([first, second].sort());
  });

  it('records a double-submitted form once', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, [items[0]!], { submitted: true });
    const submissionKey = unique('form');
    const results = await Promise.all([1, 2, 3].map(() => judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id)], { submissionKey })));
    expect(results.map((result) => result.recorded).sort()).to.deep.equal([0, 0, 1]);
    expect(await AssessmentDecision.count({ where: { workerId: org.worker.id } })).to.equal(1);
  });

  it('records two assessors deciding the same item at the same moment, in order, the later one setting the state', async () => {
    const org = await createStaffedOrganisation();
    const first = await createAssessor(org.admin, [org.worker]);
    const second = await createAssessor(org.admin, [org.worker]);
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, [items[0]!], { submitted: true });
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([
        judge(first, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'met')]),
        judge(second, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'not_yet_met')]),
      ]);
      const decisions = await AssessmentDecision.findAll({ where: { workerId: org.worker.id }, order: [['id', 'ASC']] });
      expect(decisions).to.have.length((round + 1) * 2);
      const state = await stateOf(org.worker.id, version.id, items[0]!.id);
      expect(state.decisionId, 'the state rests on the later decision').to.equal(decisions.at(-1)!.id);
      expect(state.state).to.equal(decisions.at(-1)!.outcome);
      // The chain numbers follow the order the decisions were recorded in.
      const seqs = decisions.map((decision) => decision.chainSeq!);
      expect([...seqs].sort((a, b) => a - b)).to.deep.equal(seqs);
    }
  });

  it('achieves a standard when every item is met, locks it, withdraws it on a later not yet met, and reopens it with a reason', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, items, { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], items.slice(0, -1).map((item) => judgement(item.id)));
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.size).to.equal(0);
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items.at(-1)!.id)]);
    const achieved = (await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!;
    expect(achieved.event).to.equal('achieved');
    expect(achieved.personId).to.equal(assessor.id);

    // Locked: no new decision until it is reopened.
    await expectRejection(judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'not_yet_met')]), InvalidTransition);
    await expectRejection(reopenAchievement(contextFor(assessor), { workerId: org.worker.id, standardVersionId: version.id, reason: 'Recheck' }), Forbidden);
    const noReason = await expectRejection(reopenAchievement(contextFor(org.admin), { workerId: org.worker.id, standardVersionId: version.id, reason: ' ' }), ValidationError);
    expect(noReason.fieldErrors.reason![0]).to.contain('Enter why');
    await reopenAchievement(contextFor(org.admin), { workerId: org.worker.id, standardVersionId: version.id, reason: 'The observation was of another service user' });
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!.event).to.equal('reopened');

    // Reopened, then achieved again by a met, then withdrawn by a not yet met with the reason.
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id)]);
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!.event).to.equal('achieved');
    await reopenAchievement(contextFor(org.admin), { workerId: org.worker.id, standardVersionId: version.id, reason: 'IQA sample found a gap' });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[1]!.id, 'not_yet_met', { feedback: 'Needs a second observation.' })]);
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[1]!.id)]);
    const events = await StandardAchievement.findAll({ where: { workerId: org.worker.id }, order: [['id', 'ASC']] });
    expect(events.map((row) => row.event)).to.deep.equal(['achieved', 'reopened', 'achieved', 'reopened', 'achieved']);
  });

  it('withdraws an achievement when an answer to a challenge is not yet met, naming the item and the feedback', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'] }), ['iqa']);
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, items, { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], items.map((item) => judgement(item.id)));
    const challenged = await AssessmentDecision.findOne({ where: { workerId: org.worker.id, standardItemId: items[2]!.id } });
    const review = await sequelize.transaction(async (transaction) => {
      const row = await IqaReview.create({ organisationId: org.organisation.id, decisionId: challenged!.id, iqaId: iqa.id, outcome: 'challenged', note: 'No observation on file' }, { transaction });
      await refreshItemStates([org.worker.id], transaction);
      return row;
    });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[2]!.id, 'not_yet_met', { feedback: 'Arrange an observation.' })], { answersReviewId: review.id });
    const latest = (await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!;
    expect(latest.event).to.equal('withdrawn');
    expect(latest.reason).to.contain(items[2]!.code).and.to.contain('Arrange an observation.');
  });

  it('counts a new assessor’s met only once it is countersigned', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'] }), ['iqa']);
    await sequelize.transaction((transaction) =>
      AssessorStatus.create({ organisationId: org.organisation.id, assessorId: assessor.id, status: 'new', changedById: iqa.id }, { transaction }),
    );
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, [items[0]!], { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id)]);
    const pending = await stateOf(org.worker.id, version.id, items[0]!.id);
    expect(pending.state).to.equal('submitted');
    expect(pending.decisionId).to.be.a('number');
    await sequelize.transaction(async (transaction) => {
      await IqaReview.create({ organisationId: org.organisation.id, decisionId: pending.decisionId!, iqaId: iqa.id, outcome: 'agreed', note: '' }, { transaction });
      await refreshItemStates([org.worker.id], transaction);
    });
    expect((await stateOf(org.worker.id, version.id, items[0]!.id)).state).to.equal('met');
  });

  it('refuses to update or delete a decision, its basis, a review or an achievement', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, [items[0]!], { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'not_yet_met')]);
    const decision = (await AssessmentDecision.findOne({ where: { workerId: org.worker.id } }))!;
    await expectRejection(decision.update({ outcome: 'met' }), AppendOnlyViolation);
    await expectRejection(decision.destroy(), AppendOnlyViolation);
    await expectRejection(AssessmentDecision.update({ outcome: 'met' }, { where: { id: decision.id } }), AppendOnlyViolation);
    await expectRejection(AssessmentDecision.destroy({ where: { id: decision.id } }), AppendOnlyViolation);
    await expectRejection(AssessmentDecisionEvidence.destroy({ where: { decisionId: decision.id } }), AppendOnlyViolation);
    await expectRejection(StandardAchievement.destroy({ where: { workerId: org.worker.id } }), AppendOnlyViolation);
    await expectRejection(IqaReview.update({ outcome: 'agreed' }, { where: { decisionId: decision.id } }), AppendOnlyViolation);
    expect((await AssessmentDecision.findByPk(decision.id))!.outcome).to.equal('not_yet_met');
  });
});
