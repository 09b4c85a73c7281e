// A team batch's files are kept a week: then the ZIP (and any worker's PDF left behind) is removed, the batch page says
// so, and the download is not found; a younger batch keeps its file. Run twice, the second run finds nothing to do.
import { existsSync } from 'node:fs';
import { expect } from 'chai';
import { BATCH_FILES_KEPT_DAYS, removeExpiredBatchFiles } from '#app/domain/portfolio/batch-retention.server.ts';
import { openPortfolioBatchFile, portfolioBatchProgress, requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { batchFileStore } from '#app/domain/portfolio/queue/batch-files.server.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PortfolioBatch, PortfolioBatchItem } from '#db/models/index.ts';
import { fakeProcessor, installQueue, teamOf } from '#test/support/portfolio-batches.ts';
import { expectRejection } from '#test/support/rejections.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

async function madeBatch() {
  const org = await teamOf(0);
  const queue = installQueue(fakeProcessor());
  const { batchId } = await requestPortfolioBatch(contextFor(org.manager, { ipAddress: 'ip' }), { scope: `team:${org.team.id}`, output: 'zip' });
  await queue.idle();
  const batch = (await PortfolioBatch.findByPk(batchId))!;
  expect(batch.status).to.equal('done');
  return { org, batch };
}

describe('team portfolio files kept a week', () => {
  it('removes the file of a batch finished more than a week ago, with a worker’s PDF left behind, and keeps a younger one', async () => {
    const old = await madeBatch();
    const young = await madeBatch();
    const now = new Date();
    await old.batch.update({ finishedAt: new Date(now.getTime() - (BATCH_FILES_KEPT_DAYS * DAY_MS + 60_000)) });
    await young.batch.update({ finishedAt: new Date(now.getTime() - (BATCH_FILES_KEPT_DAYS * DAY_MS - 60_000)) });
    // A worker's PDF a batch stopped half way left behind.
    const leftOver = await batchFileStore().write(Buffer.from('%PDF-1.7 left behind'), 'pdf');
    await PortfolioBatchItem.update({ resultStoredName: leftOver }, { where: { batchId: old.batch.id } });
    const oldPath = batchFileStore().path(old.batch.resultStoredName!);
    const youngPath = batchFileStore().path(young.batch.resultStoredName!);
    expect(existsSync(oldPath) && existsSync(youngPath) && existsSync(batchFileStore().path(leftOver))).to.equal(true);

    const removed = await removeExpiredBatchFiles(now);
    expect(removed.files).to.be.at.least(2);
    expect(existsSync(oldPath), 'the old ZIP').to.equal(false);
    expect(existsSync(batchFileStore().path(leftOver)), 'the PDF left behind').to.equal(false);
    expect(existsSync(youngPath), 'the younger ZIP').to.equal(true);
    expect((await PortfolioBatch.findByPk(old.batch.id))!.resultStoredName).to.equal(null);
    expect(await PortfolioBatchItem.count({ where: { batchId: old.batch.id, resultStoredName: leftOver } })).to.equal(0);

    const progress = await portfolioBatchProgress(old.org.manager, old.batch.id);
    expect(progress.file).to.equal(null);
    expect(progress.can.download).to.equal(false);
    expect(progress.fileRemovedAt).to.be.a('string');
    await expectRejection(openPortfolioBatchFile(contextFor(old.org.manager, { ipAddress: 'ip' }), old.batch.id), NotFound);
    const youngProgress = await portfolioBatchProgress(young.org.manager, young.batch.id);
    expect(youngProgress.can.download).to.equal(true);
    expect(new Date(youngProgress.file!.keptUntil!).getTime()).to.be.greaterThan(now.getTime());

    expect((await removeExpiredBatchFiles(now)).files, 'nothing left to remove').to.equal(0);
  });
});
