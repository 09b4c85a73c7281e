// The supervision schedule: sessions planned from the agreement (rrule), one-off sessions, moving, cancelling with
// a reason, marking missed, and the urgent debrief a worker asks for.
import { Op } from 'sequelize';
import { Person, SupervisionSession, sequelize } from '#db/models/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from '../audit.server.ts';
import { todayInLondon } from '../policies.server.ts';
import { checkDateOnly } from '../role-profiles.server.ts';
import { effectiveLineSupervisorId } from '../relationships.server.ts';
import { manageAccess, readAccess, type SupervisionAccess } from './access.server.ts';
import { activeAgreement } from './agreements.server.ts';
import { plannedSlots } from './schedule.ts';
import { SESSION_STATUS, SESSION_TYPE, type SessionType } from './statuses.ts';
import { addDaysToDate, parseTime, resolveLondonTime } from './uk-date.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';

export type SessionTimeInput = { date: string; startTime: string; endTime: string };
export type SessionInput = SessionTimeInput & { type: SessionType; place?: string | undefined };

/**
 * Checks a date and two times; the session must start in the future and end after it starts. A time the clocks skip
 * is refused next to its field; a time they repeat is the first one (BST), shown as such (see resolveLondonTime).
 */
export function checkSessionTime(input: SessionTimeInput, now = new Date()): { startsAt: Date; endsAt: Date } {
  const errors: Record<string, string[]> = {};
  const date = checkDateOnly(input.date);
  const start = parseTime(input.startTime);
  const end = parseTime(input.endTime);
  if (!date) errors.date = ['Enter a real date, for example 27 3 2026'];
  if (!start) errors.startTime = ['Enter the start time, for example 10:00'];
  if (!end) errors.endTime = ['Enter the end time, for example 11:00'];
  if (date && start && end) {
    const startsAt = resolveLondonTime(date, start);
    const endsAt = resolveLondonTime(date, end);
    if (!startsAt.ok) errors.startTime = [startsAt.message];
    if (!endsAt.ok) errors.endTime = [endsAt.message];
    if (startsAt.ok && endsAt.ok) {
      if (startsAt.instant.getTime() <= now.getTime()) errors.date = ['A planned session must be in the future: this date and time has passed'];
      if (endsAt.instant.getTime() <= startsAt.instant.getTime()) errors.endTime = ['The end time must be after the start time'];
      if (!Object.keys(errors).length) return { startsAt: startsAt.instant, endsAt: endsAt.instant };
    }
  }
  throw new ValidationError(errors);
}

async function audit(actor: Actor, session: SupervisionSession, summary: string, ipAddress: string, transaction?: import('sequelize').Transaction) {
  await recordAuditEvent(
    {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: AUDIT_ACTIONS.supervisionSessionChanged,
      summary,
      subject: { type: 'supervision_session', id: session.id },
      ipAddress,
    },
    transaction,
  );
}

function requireManager(access: SupervisionAccess) {
  if (!access.canManage) throw new Forbidden('Only the worker’s supervisor or a manager above them can change the schedule');
}

