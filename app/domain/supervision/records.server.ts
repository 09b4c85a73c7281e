// The record of a held session: the supervisor writes it and shares it, the worker comments and agrees, and it is
// then locked; later changes are addenda. Actions agreed in it are carried forward until done.
import { Op, type Transaction } from 'sequelize';
import { addDays, londonParts, parseIsoDate, today } from '#app/utils/dates/index.ts';
import { InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import {
  Person,
  SupervisionAction,
  SupervisionAddendum,
  SupervisionAgreement,
  SupervisionRecord,
  SupervisionRecordAgreement,
  sequelize,
} from '#db/models/index.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from '../audit.server.ts';
import { ACTION_WORKFLOW, RECORD_WORKFLOW, type RecordAction } from '../workflows/supervision-record.server.ts';
import { SESSION_WORKFLOW } from '../workflows/supervision-session.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { hasStarted, loadSession } from './sessions.server.ts';
import { ACTION_STATUS, PARTY, RECORD_STATUS } from './statuses.ts';

export type RecordInput = {
  attendance: string;
  discussion: string;
  wellbeing: string;
  workload: string;
  practiceIssues: string;
  learning: string;
};
export type ActionInput = { description: string; ownerId: number; dueOn: string };

const DEFAULT_AGREE_WITHIN_DAYS = 7;
const SUPERVISOR_ONLY = 'Only the supervisor writes this part of the record; the worker adds comments and agrees';

function supervisorOnly(canManage: boolean) {
  if (!canManage) throw new ValidationError({ discussion: [SUPERVISOR_ONLY] });
}

/** The status `action` moves the record to; refused (beside the form's field where there is one) when its status does not allow it. */
function assertRecordTransition(record: SupervisionRecord, action: RecordAction) {
  return assertTransition(RECORD_WORKFLOW, record.status, action, { lockedAt: record.lockedAt });
}

async function audit(actor: Actor, record: SupervisionRecord, action: (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS], summary: string, ipAddress: string, transaction: Transaction) {
  await recordAuditEvent(
    { organisationId: actor.organisationId, actorId: actor.id, action, summary, subject: { type: 'supervision_record', id: record.id }, ipAddress },
    transaction,
  );
}

/** Writes the first draft of a session's record; the session (which must have started) becomes held. */
export async function startRecord(actor: Actor, sessionId: number, input: RecordInput, ipAddress: string, now = new Date()): Promise<number> {
  const { session, access } = await loadSession(actor, sessionId);
  supervisorOnly(access.canManage);
  if (!hasStarted(session, now)) throw new ValidationError({ discussion: ['This session has not happened yet: it can be recorded once it has started'] });
  const sessionStatus = assertTransition(SESSION_WORKFLOW, session.status, 'record');
  const agreement = session.agreementId
    ? await SupervisionAgreement.findByPk(session.agreementId)
    : await SupervisionAgreement.findOne({ where: { workerId: session.workerId, status: 'active' } });
  const dueOn = addDays(londonParts(session.startsAt).date, agreement?.agreeWithinDays ?? DEFAULT_AGREE_WITHIN_DAYS);
  return sequelize.transaction(async (transaction) => {
    if (await SupervisionRecord.findOne({ where: { sessionId }, transaction })) throw new InvalidTransition('This session already has a record');
    await session.update({ status: sessionStatus }, { transaction });
    const record = await SupervisionRecord.create(
      {
        organisationId: actor.organisationId,
        sessionId,
        workerId: session.workerId,
        supervisorId: session.supervisorId,
        status: RECORD_STATUS.draft,
        ...input,
        workerComments: null,
        dueOn,
        sharedAt: null,
        lockedAt: null,
      },
      { transaction },
    );
    return record.id;
  });
}

async function loadRecord(actor: Actor, recordId: number) {
  const record = await SupervisionRecord.findOne({ where: { id: recordId, organisationId: actor.organisationId } });
  if (!record) throw new NotFound('Supervision record');
  const { access } = await loadSession(actor, record.sessionId);
  return { record, access };
}

export async function saveRecord(actor: Actor, recordId: number, input: RecordInput) {
  const { record, access } = await loadRecord(actor, recordId);
  supervisorOnly(access.canManage);
  assertRecordTransition(record, 'save');
  await record.update(input);
}

/** The record form's one way in: writes the session's first draft, or saves the record it already has. */
export async function writeRecord(actor: Actor, sessionId: number, input: RecordInput, ipAddress: string): Promise<number> {
  const record = await recordOfSession(actor, sessionId, { required: false });
  if (!record) return startRecord(actor, sessionId, input, ipAddress);
  await saveRecord(actor, record.id, input);
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
export async function shareRecord(actor: Actor, recordId: number, ipAddress: string) {
  const { record, access } = await loadRecord(actor, recordId);
  supervisorOnly(access.canManage);
  const status = assertRecordTransition(record, 'share');
  await sequelize.transaction(async (transaction) => {
    await SupervisionRecordAgreement.create(
      { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.supervisor, agreedAt: new Date() },
      { transaction },
    );
    await record.update({ status, sharedAt: new Date() }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionRecordShared, `${actor.name} agreed and shared ${access.worker.name}’s supervision record`, ipAddress, transaction);
  });
}

/** The worker adds their comments and agrees: the record is locked. */
export async function agreeRecord(actor: Actor, recordId: number, comments: string, ipAddress: string) {
  const { record, access } = await loadRecord(actor, recordId);
  if (!access.relationship.self) throw new ValidationError({ comments: ['Only the worker can agree their own supervision record'] });
  const status = assertRecordTransition(record, 'agree');
  await sequelize.transaction(async (transaction) => {
    const now = new Date();
    await SupervisionRecordAgreement.create(
      { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.worker, agreedAt: now },
      { transaction },
    );
    await record.update({ workerComments: comments.trim() || null, status, lockedAt: now }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionRecordAgreed, `${actor.name} agreed their supervision record; it is locked`, ipAddress, transaction);
  });
}

/** A later change to a locked record, by either party or a manager above. */
export async function addAddendum(actor: Actor, recordId: number, text: string, ipAddress: string) {
  const { record } = await loadRecord(actor, recordId);
  assertRecordTransition(record, 'addAddendum');
  if (!text.trim()) throw new ValidationError({ text: ['Enter the addendum'] });
  await sequelize.transaction(async (transaction) => {
    await SupervisionAddendum.create({ organisationId: actor.organisationId, recordId, authorId: actor.id, text: text.trim() }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionAddendumAdded, `${actor.name} added an addendum to a supervision record`, ipAddress, transaction);
  });
}

export async function addAction(actor: Actor, recordId: number, input: ActionInput): Promise<number> {
  const { record, access } = await loadRecord(actor, recordId);
  if (!access.canManage) throw new ValidationError({ description: [SUPERVISOR_ONLY] });
  assertRecordTransition(record, 'addAction');
  const errors: Record<string, string[]> = {};
  if (!input.description.trim()) errors.description = ['Enter what is to be done'];
  if (![record.workerId, record.supervisorId].includes(input.ownerId)) errors.ownerId = ['Select the worker or the supervisor'];
  if (!parseIsoDate(input.dueOn)) errors.dueOn = ['Enter a real due date, for example 27 3 2026'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const action = await SupervisionAction.create({
    organisationId: actor.organisationId,
    workerId: record.workerId,
    recordId,
    description: input.description.trim(),
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    status: ACTION_STATUS.open,
    completedAt: null,
  });
  return action.id;
}

/** Either party (or a manager above) marks a carried-forward action done. */
export async function completeAction(actor: Actor, actionId: number) {
  const action = await SupervisionAction.findOne({ where: { id: actionId, organisationId: actor.organisationId } });
  if (!action) throw new NotFound('Action');
  await loadRecord(actor, action.recordId);
  const status = assertTransition(ACTION_WORKFLOW, action.status, 'complete');
  await action.update({ status, completedAt: new Date() });
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
