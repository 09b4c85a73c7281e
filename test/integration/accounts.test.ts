// Signing in and out, throttling, deactivation and reset links, on the real database.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import {
  changePassword,
  describeResetLink,
  issuePasswordResetLink,
  loadActorForSession,
  login,
  logout,
  resetPassword,
} from '#app/domain/accounts.server.ts';
import { setPersonActive } from '#app/domain/people.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { ADDRESS_LIMITS, FREE_CONSECUTIVE_FAILURES, loginThrottle } from '#app/utils/login-throttle.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, PasswordResetToken, Person, Session, sequelize } from '#db/models/index.ts';
import { TEST_PASSWORD, createStaffedOrganisation, unique } from '#test/factories/index.ts';

function address() {
  return unique('ip');
}

describe('accounts', () => {
  it('signs in with the right password and loads the actor with their roles', async () => {
    const { worker, organisation } = await createStaffedOrganisation();
    const result = await login({ email: worker.email.toUpperCase(), password: TEST_PASSWORD, ipAddress: address() });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const actor = await loadActorForSession(result.sessionId);
    expect(actor).to.include({ id: worker.id, organisationId: organisation.id, organisationName: organisation.name });
    expect(actor?.roles).to.deep.equal(['worker']);
    const events = await AuditEvent.findAll({ where: { actorId: worker.id, action: 'login.succeeded' } });
    expect(events).to.have.length(1);
  });

  it('loads the line supervisor only while the link counts, so that being supervised is a fact of the actor', async () => {
    const { worker, supervisor } = await createStaffedOrganisation();
    const result = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    if (!result.ok) throw new Error('sign-in failed');
    expect((await loadActorForSession(result.sessionId))?.lineSupervisorId).to.equal(supervisor.id);
    await Person.update({ deactivatedAt: new Date() }, { where: { id: supervisor.id } });
    expect((await loadActorForSession(result.sessionId))?.lineSupervisorId).to.equal(null);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { worker } = await createStaffedOrganisation();
    const wrongPassword = await login({ email: worker.email, password: 'not the password', ipAddress: address() });
    const unknownEmail = await login({ email: `${unique('nobody')}@example.org`, password: TEST_PASSWORD, ipAddress: address() });
    expect(wrongPassword).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(unknownEmail).to.deep.equal({ ok: false, reason: 'invalid' });
  });

  it('cannot be used to lock the real person out: failures from other addresses do not stop the right password', async () => {
    const { worker } = await createStaffedOrganisation();
    const attacker = address();
    for (let attempt = 0; attempt < FREE_CONSECUTIVE_FAILURES; attempt += 1) {
      await login({ email: worker.email, password: `wrong ${attempt}`, ipAddress: attacker });
    }
    const attackerAgain = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: attacker });
    expect(attackerAgain).to.deep.equal({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    // More addresses join in, the address-wide limits not yet reached.
    const others = [address(), address()];
    for (const other of others) await loginThrottle().recordFailure(worker.email, other);
    for (let attempt = 0; attempt < FREE_CONSECUTIVE_FAILURES; attempt += 1) {
      await login({ email: worker.email, password: `wrong ${attempt}`, ipAddress: others[0]! });
    }
    const realPerson = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    expect(realPerson.ok).to.equal(true);
  });

  it('refuses an address blocked for failing against many accounts before its attempt counts against the account it names', async () => {
    const { worker } = await createStaffedOrganisation();
    const spraying = address();
    for (let attempt = 0; attempt < ADDRESS_LIMITS[0]!.failures - 1; attempt += 1) {
      await loginThrottle().recordFailure(`${unique('nobody')}@example.org`, spraying);
    }
    expect(await login({ email: `${unique('nobody')}@example.org`, password: 'guess', ipAddress: spraying })).to.deep.equal({
      ok: false,
      reason: 'invalid',
    });
    for (const password of [TEST_PASSWORD, 'guess', 'guess again']) {
      const refused = await login({ email: worker.email, password, ipAddress: spraying });
      expect(refused).to.include({ ok: false, reason: 'throttled' });
    }
    expect(await loginThrottle().consecutiveFailures(worker.email, spraying)).to.equal(0);
    expect(await AuditEvent.count({ where: { action: 'login.failed', subjectId: worker.id } })).to.equal(0);
    expect((await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() })).ok).to.equal(true);
  });

  it('forgets the failures of an account and address once the right password is given there', async () => {
    const { worker } = await createStaffedOrganisation();
    const own = address();
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < FREE_CONSECUTIVE_FAILURES - 1; attempt += 1) {
        expect(await login({ email: worker.email, password: 'mistyped', ipAddress: own })).to.deep.equal({ ok: false, reason: 'invalid' });
      }
      expect((await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: own })).ok).to.equal(true);
    }
  });

  it('refuses a deactivated person and signs them out everywhere', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const first = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    expect(first.ok).to.equal(true);
    await setPersonActive(contextFor(admin, { ipAddress: address() }), worker.id, false);
    expect(await Session.count({ where: { personId: worker.id } })).to.equal(0);
    if (first.ok) expect(await loadActorForSession(first.sessionId)).to.equal(null);
    const again = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    expect(again).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(await Person.count({ where: { id: worker.id } })).to.equal(1);
  });

  it('stores only a hash of the session id, and the raw id from the cookie still signs in', async () => {
    const { worker } = await createStaffedOrganisation();
    const result = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    if (!result.ok) throw new Error('login failed');
    expect(result.sessionId).to.match(/^[A-Za-z0-9_-]{43,}$/);
    const rows = await sequelize.query('SELECT * FROM sessions', { type: QueryTypes.SELECT });
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) expect(Object.values(row as object).map(String)).not.to.include(result.sessionId);
    const stored = JSON.stringify(rows);
    expect(stored).to.include(createHash('sha256').update(result.sessionId).digest('hex'));
    expect(await loadActorForSession(result.sessionId)).to.include({ id: worker.id });
    // Knowing what the database holds is not enough to sign in.
    const hashes = rows.flatMap((row) => Object.values(row as object).map(String)).filter((value) => /^[0-9a-f]{64}$/.test(value));
    for (const hash of hashes) expect(await loadActorForSession(hash)).to.equal(null);
  });

  it('ends the session on logout', async () => {
    const { worker } = await createStaffedOrganisation();
    const result = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    if (!result.ok) throw new Error('login failed');
    await logout(result.sessionId, address());
    expect(await loadActorForSession(result.sessionId)).to.equal(null);
  });

  it('signs out every other session when the password is changed, keeping the one that changed it', async () => {
    const { worker } = await createStaffedOrganisation();
    const here = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    const elsewhere = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    if (!here.ok || !elsewhere.ok) throw new Error('login failed');
    await changePassword(contextFor(worker, { ipAddress: address() }), { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }, here.sessionId);
    expect(await loadActorForSession(here.sessionId)).to.include({ id: worker.id });
    expect(await loadActorForSession(elsewhere.sessionId)).to.equal(null);
    expect(await Session.count({ where: { personId: worker.id } })).to.equal(1);
    expect((await login({ email: worker.email, password: 'a brand new password', ipAddress: address() })).ok).to.equal(true);
  });

  it('throttles the current-password check of a password change like sign-in', async () => {
    const { worker } = await createStaffedOrganisation();
    const signedIn = await login({ email: worker.email, password: TEST_PASSWORD, ipAddress: address() });
    if (!signedIn.ok) throw new Error('login failed');
    const here = address();
    const change = (currentPassword: string) =>
      changePassword(contextFor(worker, { ipAddress: here }), { currentPassword, newPassword: 'a brand new password' }, signedIn.sessionId).then(
        () => null,
        (error: unknown) => (error instanceof ValidationError ? error.fieldErrors.currentPassword?.[0] : error),
      );
    for (let attempt = 0; attempt < FREE_CONSECUTIVE_FAILURES; attempt += 1) {
      expect(await change(`guess ${attempt}`)).to.equal('Your current password is not right');
    }
    expect(await change(TEST_PASSWORD)).to.equal('Too many attempts to check your password. Wait 1 second, then try again');
    expect(await loginThrottle().consecutiveFailures(worker.email, here)).to.equal(FREE_CONSECUTIVE_FAILURES);
  });

  it('issues a single-use reset link that sets a new password and only its hash is stored', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const { token } = await issuePasswordResetLink(contextFor(admin, { ipAddress: address() }), worker.id);
    expect(await PasswordResetToken.count({ where: { tokenHash: token } })).to.equal(0);
    expect(await describeResetLink(token)).to.deep.equal({ personName: worker.name });
    await resetPassword(token, 'a brand new password', address());
    const result = await login({ email: worker.email, password: 'a brand new password', ipAddress: address() });
    expect(result.ok).to.equal(true);
    let reused: unknown;
    await resetPassword(token, 'another password again', address()).catch((error) => (reused = error));
    expect(reused).to.be.instanceOf(NotFound);
  });

  it('rejects an expired reset link, and a new link cancels the old one', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const first = await issuePasswordResetLink(contextFor(admin, { ipAddress: address() }), worker.id);
    const second = await issuePasswordResetLink(contextFor(admin, { ipAddress: address() }), worker.id);
    let error: unknown;
    await describeResetLink(first.token).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(NotFound);
    await PasswordResetToken.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { personId: worker.id, usedAt: null } });
    error = undefined;
    await describeResetLink(second.token).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(NotFound);
  });

  it('lets only admins of the same organisation issue reset links', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    let forbidden: unknown;
    await issuePasswordResetLink(contextFor(one.manager, { ipAddress: address() }), one.worker.id).catch((error) => (forbidden = error));
    expect(forbidden).to.be.instanceOf(Forbidden);
    let notFound: unknown;
    await issuePasswordResetLink(contextFor(other.admin, { ipAddress: address() }), one.worker.id).catch((error) => (notFound = error));
    expect(notFound).to.be.instanceOf(NotFound);
  });
});
