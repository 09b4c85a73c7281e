// The queue's steps on the database (docs/decisions/035): start an item, keep its PDF or record its failure, and say
// when a batch has nothing left to make. The database is the truth of a batch and the queue only carries work, so a
// step run twice (a job picked up again after its worker died) finds the item as the first run left it and does no
// harm. Each step locks the batch row first, then the item's, so steps of one batch take turns and never deadlock.
// No checks: the request that made the batch was checked (../batches.server.ts), and each print checks the requester.
import { Op, type Transaction } from 'sequelize';
import { PortfolioBatch, PortfolioBatchItem, sequelize } from '#db/models/index.ts';
import { BATCH_ITEM_WORKFLOW, BATCH_WORKFLOW } from '../../workflows/portfolio-batch.server.ts';
import { isAllowed, statusesAllowing } from '../../workflows/workflow.server.ts';
import { locked } from '../../write.server.ts';
import { BATCH_ITEM_STATUS, BATCH_STATUS, isFinished } from '../batch-statuses.ts';
import type { PortfolioTask } from './types.ts';

const UNFINISHED_ITEM = [BATCH_ITEM_STATUS.queued, BATCH_ITEM_STATUS.running];
const UNFINISHED_BATCH = [BATCH_STATUS.queued, BATCH_STATUS.running];

async function lockedItem(itemId: number, transaction: Transaction) {
  const found = await PortfolioBatchItem.findByPk(itemId, { attributes: ['batchId'], transaction });
  if (!found) return null;
  const batch = await PortfolioBatch.findByPk(found.batchId, locked(transaction));
  const item = await PortfolioBatchItem.findByPk(itemId, locked(transaction));
  return batch && item ? { batch, item } : null;
}

/**
 * Marks the item running (one more attempt) and its batch too; false when there is nothing to make: the item is
 * finished, or its batch was cancelled or has ended. An item found running was left by a worker that died, and starts again.
 */
export async function startItem(itemId: number, now = new Date()): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const found = await lockedItem(itemId, transaction);
    if (!found || isFinished(found.batch.status) || !isAllowed(BATCH_ITEM_WORKFLOW, found.item.status, 'start')) return false;
    const { batch, item } = found;
    await item.update({ status: BATCH_ITEM_STATUS.running, attempts: item.attempts + 1, startedAt: now, finishedAt: null }, { transaction });
    if (batch.status === BATCH_STATUS.queued) await batch.update({ status: BATCH_STATUS.running, startedAt: now }, { transaction });
    return true;
  });
}

/**
 * Keeps the PDF the item's job made: the item is done and counted. False when it is not to be kept, and the caller
 * removes the file: the batch was cancelled while it printed (the item is then cancelled), or another run of the same
 * job got there first.
 */
export async function finishItem(itemId: number, result: { storedName: string; fileName: string }, now = new Date()): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const found = await lockedItem(itemId, transaction);
    if (!found || found.item.status !== BATCH_ITEM_STATUS.running) return false;
    const { batch, item } = found;
    if (isFinished(batch.status)) {
      await item.update({ status: BATCH_ITEM_STATUS.cancelled, finishedAt: now }, { transaction });
      return false;
    }
    await item.update(
      { status: BATCH_ITEM_STATUS.done, resultStoredName: result.storedName, resultFileName: result.fileName, errorMessage: null, finishedAt: now },
      { transaction },
    );
    await batch.increment('doneCount', { by: 1, transaction });
    return true;
  });
}

/**
 * Records why the item's attempt failed. With tries left it waits again for its retry, the message saying what went
 * wrong; on the last it is failed and counted, and the batch goes on without it. An item already finished is left
 * alone; `fromWaiting` also fails an item that never started (the queue gave up on it before it could run).
 */
export async function recordFailure(itemId: number, message: string, options: { final: boolean; fromWaiting?: boolean }, now = new Date()): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    const found = await lockedItem(itemId, transaction);
    if (!found) return;
    const { batch, item } = found;
    const unstarted = item.status === BATCH_ITEM_STATUS.queued && options.fromWaiting;
    if (item.status !== BATCH_ITEM_STATUS.running && !unstarted) return;
    const errorMessage = message.slice(0, 500);
    if (isFinished(batch.status)) {
      await item.update({ status: BATCH_ITEM_STATUS.cancelled, errorMessage, finishedAt: now }, { transaction });
    } else if (options.final || unstarted) {
      await item.update({ status: BATCH_ITEM_STATUS.failed, errorMessage, finishedAt: now }, { transaction });
      await batch.increment('failedCount', { by: 1, transaction });
    } else {
      await item.update({ status: BATCH_ITEM_STATUS.queued, errorMessage }, { transaction });
    }
  });
}

/** Whether the batch is still open with every item finished: time to assemble it (or fail it, if nothing was made). */
export async function readyToAssemble(batchId: number): Promise<boolean> {
  const batch = await PortfolioBatch.findByPk(batchId, { attributes: ['status'] });
  if (!batch || isFinished(batch.status)) return false;
  const left = await PortfolioBatchItem.count({ where: { batchId, status: { [Op.in]: UNFINISHED_ITEM } } });
  return left === 0;
}