/** Plans regular sessions from the current agreement up to `until` (default: its review date); existing slots are kept. */
export async function planSchedule(ctx: DomainContext, workerId: number, until?: string): Promise<number> {
  const { actor, ipAddress } = ctx;
  assertCan(actor, 'manage:supervision:supervisees');
  const access = await manageAccess(actor, workerId);
  requireManager(access);
  const agreement = await activeAgreement(workerId);
  if (!agreement) throw new ValidationError({ until: ['Both parties must sign an agreement before a schedule can be planned'] });
  const end = until ?? agreement.reviewOn;
  const now = new Date();
  const slots = plannedSlots(agreement, end).filter((slot) => slot.startsAt.getTime() > now.getTime());
  return sequelize.transaction(async (transaction) => {
    const existing = await SupervisionSession.findAll({ where: { agreementId: agreement.id }, attributes: ['startsAt'], transaction });
    const taken = new Set(existing.map((row) => row.startsAt.getTime()));
    const fresh = slots.filter((slot) => !taken.has(slot.startsAt.getTime()));
    await SupervisionSession.bulkCreate(
      fresh.map((slot) => ({
        organisationId: actor.organisationId,
        agreementId: agreement.id,
        workerId,
        supervisorId: agreement.supervisorId,
        type: agreement.probation ? SESSION_TYPE.probation : SESSION_TYPE.regular,
        status: SESSION_STATUS.planned,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        place: agreement.place,
        requestReason: null,
        cancelReason: null,
        requestedById: null,
      })),
      { transaction },
    );
    await recordAuditEvent(
      {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: AUDIT_ACTIONS.supervisionSessionChanged,
        summary: `${actor.name} planned ${fresh.length} supervision sessions for ${access.worker.name} until ${end}`,
        subject: { type: 'person', id: workerId },
        ipAddress,
      },
      transaction,
    );
    return fresh.length;
  });
}

/** One session at a chosen time (probation review, appraisal, or a regular one off the pattern). */
export async function planSession(ctx: DomainContext, workerId: number, input: SessionInput): Promise<number> {
  const { actor, ipAddress } = ctx;
  assertCan(actor, 'manage:supervision:supervisees');
  const access = await manageAccess(actor, workerId);
  requireManager(access);
  const { startsAt, endsAt } = checkSessionTime(input);
  if (!Object.values(SESSION_TYPE).includes(input.type)) throw new ValidationError({ type: ['Select the type of session'] });
  const agreement = await activeAgreement(workerId);
  return sequelize.transaction(async (transaction) => {
    const session = await SupervisionSession.create(
      {
        organisationId: actor.organisationId,
        agreementId: agreement?.id ?? null,
        workerId,
        supervisorId: access.worker.lineSupervisorId ?? actor.id,
        type: input.type,
        status: SESSION_STATUS.planned,
        startsAt,
        endsAt,
        place: input.place || agreement?.place || null,
        requestReason: null,
        cancelReason: null,
        requestedById: null,
      },
      { transaction },
    );
    await audit(actor, session, `${actor.name} planned a ${input.type} session for ${access.worker.name}`, ipAddress, transaction);
    return session.id;
  });
}

/** A session with the actor's access to its worker; 404 for anyone who may not read it. */
export async function loadSession(actor: Actor, sessionId: number) {
  const session = await SupervisionSession.findOne({ where: { id: sessionId, organisationId: actor.organisationId } });
  if (!session) throw new NotFound('Supervision session');
  const access = await readAccess(actor, session.workerId);
  return { session, access };
}

/** Moves a planned session, or plans a requested debrief, to a future time. */
export async function moveSession(ctx: DomainContext, sessionId: number, input: SessionTimeInput) {
  const { actor, ipAddress } = ctx;
  const { session, access } = await loadSession(actor, sessionId);
  requireManager(access);
  const { startsAt, endsAt } = checkSessionTime(input);
  if (session.status !== SESSION_STATUS.planned && session.status !== SESSION_STATUS.requested) {
    throw new InvalidTransition('Only a planned or requested session can be moved');
  }
  await sequelize.transaction(async (transaction) => {
    await session.update({ startsAt, endsAt, status: SESSION_STATUS.planned }, { transaction });
    await audit(actor, session, `${actor.name} moved a supervision session of ${access.worker.name} to ${input.date} ${input.startTime}`, ipAddress, transaction);
  });
}

