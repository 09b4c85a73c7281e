// One supervision session as its page shows it: the session, its record and actions, and what the person may do next,
// from the workflow tables and the person's part in the supervision (so the page re-derives no rule).
import type { Actor } from '#app/utils/permissions.server.ts';
import { pdpAgenda } from '../development/supervision-agenda.server.ts';
import { ACTION_WORKFLOW, RECORD_WORKFLOW } from '../workflows/supervision-record.server.ts';
import { SESSION_WORKFLOW } from '../workflows/supervision-session.server.ts';
import { isAllowed } from '../workflows/workflow.server.ts';
import { RECORD_FIELDS } from './forms.ts';
import { sessionRecord } from './records.server.ts';
import { hasStarted } from './sessions.server.ts';
import { RECORD_STATUS, SESSION_STATUS } from './statuses.ts';

export async function sessionPage(actor: Actor, sessionId: number, now = new Date()) {
  const { access, session, record, actions, carriedForward, ...rest } = await sessionRecord(actor, sessionId);
  const manage = access.canManage;
  const self = access.relationship.self;
  const sessionAllows = (action: 'move' | 'cancel' | 'miss' | 'record') => isAllowed(SESSION_WORKFLOW, session.status, action);
  const recordAllows = (action: 'save' | 'addAction' | 'share' | 'agree' | 'addAddendum') => record !== null && isAllowed(RECORD_WORKFLOW, record.status, action);
  const started = hasStarted(session, now);
  const agenda = await pdpAgenda(session.workerId, record?.id ?? null);
  // The worker sees the record once it is shared: a draft is the supervisor's until then.
  const readRecord = record !== null && (record.status !== RECORD_STATUS.draft || manage);
  const can = {
    move: manage && sessionAllows('move'),
    cancel: manage && sessionAllows('cancel'),
    miss: manage && sessionAllows('miss') && started && !record,
    readRecord,
    /** Start the record (once the session has started) or change it until it is agreed. */
    record: manage && (record ? recordAllows('save') : started && sessionAllows('record')),
    share: manage && recordAllows('share'),
    agree: self && recordAllows('agree'),
    addAction: manage && recordAllows('addAction'),
    addAddendum: recordAllows('addAddendum'),
    /** Add a learning opportunity agreed in the session to the PDP: the supervisor's part, like actions. */
    addOpportunity: manage && recordAllows('addAction'),
  };
  const withCompletion = (row: (typeof actions)[number]) => ({ ...row, canComplete: isAllowed(ACTION_WORKFLOW, row.status, 'complete') });
  return {
    ...rest,
    session: { ...session, requested: session.status === SESSION_STATUS.requested },
    record: record && (readRecord ? record : { ...record, ...Object.fromEntries(RECORD_FIELDS.map((field) => [field, ''])), workerComments: null }),
    actions: actions.map(withCompletion),
    carriedForward: carriedForward.map(withCompletion),
    worker: access.worker,
    isSelf: self,
    agenda,
    can,
    /** What the record form starts with: the record as written so far. */
    recordDefaults: record && manage ? Object.fromEntries(RECORD_FIELDS.map((field) => [field, record[field]])) : undefined,
  };
}

export type SessionPage = Awaited<ReturnType<typeof sessionPage>>;
