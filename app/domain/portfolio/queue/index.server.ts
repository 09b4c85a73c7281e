// The portal's portfolio queue, chosen by the configuration (docs/decisions/035): BullMQ on Redis when REDIS_URL is
// set (jobs made by `npm run worker`), otherwise the embedded queue in the web process. One per process.
import { env } from '#app/utils/env.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { createEmbeddedQueue } from './embedded.server.ts';
import { printPortfolio } from './processor.server.ts';
import { createRedisQueue } from './redis.server.ts';
import type { PortfolioQueue } from './types.ts';

// Kept on globalThis so that a module loaded twice (the development server reloads modules) shares one queue.
const HOLDER = Symbol.for('nosfolio.portfolio-queue');
type Holder = { queue?: PortfolioQueue; resumed?: boolean };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[HOLDER] as Holder | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[HOLDER] = holder;

export function portfolioQueue(): PortfolioQueue {
  return (holder.queue ??= env().redisUrl
    ? createRedisQueue({ url: env().redisUrl!, prefix: env().redisPrefix })
    : createEmbeddedQueue({ processor: printPortfolio }));
}

/** Puts another queue in place of the configured one (tests; the worker process keeps its own). */
export function usePortfolioQueue(queue: PortfolioQueue): void {
  holder.queue = queue;
}

/**
 * At start-up of the web process with the embedded queue, takes up the batches left unfinished when it last stopped.
 * With Redis the workers do this when they start. Once per process. No check: maintenance run by the server.
 */
export function resumePortfolioQueue(): void {
  if (env().redisUrl || holder.resumed) return;
  holder.resumed = true;
  setTimeout(() => {
    portfolioQueue()
      .resume().catch((error: unknown) => logger.error({ err: error }, 'resuming unfinished portfolio batches'));
  }, 2_000).unref();
}
