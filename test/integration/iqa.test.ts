// Internal quality assurance on the real database: countersigns and challenges, the assessor's answer, who is refused,
// one review per decision, assessor status, the sample and the coverage report.
import { expect } from 'chai';
import { latestAchievements } from '#app/domain/assessment/achievements.server.ts';
import { challengesFor, reviewDecision, setAssessorStatus, setIqaSettings, assessorStandings } from '#app/domain/assessment/iqa.server.ts';
import { defaultPeriod, sampleForPeriod, samplingReport } from '#app/domain/assessment/sampling.server.ts';
import { itemStates } from '#app/domain/evidence/item-states.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AssessmentDecision, AuditEvent, IqaReview } from '#db/models/index.ts';
import { actorFor, createAssessor, createEvidence, createPerson, createStaffedOrganisation, giveStandard, judge, judgement } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

async function setUp() {
  const org = await createStaffedOrganisation();
  const assessor = await createAssessor(org.admin, [org.worker]);
  const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'] }), ['iqa']);
  const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
  const evidenceId = await createEvidence(org.worker, items, { submitted: true });
  return { org, assessor, iqa, version, items, evidenceId };
}

const decisionOn = async (workerId: number, itemId: number) =>
  (await AssessmentDecision.findOne({ where: { workerId, standardItemId: itemId }, order: [['id', 'DESC']] }))!;

