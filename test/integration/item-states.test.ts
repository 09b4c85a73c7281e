// The item-state projection on the real database: every write that changes a worker's evidence or the versions they
// hold keeps worker_item_states equal to a full recomputation, and itemStates agrees with the progress page.
import { expect } from 'chai';
import { ItemStatesOutdated, computeItemStates, itemStates, mappedItemStates, rebuildItemStates, refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { submitEvidence, updateEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { dialect, queryCounter } from '#db/connection.ts';
import { PersonStandard, StandardItem, WorkerItemState, sequelize } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createEvidence, createPerson, createStaffedOrganisation, evidenceInput, giveStandard } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

/** The stored rows of these workers, in a comparable shape. */
async function stored(workerIds: number[]) {
  const rows = await WorkerItemState.findAll({ where: { workerId: workerIds }, order: [['workerId', 'ASC'], ['standardItemId', 'ASC']] });
  return rows.map((row) => ({ workerId: row.workerId, itemId: row.standardItemId, state: row.state, evidenceCount: row.evidenceCount, submittedCount: row.submittedCount }));
}

/** A full recomputation from the source rows, in the same shape. */
async function recomputed(workerIds: number[]) {
  const computed = await computeItemStates(workerIds);
  return [...computed]
    .flatMap(([workerId, items]) => [...items].map(([itemId, entry]) => ({ workerId, itemId, state: entry.state, evidenceCount: entry.evidenceCount, submittedCount: entry.submittedCount })))
    .sort((a, b) => a.workerId - b.workerId || a.itemId - b.itemId);
}

/** The projection equals a recomputation, and itemStates gives every held item the state the progress page shows. */
async function expectInStep(workers: Actor[], label: string) {
  const ids = workers.map((worker) => worker.id);
  expect(await stored(ids), label).to.deep.equal(await recomputed(ids));
  for (const worker of workers) {
    const progress = await workerProgress(worker, worker.id);
    const versionIds = (await PersonStandard.findAll({ where: { personId: worker.id } })).map((row) => row.standardVersionId);
    const states = (await itemStates([worker.id], versionIds)).get(worker.id)!;
    const shown = progress.standards.flatMap((standard) => standard.items.map((item) => [item.id, item.state, item.evidenceCount]));
    expect([...states].map(([itemId, entry]) => [itemId, entry.state, entry.evidenceCount]), `${label}: the page and itemStates`).to.have.deep.members(shown);
    // The sparse form holds exactly the items that are not `none`.
    const mapped = (await mappedItemStates([worker.id])).get(worker.id)!;
    expect([...mapped], `${label}: the sparse form`).to.have.deep.members([...states].filter(([, entry]) => entry.state !== 'none'));
  }
}

describe('item states (the projection)', function () {
  this.timeout(60_000);
  it('stays equal to a full recomputation through recording, changing, submitting, revising and version moves', async () => {
    const org = await createStaffedOrganisation();
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']);
    const workers = [org.worker, colleague];
    const { items } = await giveStandard(org.admin, 'ASTH325', workers);
    const { items: other } = await giveStandard(org.admin, 'HSC3331', [org.worker]);
    const [p1, p2, p3, p4] = items;
    await expectInStep(workers, 'nothing yet');

    const draft = await createEvidence(org.worker, [p1!, p2!, other[0]!]);
    await createEvidence(colleague, [p1!], { submitted: true });
    await expectInStep(workers, 'a draft and a submitted piece');
    expect((await itemStates([org.worker.id], [p1!.standardVersionId])).get(org.worker.id)!.get(p1!.id)).to.deep.equal({ state: 'mapped', evidenceCount: 1, submittedCount: 0, decisionId: null });

    // A draft changes in place: P2 is dropped, P3 added.
    await updateEvidence(contextFor(org.worker), draft, evidenceInput([p1!.id, p3!.id]), [], []);
    await expectInStep(workers, 'a draft changed');
    expect(await WorkerItemState.count({ where: { workerId: org.worker.id, standardItemId: p2!.id } })).to.equal(0);

    await submitEvidence(contextFor(org.worker), draft);
    await expectInStep(workers, 'the draft submitted');
    await createEvidence(org.worker, [p1!], { submitted: true });
    await expectInStep(workers, 'another submitted at once');
    expect((await itemStates([org.worker.id], [p1!.standardVersionId])).get(org.worker.id)!.get(p1!.id)).to.deep.equal({ state: 'submitted', evidenceCount: 2, submittedCount: 2, decisionId: null });

    // Submitted evidence changed makes revision 2, mapped to P4 only.
    await updateEvidence(contextFor(org.worker), draft, evidenceInput([p4!.id]), [], []);
    await expectInStep(workers, 'a submitted piece revised');

    // A new version with P2 changed: the holders move, evidence for unchanged items carries over.
    const original = loadSeedStandard('ASTH325');
    const revised = {
      ...original,
      version: '3',
      items: original.items.map((row) => (row.code === 'P1' ? { ...row, text: `${row.text} again` } : row)),
    };
    const [moved] = await saveStandardVersions(contextFor(org.admin, { ipAddress: 'test' }), [revised], { moveHolders: true });
    await expectInStep(workers, 'holders moved to a new version');
    const newItems = await StandardItem.findAll({ where: { standardVersionId: moved!.standardVersionId } });
    const newP1 = newItems.find((item) => item.code === 'P1')!;
    const newP4 = newItems.find((item) => item.code === 'P4')!;
    const after = (await itemStates([org.worker.id, colleague.id], [moved!.standardVersionId]));
    expect(after.get(org.worker.id)!.get(newP1.id)!.state, 'a changed item starts again').to.equal('none');
    expect(after.get(org.worker.id)!.get(newP4.id)).to.deep.equal({ state: 'submitted', evidenceCount: 1, submittedCount: 1, decisionId: null });
    expect(after.get(colleague.id)!.size).to.equal(newItems.length);

    // LMCA4 gets a new version without moving anyone; a role then brings the new one too, and the evidence for
    // its unchanged items counts there.
    const { version: lmca, items: lmcaItems } = await giveStandard(org.admin, 'LMCA4', [org.worker]);
    await createEvidence(org.worker, [lmcaItems[0]!, lmcaItems[1]!], { submitted: true });
    const lmcaOriginal = loadSeedStandard('LMCA4');
    await saveStandardVersions(contextFor(org.admin, { ipAddress: 'test' }), [{ ...lmcaOriginal, version: '9', items: lmcaOriginal.items.map((row, index) => (index === 1 ? { ...row, text: `${row.text} again` } : row)) }]);
    await expectInStep(workers, 'a new version nobody holds');
    const profile = await createRoleProfile(
      contextFor(org.admin, { ipAddress: 'test' }),
      { name: 'Lunch club support', description: '', standardIds: [lmca.standardId], supervisionFrequencyWeeks: 6, urgentDebriefOnRequest: false, targetMonths: 12 },
    );
    await assignRoleProfile(contextFor(org.admin, { ipAddress: 'test' }), { personId: org.worker.id, roleProfileId: profile, startedOn: '2026-01-05' });
    await expectInStep(workers, 'a role brings the new version');
    expect(await PersonStandard.count({ where: { personId: org.worker.id } })).to.equal(4);

    // Recomputing these workers from scratch changes nothing (other tests' workers are theirs to keep in step).
    const refreshed = await sequelize.transaction((transaction) => refreshItemStates(workers.map((worker) => worker.id), transaction));
    expect(refreshed, 'a recomputation finds nothing to change').to.deep.equal({ removed: 0, written: 0, countsRemoved: 0, countsWritten: 0 });
  });

  it('stays equal to a recomputation when one worker saves 30 pieces at the same moment', async () => {

    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) => createEvidence(org.worker, [items[index % 3]!, items[3]!], { submitted: index % 2 === 0 })),
    );
    expect(results.filter((result) => result.status === 'rejected')).to.deep.equal([]);
    await expectInStep([org.worker], 'after 30 at once');
    expect((await itemStates([org.worker.id], [items[3]!.standardVersionId])).get(org.worker.id)!.get(items[3]!.id)).to.deep.equal({ state: 'submitted', evidenceCount: 30, submittedCount: 15, decisionId: null });
  });

  it('on MariaDB, runs again a write whose snapshot is older than another write’s refresh of the same worker', async function () {
    if (dialect() !== 'mysql') this.skip();
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    await createEvidence(org.worker, [items[0]!]);
    let attempts = 0;
    await sequelize.transaction(async (transaction) => {
      attempts += 1;
      // The first plain read takes this transaction's snapshot; then another write for the worker commits.
      await WorkerItemState.count({ where: { workerId: org.worker.id }, transaction });
      if (attempts === 1) await createEvidence(org.worker, [items[0]!], { submitted: true });
      if (attempts === 1) await expectRejection(refreshItemStates([org.worker.id], transaction), ItemStatesOutdated);
      await refreshItemStates([org.worker.id], transaction);
    });
    expect(attempts).to.equal(2);
    await expectInStep([org.worker], 'after the write ran again');
  });

  it('a rebuild puts back rows that were lost or wrong', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'LMCA4', [org.worker]);
    await createEvidence(org.worker, [items[0]!, items[1]!], { submitted: true });
    await createEvidence(org.worker, [items[2]!]);
    const expected = await stored([org.worker.id]);
    expect(expected).to.have.length(3);
    await WorkerItemState.destroy({ where: { workerId: org.worker.id, standardItemId: items[0]!.id } });
    await WorkerItemState.update({ evidenceCount: 9 }, { where: { workerId: org.worker.id, standardItemId: items[2]!.id } });
    const result = await rebuildItemStates();
    expect(result.removed).to.be.at.least(1);
    expect(result.written).to.be.at.least(2);
    expect(await stored([org.worker.id])).to.deep.equal(expected);
  });

  it('reads 1 or 12 workers in one statement, each seeing only their own states', async () => {
    const org = await createStaffedOrganisation();
    const workers: Actor[] = [org.worker];
    for (let index = 1; index < 12; index += 1) {
      workers.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']));
    }
    const { version, items } = await giveStandard(org.admin, 'ASTH325', workers);
    for (const [index, worker] of workers.entries()) await createEvidence(worker, [items[index]!], { submitted: index % 2 === 0 });
    queryCounter.count = 0;
    await itemStates([org.worker.id], [version.id]);
    const forOne = queryCounter.count;
    queryCounter.count = 0;
    const states = await itemStates(workers.map((worker) => worker.id), [version.id]);
    expect(queryCounter.count).to.equal(forOne).and.to.equal(1);
    for (const [index, worker] of workers.entries()) {
      const mine = states.get(worker.id)!;
      expect(mine.size).to.equal(items.length);
      expect([...mine].filter(([, entry]) => entry.state !== 'none')).to.deep.equal([
        [items[index]!.id, { state: index % 2 === 0 ? 'submitted' : 'mapped', evidenceCount: 1, submittedCount: index % 2 === 0 ? 1 : 0, decisionId: null }],
      ]);
    }
  });
});
