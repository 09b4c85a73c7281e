// The record of a held session: the supervisor writes it and shares it, the worker comments and agrees, and it is
// then locked; later changes are addenda. Actions agreed in it are carried forward until done.
import { Op, type Transaction } from 'sequelize';
import {
  Person,
  SupervisionAction,
  SupervisionAddendum,
  SupervisionAgreement,
  SupervisionRecord,
  SupervisionRecordAgreement,
  sequelize,
} from '#db/models/index.ts';
import { InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from '../audit.server.ts';
import { todayInLondon } from '../policies.server.ts';
import { checkDateOnly } from '../role-profiles.server.ts';
import { formatDateTime } from '#app/utils/dates.ts';
import { loadSession } from './sessions.server.ts';
import { ACTION_STATUS, PARTY, RECORD_STATUS, SESSION_STATUS } from './statuses.ts';
import { addDaysToDate, londonParts } from './uk-date.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';

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

function assertUnlocked(record: SupervisionRecord, field = 'discussion') {
  if (record.lockedAt) {
    throw new ValidationError({ [field]: [`This record was agreed and locked on ${formatDateTime(record.lockedAt)}: add an addendum instead`] });
  }
}

async function audit(actor: Actor, record: SupervisionRecord, action: (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS], summary: string, ipAddress: string, transaction: Transaction) {
  await recordAuditEvent(
    { organisationId: actor.organisationId, actorId: actor.id, action, summary, subject: { type: 'supervision_record', id: record.id }, ipAddress },
    transaction,
  );
}

/** Writes the first draft of a session's record; the session (which must have started) becomes held. */
export async function startRecord(ctx: DomainContext, sessionId: number, input: RecordInput): Promise<number> {
  const { actor, ipAddress, now } = ctx;
  const { session, access } = await loadSession(actor, sessionId);
  supervisorOnly(access.canManage);
  if (session.startsAt.getTime() > now.getTime()) throw new ValidationError({ discussion: ['This session has not happened yet: it can be recorded once it has started'] });
  if (session.status !== SESSION_STATUS.planned && session.status !== SESSION_STATUS.held) {
    throw new InvalidTransition('Only a planned or held session can be recorded');
  }
  const agreement = session.agreementId
    ? await SupervisionAgreement.findByPk(session.agreementId)
    : await SupervisionAgreement.findOne({ where: { workerId: session.workerId, status: 'active' } });
  const dueOn = addDaysToDate(londonParts(session.startsAt).date, agreement?.agreeWithinDays ?? DEFAULT_AGREE_WITHIN_DAYS);
  return sequelize.transaction(async (transaction) => {
    if (await SupervisionRecord.findOne({ where: { sessionId }, transaction })) throw new InvalidTransition('This session already has a record');
    await session.update({ status: SESSION_STATUS.held }, { transaction });
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

export async function saveRecord(ctx: DomainContext, recordId: number, input: RecordInput) {
  const { actor } = ctx;
  const { record, access } = await loadRecord(actor, recordId);
  supervisorOnly(access.canManage);
  assertUnlocked(record);
  await record.update(input);
}

/** The supervisor agrees their part and shares the record with the worker. */
export async function shareRecord(ctx: DomainContext, recordId: number) {
  const { actor, ipAddress } = ctx;
  const { record, access } = await loadRecord(actor, recordId);
  supervisorOnly(access.canManage);
  assertUnlocked(record);
  if (record.status !== RECORD_STATUS.draft) throw new InvalidTransition('This record has already been shared');
  await sequelize.transaction(async (transaction) => {
    await SupervisionRecordAgreement.create(
      { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.supervisor, agreedAt: new Date() },
      { transaction },
    );
    await record.update({ status: RECORD_STATUS.shared, sharedAt: new Date() }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionRecordShared, `${actor.name} agreed and shared ${access.worker.name}’s supervision record`, ipAddress, transaction);
  });
}

/** The worker adds their comments and agrees: the record is locked. */
export async function agreeRecord(ctx: DomainContext, recordId: number, comments: string) {
  const { actor, ipAddress } = ctx;
  const { record, access } = await loadRecord(actor, recordId);
  if (!access.relationship.self) throw new ValidationError({ comments: ['Only the worker can agree their own supervision record'] });
  assertUnlocked(record, 'comments');
  if (record.status !== RECORD_STATUS.shared) throw new ValidationError({ comments: ['Your supervisor has not shared this record with you yet'] });
  await sequelize.transaction(async (transaction) => {
    const now = new Date();
    await SupervisionRecordAgreement.create(
      { organisationId: actor.organisationId, recordId, personId: actor.id, party: PARTY.worker, agreedAt: now },
      { transaction },
    );
    await record.update({ workerComments: comments.trim() || null, status: RECORD_STATUS.agreed, lockedAt: now }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionRecordAgreed, `${actor.name} agreed their supervision record; it is locked`, ipAddress, transaction);
  });
}

/** A later change to a locked record, by either party or a manager above. */
export async function addAddendum(ctx: DomainContext, recordId: number, text: string) {
  const { actor, ipAddress } = ctx;
  const { record } = await loadRecord(actor, recordId);
  if (!record.lockedAt) throw new ValidationError({ text: ['The record is not locked yet: change it directly'] });
  if (!text.trim()) throw new ValidationError({ text: ['Enter the addendum'] });
  await sequelize.transaction(async (transaction) => {
    await SupervisionAddendum.create({ organisationId: actor.organisationId, recordId, authorId: actor.id, text: text.trim() }, { transaction });
    await audit(actor, record, AUDIT_ACTIONS.supervisionAddendumAdded, `${actor.name} added an addendum to a supervision record`, ipAddress, transaction);
  });
}

export async function addAction(ctx: DomainContext, recordId: number, input: ActionInput): Promise<number> {
  const { actor } = ctx;
  const { record, access } = await loadRecord(actor, recordId);
  if (!access.canManage) throw new ValidationError({ description: [SUPERVISOR_ONLY] });
  assertUnlocked(record, 'description');
  const errors: Record<string, string[]> = {};
  if (!input.description.trim()) errors.description = ['Enter what is to be done'];
  if (![record.workerId, record.supervisorId].includes(input.ownerId)) errors.ownerId = ['Select the worker or the supervisor'];
  if (!checkDateOnly(input.dueOn)) errors.dueOn = ['Enter a real due date, for example 27 3 2026'];
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
export async function completeAction(ctx: DomainContext, actionId: number) {
  const { actor } = ctx;
  const action = await SupervisionAction.findOne({ where: { id: actionId, organisationId: actor.organisationId } });
  if (!action) throw new NotFound('Action');
  await loadRecord(actor, action.recordId);
  if (action.status !== ACTION_STATUS.open) throw new InvalidTransition('This action is already done');
  await action.update({ status: ACTION_STATUS.done, completedAt: new Date() });
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
  const today = todayInLondon();
  const action = (row: SupervisionAction) => ({
    id: row.id,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: (row.get('owner') as Person | undefined)?.name ?? '',
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.status === ACTION_STATUS.open && row.dueOn < today,
  });
  return {
    access,
    session: session.get({ plain: true }),
    supervisor: { id: supervisor?.id ?? session.supervisorId, name: supervisor?.name ?? '' },
    record: record
      ? { ...record.get({ plain: true }), overdue: record.status !== RECORD_STATUS.agreed && record.dueOn < today }
      : null,
    agreements: agreements.map((row) => ({ party: row.party, agreedAt: row.agreedAt })),
    addenda: addenda.map((row) => ({ id: row.id, text: row.text, createdAt: row.createdAt, author: (row.get('author') as Person | undefined)?.name ?? '' })),
    actions: actions.map(action),
    carriedForward: carried.map(action),
  };
}
