// The supervision schedule: sessions planned from the agreement (rrule), one-off sessions, moving, cancelling with
// a reason, marking missed, and the urgent debrief a worker asks for.
import { type Transaction } from 'sequelize';
import { formatDate, formatDateTime, parseIsoDate, parseTime, resolveLondonTime } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural, withArticle } from '#app/utils/words.ts';
import { Person, SupervisionAgreement, SupervisionSession } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { effectiveLineSupervisorId } from '../relationships.server.ts';
import { SESSION_CREATION, SESSION_WORKFLOW } from '../workflows/supervision-session.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { locked, write } from '../write.server.ts';
import { readAccess, type SupervisionAccess } from './access.server.ts';
import { plannedSlots } from './schedule.ts';
import { AGREEMENT_STATUS, SESSION_STATUS, SESSION_TYPE, type SessionType } from './statuses.ts';

export type SessionTimeInput = { date: string; startTime: string; endTime: string };
export type SessionInput = SessionTimeInput & { type: SessionType; place?: string | undefined };

/**
 * Checks a date and two times; a planned session must start in the future, one that took place must have started
 * already, and either must end after it starts. A time the clocks skip is refused next to its field; a time they
 * repeat is the first one (BST), shown as such (see resolveLondonTime).
 */
export function checkSessionTime(input: SessionTimeInput, now = new Date(), when: 'ahead' | 'past' = 'ahead'): { startsAt: Date; endsAt: Date } {
  const errors: Record<string, string[]> = {};
  const date = parseIsoDate(input.date);
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
      if (when === 'ahead' && startsAt.instant.getTime() <= now.getTime()) {
        errors.date = ['A planned session must be in the future: this date and time has passed. To write up a session that already happened, record a session that took place'];
      }
      if (when === 'past' && startsAt.instant.getTime() > now.getTime()) errors.date = ['A session that took place must have started already: this date and time is still to come'];
      if (endsAt.instant.getTime() <= startsAt.instant.getTime()) errors.endTime = ['The end time must be after the start time'];
      if (!Object.keys(errors).length) return { startsAt: startsAt.instant, endsAt: endsAt.instant };
    }
  }
  throw new ValidationError(errors);
}

const onSession = (session: SupervisionSession) => ({ type: 'supervision_session', id: session.id });
const sessionChanged = (session: SupervisionSession, summary: string) => ({ action: AUDIT_ACTIONS.supervisionSessionChanged, summary, subject: onSession(session) });

function requireManager(access: SupervisionAccess) {
  if (!access.canManage) throw new Forbidden('Only the worker’s supervisor or a manager above them can change the schedule');
}

/** Plans regular sessions from the current agreement up to `until` (default: its review date); existing slots are kept. */
export async function planSchedule(ctx: DomainContext, workerId: number, until?: string): Promise<number> {
  const { actor, now } = ctx;
  return write(ctx, {
    permission: 'manage:supervision',
    load: async (transaction) => {
      const access = await readAccess(actor, workerId);
      requireManager(access);
      const agreement = await SupervisionAgreement.findOne({ where: { workerId, status: AGREEMENT_STATUS.active }, ...locked(transaction) });
      return { access, agreement };
    },
    check: ({ agreement }) => {
      if (!agreement) throw new ValidationError({ until: ['Both parties must sign an agreement before a schedule can be planned'] });
    },
    run: async ({ agreement }, transaction) => {
      const slots = plannedSlots(agreement!, until ?? agreement!.reviewOn).filter((slot) => slot.startsAt.getTime() > now.getTime());
      const existing = await SupervisionSession.findAll({ where: { agreementId: agreement!.id }, attributes: ['startsAt'], transaction });
      const taken = new Set(existing.map((row) => row.startsAt.getTime()));
      const fresh = slots.filter((slot) => !taken.has(slot.startsAt.getTime()));
      await SupervisionSession.bulkCreate(
        fresh.map((slot) => ({
          organisationId: actor.organisationId,
          agreementId: agreement!.id,
          workerId,
          supervisorId: agreement!.supervisorId,
          type: agreement!.probation ? SESSION_TYPE.probation : SESSION_TYPE.regular,
          status: SESSION_CREATION.plan,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          place: agreement!.place,
          requestReason: null,
          cancelReason: null,
          requestedById: null,
        })),
        { transaction },
      );
      return fresh.length;
    },
    audit: ({ access, agreement }, planned) => ({
      action: AUDIT_ACTIONS.supervisionSessionChanged,
      summary: `${actor.name} planned ${plural(planned, 'supervision session', 'supervision sessions')} for ${access.worker.name} until ${formatDate(until ?? agreement!.reviewOn)}`,
      subject: { type: 'person', id: workerId },
    }),
  });
}

