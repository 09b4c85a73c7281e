// The section counts (worker_section_counts, docs/decisions/036) on the real database: after every kind of write that
// changes the item-state projection they equal a fresh count of worker_item_states, and a rebuild puts right a damaged
// summary.
import { expect } from 'chai';
import { reviewDecision, setAssessorStatus } from '#app/domain/assessment/iqa.server.ts';
import { rebuildItemStates, refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { submitEvidence, updateEvidence } from '#app/domain/evidence.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AssessmentDecision, PersonStandard, StandardItem, WorkerItemState, WorkerSectionCount, sequelize } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createAssessor, createEvidence, createPerson, createStaffedOrganisation, evidenceInput, giveStandard, judge, judgement } from '#test/factories/index.ts';

type Counted = { workerId: number; standardVersionId: number; section: string; met: number; notYetMet: number; submitted: number; mapped: number };
const order = (a: Counted, b: Counted) => a.workerId - b.workerId || a.standardVersionId - b.standardVersionId || (a.section < b.section ? -1 : a.section > b.section ? 1 : 0);

async function stored(workerIds: number[]): Promise<Counted[]> {
  const rows = await WorkerSectionCount.findAll({ where: { workerId: workerIds } });
  return rows
    .map(({ workerId, standardVersionId, section, met, notYetMet, submitted, mapped }) => ({ workerId, standardVersionId, section, met, notYetMet, submitted, mapped }))
    .sort(order);
}

/** Counted afresh from the projection's rows and the items' versions and sections, with no code of the summary's. */
async function counted(workerIds: number[]): Promise<Counted[]> {
  const states = await WorkerItemState.findAll({ where: { workerId: workerIds } });
  const items = new Map((await StandardItem.findAll({ where: { id: states.map((row) => row.standardItemId) } })).map((item) => [item.id, item]));
  const rows = new Map<string, Counted>();
  const field = { met: 'met', not_yet_met: 'notYetMet', submitted: 'submitted', mapped: 'mapped' } as const;
  for (const state of states) {
    if (state.state === 'none') continue;
    const item = items.get(state.standardItemId)!;
    const key = `${state.workerId}/${item.standardVersionId}/${item.section}`;
    const row = rows.get(key) ?? { workerId: state.workerId, standardVersionId: item.standardVersionId, section: item.section, met: 0, notYetMet: 0, submitted: 0, mapped: 0 };
    row[field[state.state as keyof typeof field]] += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort(order);
}

async function expectInStep(workerIds: number[], label: string) {
  expect(await stored(workerIds), label).to.deep.equal(await counted(workerIds));
}

/** The totals of one worker's summary rows for one version. */
async function totalsOf(workerId: number, standardVersionId: number) {
  const rows = (await stored([workerId])).filter((row) => row.standardVersionId === standardVersionId);
  return rows.reduce((sum, row) => ({ met: sum.met + row.met, notYetMet: sum.notYetMet + row.notYetMet, submitted: sum.submitted + row.submitted, mapped: sum.mapped + row.mapped }), { met: 0, notYetMet: 0, submitted: 0, mapped: 0 });
}

describe('section counts (the summary of the item states)', function () {
  this.timeout(60_000);

  it('equal a fresh count after evidence, decisions, countersigns, challenges, version moves, roles and holdings removed', async () => {
    const org = await createStaffedOrganisation();
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']);
    const ids = [org.worker.id, colleague.id];
    const { version, items } = await giveStandard(org.admin, 'ASTH325', [org.worker, colleague]);
    const { version: hsc, items: hscItems } = await giveStandard(org.admin, 'HSC3331', [org.worker]);
    await expectInStep(ids, 'nothing yet');
    expect(await stored(ids)).to.deep.equal([]);

    const draft = await createEvidence(org.worker, [items[0]!, items[1]!, hscItems[0]!]);
    await createEvidence(colleague, [items[0]!], { submitted: true });
    await expectInStep(ids, 'a draft and a submitted piece');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 0, notYetMet: 0, submitted: 0, mapped: 2 });

    await updateEvidence(contextFor(org.worker), draft, evidenceInput([items[0]!.id, items[2]!.id, items[3]!.id]), [], []);
    await expectInStep(ids, 'the draft changed in place');
    expect(await totalsOf(org.worker.id, hsc.id), 'the link to HSC3331 dropped').to.deep.equal({ met: 0, notYetMet: 0, submitted: 0, mapped: 0 });

    await submitEvidence(contextFor(org.worker), draft);
    await expectInStep(ids, 'the draft submitted');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 0, notYetMet: 0, submitted: 3, mapped: 0 });

    // Decisions: two met, one not yet met.
    const assessor = await createAssessor(org.admin, [org.worker]);
    await judge(assessor, org.worker.id, [draft], [judgement(items[0]!.id), judgement(items[2]!.id), judgement(items[3]!.id, 'not_yet_met')]);
    await expectInStep(ids, 'decisions');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 2, notYetMet: 1, submitted: 0, mapped: 0 });

    // A new assessor's met waits for a countersign; the countersign makes it count.
    const iqa = actorFor(await createPerson(org.organisation.id, { roles: ['iqa'] }), ['iqa']);
    const newAssessor = await createAssessor(org.admin, [org.worker]);
    await setAssessorStatus(contextFor(iqa), newAssessor.id, 'new');
    await judge(newAssessor, org.worker.id, [draft], [judgement(items[3]!.id)]);
    await expectInStep(ids, 'a met awaiting countersign');
    const pending = (await AssessmentDecision.findOne({ where: { workerId: org.worker.id, standardItemId: items[3]!.id }, order: [['id', 'DESC']] }))!;
    await reviewDecision(contextFor(iqa), pending.id, { outcome: 'agreed', note: '' });
    await expectInStep(ids, 'countersigned');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 3, notYetMet: 0, submitted: 0, mapped: 0 });

    // A challenge takes the met away again.
    const challenged = (await AssessmentDecision.findOne({ where: { workerId: org.worker.id, standardItemId: items[0]!.id }, order: [['id', 'DESC']] }))!;
    await reviewDecision(contextFor(iqa), challenged.id, { outcome: 'challenged', note: 'The account does not show the risk assessment.' });
    await expectInStep(ids, 'challenged');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 2, notYetMet: 0, submitted: 1, mapped: 0 });

    // A new version with P1 changed: the holders move; the counts follow the items into the new version.
    const original = loadSeedStandard('ASTH325');
    const revised = { ...original, version: '3', items: original.items.map((row) => (row.code === 'P1' ? { ...row, text: `${row.text} again` } : row)) };
    const [moved] = await saveStandardVersions(contextFor(org.admin, { ipAddress: 'test' }), [revised], { moveHolders: true });
    await expectInStep(ids, 'holders moved to a new version');
    expect(await totalsOf(org.worker.id, version.id), 'nothing left on the old version').to.deep.equal({ met: 0, notYetMet: 0, submitted: 0, mapped: 0 });
    expect((await totalsOf(org.worker.id, moved!.standardVersionId)).submitted + (await totalsOf(org.worker.id, moved!.standardVersionId)).met).to.be.greaterThan(0);

    // A role brings LMCA4; evidence for it; then the holding is removed (as any write that drops a holding would,
    // with its refresh), and its rows go with it.
    const { version: lmca, items: lmcaItems } = await giveStandard(org.admin, 'LMCA4');
    const profile = await createRoleProfile(
      contextFor(org.admin, { ipAddress: 'test' }),
      { name: 'Lunch club support', description: '', standardIds: [lmca.standardId], supervisionFrequencyWeeks: 6, urgentDebriefOnRequest: false, targetMonths: 12 },
    );
    await assignRoleProfile(contextFor(org.admin, { ipAddress: 'test' }), { personId: colleague.id, roleProfileId: profile, startedOn: '2026-01-05' });
    await createEvidence(colleague, [lmcaItems[0]!, lmcaItems[40]!, lmcaItems[100]!], { submitted: true });
    await expectInStep(ids, 'a role brings a standard with evidence');
    expect(await totalsOf(colleague.id, lmca.id)).to.deep.equal({ met: 0, notYetMet: 0, submitted: 3, mapped: 0 });
    await sequelize.transaction(async (transaction) => {
      await PersonStandard.destroy({ where: { personId: colleague.id, standardVersionId: lmca.id }, transaction });
      await refreshItemStates([colleague.id], transaction);
    });
    await expectInStep(ids, 'a holding removed');
    expect(await totalsOf(colleague.id, lmca.id)).to.deep.equal({ met: 0, notYetMet: 0, submitted: 0, mapped: 0 });

    // Nothing to change on a recomputation.
    const again = await sequelize.transaction((transaction) => refreshItemStates(ids, transaction));
    expect(again).to.deep.equal({ removed: 0, written: 0, countsRemoved: 0, countsWritten: 0 });
  });

  it('stay equal to a fresh count when one worker saves 20 pieces at the same moment', async () => {
    const org = await createStaffedOrganisation();
    const { version, items } = await giveStandard(org.admin, 'HSC3331', [org.worker]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => createEvidence(org.worker, [items[index]!, items[60]!], { submitted: index % 2 === 0 })),
    );
    expect(results.filter((result) => result.status === 'rejected')).to.deep.equal([]);
    await expectInStep([org.worker.id], 'after 20 at once');
    expect(await totalsOf(org.worker.id, version.id)).to.deep.equal({ met: 0, notYetMet: 0, submitted: 11, mapped: 10 });
  });

  it('a rebuild puts right rows that were lost, wrong or left over', async () => {
    const org = await createStaffedOrganisation();
    const { version, items } = await giveStandard(org.admin, 'HSC3331', [org.worker]);
    await createEvidence(org.worker, [items[0]!, items[30]!, items[69]!], { submitted: true });
    await createEvidence(org.worker, [items[1]!]);
    const expected = await stored([org.worker.id]);
    expect(expected.length).to.be.at.least(2);
    expect(expected).to.deep.equal(await counted([org.worker.id]));

    const [first, second] = await WorkerSectionCount.findAll({ where: { workerId: org.worker.id }, order: [['id', 'ASC']] });
    await first!.destroy();
    await second!.update({ met: 7 });
    await WorkerSectionCount.create({ organisationId: org.organisation.id, workerId: org.worker.id, standardVersionId: version.id, section: 'No such section', met: 1, notYetMet: 0, submitted: 0, mapped: 0 });
    expect(await stored([org.worker.id])).not.to.deep.equal(expected);

    const result = await rebuildItemStates();
    expect(result.countsRemoved).to.be.at.least(2);
    expect(result.countsWritten).to.be.at.least(2);
    expect(await stored([org.worker.id])).to.deep.equal(expected);
    const after = await rebuildItemStates();
    expect([after.countsRemoved, after.countsWritten], 'a second rebuild finds nothing').to.deep.equal([0, 0]);
  });
});
