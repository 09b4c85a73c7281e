// The record of a held session: the supervisor's draft, shared with the worker, agreed by the worker and then locked;
// a locked record changes only by addenda. Also the actions agreed in a record: open until done.
import { formatDateTime } from '#app/utils/dates/index.ts';
import { ACTION_STATUS, RECORD_STATUS, type ActionStatus, type RecordStatus } from '../supervision/statuses.ts';
import { defineWorkflow } from './workflow.server.ts';

export { ACTION_STATUS, RECORD_STATUS, type ActionStatus, type RecordStatus };

export const RECORD_ACTIONS = { save: 'save', addAction: 'addAction', share: 'share', agree: 'agree', addAddendum: 'addAddendum' } as const;
export type RecordAction = (typeof RECORD_ACTIONS)[keyof typeof RECORD_ACTIONS];

/** When an agreed record was locked, for the refusal's words. */
export type RecordContext = { lockedAt: Date | null };

/** The form field each action's refusal is shown beside: the person was typing there when the record moved on. */
const FIELD: Record<RecordAction, string> = { save: 'discussion', addAction: 'description', share: 'discussion', agree: 'comments', addAddendum: 'text' };

/** The supervisor may still correct a shared record before the worker agrees; agreeing locks it. */
export const RECORD_WORKFLOW = defineWorkflow<RecordStatus, RecordAction, RecordContext>({
  name: 'supervision record',
  transitions: {
    draft: { save: 'draft', addAction: 'draft', share: 'shared' },
    shared: { save: 'shared', addAction: 'shared', agree: 'agreed' },
    agreed: { addAddendum: 'agreed' },
  },
  refusal: (from, action, { lockedAt }) => {
    const field = FIELD[action];
    if (from === 'agreed') {
      const when = lockedAt ? ` on ${formatDateTime(lockedAt)}` : '';
      return { field, message: `This record was agreed and locked${when}: add an addendum instead` };
    }
    if (action === 'agree') return { field, message: 'Your supervisor has not shared this record with you yet' };
    if (action === 'addAddendum') return { field, message: 'The record is not locked yet: change it directly' };
    return { message: 'This record has already been shared' };
  },
});

export const ACTION_ACTIONS = { complete: 'complete' } as const;
export type ActionAction = (typeof ACTION_ACTIONS)[keyof typeof ACTION_ACTIONS];

export const ACTION_WORKFLOW = defineWorkflow<ActionStatus, ActionAction>({
  name: 'supervision action',
  transitions: { open: { complete: 'done' }, done: {} },
  refusal: () => ({ message: 'This action is already done' }),
});