/** One session at a chosen time (probation review, appraisal, or a regular one off the pattern). */
export async function planSession(ctx: DomainContext, workerId: number, input: SessionInput): Promise<number> {
  return createSession(ctx, workerId, input, 'plan');
}

/** A session that already took place and was never planned here: it starts held, and its record is written next. */
export async function recordPastSession(ctx: DomainContext, workerId: number, input: SessionInput): Promise<number> {
  return createSession(ctx, workerId, input, 'recordHeld');
}

async function createSession(ctx: DomainContext, workerId: number, input: SessionInput, how: 'plan' | 'recordHeld'): Promise<number> {
  const { actor, now } = ctx;
  const session = await write(ctx, {
    permission: 'manage:supervision',
    load: async (transaction) => {
      const access = await readAccess(actor, workerId);
      requireManager(access);
      const agreement = await SupervisionAgreement.findOne({ where: { workerId, status: AGREEMENT_STATUS.active }, transaction });
      return { access, agreement, ...checkSessionTime(input, now, how === 'plan' ? 'ahead' : 'past') };
    },
    check: () => {
      if (!Object.values(SESSION_TYPE).includes(input.type)) throw new ValidationError({ type: ['Select the type of session'] });
    },
    run: ({ access, agreement, startsAt, endsAt }, transaction) =>
      SupervisionSession.create(
        {
          organisationId: actor.organisationId,
          agreementId: agreement?.id ?? null,
          workerId,
          supervisorId: access.worker.lineSupervisorId ?? actor.id,
          type: input.type,
          status: SESSION_CREATION[how],
          startsAt,
          endsAt,
          place: input.place || agreement?.place || null,
          requestReason: null,
          cancelReason: null,
          requestedById: null,
        },
        { transaction },
      ),
    audit: ({ access }, created) =>
      sessionChanged(created, `${actor.name} ${how === 'plan' ? 'planned' : 'recorded'} ${withArticle(`${how === 'plan' ? '' : 'past '}${input.type.replace('_', ' ')}`)} session for ${access.worker.name}`),
  });
  return session.id;
}

/** A session with the actor's access to its worker (locked when read for a write); 404 for anyone who may not read it. */
export async function loadSession(actor: Actor, sessionId: number, transaction?: Transaction) {
  const session = await SupervisionSession.findOne({
    where: { id: sessionId, organisationId: actor.organisationId },
    ...(transaction ? locked(transaction) : {}),
  });
  if (!session) throw new NotFound('Supervision session');
  const access = await readAccess(actor, session.workerId);
  return { session, access };
}

/** A session can be recorded, or marked missed, once its start time has come. */
export function hasStarted(session: { startsAt: Date }, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime();
}

