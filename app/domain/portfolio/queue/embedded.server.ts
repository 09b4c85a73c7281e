// The embedded queue (docs/decisions/035): in the web process, nothing to install. A few tasks run at once, in the order
// they came; a failed one waits and is tried again; a cancelled batch's waiting tasks are dropped. Work is held in
// memory only, so when the process starts it takes up what the database says is unfinished (resume). One web process
// per database: with several instances, use Redis (redis.server.ts).
import { logger } from '#app/utils/logger.server.ts';
// As many at once as the pooled browser prints (more would only wait their turn there).
import { PRINT_CONCURRENCY } from '../browser.server.ts';
import { runPortfolioTask } from './run-task.server.ts';
import { unfinishedTasks } from './steps.server.ts';
import { PORTFOLIO_ATTEMPTS, RETRY_BACKOFF_MS, type PortfolioProcessor, type PortfolioQueue, type PortfolioTask } from './types.ts';

type Entry = { key: string; task: PortfolioTask; failures: number };

export type EmbeddedQueue = PortfolioQueue & {
  /** Settles once nothing is waiting, running or due for a retry (tests and the bench wait on it). */
  idle(): Promise<void>;
};

export type EmbeddedQueueOptions = {
  processor: PortfolioProcessor;
  concurrency?: number;
  attempts?: number;
  backoffMs?: number;
};

function keyOf(task: PortfolioTask): string {
  return task.kind === 'portfolio' ? `item-${task.itemId}` : `assemble-${task.batchId}`;
}

export function createEmbeddedQueue(options: EmbeddedQueueOptions): EmbeddedQueue {
  const { processor, concurrency = PRINT_CONCURRENCY, attempts = PORTFOLIO_ATTEMPTS, backoffMs = RETRY_BACKOFF_MS } = options;
  const waiting: Entry[] = [];
  const retries = new Map<string, { entry: Entry; timer: NodeJS.Timeout }>();
  // Every task the queue holds, waiting, running or due for a retry: the same task is never held twice.
  const held = new Set<string>();
  const running = new Set<Promise<void>>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  function settleIfIdle() {
    if (held.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump() {
    while (!closed && running.size < concurrency && waiting.length) {
      const entry = waiting.shift()!;
      const work = run(entry);
      running.add(work);
      void work.finally(() => {
        running.delete(work);
        pump();
        settleIfIdle();
      });
    }
  }

  async function run(entry: Entry): Promise<void> {
    const number = entry.failures + 1;
    try {
      await runPortfolioTask(entry.task, processor, { number, final: number >= attempts });
      held.delete(entry.key);
    } catch (error) {
      entry.failures = number;
      if (number >= attempts || closed) {
        logger.error({ err: error, task: entry.key }, 'portfolio task gave up');
        held.delete(entry.key);
        return;
      }
      const timer = setTimeout(() => {
        retries.delete(entry.key);
        waiting.push(entry);
        pump();
      }, backoffMs * 2 ** (number - 1));
      timer.unref();
      retries.set(entry.key, { entry, timer });
    }
  }

  const queue: EmbeddedQueue = {
    kind: 'embedded',
    async enqueue(tasks) {
      if (closed) throw new Error('The portfolio queue is closed');
      for (const task of tasks) {
        const key = keyOf(task);
        if (held.has(key)) continue;
        held.add(key);
        waiting.push({ key, task, failures: 0 });
      }
      pump();
    },
    async drop(itemIds) {
      const keys = new Set(itemIds.map((id) => `item-${id}`));
      for (let index = waiting.length - 1; index >= 0; index -= 1) {
        if (keys.has(waiting[index]!.key)) {
          held.delete(waiting[index]!.key);
          waiting.splice(index, 1);
        }
      }
      for (const key of keys) {
        const retry = retries.get(key);
        if (!retry) continue;
        clearTimeout(retry.timer);
        retries.delete(key);
        held.delete(key);
      }
      settleIfIdle();
    },
    async resume() {
      await queue.enqueue(await unfinishedTasks());
    },
    idle() {
      if (held.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const { timer } of retries.values()) clearTimeout(timer);
      for (const key of retries.keys()) held.delete(key);
      retries.clear();
      for (const entry of waiting.splice(0)) held.delete(entry.key);
      await Promise.allSettled([...running]);
      settleIfIdle();
    },
  };
  return queue;
}
