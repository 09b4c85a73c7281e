// Calendars: a person downloads their sessions as .ics, or subscribes with a private link whose token is random,
// shown once, stored only as its sha256 and revocable.
import { createHash, randomBytes } from 'node:crypto';
import { NotFound } from '#app/utils/errors.server.ts';
import { PERMISSIONS, assertCan, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Person, PersonRole, SupervisionCalendarToken } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { write } from '../write.server.ts';
import { sessionsToIcs } from './ics.ts';
import { diaryOf } from './internal/diary.server.ts';
import { SESSION_STATUS, SESSION_TYPE_LABELS, type SessionType } from './statuses.ts';

// The roles that run supervision (the token's person is not a signed-in actor, so this reads the grants directly).
const SUPERVISING_ROLES: readonly string[] = [...PERMISSIONS['manage:supervision:supervised'], ...PERMISSIONS['manage:supervision:managed']];
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

async function icsFor(personId: number, organisationId: number, roles: string[], host: string): Promise<string> {
  // Someone who no longer holds a supervising role no longer sees the sessions they used to run.
  const sessions = await diaryOf(personId, organisationId, roles.some((role) => SUPERVISING_ROLES.includes(role)));
  return sessionsToIcs(
    sessions
      .filter((session) => session.status !== SESSION_STATUS.requested)
      .map((session) => {
        const worker = session.get('worker') as Person | undefined;
        const supervisor = session.get('supervisor') as Person | undefined;
        const other = session.workerId === personId ? `with ${supervisor?.name ?? 'your supervisor'}` : `with ${worker?.name ?? 'a supervisee'}`;
        return {
          id: session.id,
          title: `${SESSION_TYPE_LABELS[session.type as SessionType] ?? 'Supervision'} ${other}`,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          place: session.place,
          status: session.status,
        };
      }),
    host,
  );
}

/** The signed-in person's own sessions (as worker and as supervisor). */
export async function calendarFor(actor: Actor, host: string): Promise<string> {
  assertCan(actor, 'read:supervision:own');
  return icsFor(actor.id, actor.organisationId, actor.roles, host);
}

/** The subscribed calendar for a token; an unknown or revoked token (or a deactivated person) is "not found". No check: the private link's token is the check, as with any calendar subscription. */
export async function calendarForToken(token: string, host: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFound('Calendar');
  const row = await SupervisionCalendarToken.findOne({ where: { tokenHash: hash(token), revokedAt: null } });
  if (!row) throw new NotFound('Calendar');
  const person = await Person.findOne({
    where: { id: row.personId, organisationId: row.organisationId, deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', attributes: ['role'] }],
  });
  if (!person) throw new NotFound('Calendar');
  return icsFor(person.id, person.organisationId, (person.roles ?? []).map((role) => role.role), host);
}

/** A new private link (any earlier one is revoked); the token is returned once and never stored. */
export async function createCalendarLink(ctx: DomainContext): Promise<string> {
  const { actor, now } = ctx;
  const token = randomBytes(32).toString('base64url');
  await write(ctx, {
    permission: 'read:supervision:own',
    run: async (_, transaction) => {
      await SupervisionCalendarToken.update({ revokedAt: now }, { where: { personId: actor.id, revokedAt: null }, transaction });
      await SupervisionCalendarToken.create({ organisationId: actor.organisationId, personId: actor.id, tokenHash: hash(token), revokedAt: null }, { transaction });
    },
    audit: () => ({ action: AUDIT_ACTIONS.supervisionCalendarLinkChanged, summary: `${actor.name} created a private calendar link` }),
  });
  return token;
}

export async function revokeCalendarLinks(ctx: DomainContext): Promise<void> {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'read:supervision:own',
    run: async (_, transaction) => {
      await SupervisionCalendarToken.update({ revokedAt: now }, { where: { personId: actor.id, revokedAt: null }, transaction });
    },
    audit: () => ({ action: AUDIT_ACTIONS.supervisionCalendarLinkChanged, summary: `${actor.name} revoked their calendar link` }),
  });
}

/** No check: the actor's own link only. */
export async function hasCalendarLink(actor: Actor): Promise<boolean> {
  return (await SupervisionCalendarToken.count({ where: { personId: actor.id, revokedAt: null } })) > 0;
}