/** Moves a planned session, or arranges a requested debrief, to a future time; says which it was and when it now starts. */
export async function moveSession(ctx: DomainContext, sessionId: number, input: SessionTimeInput): Promise<{ arranged: boolean; startsAt: Date }> {
  const { actor, now } = ctx;
  return write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadSession(actor, sessionId, transaction),
    check: ({ session, access }) => {
      requireManager(access);
      checkSessionTime(input, now);
      assertTransition(SESSION_WORKFLOW, session.status, 'move');
    },
    run: async ({ session }, transaction) => {
      const { startsAt, endsAt } = checkSessionTime(input, now);
      const arranged = session.status === SESSION_STATUS.requested;
      await session.update({ startsAt, endsAt, status: assertTransition(SESSION_WORKFLOW, session.status, 'move') }, { transaction });
      return { arranged, startsAt };
    },
    audit: ({ session, access }, { arranged, startsAt }) =>
      sessionChanged(session, `${actor.name} ${arranged ? 'arranged a requested debrief' : 'moved a supervision session'} of ${access.worker.name} ${arranged ? 'for' : 'to'} ${formatDateTime(startsAt)}`),
  });
}

export async function cancelSession(ctx: DomainContext, sessionId: number, reason: string) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadSession(actor, sessionId, transaction),
    check: ({ session, access }) => {
      requireManager(access);
      if (!reason.trim()) throw new ValidationError({ reason: ['Enter why the session is cancelled'] });
      assertTransition(SESSION_WORKFLOW, session.status, 'cancel');
    },
    run: async ({ session }, transaction) => {
      await session.update({ status: assertTransition(SESSION_WORKFLOW, session.status, 'cancel'), cancelReason: reason.trim() }, { transaction });
    },
    // The reason is confidential supervision content (often health): it stays on the session, not in the audit log.
    audit: ({ session, access }) => sessionChanged(session, `${actor.name} cancelled a supervision session of ${access.worker.name}`),
  });
}

export async function markSessionMissed(ctx: DomainContext, sessionId: number) {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadSession(actor, sessionId, transaction),
    check: ({ session, access }) => {
      requireManager(access);
      assertTransition(SESSION_WORKFLOW, session.status, 'miss');
      if (!hasStarted(session, now)) throw new InvalidTransition('A session cannot be missed before it starts');
    },
    run: async ({ session }, transaction) => {
      await session.update({ status: assertTransition(SESSION_WORKFLOW, session.status, 'miss') }, { transaction });
    },
    audit: ({ session, access }) => sessionChanged(session, `${actor.name} marked a supervision session of ${access.worker.name} as missed`),
  });
}

/** The worker asks for an urgent debrief: it appears, requested, in both schedules until the supervisor plans it. */
export async function requestUrgentDebrief(ctx: DomainContext, reason: string): Promise<number> {
  const { actor, now } = ctx;
  const session = await write(ctx, {
    permission: 'read:supervision:own',
    load: async (transaction) => {
      const me = await Person.findOne({ where: { id: actor.id, organisationId: actor.organisationId }, transaction });
      if (!me) throw new NotFound('Person');
      const agreement = await SupervisionAgreement.findOne({ where: { workerId: actor.id, status: AGREEMENT_STATUS.active }, transaction });
      return { supervisorId: await effectiveLineSupervisorId(me), agreement };
    },
    check: ({ supervisorId }) => {
      if (!supervisorId) throw new ValidationError({ reason: ['You have no line supervisor yet: ask your manager to arrange one'] });
      if (!reason.trim()) throw new ValidationError({ reason: ['Say briefly what you need to debrief about'] });
    },
    run: ({ supervisorId, agreement }, transaction) =>
      SupervisionSession.create(
        {
          organisationId: actor.organisationId,
          agreementId: agreement?.id ?? null,
          workerId: actor.id,
          supervisorId: supervisorId!,
          type: SESSION_TYPE.urgentDebrief,
          status: SESSION_CREATION.request,
          startsAt: now,
          endsAt: new Date(now.getTime() + 60 * 60_000),
          place: null,
          requestReason: reason.trim(),
          cancelReason: null,
          requestedById: actor.id,
        },
        { transaction },
      ),
    audit: (_, created) => ({ action: AUDIT_ACTIONS.supervisionDebriefRequested, summary: `${actor.name} asked for an urgent debrief`, subject: onSession(created) }),
  });
  return session.id;
}

