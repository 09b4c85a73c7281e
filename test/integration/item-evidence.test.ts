// The set-based read of competence on the real database: one statement for one worker or many, counts, the
// latest evidence per item, drafts against submitted evidence, and only current revisions.
import { expect } from 'chai';
import { heldStandardsOf } from '#app/domain/evidence/internal/held-items.server.ts';
import { foldCarriedItems, itemEvidenceOf, LATEST_EVIDENCE_SHOWN } from '#app/domain/evidence/internal/item-evidence.server.ts';
import { recordEvidence, updateEvidence, type EvidenceInput } from '#app/domain/evidence.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { actorFor, createPerson, createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';

function evidence(links: number[], activityDate: string): EvidenceInput {
  return {
    type: 'reflective_account',
    title: `Evidence of ${activityDate}`,
    activityDate,
    description: 'What I did and what I learned.',
    links: links.map((itemId) => ({ itemId, note: 'Shows the item.' })),
  };
}

async function setUp(workerCount: number) {
  const org = await createStaffedOrganisation();
  const workers: Actor[] = [org.worker];
  for (let index = 1; index < workerCount; index += 1) {
    workers.push(actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']));
  }
  const { items } = await giveStandard(org.admin, 'ASTH325', workers);
  return { ...org, workers, items };
}

describe('item evidence (the read layer)', () => {
  it('counts every piece, lists the latest first, and tells drafts from submitted evidence', async () => {
    const { workers, items } = await setUp(1);
    const worker = workers[0]!;
    const [p1, p2] = [items[0]!.id, items[1]!.id];
    // Seven pieces on P1, submitted, dated a day apart; one draft on P2.
    for (let day = 1; day <= 7; day += 1) {
      await recordEvidence(contextFor(worker), evidence([p1], `2026-10-0${day}`), [], { submissionToken: unique('token'), submit: true });
    }
    await recordEvidence(contextFor(worker), evidence([p2], '2026-10-08'), [], { submissionToken: unique('token'), submit: false });

    const mapped = (await itemEvidenceOf([worker.id])).get(worker.id)!;
    expect(mapped.get(p1)).to.include({ evidenceCount: 7, submittedCount: 7 });
    expect(mapped.get(p1)!.latest.map((ref) => ref.activityDate)).to.deep.equal(['2026-10-07', '2026-10-06', '2026-10-05', '2026-10-04', '2026-10-03']);
    expect(mapped.get(p1)!.latest).to.have.length(LATEST_EVIDENCE_SHOWN);
    expect(mapped.get(p2)).to.include({ evidenceCount: 1, submittedCount: 0 });
    expect(mapped.has(items[2]!.id)).to.equal(false);
  });

  it('counts only the current revision of a piece of evidence', async () => {
    const { workers, items } = await setUp(1);
    const worker = workers[0]!;
    const id = await recordEvidence(contextFor(worker), evidence([items[0]!.id], '2026-10-01'), [], { submissionToken: unique('token'), submit: true });
    // A submitted piece changed gets revision 2, now mapped to P3 instead of P1.
    await updateEvidence(contextFor(worker), id, evidence([items[2]!.id], '2026-10-01'), [], []);
    const mapped = (await itemEvidenceOf([worker.id])).get(worker.id)!;
    expect(mapped.has(items[0]!.id)).to.equal(false);
    expect(mapped.get(items[2]!.id)).to.include({ evidenceCount: 1 });
  });

  it('reads 1 or 12 workers in the same number of queries, each worker seeing only their own evidence', async () => {
    const { workers, items } = await setUp(12);
    for (const [index, worker] of workers.entries()) {
      await recordEvidence(contextFor(worker), evidence([items[index % items.length]!.id], '2026-10-01'), [], { submissionToken: unique('token'), submit: true });
    }
    queryCounter.count = 0;
    await Promise.all([heldStandardsOf([workers[0]!.id]), itemEvidenceOf([workers[0]!.id])]);
    const forOne = queryCounter.count;
    queryCounter.count = 0;
    const ids = workers.map((worker) => worker.id);
    const [held, mapped] = await Promise.all([heldStandardsOf(ids), itemEvidenceOf(ids)]);
    expect(queryCounter.count).to.equal(forOne);
    for (const [index, worker] of workers.entries()) {
      expect(held.get(worker.id)!.map((standard) => standard.urn)).to.deep.equal(['ASTH325']);
      expect([...mapped.get(worker.id)!.keys()]).to.deep.equal([items[index % items.length]!.id]);
    }
  });

  it('folds evidence of an earlier version of an item into the item it became', () => {
    const ref = (id: number, activityDate: string) => ({ id, title: `E${id}`, status: 'submitted', activityDate });
    const folded = foldCarriedItems(
      new Map([
        [10, { evidenceCount: 1, submittedCount: 1, latest: [ref(1, '2026-01-01')] }],
        [20, { evidenceCount: 2, submittedCount: 0, latest: [ref(3, '2026-03-01'), ref(2, '2025-12-01')] }],
      ]),
      new Map([[10, 20]]),
    );
    expect([...folded.keys()]).to.deep.equal([20]);
    expect(folded.get(20)).to.include({ evidenceCount: 3, submittedCount: 1 });
    expect(folded.get(20)!.latest.map((item) => item.id)).to.deep.equal([3, 1, 2]);
  });
});