export async function cancelSession(ctx: DomainContext, sessionId: number, reason: string) {
  const { actor, ipAddress } = ctx;
  const { session, access } = await loadSession(actor, sessionId);
  requireManager(access);
  if (!reason.trim()) throw new ValidationError({ reason: ['Enter why the session is cancelled'] });
  if (session.status !== SESSION_STATUS.planned && session.status !== SESSION_STATUS.requested) {
    throw new InvalidTransition('Only a planned or requested session can be cancelled');
  }
  await sequelize.transaction(async (transaction) => {
    await session.update({ status: SESSION_STATUS.cancelled, cancelReason: reason.trim() }, { transaction });
    // The reason is confidential supervision content (often health): it stays on the session, not in the audit log.
    await audit(actor, session, `${actor.name} cancelled a supervision session of ${access.worker.name}`, ipAddress, transaction);
  });
}

export async function markSessionMissed(ctx: DomainContext, sessionId: number) {
  const { actor, ipAddress, now } = ctx;
  const { session, access } = await loadSession(actor, sessionId);
  requireManager(access);
  if (session.status !== SESSION_STATUS.planned) throw new InvalidTransition('Only a planned session can be marked missed');
  if (session.startsAt.getTime() > now.getTime()) throw new InvalidTransition('A session cannot be missed before it starts');
  await sequelize.transaction(async (transaction) => {
    await session.update({ status: SESSION_STATUS.missed }, { transaction });
    await audit(actor, session, `${actor.name} marked a supervision session of ${access.worker.name} as missed`, ipAddress, transaction);
  });
}

/** The worker asks for an urgent debrief: it appears, requested, in both schedules until the supervisor plans it. */
export async function requestUrgentDebrief(ctx: DomainContext, reason: string): Promise<number> {
  const { actor, ipAddress } = ctx;
  assertCan(actor, 'read:supervision:own');
  const me = await Person.findOne({ where: { id: actor.id, organisationId: actor.organisationId } });
  if (!me) throw new NotFound('Person');
  const supervisorId = await effectiveLineSupervisorId(me);
  if (!supervisorId) throw new ValidationError({ reason: ['You have no line supervisor yet: ask your manager to arrange one'] });
  if (!reason.trim()) throw new ValidationError({ reason: ['Say briefly what you need to debrief about'] });
  const startsAt = new Date();
  return sequelize.transaction(async (transaction) => {
    const session = await SupervisionSession.create(
      {
        organisationId: actor.organisationId,
        agreementId: (await activeAgreement(actor.id))?.id ?? null,
        workerId: actor.id,
        supervisorId,
        type: SESSION_TYPE.urgentDebrief,
        status: SESSION_STATUS.requested,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * 60_000),
        place: null,
        requestReason: reason.trim(),
        cancelReason: null,
        requestedById: actor.id,
      },
      { transaction },
    );
    await recordAuditEvent(
      {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: AUDIT_ACTIONS.supervisionDebriefRequested,
        summary: `${actor.name} asked for an urgent debrief`,
        subject: { type: 'supervision_session', id: session.id },
        ipAddress,
      },
      transaction,
    );
    return session.id;
  });
}

/** A worker's sessions, soonest first. */
export async function sessionsOf(workerId: number) {
  return SupervisionSession.findAll({ where: { workerId }, order: [['startsAt', 'ASC'], ['id', 'ASC']] });
}

/** Everything in a person's diary: sessions as the worker and, while they may supervise, as the supervisor. */
export async function diaryOf(personId: number, organisationId: number, maySupervise: boolean) {
  return SupervisionSession.findAll({
    where: { organisationId, [Op.or]: [{ workerId: personId }, ...(maySupervise ? [{ supervisorId: personId }] : [])] },
    include: [
      { model: Person, as: 'worker', attributes: ['id', 'name'] },
      { model: Person, as: 'supervisor', attributes: ['id', 'name'] },
    ],
    order: [['startsAt', 'ASC'], ['id', 'ASC']],
  });
}

/** Requested debriefs waiting for the supervisor to plan them. */
export async function requestedDebriefsFor(supervisorId: number, organisationId: number) {
  return SupervisionSession.count({ where: { organisationId, supervisorId, status: SESSION_STATUS.requested } });
}

export { addDaysToDate, todayInLondon };
