// The assessor's queue on the real database: what waits (and stops waiting), for whom, in which order, filtered and
// paged, in the same number of statements at 10 pieces of evidence as at 200.
import { expect } from 'chai';
import { assessmentQueue, QUEUE_PAGE_SIZE, queueSummary } from '#app/domain/assessment/queue.server.ts';
import { updateEvidence } from '#app/domain/evidence.server.ts';
import { attentionFor } from '#app/domain/home.server.ts';
import { Forbidden } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { Evidence, EvidenceRevision } from '#db/models/index.ts';
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
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';
import { insertEvidence } from '../../bench/support/evidence-data.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** Moves the current revision's submission back, as if it had been submitted `days` days before `now`. */
async function submittedDaysAgo(evidenceId: number, days: number, now = NOW) {
  const evidence = (await Evidence.findByPk(evidenceId))!;
  await EvidenceRevision.update({ submittedAt: new Date(now.getTime() - days * DAY) }, { where: { id: evidence.currentRevisionId! } });
}

async function staffedWithQueue() {
  const org = await createStaffedOrganisation();
  const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']);
  const assessor = await createAssessor(org.admin, [org.worker, colleague]);
  const care = await giveStandard(org.admin, 'ASTH325', [org.worker, colleague]);
  const contact = await giveStandard(org.admin, 'HSC3331', [org.worker, colleague]);
  return { ...org, colleague, assessor, care, contact };
}

