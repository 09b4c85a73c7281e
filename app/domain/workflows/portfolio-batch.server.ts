// A team's portfolio batch and each worker's part of it (docs/decisions/035). A batch waits, runs while its items are
// made, and ends ready, failed or cancelled; an item waits, runs, and ends done, failed or cancelled, or waits again for
// its retry. An item is started again while running when the worker that had it died (the queue hands it on).
import { BATCH_ITEM_STATUS, BATCH_STATUS, type BatchItemStatus, type BatchStatus } from '../portfolio/batch-statuses.ts';
import { defineWorkflow } from './workflow.server.ts';

export { BATCH_ITEM_STATUS, BATCH_STATUS, type BatchItemStatus, type BatchStatus };

export const BATCH_ACTIONS = { start: 'start', complete: 'complete', fail: 'fail', cancel: 'cancel' } as const;
export type BatchAction = (typeof BATCH_ACTIONS)[keyof typeof BATCH_ACTIONS];

export const BATCH_WORKFLOW = defineWorkflow<BatchStatus, BatchAction>({
  name: 'portfolio batch',
  transitions: {
    queued: { start: 'running', fail: 'failed', cancel: 'cancelled' },
    running: { start: 'running', complete: 'done', fail: 'failed', cancel: 'cancelled' },
    done: {},
    failed: {},
    cancelled: {},
  },
  refusal: (from, action) => ({
    message:
      action === 'cancel'
        ? from === 'cancelled'
          ? 'These portfolios were already cancelled'
          : 'These portfolios are finished: there is nothing left to cancel'
        : `A ${from} batch cannot ${action}`,
  }),
});

export const BATCH_ITEM_ACTIONS = { start: 'start', finish: 'finish', retry: 'retry', fail: 'fail', cancel: 'cancel', discard: 'discard' } as const;
export type BatchItemAction = (typeof BATCH_ITEM_ACTIONS)[keyof typeof BATCH_ITEM_ACTIONS];

/**
 * `cancel` drops an item still waiting; one already running finishes, and is then discarded (its PDF is not kept)
 * because its batch was cancelled meanwhile.
 */
export const BATCH_ITEM_WORKFLOW = defineWorkflow<BatchItemStatus, BatchItemAction>({
  name: 'portfolio batch item',
  transitions: {
    queued: { start: 'running', cancel: 'cancelled', fail: 'failed' },
    running: { start: 'running', finish: 'done', retry: 'queued', fail: 'failed', discard: 'cancelled' },
    done: {},
    failed: {},
    cancelled: {},
  },
  refusal: (from, action) => ({ message: `A ${from} portfolio cannot ${action}` }),
});
