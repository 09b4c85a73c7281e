// What the pages read of decisions: an item's history, progress with decisions at a fixed number of queries, what a
// worker was judged since they last looked, and evidence an assessor witnessed.
import { expect } from 'chai';
import { reopenAchievement } from '#app/domain/assessment/achievements.server.ts';
import { itemHistory } from '#app/domain/assessment/item-history.server.ts';
import { itemsJudgedSince } from '#app/domain/assessment/judged-since.server.ts';
import { reopenableStandards } from '#app/domain/assessment/reopenable.server.ts';
import { recordWitnessedEvidence, witnessedEvidenceFor } from '#app/domain/assessment/witnessed-evidence.server.ts';
import { getEvidence, listEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { Evidence, StandardItem } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createAssessor, createEvidence, createPerson, createStaffedOrganisation, evidenceInput, giveStandard, judge, judgement, unique, actorFor } from '#test/factories/index.ts';
import { holdVersion } from '#test/factories/standards.ts';
import { expectRejection } from '#test/support/rejections.ts';

describe('assessment reads', function () {
  this.timeout(60_000);

  it('shows an item’s whole history, the decisions on a piece of evidence, and progress with each item’s decision', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const [p1, p2] = items;
    const first = await createEvidence(org.worker, [p1!, p2!], { submitted: true });
    const second = await createEvidence(org.worker, [p1!], { submitted: true });
    await judge(assessor, org.worker.id, [first], [judgement(p1!.id, 'not_yet_met', { feedback: 'Show how you checked consent' }), judgement(p2!.id, 'met')]);
    await judge(assessor, org.worker.id, [first, second], [judgement(p1!.id, 'met')]);

    const history = await itemHistory(org.worker, org.worker.id, p1!.id);
    expect(history.decisions.map((decision) => decision.outcome)).to.deep.equal(['met', 'not_yet_met']);
    expect(history.decisions[0]!.basis.map((piece) => piece.evidenceId)).to.deep.equal([first, second]);
    expect(history.decisions[1]!.feedback).to.equal('Show how you checked consent');
    expect(history.judging, 'the worker does not judge').to.equal(null);
    expect((await itemHistory(assessor, org.worker.id, p1!.id)).judging).to.not.equal(null);

    const evidence = await getEvidence(org.worker, first);
    expect(evidence.decisions).to.have.length(3);
    expect(evidence.judging).to.equal(null);
    expect((await getEvidence(assessor, first)).judging!.items.map((item) => item.current?.outcome)).to.deep.equal(['met', 'met']);

    const progress = await workerProgress(org.worker, org.worker.id);
    const shown = progress.standards[0]!.items.filter((item) => item.decision);
    expect(shown.map((item) => [item.id, item.state, item.decision!.standing])).to.deep.equal([[p1!.id, 'met', 'met'], [p2!.id, 'met', 'met']]);
  });

  it('reads progress in the same number of queries however many decisions', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, items.slice(0, 6), { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'met')]);
    const count = async () => {
      const before = queryCounter.count;
      await workerProgress(assessor, org.worker.id);
      return queryCounter.count - before;
    };
    const few = await count();
    await judge(assessor, org.worker.id, [evidenceId], items.slice(0, 6).map((item) => judgement(item.id, 'not_yet_met', { feedback: 'More detail' })));
    await judge(assessor, org.worker.id, [evidenceId], items.slice(1, 6).map((item) => judgement(item.id, 'met')));
    expect(await count()).to.equal(few);
  });

  it('counts the items judged since the worker last read their progress', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const evidenceId = await createEvidence(org.worker, items.slice(0, 3), { submitted: true });
    await judge(assessor, org.worker.id, [evidenceId], items.slice(0, 3).map((item) => judgement(item.id, 'met')));
    expect(await itemsJudgedSince(org.worker.id)).to.equal(3);
    await workerProgress(org.worker, org.worker.id);
    expect(await itemsJudgedSince(org.worker.id)).to.equal(0);
    await workerProgress(assessor, org.worker.id);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await judge(assessor, org.worker.id, [evidenceId], [judgement(items[0]!.id, 'not_yet_met', { feedback: 'Again, please' })]);
    expect(await itemsJudgedSince(org.worker.id)).to.equal(1);
  });

  it('lets an assigned assessor record evidence they witnessed, which the worker sees, and nobody else', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const other = await createAssessor(org.admin, []);
    const selfAssessed = await createAssessor(org.admin, [], ['assessor', 'worker']);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const input = { ...evidenceInput([items[0]!.id]), type: 'observation' as const };
    const evidenceId = await recordWitnessedEvidence(contextFor(assessor), org.worker.id, input, [], { submissionToken: unique('w') });
    const row = (await Evidence.findByPk(evidenceId))!;
    expect([row.workerId, row.recordedById, row.status]).to.deep.equal([org.worker.id, assessor.id, 'submitted']);
    const listed = (await listEvidence(org.worker, org.worker.id)).evidence.find((piece) => piece.id === evidenceId);
    expect(listed?.recordedBy).to.equal(assessor.name);
    expect((await getEvidence(org.worker, evidenceId)).recordedBy).to.equal(assessor.name);

    await expectRejection(recordWitnessedEvidence(contextFor(other), org.worker.id, input, [], { submissionToken: unique('w') }), NotFound);
    // A worker who is also an assessor reads their own evidence, so they are told why, not shown a missing page.
    await expectRejection(recordWitnessedEvidence(contextFor(selfAssessed), selfAssessed.id, input, [], { submissionToken: unique('w') }), Forbidden);
    await expectRejection(witnessedEvidenceFor(selfAssessed, selfAssessed.id), Forbidden);
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'] }), ['worker']);
    await expectRejection(recordWitnessedEvidence(contextFor(colleague), org.worker.id, input, [], { submissionToken: unique('w') }), NotFound);
  });

  it('locks an achieved standard on the item page and offers its reopening to the admin alone, until reopened', async () => {
    const org = await createStaffedOrganisation();
    const assessor = await createAssessor(org.admin, [org.worker]);
    const urn = unique('TINY').toUpperCase();
    const [saved] = await saveStandardVersions(contextFor(org.admin, { ipAddress: 'test' }), [
      { ...loadSeedStandard('ASTH325'), urn, version: '1', title: 'One item', items: [{ code: 'P1', kind: 'P', section: 'Performance criteria', text: 'agree contact' }] },
    ]);
    await holdVersion(org.organisation.id, saved!.standardVersionId, [org.worker]);
    const [item] = await StandardItem.findAll({ where: { standardVersionId: saved!.standardVersionId } });
    const evidenceId = await createEvidence(org.worker, [item!], { submitted: true });
    expect(await reopenableStandards(org.admin, org.worker.id)).to.deep.equal([]);
    await judge(assessor, org.worker.id, [evidenceId], [judgement(item!.id, 'met')]);

    const locked = await itemHistory(assessor, org.worker.id, item!.id);
    expect([locked.locked, locked.judging]).to.deep.equal([true, null]);
    expect((await reopenableStandards(org.admin, org.worker.id)).map((standard) => [standard.urn, standard.achievement.personName])).to.deep.equal([[urn, assessor.name]]);
    expect(await reopenableStandards(org.supervisor, org.worker.id)).to.deep.equal([]);
    const stranger = await createStaffedOrganisation();
    await expectRejection(reopenableStandards(stranger.admin, org.worker.id), NotFound);

    await reopenAchievement(contextFor(org.admin), { workerId: org.worker.id, standardVersionId: saved!.standardVersionId, reason: 'Judged on the wrong piece' });
    expect(await reopenableStandards(org.admin, org.worker.id)).to.deep.equal([]);
    const reopened = await itemHistory(assessor, org.worker.id, item!.id);
    expect(reopened.locked).to.equal(false);
    expect(reopened.judging).not.to.equal(null);
  });
});
