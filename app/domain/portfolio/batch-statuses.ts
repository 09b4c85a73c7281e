// The states of a team's portfolio batch and of each worker's part of it, the outputs and scopes a batch can have, and
// how each reads on the page. Only the functions in app/domain/portfolio/ move a batch (docs/decisions/035).
export const BATCH_STATUS = { queued: 'queued', running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' } as const;
export type BatchStatus = (typeof BATCH_STATUS)[keyof typeof BATCH_STATUS];

export const BATCH_ITEM_STATUS = { queued: 'queued', running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' } as const;
export type BatchItemStatus = (typeof BATCH_ITEM_STATUS)[keyof typeof BATCH_ITEM_STATUS];

/** A batch or an item in one of these will not change again. */
export const FINISHED_STATUSES: readonly string[] = [BATCH_STATUS.done, BATCH_STATUS.failed, BATCH_STATUS.cancelled];

export function isFinished(status: string): boolean {
  return FINISHED_STATUSES.includes(status);
}

export const BATCH_OUTPUT = { zip: 'zip', merged: 'merged' } as const;
export type BatchOutput = (typeof BATCH_OUTPUT)[keyof typeof BATCH_OUTPUT];
export const BATCH_OUTPUT_LABELS: Record<BatchOutput, string> = {
  zip: 'A ZIP file with one PDF per person',
  merged: 'One PDF with everyone’s portfolio',
};

export const BATCH_SCOPE = { team: 'team', location: 'location' } as const;
export type BatchScope = (typeof BATCH_SCOPE)[keyof typeof BATCH_SCOPE];

/** How a status reads: its words and the colour of its GOV.UK tag. */
export type BatchTag = { label: string; colour: 'grey' | 'blue' | 'light-blue' | 'green' | 'yellow' | 'red' };

export const BATCH_TAGS: Record<BatchStatus, BatchTag> = {
  queued: { label: 'Waiting to start', colour: 'grey' },
  running: { label: 'Being made', colour: 'blue' },
  done: { label: 'Ready', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
  cancelled: { label: 'Cancelled', colour: 'grey' },
};

export const BATCH_ITEM_TAGS: Record<BatchItemStatus, BatchTag> = {
  queued: { label: 'Waiting', colour: 'grey' },
  running: { label: 'Being made', colour: 'blue' },
  done: { label: 'Done', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
  cancelled: { label: 'Cancelled', colour: 'grey' },
};
