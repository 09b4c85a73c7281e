// A supervision session: planned (or requested by the worker as an urgent debrief), then held, cancelled or missed.
import { SESSION_STATUS, type SessionStatus } from '../supervision/statuses.ts';
import { defineWorkflow } from './workflow.server.ts';

export { SESSION_STATUS, type SessionStatus };

export const SESSION_ACTIONS = { move: 'move', cancel: 'cancel', miss: 'miss', record: 'record' } as const;
export type SessionAction = (typeof SESSION_ACTIONS)[keyof typeof SESSION_ACTIONS];

/**
 * How a session comes to exist, the table's first row: the supervisor plans one ahead, the worker requests an urgent
 * debrief, or the supervisor records one that already took place, which starts held so its record is written next.
 * Whether the time is ahead or past is a rule of time, checked by the domain function (checkSessionTime).
 */
export const SESSION_CREATION = { plan: SESSION_STATUS.planned, request: SESSION_STATUS.requested, recordHeld: SESSION_STATUS.held } as const satisfies Record<
  string,
  SessionStatus
>;
export type SessionCreation = keyof typeof SESSION_CREATION;

/**
 * Moving a requested debrief arranges it (it becomes planned). Recording a held session again is how its record is
 * written; whether the session has started yet is a rule of time, checked by the domain function, not a status.
 */
export const SESSION_WORKFLOW = defineWorkflow<SessionStatus, SessionAction>({
  name: 'supervision session',
  transitions: {
    requested: { move: 'planned', cancel: 'cancelled' },
    planned: { move: 'planned', cancel: 'cancelled', miss: 'missed', record: 'held' },
    held: { record: 'held' },
    cancelled: {},
    missed: {},
  },
  refusal: (_from, action) => ({
    message: {
      move: 'Only a planned or requested session can be moved',
      cancel: 'Only a planned or requested session can be cancelled',
      miss: 'Only a planned session can be marked missed',
      record: 'Only a planned or held session can be recorded',
    }[action],
  }),
});