describe('assessment queue', function () {
  this.timeout(120_000);

  it('lists submitted evidence of the assessed workers, oldest first, until every mapped item has a decision on its current revision', async () => {
    const org = await staffedWithQueue();
    const [p1, p2] = org.care.items;
    const older = await createEvidence(org.worker, [p1!, p2!], { submitted: true, title: 'Care plan review' });
    const newer = await createEvidence(org.colleague, [p1!], { submitted: true, title: 'Handover', type: 'observation' });
    await createEvidence(org.worker, [p1!], { submitted: false, title: 'Still a draft' });
    await submittedDaysAgo(older, 12);
    await submittedDaysAgo(newer, 3);
    // Someone the assessor does not assess, in the same organisation, and another organisation's assessor.
    const stranger = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']);
    await giveStandard(org.admin, 'ASTH325', [stranger]);
    await createEvidence(stranger, [p1!], { submitted: true, title: 'Not theirs to assess' });
    const other = await createStaffedOrganisation();
    const otherAssessor = await createAssessor(other.admin, [other.worker]);

    const queue = await assessmentQueue(org.assessor, {}, 1, NOW);
    expect(queue.rows.map(({ title, workerName, type, ageDays, waiting, mapped, revisionNumber }) => ({ title, workerName, type, ageDays, waiting, mapped, revisionNumber }))).to.deep.equal([
      { title: 'Care plan review', workerName: org.worker.name, type: 'reflective_account', ageDays: 12, waiting: 2, mapped: 2, revisionNumber: 1 },
      { title: 'Handover', workerName: org.colleague.name, type: 'observation', ageDays: 3, waiting: 1, mapped: 1, revisionNumber: 1 },
    ]);
    expect(queue.rows[0]!.evidenceId).to.equal(older);
    expect({ total: queue.total, oldestDays: queue.oldestDays, page: queue.page, pageCount: queue.pageCount }).to.deep.equal({ total: 2, oldestDays: 12, page: 1, pageCount: 1 });
    expect(queue.options.workers.map((worker) => worker.label).sort()).to.deep.equal([org.worker.name, org.colleague.name].sort());
    expect(queue.options.standards.map((standard) => standard.label.split(' ')[0])).to.deep.equal(['ASTH325', 'HSC3331']);
    expect((await assessmentQueue(otherAssessor, {}, 1, NOW)).total).to.equal(0);

    // One item judged: still waiting for the other; both judged: gone.
    await judge(org.assessor, org.worker.id, [older], [judgement(p1!.id, 'met')]);
    expect((await assessmentQueue(org.assessor, {}, 1, NOW)).rows[0]).to.include({ evidenceId: older, waiting: 1, mapped: 2 });
    await judge(org.assessor, org.worker.id, [older], [judgement(p2!.id, 'not_yet_met')]);
    expect((await assessmentQueue(org.assessor, {}, 1, NOW)).rows.map((row) => row.evidenceId)).to.deep.equal([newer]);

    // The worker revises it after the feedback: the decisions rest on revision 1, so revision 2 waits for both items.
    await updateEvidence(contextFor(org.worker), older, evidenceInput([p1!.id, p2!.id], { title: 'Care plan review, with the change recorded' }), [], []);
    const revised = (await assessmentQueue(org.assessor, {}, 1, NOW)).rows.find((row) => row.evidenceId === older)!;
    expect(revised).to.include({ revisionNumber: 2, waiting: 2, mapped: 2, ageDays: 0, title: 'Care plan review, with the change recorded' });
    expect(await queueSummary(org.assessor, NOW)).to.deep.equal({ waiting: 2, oldestDays: 3 });
  });

  it('filters by worker, standard, age and type of evidence', async () => {
    const org = await staffedWithQueue();
    const care = org.care.items[0]!;
    const contact = org.contact.items[0]!;
    const a = await createEvidence(org.worker, [care], { submitted: true, title: 'A', type: 'observation' });
    const b = await createEvidence(org.worker, [contact], { submitted: true, title: 'B' });
    const c = await createEvidence(org.colleague, [care, contact], { submitted: true, title: 'C' });
    await submittedDaysAgo(a, 30);
    await submittedDaysAgo(b, 10);
    await submittedDaysAgo(c, 8);
    const titles = async (filters: Parameters<typeof assessmentQueue>[1]) => (await assessmentQueue(org.assessor, filters, 1, NOW)).rows.map((row) => row.title);

    expect(await titles({})).to.deep.equal(['A', 'B', 'C']);
    expect(await titles({ workerId: org.colleague.id })).to.deep.equal(['C']);
    expect(await titles({ standardId: org.contact.version.standardId })).to.deep.equal(['B', 'C']);
    expect(await titles({ olderThanDays: 7 })).to.deep.equal(['A', 'B', 'C']);
    expect(await titles({ olderThanDays: 14 })).to.deep.equal(['A']);
    expect(await titles({ olderThanDays: 28 })).to.deep.equal(['A']);
    expect(await titles({ type: 'observation' })).to.deep.equal(['A']);
    expect(await titles({ type: 'reflective_account', olderThanDays: 7, standardId: org.care.version.standardId })).to.deep.equal(['C']);
    // A worker the assessor does not assess shows nothing, rather than their evidence.
    expect(await titles({ workerId: org.supervisor.id })).to.deep.equal([]);

    // The standard filter looks at the items still waiting: C's care item judged, C still waits for contact only.
    await judge(org.assessor, org.colleague.id, [c], [judgement(care.id, 'met')]);
    expect(await titles({ standardId: org.care.version.standardId })).to.deep.equal(['A']);
    expect(await titles({ standardId: org.contact.version.standardId })).to.deep.equal(['B', 'C']);
  });

  it('pages 200 pieces in order with the same number of statements as 10', async () => {
    const org = await staffedWithQueue();
    const itemsByStandard = [org.care.items, org.contact.items].map((items) => items.map((item) => ({ id: item.id, standardVersionId: item.standardVersionId })));
    await insertEvidence(org.worker, itemsByStandard, 0, 10, 3);
    const statements = async (page: number) => {
      queryCounter.count = 0;
      const queue = await assessmentQueue(org.assessor, { standardId: org.care.version.standardId }, page, NOW);
      return { count: queryCounter.count, queue };
    };
    const atTen = await statements(1);
    expect(atTen.queue.total).to.equal(10);

    await insertEvidence(org.worker, itemsByStandard, 10, 200, 3);
    const atTwoHundred = await statements(1);
    expect(atTwoHundred.queue.total).to.equal(200);
    expect(atTwoHundred.count).to.equal(atTen.count);
    expect(atTwoHundred.count).to.equal(4);

    const pages = [];
    for (let page = 1; page <= 8; page += 1) pages.push((await assessmentQueue(org.assessor, {}, page, NOW)).rows);
    expect(pages.map((rows) => rows.length)).to.deep.equal([25, 25, 25, 25, 25, 25, 25, 25]);
    const ids = pages.flat().map((row) => row.evidenceId);
    expect(new Set(ids).size).to.equal(200);
    const order = pages.flat().map((row) => `${row.submittedAt} ${String(row.evidenceId).padStart(8, '0')}`);
    expect(order).to.deep.equal([...order].sort());
    const beyond = await assessmentQueue(org.assessor, {}, 99, NOW);
    expect({ page: beyond.page, pageCount: beyond.pageCount, first: beyond.rows[0]!.evidenceId }).to.deep.equal({ page: 8, pageCount: 8, first: pages[7]![0]!.evidenceId });
    expect(QUEUE_PAGE_SIZE).to.equal(25);
  });

  it('is the assessor’s alone, and the home page counts what the queue lists', async () => {
    const org = await staffedWithQueue();
    const item = org.care.items[0]!;
    const first = await createEvidence(org.worker, [item], { submitted: true });
    await createEvidence(org.colleague, [item], { submitted: true });
    await submittedDaysAgo(first, 12, new Date());
    for (const actor of [org.worker, org.supervisor, org.manager, org.admin]) {
      await expectRejection(assessmentQueue(actor, {}), Forbidden);
      await expectRejection(queueSummary(actor), Forbidden);
    }
    const section = (await attentionFor(org.assessor)).find((entry) => entry.role === 'assessor')!;
    expect(section.items[0]).to.deep.include({ count: 2, text: '2 pieces of evidence waiting, the oldest 12 days', href: '/assessment' });

    const idle = await createAssessor(org.admin, []);
    const empty = (await attentionFor(idle)).find((entry) => entry.role === 'assessor')!;
    expect(empty.items[0]).to.deep.include({ count: 0, href: '/assessment' });
  });
});