describe('internal quality assurance', function () {
  this.timeout(60_000);

  it('a countersign makes a new assessor’s met count, and can achieve the standard', async () => {
    const { org, assessor, iqa, version, items, evidenceId } = await setUp();
    expect(await setAssessorStatus(contextFor(iqa), assessor.id, 'new')).to.deep.equal({ changed: true });
    await judge(assessor, org.worker.id, [evidenceId], items.map((item) => judgement(item.id)));
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)).to.equal(undefined);
    const standings = await assessorStandings(iqa);
    expect(standings.find((row) => row.id === assessor.id)).to.deep.include({ status: 'new', awaitingCountersign: items.length });

    const { sample } = await sampleForPeriod(iqa, defaultPeriod());
    expect(sample.map((decision) => decision.reason)).to.deep.equal(items.map(() => 'new_assessor'));
    for (const decision of sample) expect(await reviewDecision(contextFor(iqa), decision.id, { outcome: 'agreed', note: '' })).to.deep.equal({ reviewed: true });
    const states = (await itemStates([org.worker.id], [version.id])).get(org.worker.id)!;
    expect(items.every((item) => states.get(item.id)!.state === 'met')).to.equal(true);
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!.event).to.equal('achieved');
    expect((await assessorStandings(iqa)).find((row) => row.id === assessor.id)!.awaitingCountersign).to.equal(0);

    // Signed off: their next decisions count at once; setting the same status again changes nothing.
    expect(await setAssessorStatus(contextFor(iqa), assessor.id, 'competent')).to.deep.equal({ changed: true });
    expect(await setAssessorStatus(contextFor(iqa), assessor.id, 'competent')).to.deep.equal({ changed: false });
    expect(await AuditEvent.count({ where: { organisationId: org.organisation.id, action: 'iqa.assessor_status_changed' } })).to.equal(2);
  });

  it('a challenge returns the decision to the assessor, withdraws the achievement, and the answer is a new decision', async () => {
    const { org, assessor, iqa, version, items, evidenceId } = await setUp();
    await judge(assessor, org.worker.id, [evidenceId], items.map((item) => judgement(item.id)));
    expect((await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!.event).to.equal('achieved');
    const challenged = await decisionOn(org.worker.id, items[1]!.id);

    await expectRejection(reviewDecision(contextFor(iqa), challenged.id, { outcome: 'challenged', note: '  ' }), ValidationError);
    await reviewDecision(contextFor(iqa), challenged.id, { outcome: 'challenged', note: 'The account does not show the risk assessment.' });
    expect((await itemStates([org.worker.id], [version.id])).get(org.worker.id)!.get(items[1]!.id)!.state).to.equal('submitted');
    const withdrawn = (await latestAchievements([org.worker.id])).get(org.worker.id)!.get(version.id)!;
    expect(withdrawn.event).to.equal('withdrawn');

    const [challenge, ...others] = await challengesFor(assessor);
    expect(others).to.deep.equal([]);
    expect(challenge).to.deep.include({ decisionId: challenged.id, workerId: org.worker.id, itemId: items[1]!.id, itemCode: items[1]!.code, note: 'The account does not show the risk assessment.', iqaName: iqa.name });
    expect(await challengesFor(iqa)).to.deep.equal([]);

    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[1]!.id, 'not_yet_met', { feedback: 'Add the risk assessment.' })], { answersReviewId: challenge!.reviewId });
    expect(await challengesFor(assessor)).to.deep.equal([]);
    const { decisions } = await sampleForPeriod(iqa, defaultPeriod());
    expect(decisions.find((decision) => decision.id === challenged.id)!.status).to.equal('answered');
    expect((await itemStates([org.worker.id], [version.id])).get(org.worker.id)!.get(items[1]!.id)!.state).to.equal('not_yet_met');
  });

  it('refuses a review of one’s own decision or evidence, by a non-IQA, of another organisation; reviews once', async () => {
    const { org, assessor, iqa, items, evidenceId } = await setUp();
    // An IQA who is also an assessor, judging the worker: never reviews their own decision.
    const both = await createAssessor(org.admin, [org.worker], ['assessor', 'iqa']);
    await judge(both, org.worker.id, [evidenceId], [judgement(items[0]!.id)]);
    const own = await decisionOn(org.worker.id, items[0]!.id);
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[1]!.id)]);
    const theirs = await decisionOn(org.worker.id, items[1]!.id);
    const elsewhere = await createStaffedOrganisation();
    const otherIqa = actorFor(await createPerson(elsewhere.organisation.id, { roles: ['iqa'] }), ['iqa']);
    // The IQA whose own evidence was judged.
    const iqaWorker = actorFor(await createPerson(org.organisation.id, { roles: ['iqa', 'worker'] }), ['iqa', 'worker']);
    await giveStandard(org.admin, 'ASTH325', [iqaWorker]);
    const assessorOfIqa = await createAssessor(org.admin, [iqaWorker]);
    const ownEvidence = await createEvidence(iqaWorker, [items[0]!], { submitted: true });
    await judge(assessorOfIqa, iqaWorker.id, [ownEvidence], [judgement(items[0]!.id)]);
    const onOwnEvidence = await decisionOn(iqaWorker.id, items[0]!.id);

    await expectRejection(reviewDecision(contextFor(both), own.id, { outcome: 'agreed', note: '' }), Forbidden);
    await expectRejection(reviewDecision(contextFor(iqaWorker), onOwnEvidence.id, { outcome: 'agreed', note: '' }), Forbidden);
    await expectRejection(reviewDecision(contextFor(assessor), theirs.id, { outcome: 'agreed', note: '' }), Forbidden);
    await expectRejection(reviewDecision(contextFor(org.admin), theirs.id, { outcome: 'agreed', note: '' }), Forbidden);
    await expectRejection(reviewDecision(contextFor(otherIqa), theirs.id, { outcome: 'agreed', note: '' }), NotFound);
    expect(await IqaReview.count({ where: { organisationId: org.organisation.id } })).to.equal(0);

    expect(await reviewDecision(contextFor(iqa), theirs.id, { outcome: 'agreed', note: '' })).to.deep.equal({ reviewed: true });
    const again = await reviewDecision(contextFor(iqa), theirs.id, { outcome: 'challenged', note: 'Second thoughts' });
    expect(again).to.deep.include({ reviewed: false });
    expect(again.reviewed === false && again.existing).to.deep.include({ outcome: 'agreed', iqaName: iqa.name });
    // Two copies of the same form at once: one review.
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[2]!.id)]);
    const third = await decisionOn(org.worker.id, items[2]!.id);
    const results = await Promise.all([1, 2].map(() => reviewDecision(contextFor(iqa), third.id, { outcome: 'agreed', note: '' })));
    expect(results.filter((result) => result.reviewed)).to.have.length(1);
    expect(await IqaReview.count({ where: { decisionId: [theirs.id, third.id] } })).to.equal(2);
    expect(await AuditEvent.count({ where: { organisationId: org.organisation.id, action: 'iqa.decision_reviewed' } })).to.equal(2);
  });

  it('marks only the organisation’s assessors, and never oneself', async () => {
    const { org, assessor, iqa } = await setUp();
    const elsewhere = await createStaffedOrganisation();
    const otherAssessor = await createAssessor(elsewhere.admin, []);
    const iqaAssessor = actorFor(await createPerson(org.organisation.id, { roles: ['iqa', 'assessor'] }), ['iqa', 'assessor']);
    await expectRejection(setAssessorStatus(contextFor(iqa), org.worker.id, 'new'), NotFound);
    await expectRejection(setAssessorStatus(contextFor(iqa), otherAssessor.id, 'new'), NotFound);
    await expectRejection(setAssessorStatus(contextFor(iqaAssessor), iqaAssessor.id, 'competent'), Forbidden);
    await expectRejection(setAssessorStatus(contextFor(org.admin), assessor.id, 'new'), Forbidden);
    expect((await assessorStandings(iqa)).map((row) => row.id)).to.have.members([assessor.id, iqaAssessor.id]);
  });

  it('reports coverage per assessor and standard, drawn by the organisation’s rules, in a fixed number of queries', async () => {
    const { org, assessor, iqa, items, evidenceId } = await setUp();
    const second = await createAssessor(org.admin, [org.worker]);
    await setIqaSettings(contextFor(org.admin), { samplePercent: 0, minimumPerAssessorMonth: 1, leadIqaId: iqa.id });
    await expectRejection(setIqaSettings(contextFor(org.admin), { samplePercent: 10, minimumPerAssessorMonth: 1, leadIqaId: assessor.id }), ValidationError);
    await expectRejection(setIqaSettings(contextFor(iqa), { samplePercent: 10, minimumPerAssessorMonth: 1, leadIqaId: null }), Forbidden);
    await judge(assessor, org.worker.id, [evidenceId], items.slice(0, 3).map((item) => judgement(item.id)));
    await judge(second, org.worker.id, [evidenceId], items.slice(3, 5).map((item) => judgement(item.id)));

    const report = await samplingReport(iqa, defaultPeriod());
    expect(report.rules).to.deep.equal({ samplePercent: 0, minimumPerAssessorMonth: 1 });
    const byAssessor = new Map(report.byAssessor.map((row) => [row.key, row]));
    expect(byAssessor.get(assessor.id)).to.deep.include({ made: 3, sampled: 1, reviewed: 0, percentSampled: 33 });
    expect(byAssessor.get(second.id)).to.deep.include({ made: 2, sampled: 1, percentSampled: 50 });
    expect(report.byStandard).to.have.length(1);
    expect(report.byStandard[0]).to.deep.include({ label: 'ASTH325', made: 5, sampled: 2 });

    const { sample } = await sampleForPeriod(iqa, defaultPeriod());
    await reviewDecision(contextFor(iqa), sample[0]!.id, { outcome: 'challenged', note: 'Check the method.' });
    await reviewDecision(contextFor(iqa), sample[1]!.id, { outcome: 'agreed', note: '' });
    const after = await samplingReport(iqa, defaultPeriod());
    expect(after.total).to.deep.include({ made: 5, sampled: 2, reviewed: 2, agreed: 1, challenged: 1, percentSampled: 40 });
    // The same rules over the same decisions: the same sample.
    expect((await sampleForPeriod(iqa, defaultPeriod())).sample.map((decision) => decision.id)).to.deep.equal(sample.map((decision) => decision.id));
    // A period before any decision: nothing.
    expect((await samplingReport(iqa, { from: '2020-01-01', to: '2020-01-31' } as never)).total.made).to.equal(0);

    const queriesOf = async () => {
      const before = queryCounter.count;
      await samplingReport(iqa, defaultPeriod());
      return queryCounter.count - before;
    };
    const few = await queriesOf();
    await judge(assessor, org.worker.id, [evidenceId], items.slice(5).map((item) => judgement(item.id)));
    expect(await queriesOf()).to.equal(few);
  });
});