/**
 * Ends an open batch as made, with its file, or as failed with the reason; false when it had already ended (another
 * run assembled it first, or it was cancelled meanwhile), so the caller removes the file it made. Done items give up
 * their own PDFs, which the caller then removes: the batch's file holds them.
 */
export async function endBatch(
  batchId: number,
  outcome: { made: { storedName: string; fileName: string; byteSize: number } } | { failed: string },
  now = new Date(),
): Promise<{ ended: boolean; releasedFiles: string[] }> {
  return sequelize.transaction(async (transaction) => {
    const batch = await PortfolioBatch.findByPk(batchId, locked(transaction));
    const action = 'made' in outcome ? 'complete' : 'fail';
    if (!batch || !isAllowed(BATCH_WORKFLOW, batch.status, action)) return { ended: false, releasedFiles: [] };
    const items = await PortfolioBatchItem.findAll({
      where: { batchId, resultStoredName: { [Op.ne]: null } },
      attributes: ['id', 'resultStoredName'],
      transaction,
    });
    await PortfolioBatchItem.update({ resultStoredName: null }, { where: { batchId }, transaction });
    await batch.update(
      'made' in outcome
        ? {
            status: BATCH_STATUS.done,
            resultStoredName: outcome.made.storedName,
            resultFileName: outcome.made.fileName,
            resultByteSize: outcome.made.byteSize,
            finishedAt: now,
          }
        : { status: BATCH_STATUS.failed, errorMessage: outcome.failed.slice(0, 500), finishedAt: now },
      { transaction },
    );
    return { ended: true, releasedFiles: items.map((item) => item.resultStoredName!) };
  });
}

/**
 * Cancels the batch and every item still waiting, in one transaction; the running ones finish and are discarded. The
 * ids of the dropped items (for the queue) and the PDFs no longer needed (for the caller to remove) come back.
 */
export async function cancelBatchItems(batch: PortfolioBatch, transaction: Transaction, now: Date): Promise<{ droppedItemIds: number[]; releasedFiles: string[] }> {
  const waiting = await PortfolioBatchItem.findAll({
    where: { batchId: batch.id, status: { [Op.in]: statusesAllowing(BATCH_ITEM_WORKFLOW, 'cancel') } },
    attributes: ['id'],
    transaction,
  });
  const kept = await PortfolioBatchItem.findAll({ where: { batchId: batch.id, resultStoredName: { [Op.ne]: null } }, attributes: ['resultStoredName'], transaction });
  if (waiting.length) {
    await PortfolioBatchItem.update(
      { status: BATCH_ITEM_STATUS.cancelled, finishedAt: now },
      { where: { id: { [Op.in]: waiting.map((item) => item.id) } }, transaction },
    );
  }
  await PortfolioBatchItem.update({ resultStoredName: null }, { where: { batchId: batch.id }, transaction });
  await batch.update({ status: BATCH_STATUS.cancelled, finishedAt: now }, { transaction });
  return { droppedItemIds: waiting.map((item) => item.id), releasedFiles: kept.map((item) => item.resultStoredName!) };
}

/** Fails a batch whose work never reached the queue, and its items with it. */
export async function failUnqueuedBatch(batchId: number, message: string, now = new Date()): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    const batch = await PortfolioBatch.findByPk(batchId, locked(transaction));
    if (!batch || batch.status !== BATCH_STATUS.queued) return;
    const failed = await PortfolioBatchItem.update(
      { status: BATCH_ITEM_STATUS.failed, errorMessage: 'Not started', finishedAt: now },
      { where: { batchId, status: BATCH_ITEM_STATUS.queued }, transaction },
    );
    await batch.update({ status: BATCH_STATUS.failed, errorMessage: message.slice(0, 500), failedCount: batch.failedCount + failed[0], finishedAt: now }, { transaction });
  });
}

/**
 * Every task still to do, for a queue starting up: each unfinished item of an open batch, and an assembly for each open
 * batch with nothing left to make. Queues ignore a task they already hold; a task done twice is harmless.
 */
export async function unfinishedTasks(): Promise<PortfolioTask[]> {
  const batches = await PortfolioBatch.findAll({
    where: { status: { [Op.in]: UNFINISHED_BATCH } },
    attributes: ['id', 'organisationId', 'requestedById'],
    order: [['id', 'ASC']],
  });
  if (!batches.length) return [];
  const items = await PortfolioBatchItem.findAll({
    where: { batchId: { [Op.in]: batches.map((batch) => batch.id) }, status: { [Op.in]: UNFINISHED_ITEM } },
    attributes: ['id', 'batchId', 'workerId'],
    order: [['id', 'ASC']],
  });
  return batches.flatMap((batch): PortfolioTask[] => {
    const own = items.filter((item) => item.batchId === batch.id);
    if (!own.length) return [{ kind: 'assemble', batchId: batch.id }];
    return own.map((item) => ({
      kind: 'portfolio',
      batchId: batch.id,
      itemId: item.id,
      job: { organisationId: batch.organisationId, requestedById: batch.requestedById, workerId: item.workerId },
    }));
  });
}
