// One task, as every queue runs it (docs/decisions/035): start the item, print it, keep its PDF or record why not, and
// assemble the batch when this was the last of it. A task that throws is tried again by its queue after a wait.
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { safeFileName } from '#app/utils/file-store.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { assembleBatch } from './assemble-batch.server.ts';
import { batchFileStore } from './batch-files.server.ts';
import { finishItem, recordFailure, startItem } from './steps.server.ts';
import { PermanentFailure, type Attempt, type PortfolioProcessor, type PortfolioTask } from './types.ts';

/** What the requester reads beside the person's name: a reason, never a stack trace (the log has the details). */
export function describeFailure(error: unknown): string {
  if (error instanceof PermanentFailure) return error.message;
  if (error instanceof NotFound || error instanceof Forbidden) return 'You may no longer print this person’s portfolio';
  if (error instanceof Error && error.name === 'TimeoutError') return 'Printing it took too long';
  return 'Something went wrong while printing it';
}

function isPermanent(error: unknown): boolean {
  return error instanceof PermanentFailure || error instanceof NotFound || error instanceof Forbidden;
}

/**
 * Runs the task. A failed print is recorded: with tries left this throws, so that the queue tries again after its wait;
 * on the last try, or when no retry can help, the item is failed and the batch goes on without it.
 */
export async function runPortfolioTask(task: PortfolioTask, processor: PortfolioProcessor, attempt: Attempt): Promise<void> {
  if (task.kind === 'portfolio' && (await startItem(task.itemId))) {
    let printed: Awaited<ReturnType<PortfolioProcessor>> | undefined;
    try {
      printed = await processor(task.job);
    } catch (error) {
      const final = attempt.final || isPermanent(error);
      logger[final ? 'warn' : 'info']({ err: error, batchId: task.batchId, itemId: task.itemId, attempt: attempt.number, final }, 'portfolio in a batch failed');
      await recordFailure(task.itemId, describeFailure(error), { final });
      if (!final) throw error;
    }
    if (printed) {
      const store = batchFileStore();
      const storedName = await store.write(printed.bytes, 'pdf');
      // The name goes into a ZIP: no folders, nothing a file system refuses.
      const fileName = safeFileName(printed.fileName, 'pdf');
      if (!(await finishItem(task.itemId, { storedName, fileName }))) await store.remove(storedName);
    }
  }
  await assembleBatch(task.batchId);
}
