// The record of a held session: the supervisor writes it and shares it, the worker comments and agrees, and it is
// then locked; later changes are addenda. Actions agreed in it are carried forward until done.
import { Op, type Transaction } from 'sequelize';
import { addDays, londonParts, parseIsoDate, today } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { isSupervisedWorker, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import {
  Person,
  SupervisionAction,
  SupervisionAddendum,
  SupervisionAgreement,
  SupervisionRecord,
  SupervisionRecordAgreement,
} from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { ACTION_WORKFLOW, RECORD_WORKFLOW, type RecordAction } from '../workflows/supervision-record.server.ts';
import { SESSION_WORKFLOW } from '../workflows/supervision-session.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { locked, write } from '../write.server.ts';
import type { SupervisionAccess } from './access.server.ts';
import { hasStarted, loadSession } from './sessions.server.ts';
import { ACTION_STATUS, PARTY, RECORD_STATUS } from './statuses.ts';

export type RecordInput = {
  attendance: string;
  discussion: string;
  wellbeing: string;
  workload: string;
  practiceIssues: string;
  learning: string;
  /** The PDP review part (docs/decisions/033): what was said about the plan; as confidential as the rest. */
  pdpReview?: string | undefined;
};
export type ActionInput = { description: string; ownerId: number; dueOn: string };

const DEFAULT_AGREE_WITHIN_DAYS = 7;
const SUPERVISOR_ONLY = 'Only the supervisor writes this part of the record; the worker adds comments and agrees';

function supervisorOnly(access: SupervisionAccess) {
  if (!access.canManage) throw new Forbidden(SUPERVISOR_ONLY);
}

/** The status `action` moves the record to; refused (beside the form's field where there is one) when its status does not allow it. */
function assertRecordTransition(record: SupervisionRecord, action: RecordAction) {
  return assertTransition(RECORD_WORKFLOW, record.status, action, { lockedAt: record.lockedAt });
}

const onRecord = (record: SupervisionRecord) => ({ type: 'supervision_record', id: record.id });

/** Writes the first draft of a session's record; the session (which must have started) becomes held. */
export async function startRecord(ctx: DomainContext, sessionId: number, input: RecordInput): Promise<number> {
  const { actor, now } = ctx;
  return write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadSession(actor, sessionId, transaction),
    check: async ({ session, access }, transaction) => {
      supervisorOnly(access);
      if (!hasStarted(session, now)) throw new ValidationError({ discussion: ['This session has not happened yet: it can be recorded once it has started'] });
      assertTransition(SESSION_WORKFLOW, session.status, 'record');
      if (await SupervisionRecord.findOne({ where: { sessionId }, transaction })) throw new InvalidTransition('This session already has a record');
    },
    run: async ({ session }, transaction) => {
      const agreement = session.agreementId
        ? await SupervisionAgreement.findByPk(session.agreementId, { transaction })
        : await SupervisionAgreement.findOne({ where: { workerId: session.workerId, status: 'active' }, transaction });
      const dueOn = addDays(londonParts(session.startsAt).date, agreement?.agreeWithinDays ?? DEFAULT_AGREE_WITHIN_DAYS);
      await session.update({ status: assertTransition(SESSION_WORKFLOW, session.status, 'record') }, { transaction });
      const record = await SupervisionRecord.create(
        {
          organisationId: actor.organisationId,
          sessionId,
          workerId: session.workerId,
          supervisorId: session.supervisorId,
          status: RECORD_STATUS.draft,
          ...input,
          pdpReview: input.pdpReview?.trim() || null,
          workerComments: null,
          dueOn,
          sharedAt: null,
          lockedAt: null,
        },
        { transaction },
      );
      return record;
    },
    audit: ({ access }, record) => ({
      action: AUDIT_ACTIONS.supervisionRecordStarted,
      summary: `${actor.name} started ${access.worker.name}’s supervision record`,
      subject: onRecord(record),
    }),
  }).then((record) => record.id);
}

/** The record (locked for the write) and the actor's access to its worker; 404 for anyone who may not read it. */
async function loadRecord(actor: Actor, recordId: number, transaction: Transaction) {
  const record = await SupervisionRecord.findOne({ where: { id: recordId, organisationId: actor.organisationId }, ...locked(transaction) });
  if (!record) throw new NotFound('Supervision record');
  const { access } = await loadSession(actor, record.sessionId, transaction);
  return { record, access };
}

