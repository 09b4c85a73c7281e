// Signing in and out, sessions, login throttling and password resets.
import { createHash, randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { loginThrottle } from '#app/utils/login-throttle.server.ts';
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { SESSION_LIFETIME_MS } from '#app/utils/session.server.ts';
import { tooManyAttemptsMessage } from '#app/utils/too-many-attempts.ts';
import { Organisation, PasswordResetToken, Person, PersonRole, Session, sequelize } from '#db/models/index.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from './audit.server.ts';
import { effectiveLineSupervisorId } from './relationships.server.ts';
import { isRole } from './roles.ts';
import { write } from './write.server.ts';

export const RESET_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Reset links and session ids are stored only as this hash, so a copy of the database signs no one in. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type LoginResult =
  | { ok: true; sessionId: string; actorId: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the password unless this address must wait, for this account or for all: a refused attempt is not
 * counted anywhere, so failures from other addresses never keep the real person out (docs/decisions/007).
 * No check: there is no actor before sign-in; the password (and the throttle) is the check.
 */
export async function login(input: { email: string; password: string; ipAddress: string }): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const throttle = loginThrottle();
  const retryAfterSeconds = await throttle.retryAfterSeconds(email, input.ipAddress);
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds };

  const person = await Person.findOne({ where: { email } });
  const passwordMatches = await verifyPassword(person?.passwordHash ?? null, input.password);
  const active = person !== null && person.deactivatedAt === null;

  if (!person || !passwordMatches || !active) {
    await throttle.recordFailure(email, input.ipAddress);
    if (person) {
      await recordAuditEvent({
        organisationId: person.organisationId,
        actorId: null,
        action: AUDIT_ACTIONS.loginFailed,
        summary: `Failed sign-in for ${person.email}${active ? '' : ' (account deactivated)'}`,
        subject: { type: 'person', id: person.id },
        ipAddress: input.ipAddress,
      });
    }
    return { ok: false, reason: 'invalid' };
  }

  // The cookie carries the id; the table holds only its hash, like reset and calendar tokens.
  const sessionId = randomBytes(32).toString('base64url');
  await sequelize.transaction(async (transaction) => {
    await Session.create(
      { tokenHash: hashToken(sessionId), personId: person.id, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
      { transaction },
    );
    await recordAuditEvent(
      {
        organisationId: person.organisationId,
        actorId: person.id,
        action: AUDIT_ACTIONS.loginSucceeded,
        summary: `${person.name} signed in`,
        subject: { type: 'person', id: person.id },
        ipAddress: input.ipAddress,
      },
      transaction,
    );
  });
  await throttle.recordSuccess(email, input.ipAddress);
  return { ok: true, sessionId, actorId: person.id };
}

/** No check: ends the session whose id the browser holds; nothing else. */
export async function logout(sessionId: string, ipAddress: string): Promise<void> {
  const session = await Session.findByPk(hashToken(sessionId), { include: [{ model: Person, as: 'person' }] });
  if (!session) return;
  await sequelize.transaction(async (transaction) => {
    await session.destroy({ transaction });
    if (session.person) {
      await recordAuditEvent(
        {
          organisationId: session.person.organisationId,
          actorId: session.person.id,
          action: AUDIT_ACTIONS.logout,
          summary: `${session.person.name} signed out`,
          ipAddress,
        },
        transaction,
      );
    }
  });
}

/**
 * A person loaded with their roles and organisation, as an actor. The line supervisor link only while it counts, so
 * that "is supervised" (permissions.server.ts) is a fact of the actor.
 */
async function actorOf(person: Person): Promise<Actor> {
  const organisation = person.get('organisation') as Organisation | undefined;
  return {
    id: person.id,
    organisationId: person.organisationId,
    organisationName: organisation?.name ?? '',
    name: person.name,
    email: person.email,
    roles: (person.roles ?? []).map((row) => row.role).filter(isRole),
    teamId: person.teamId,
    lineSupervisorId: await effectiveLineSupervisorId(person),
  };
}

/** The signed-in person behind a session id, or null when the session is unknown, expired or deactivated. No check: this is how the actor is found (app/utils/auth.server.ts). */
export async function loadActorForSession(sessionId: string): Promise<Actor | null> {
  const session = await Session.findOne({
    where: { tokenHash: hashToken(sessionId), expiresAt: { [Op.gt]: new Date() } },
    include: [
      {
        model: Person,
        as: 'person',
        where: { deactivatedAt: null },
        include: [
          { model: PersonRole, as: 'roles', attributes: ['role'] },
          { model: Organisation, as: 'organisation', attributes: ['name'] },
        ],
      },
    ],
  });
  const person = session?.person;
  if (!person) return null;
  return actorOf(person);
}

/**
 * An active person of the organisation as an actor, for commands an administrator runs (npm run portfolio acts as the
 * organisation's admin). No check: a command line has no one signed in; the domain functions it calls check the actor.
 */
export async function loadAdminActor(organisationId: number): Promise<Actor | null> {
  const admin = await PersonRole.findOne({
    where: { organisationId, role: 'admin' },
    include: [{ model: Person, as: 'person', where: { deactivatedAt: null }, attributes: [] }],
    order: [['personId', 'ASC']],
  });
  const person = admin
    ? await Person.findByPk(admin.personId, {
        include: [
          { model: PersonRole, as: 'roles', attributes: ['role'] },
          { model: Organisation, as: 'organisation', attributes: ['name'] },
        ],
      })
    : null;
  if (!person) return null;
  return actorOf(person);
}

/** An admin creates a single-use reset link to hand to the person; no mail server is needed. */
export async function issuePasswordResetLink(ctx: DomainContext, personId: number) {
  const { actor } = ctx;
  assertCan(actor, 'manage:people:org');
  const person = assertSameOrganisation(actor, await Person.findByPk(personId), 'Person');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_LINK_LIFETIME_MS);
  await write(ctx, {
    permission: 'manage:people:org',
    run: async (_, transaction, record) => {
      // Issuing a new link cancels any earlier one still unused.
      await PasswordResetToken.update(
        { usedAt: new Date() },
        { where: { personId: person.id, usedAt: null }, transaction },
      );
      await PasswordResetToken.create(
        { personId: person.id, tokenHash: hashToken(token), createdById: actor.id, expiresAt },
        { transaction },
      );
      record({
        action: AUDIT_ACTIONS.passwordResetIssued,
        summary: `${actor.name} issued a password reset link for ${person.name}`,
        subject: { type: 'person', id: person.id },
      });
    },
  });
  return { token, expiresAt, personName: person.name };
}

