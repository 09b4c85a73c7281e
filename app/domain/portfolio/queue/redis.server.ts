// The queue on Redis with BullMQ (docs/decisions/035), when REDIS_URL is set: the web processes add jobs, and the
// workers (`npm run worker`, on this machine or others) take them, so every instance shares the work. Each job is
// tried PORTFOLIO_ATTEMPTS times with a growing wait. A worker holds a lock on the job it runs and renews it while it
// works; if it dies, the lock lapses, another worker's stalled-job check puts the job back, and the next worker picks it
// up (a job given up on after repeated stalls is reported failed). Job ids are the item's, so a job is never held twice.
import { Queue, Worker, type Job } from 'bullmq';
import { logger } from '#app/utils/logger.server.ts';
// As many at once as the pooled browser prints (more would only wait their turn there).
import { PRINT_CONCURRENCY } from '../browser.server.ts';
import { assembleBatch } from './assemble-batch.server.ts';
import { runPortfolioTask } from './run-task.server.ts';
import { recordFailure, unfinishedTasks } from './steps.server.ts';
import { PORTFOLIO_ATTEMPTS, RETRY_BACKOFF_MS, type PortfolioProcessor, type PortfolioQueue, type PortfolioTask } from './types.ts';

export const QUEUE_NAME = 'portfolios';

/** How long a worker's lock on a job lasts unless renewed; also how often workers look for jobs whose worker died. */
export const DEFAULT_LOCK_MS = 30_000;
/** A job whose worker died this many times is given up on (a portfolio that kills its worker must not kill them all). */
export const MAX_STALLS = 2;

export type RedisQueueOptions = { url: string; prefix: string };

function jobIdOf(task: PortfolioTask): string {
  return task.kind === 'portfolio' ? `item-${task.itemId}` : `assemble-${task.batchId}`;
}

function jobOptions(task: PortfolioTask) {
  return {
    jobId: jobIdOf(task),
    attempts: task.kind === 'portfolio' ? PORTFOLIO_ATTEMPTS : 1,
    backoff: { type: 'exponential' as const, delay: RETRY_BACKOFF_MS },
    // The database keeps each item's outcome; finished jobs need not stay in Redis, and a job id can be used again.
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** The web process's side: adds jobs and removes the waiting ones of a cancelled batch. */
export function createRedisQueue(options: RedisQueueOptions): PortfolioQueue {
  // A request waits a few seconds at most for an unreachable Redis, then the batch is reported failed.
  const queue = new Queue<PortfolioTask>(QUEUE_NAME, {
    connection: { url: options.url, maxRetriesPerRequest: 2, connectTimeout: 5_000 },
    prefix: options.prefix,
  });
  queue.on('error', (error) => logger.error({ err: error }, 'portfolio queue connection'));
  const redisQueue = {
    kind: 'redis' as const,
    async enqueue(tasks: PortfolioTask[]) {
      if (!tasks.length) return;
      await queue.addBulk(tasks.map((task) => ({ name: task.kind, data: task, opts: jobOptions(task) })));
    },
    async drop(itemIds: number[]) {
      // A job a worker holds is locked and stays; it finishes and its PDF is discarded.
      await Promise.all(itemIds.map((id) => queue.remove(`item-${id}`).catch(() => 0)));
    },
    // Jobs Redis already holds keep their ids, so adding them again changes nothing.
    async resume() {
      await redisQueue.enqueue(await unfinishedTasks());
    },
    async close() {
      await queue.close();
    },
  };
  return redisQueue;
}

export type RedisWorkerOptions = RedisQueueOptions & { processor: PortfolioProcessor; concurrency?: number; lockMs?: number };

/**
 * A worker process's side: takes jobs, PRINT_CONCURRENCY at a time by default, and first adds any unfinished work the
 * database holds but Redis lost (a flushed Redis, or a request whose jobs never arrived).
 */
export async function startRedisWorker(options: RedisWorkerOptions): Promise<{ worker: Worker<PortfolioTask>; close(): Promise<void> }> {
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  const worker = new Worker<PortfolioTask>(
    QUEUE_NAME,
    async (job: Job<PortfolioTask>) => {
      const number = job.attemptsMade + 1;
      await runPortfolioTask(job.data, options.processor, { number, final: number >= (job.opts.attempts ?? 1) });
    },
    {
      connection: { url: options.url },
      prefix: options.prefix,
      concurrency: options.concurrency ?? PRINT_CONCURRENCY,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: MAX_STALLS,
      autorun: false,
    },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'portfolio worker connection'));
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'portfolio job taken up again: its worker stopped'));
  // A job failed for good outside its processor (given up after stalling): the item is reported failed, the batch goes on.
  worker.on('failed', (job, error) => {
    if (!job?.finishedOn) return;
    const task = job.data;
    void (async () => {
      if (task.kind === 'portfolio') {
        const message = /stalled/.test(error.message) ? 'It stopped the printing worker each time it was tried' : 'Something went wrong while printing it';
        await recordFailure(task.itemId, message, { final: true, fromWaiting: true });
      }
      await assembleBatch(task.batchId);
    })().catch((failure: unknown) => logger.error({ err: failure, jobId: job.id }, 'recording a failed portfolio job'));
  });
  const producer = createRedisQueue(options);
  await producer.resume();
  void worker.run();
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      await worker.close();
      await producer.close();
    },
  };
}