export async function saveRecord(ctx: DomainContext, recordId: number, input: RecordInput) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadRecord(actor, recordId, transaction),
    check: ({ record, access }) => {
      supervisorOnly(access);
      assertRecordTransition(record, 'save');
    },
    run: async ({ record }, transaction) => {
      await record.update({ ...input, pdpReview: input.pdpReview?.trim() || null }, { transaction });
    },
    audit: ({ record, access }) => ({
      action: AUDIT_ACTIONS.supervisionRecordSaved,
      summary: `${actor.name} changed ${access.worker.name}’s supervision record`,
      subject: onRecord(record),
    }),
  });
}

/** The record form's one way in: writes the session's first draft, or saves the record it already has. */
export async function writeRecord(ctx: DomainContext, sessionId: number, input: RecordInput): Promise<number> {
  const record = await recordOfSession(ctx.actor, sessionId, { required: false });
  if (!record) return startRecord(ctx, sessionId, input);
  await saveRecord(ctx, record.id, input);
  return record.id;
}

/** The record of a session the actor may read; a session without one refuses actions on its record (409). */
export async function recordOfSession(actor: Actor, sessionId: number, options: { required: false }): Promise<SupervisionRecord | null>;
export async function recordOfSession(actor: Actor, sessionId: number): Promise<SupervisionRecord>;
export async function recordOfSession(actor: Actor, sessionId: number, { required = true } = {}): Promise<SupervisionRecord | null> {
  await loadSession(actor, sessionId);
  const record = await SupervisionRecord.findOne({ where: { sessionId, organisationId: actor.organisationId } });
  if (!record && required) throw new InvalidTransition('This session has no record yet');
  return record;
}

/** The supervisor agrees their part and shares the record with the worker. */
export async function shareRecord(ctx: DomainContext, recordId: number) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadRecord(actor, recordId, transaction),
    check: ({ record, access }) => {
      supervisorOnly(access);
      assertRecordTransition(record, 'share');
    },
    run: async ({ record }, transaction) => {
      await SupervisionRecordAgreement.create(
        { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.supervisor, agreedAt: now },
        { transaction },
      );
      await record.update({ status: assertRecordTransition(record, 'share'), sharedAt: now }, { transaction });
    },
    audit: ({ record, access }) => ({
      action: AUDIT_ACTIONS.supervisionRecordShared,
      summary: `${actor.name} agreed and shared ${access.worker.name}’s supervision record`,
      subject: onRecord(record),
    }),
  });
}

/** The worker adds their comments and agrees: the record is locked. */
export async function agreeRecord(ctx: DomainContext, recordId: number, comments: string) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'read:supervision:own',
    load: (transaction) => loadRecord(actor, recordId, transaction),
    check: ({ record, access }) => {
      if (!isSupervisedWorker(actor, { id: access.worker.id, relationship: access.relationship })) {
        throw new Forbidden('Only the worker can agree their own supervision record');
      }
      assertRecordTransition(record, 'agree');
    },
    run: async ({ record }, transaction) => {
      await SupervisionRecordAgreement.create(
        { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.worker, agreedAt: now },
        { transaction },
      );
      await record.update({ workerComments: comments.trim() || null, status: assertRecordTransition(record, 'agree'), lockedAt: now }, { transaction });
    },
    audit: ({ record }) => ({
      action: AUDIT_ACTIONS.supervisionRecordAgreed,
      summary: `${actor.name} agreed their supervision record; it is locked`,
      subject: onRecord(record),
    }),
  });
}

/** A later change to a locked record, by either party or a manager above. */
export async function addAddendum(ctx: DomainContext, recordId: number, text: string) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'read:supervision',
    load: (transaction) => loadRecord(actor, recordId, transaction),
    check: ({ record }) => {
      assertRecordTransition(record, 'addAddendum');
      if (!text.trim()) throw new ValidationError({ text: ['Enter the addendum'] });
    },
    run: async ({ record }, transaction) => {
      await SupervisionAddendum.create({ organisationId: actor.organisationId, recordId: record.id, authorId: actor.id, text: text.trim() }, { transaction });
    },
    audit: ({ record }) => ({
      action: AUDIT_ACTIONS.supervisionAddendumAdded,
      summary: `${actor.name} added an addendum to a supervision record`,
      subject: onRecord(record),
    }),
  });
}