async function findUsableResetToken(token: string) {
  return PasswordResetToken.findOne({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { [Op.gt]: new Date() } },
  });
}

/** No check: the single-use token is the check. */
export async function describeResetLink(token: string): Promise<{ personName: string }> {
  const reset = await findUsableResetToken(token);
  const person = reset ? await Person.findByPk(reset.personId) : null;
  if (!reset || !person || person.deactivatedAt) throw new NotFound('Reset link');
  return { personName: person.name };
}

/** No check: the single-use token is the check; there is no actor yet. */
export async function resetPassword(token: string, newPassword: string, ipAddress: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await sequelize.transaction(async (transaction) => {
    const reset = await PasswordResetToken.findOne({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { [Op.gt]: new Date() } },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const person = reset ? await Person.findByPk(reset.personId, { transaction }) : null;
    if (!reset || !person || person.deactivatedAt) throw new NotFound('Reset link');
    await reset.update({ usedAt: new Date() }, { transaction });
    await person.update({ passwordHash }, { transaction });
    // Whoever knew the old password is signed out everywhere.
    await Session.destroy({ where: { personId: person.id }, transaction });
    await recordAuditEvent(
      {
        organisationId: person.organisationId,
        actorId: person.id,
        action: AUDIT_ACTIONS.passwordReset,
        summary: `${person.name} set a new password with a reset link`,
        subject: { type: 'person', id: person.id },
        ipAddress,
      },
      transaction,
    );
  });
}

/**
 * Changes the signed-in person's own password. The current-password check shares sign-in's throttle (same account
 * and address), and every other session of the person ends: whoever knew the old password is signed out.
 */
export async function changePassword(
  ctx: DomainContext,
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string,
): Promise<void> {
  const { actor, ipAddress } = ctx;
  assertCan(actor, 'update:password:own');
  const person = await Person.findByPk(actor.id);
  if (!person) throw new NotFound('Person');
  const throttle = loginThrottle();
  const email = normaliseEmail(person.email);
  const retryAfterSeconds = await throttle.retryAfterSeconds(email, ipAddress);
  if (retryAfterSeconds > 0) {
    throw new ValidationError({ currentPassword: [tooManyAttemptsMessage(retryAfterSeconds, 'check your password')] });
  }
  if (!(await verifyPassword(person.passwordHash, input.currentPassword))) {
    await throttle.recordFailure(email, ipAddress);
    throw new ValidationError({ currentPassword: ['Your current password is not right'] });
  }
  await throttle.recordSuccess(email, ipAddress);
  const passwordHash = await hashPassword(input.newPassword);
  await write(ctx, {
    permission: 'update:password:own',
    run: async (_, transaction, record) => {
      await person.update({ passwordHash }, { transaction });
      await Session.destroy({
        where: { personId: person.id, tokenHash: { [Op.ne]: hashToken(currentSessionId) } },
        transaction,
      });
      record({
        action: AUDIT_ACTIONS.passwordChanged,
        summary: `${actor.name} changed their password; their other sessions were ended`,
        subject: { type: 'person', id: actor.id },
      });
    },
  });
}

/**
 * An active person of the organisation as an actor, for work the job queue does after their request: a team's
 * portfolios are printed as the person who asked for them, so each print is checked and audited as theirs. Null once
 * they are deactivated. No check: there is no request; the domain functions the actor is passed to check it.
 */
export async function loadActorById(organisationId: number, personId: number): Promise<Actor | null> {
  const person = await Person.findOne({
    where: { id: personId, organisationId, deactivatedAt: null },
    include: [
      { model: PersonRole, as: 'roles', attributes: ['role'] },
      { model: Organisation, as: 'organisation', attributes: ['name'] },
    ],
  });
  if (!person) return null;
  return actorOf(person);
}
