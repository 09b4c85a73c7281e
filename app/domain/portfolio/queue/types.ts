// The shape every portfolio queue shares (docs/decisions/035): what a job is, what prints it, and what the web process
// asks of a queue. The embedded queue (in the web process) and the BullMQ queue (Redis, `npm run worker`) both have it.

/** One worker's portfolio, printed as the person who asked for the batch. */
export type PortfolioJob = { organisationId: number; requestedById: number; workerId: number };

/** Prints one worker's portfolio: the renderer, as processor.server.ts calls it; tests pass their own. */
export type PortfolioProcessor = (job: PortfolioJob) => Promise<{ bytes: Uint8Array; fileName: string }>;

/** What a queue carries: one item of a batch to print, or a batch whose items are all finished to assemble. */
export type PortfolioTask = { kind: 'portfolio'; batchId: number; itemId: number; job: PortfolioJob } | { kind: 'assemble'; batchId: number };

export type PortfolioQueue = {
  readonly kind: 'embedded' | 'redis';
  /** Hands the tasks to the queue; they may start before this returns. */
  enqueue(tasks: PortfolioTask[]): Promise<void>;
  /** Drops the waiting tasks of these items (a cancelled batch's); ones already running finish and are discarded. */
  drop(itemIds: number[]): Promise<void>;
  /** Enqueues every unfinished task the database holds, for a queue starting up; tasks it already holds are left as they are. */
  resume(): Promise<void>;
  /** Stops taking work and lets what is running finish. */
  close(): Promise<void>;
};

/** Each portfolio is tried this many times before it is reported failed; a worker that died does not use one up. */
export const PORTFOLIO_ATTEMPTS = 2;
/** The wait before a failed portfolio is tried again, doubled for each try after. */
export const RETRY_BACKOFF_MS = 2_000;

/** How far a task has got with its tries, as the queue that runs it counts them. */
export type Attempt = { number: number; final: boolean };

/**
 * A failure no retry can mend (the requester may no longer print this worker's portfolio, or is no longer active):
 * the item is reported failed at once.
 */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}