export async function addAction(ctx: DomainContext, recordId: number, input: ActionInput): Promise<number> {
  const { actor } = ctx;
  const action = await write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadRecord(actor, recordId, transaction),
    check: ({ record, access }) => {
      supervisorOnly(access);
      assertRecordTransition(record, 'addAction');
      const errors: Record<string, string[]> = {};
      if (!input.description.trim()) errors.description = ['Enter what is to be done'];
      if (![record.workerId, record.supervisorId].includes(input.ownerId)) errors.ownerId = ['Select the worker or the supervisor'];
      if (!parseIsoDate(input.dueOn)) errors.dueOn = ['Enter a real due date, for example 27 3 2026'];
      if (Object.keys(errors).length) throw new ValidationError(errors);
    },
    run: ({ record }, transaction) =>
      SupervisionAction.create(
        {
          organisationId: actor.organisationId,
          workerId: record.workerId,
          recordId,
          description: input.description.trim(),
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          status: ACTION_STATUS.open,
          completedAt: null,
        },
        { transaction },
      ),
    // The action's text is supervision content: the audit log says only that there is one, and for whom.
    audit: ({ record, access }) => ({
      action: AUDIT_ACTIONS.supervisionActionAdded,
      summary: `${actor.name} added an action to ${access.worker.name}’s supervision record`,
      subject: onRecord(record),
    }),
  });
  return action.id;
}

/** Either party (or a manager above) marks a carried-forward action done. */
export async function completeAction(ctx: DomainContext, actionId: number) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'read:supervision',
    load: async (transaction) => {
      const action = await SupervisionAction.findOne({ where: { id: actionId, organisationId: actor.organisationId }, ...locked(transaction) });
      if (!action) throw new NotFound('Action');
      const { access } = await loadRecord(actor, action.recordId, transaction);
      return { action, access };
    },
    check: ({ action }) => {
      assertTransition(ACTION_WORKFLOW, action.status, 'complete');
    },
    run: async ({ action }, transaction) => {
      await action.update({ status: assertTransition(ACTION_WORKFLOW, action.status, 'complete'), completedAt: now }, { transaction });
    },
    audit: ({ action, access }) => ({
      action: AUDIT_ACTIONS.supervisionActionCompleted,
      summary: `${actor.name} marked an action of ${access.worker.name}’s supervision done`,
      subject: { type: 'supervision_action', id: action.id },
    }),
  });
}

/** A session with its record, agreements, addenda, its actions and the open actions carried forward to it. */
export async function sessionRecord(actor: Actor, sessionId: number) {
  const { session, access } = await loadSession(actor, sessionId);
  const record = await SupervisionRecord.findOne({ where: { sessionId } });
  const [agreements, addenda, actions, carried, supervisor] = await Promise.all([
    record ? SupervisionRecordAgreement.findAll({ where: { recordId: record.id }, order: [['agreedAt', 'ASC'], ['id', 'ASC']] }) : [],
    record
      ? SupervisionAddendum.findAll({ where: { recordId: record.id }, include: [{ model: Person, as: 'author', attributes: ['name'] }], order: [['createdAt', 'ASC'], ['id', 'ASC']] })
      : [],
    record ? SupervisionAction.findAll({ where: { recordId: record.id }, include: [{ model: Person, as: 'owner', attributes: ['name'] }], order: [['dueOn', 'ASC']] }) : [],
    SupervisionAction.findAll({
      where: { workerId: session.workerId, status: ACTION_STATUS.open, ...(record ? { recordId: { [Op.ne]: record.id } } : {}) },
      include: [{ model: Person, as: 'owner', attributes: ['name'] }],
      order: [['dueOn', 'ASC']],
    }),
    Person.findByPk(session.supervisorId, { attributes: ['id', 'name'] }),
  ]);
  const todayDate = today();
  const action = (row: SupervisionAction) => ({
    id: row.id,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: (row.get('owner') as Person | undefined)?.name ?? '',
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.status === ACTION_STATUS.open && row.dueOn < todayDate,
  });
  return {
    access,
    session: session.get({ plain: true }),
    supervisor: { id: supervisor?.id ?? session.supervisorId, name: supervisor?.name ?? '' },
    record: record
      ? { ...record.get({ plain: true }), overdue: record.status !== RECORD_STATUS.agreed && record.dueOn < todayDate }
      : null,
    agreements: agreements.map((row) => ({ party: row.party, agreedAt: row.agreedAt })),
    addenda: addenda.map((row) => ({ id: row.id, text: row.text, createdAt: row.createdAt, author: (row.get('author') as Person | undefined)?.name ?? '' })),
    actions: actions.map(action),
    carriedForward: carried.map(action),
  };
}
