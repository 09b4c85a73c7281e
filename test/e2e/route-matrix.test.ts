// Who may reach which route, over plain HTTP: every route file × every kind of visitor, plus CSRF on every action.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { batchFileStore } from '#app/domain/portfolio/queue/batch-files.server.ts';
import { hashPassword } from '#app/utils/password.server.ts';
import { Evidence, EvidenceFile, EvidenceItemLink, Organisation, Person, PersonRole, Policy, PortfolioBatch, RoleProfile, SupervisionSession, Team } from '#db/models/index.ts';
import { demoLogins } from '#db/seed/index.ts';
import { anonymousSession, httpLogin, httpLoginAs, url, type HttpSession } from './harness.ts';
import { ACTORS, POST_RULES, ROLES, RULES, SIGNED_IN, evidenceReaders, type ActorName, type Context, type Outcome, type PostOutcome } from './route-rules.ts';

const ROUTES_DIR = path.resolve('app/routes');

function postMatches(outcome: PostOutcome, status: number): boolean {
  if (outcome === 'may') return status !== 403 && status !== 404 && status < 500;
  if (outcome === 'form first') return status === 400;
  return status === outcome;
}

/** Read-only routes whose action refuses every POST (405) before any form is read, so there is no token to check. */
const READ_ONLY = (name: string) => name.startsWith('ims.case.');

/** A path to POST to for each route file that has an action (the rule's path, with a stand-in token where needed). */
const POST_PATHS: Record<string, (context: Context) => string> = {
  'reset-password.$token': () => '/reset-password/x',
};

function routeFiles(): { name: string; file: string }[] {
  return readdirSync(ROUTES_DIR)
    .filter((entry) => !entry.startsWith('.'))
    .map((entry) => {
      const full = path.join(ROUTES_DIR, entry);
      // A folder route keeps its module in route.tsx (or route.ts).
      const file = statSync(full).isDirectory()
        ? ['route.tsx', 'route.ts', 'route.jsx', 'route.js'].map((name) => path.join(full, name)).find((candidate) => {
            try {
              return statSync(candidate).isFile();
            } catch {
              return false;
            }
          }) ?? full
        : full;
      return { name: entry.replace(/\.(tsx|ts|jsx|js)$/, ''), file };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function hasAction(file: string): boolean {
  if (!statSync(file).isFile()) return false;
  return /export\s+(?:const|let|var)\s+action\b|export\s+(?:async\s+)?function\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(
    readFileSync(file, 'utf8'),
  );
}

function expectedText(outcome: Outcome): string {
  return typeof outcome === 'object' ? `302 → ${outcome.to}` : String(outcome);
}

function describeOutcome(status: number, location: string | null): string {
  return location ? `${status} → ${location}` : String(status);
}

function matches(outcome: Outcome, requestPath: string, status: number, location: string | null): boolean {
  if (typeof outcome === 'number') return status === outcome;
  if (status !== 302 || !location) return false;
  if (typeof outcome === 'object') return location === outcome.to;
  if (outcome === 'home') return location === '/';
  const expected = requestPath === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: requestPath })}`;
  return location === expected;
}

async function get(requestPath: string, session: HttpSession | null): Promise<Response> {
  return fetch(url(requestPath), { redirect: 'manual', headers: session ? { Cookie: session.cookie } : {} });
}

async function post(requestPath: string, session: HttpSession | null, fields: Record<string, string>): Promise<Response> {
  return fetch(url(requestPath), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(session ? { Cookie: session.cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

/** The same token with every character changed, so it has the right length and alphabet but is wrong. */
function wrongToken(token: string): string {
  return [...token].map((character) => (character === 'a' ? 'b' : 'a')).join('');
}

/** Changes one character of the signed cookie's value, keeping it well-formed. */
function tamper(cookie: string): string {
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  const index = Math.min(8, value.length - 1);
  const replacement = value[index] === 'A' ? 'B' : 'A';
  return `${name}=${value.slice(0, index)}${replacement}${value.slice(index + 1)}`;
}

describe('routes × roles access matrix (HTTP)', function () {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const sessions = new Map<ActorName, HttpSession | null>();
  const otherAdminLogin = { email: '', password: '' };
  const context: Context = { workerId: 0, policyId: 0, roleProfileId: 0, evidenceId: 0, evidenceFileId: 0, supervisionSessionId: 0, itemId: 0, portfolioBatchId: 0 };

  before(async function () {
    // Another organisation, with an admin of its own who must never see the demo organisation's people.
    const password = `other organisation ${stamp}`;
    const organisation = await Organisation.create({ name: `Hillside Care ${stamp}`, slug: `hillside-${stamp}` });
    const otherAdmin = await Person.create({
      organisationId: organisation.id,
      email: `admin.${stamp}@hillside.example.org`,
      name: 'Olu Hillside',
      jobTitle: 'Office Manager',
      passwordHash: await hashPassword(password),
      teamId: null,
      lineSupervisorId: null,
      deactivatedAt: null,
    });
    await PersonRole.create({ organisationId: organisation.id, personId: otherAdmin.id, role: 'admin' });

    const worker = demoLogins().find((login) => login.role === 'worker')!;
    const workerRow = await Person.findOne({ where: { email: worker.email } });
    if (!workerRow) throw new Error('The demo worker is not in the database (was the demo organisation seeded?)');
    context.workerId = workerRow.id;
    const [policy, roleProfile] = await Promise.all([
      Policy.findOne({ where: { organisationId: workerRow.organisationId }, order: [['id', 'ASC']] }),
      RoleProfile.findOne({ where: { organisationId: workerRow.organisationId }, order: [['id', 'ASC']] }),
    ]);
    if (!policy || !roleProfile) throw new Error('The demo organisation has no policy or role profile (was it seeded?)');
    context.policyId = policy.id;
    context.roleProfileId = roleProfile.id;
    // The demo worker's seeded, submitted evidence with a PDF attached (db/seed/evidence.ts).
    const evidence = await Evidence.findOne({ where: { workerId: workerRow.id, submissionToken: 'demo-sarah-boundaries' } });
    const evidenceFile = evidence?.currentRevisionId
      ? await EvidenceFile.findOne({ where: { evidenceRevisionId: evidence.currentRevisionId }, order: [['id', 'ASC']] })
      : null;
    if (!evidence || !evidenceFile) throw new Error('The demo worker has no seeded evidence with a file (was the demo organisation seeded?)');
    context.evidenceId = evidence.id;
    context.evidenceFileId = evidenceFile.id;
    // An item that evidence is mapped to, for the item's history page.
    const link = await EvidenceItemLink.findOne({ where: { evidenceRevisionId: evidence.currentRevisionId! }, order: [['id', 'ASC']] });
    if (!link) throw new Error('The demo worker\'s seeded evidence is mapped to no item (was the demo organisation seeded?)');
    context.itemId = link.standardItemId;
    // One of the demo worker's seeded supervision sessions (db/seed/supervision.ts).
    const supervisionSession = await SupervisionSession.findOne({ where: { workerId: workerRow.id }, order: [['id', 'ASC']] });
    if (!supervisionSession) throw new Error('The demo worker has no seeded supervision session (was the demo organisation seeded?)');
    context.supervisionSessionId = supervisionSession.id;
    // A finished batch of the demo manager's team portfolios, with its file in the batch store.
    const manager = await Person.findOne({ where: { email: demoLogins().find((login) => login.role === 'manager')!.email } });
    const team = await Team.findOne({ where: { organisationId: workerRow.organisationId, name: 'Adult Services Customer Contact' } });
    if (!manager || !team) throw new Error('The demo manager or their team is missing (was the demo organisation seeded?)');
    const batch = await PortfolioBatch.create({
      organisationId: workerRow.organisationId,
      requestedById: manager.id,
      scopeType: 'team',
      teamId: team.id,
      locationId: null,
      scopeName: team.name,
      output: 'zip',
      status: 'done',
      itemCount: 0,
      resultFileName: 'portfolios-route-matrix.zip',
      resultStoredName: await batchFileStore().write(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'zip'),
      resultByteSize: 22,
      errorMessage: null,
      startedAt: null,
      finishedAt: new Date(),
    });
    context.portfolioBatchId = batch.id;

    sessions.set('loggedOut', null);
    for (const role of ROLES) sessions.set(role, await httpLoginAs(role));
    sessions.set('otherAdmin', await httpLogin(otherAdmin.email, password));
    otherAdminLogin.email = otherAdmin.email;
    otherAdminLogin.password = password;
  });

  it('has a rule for every route file (and no rule for a route that is gone)', () => {
    const names = routeFiles().map((route) => route.name);
    expect(names, 'app/routes is readable').to.include('_index');
    const missing = names.filter((name) => !(name in RULES));
    const stale = Object.keys(RULES).filter((name) => !names.includes(name));
    expect(missing, 'route files without an access rule in test/e2e/route-matrix.test.ts').to.deep.equal([]);
    expect(stale, 'access rules for route files that no longer exist').to.deep.equal([]);
  });

  for (const [name, rule] of Object.entries(RULES)) {
    it(`GET ${name}: ${ACTORS.map((actor) => `${actor} ${expectedText(rule.get[actor])}`).join(', ')}`, async () => {
      const requestPath = rule.path(context);
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        const response = await get(requestPath, sessions.get(actor) ?? null);
        await response.arrayBuffer();
        const location = response.headers.get('location');
        const outcome = rule.get[actor];
        if (!matches(outcome, requestPath, response.status, location)) {
          wrong.push(`${actor}: expected ${expectedText(outcome)}, got ${describeOutcome(response.status, location)}`);
        }
      }
      expect(wrong, `GET ${requestPath}`).to.deep.equal([]);
    });
  }

  it('refuses every action without the right CSRF token, even from someone allowed to use it', async () => {
    const withActions = routeFiles().filter((route) => hasAction(route.file) && !READ_ONLY(route.name));
    expect(withActions.map((route) => route.name), 'the actions this test knows about, at least').to.include.members([
      'login',
      'logout',
      'people.new',
      'people.$personId',
      'organisation',
      'account',
      'reset-password.$token',
    ]);
    const admin = sessions.get('admin')!;
    // An admin may not record evidence, judge it or supervise, so a refusal by role would hide whether the token was
    // checked: those routes are probed as the demo worker, assessor and supervisor, who may use them.
    const prober = (name: string) =>
      name.startsWith('evidence')
        ? sessions.get('worker')!
        : name.startsWith('workers.$workerId_')
          ? sessions.get('assessor')!
          : name.startsWith('supervision')
            ? sessions.get('supervisor')!
            : admin;
    const wrong: string[] = [];
    for (const route of withActions) {
      const rule = RULES[route.name];
      if (!rule) {
        wrong.push(`${route.name}: has an action but no rule`);
        continue;
      }
      const requestPath = (POST_PATHS[route.name] ?? rule.path)(context);
      // Plausible fields, so that only the token can be the reason for refusing.
      const fields = { intent: 'save', name: 'CSRF Probe', email: `csrf.${stamp}@riverside.example.org`, password: 'x', roles: 'worker' };
      for (const [label, csrf] of [
        ['no csrf field', undefined],
        ['an empty csrf field', ''],
        ['a wrong csrf token', wrongToken(admin.csrf)],
        ['another visitor’s csrf token', (await anonymousSession()).csrf],
      ] as const) {
        const response = await post(requestPath, prober(route.name), csrf === undefined ? fields : { ...fields, csrf });
        await response.arrayBuffer();
        if (response.status !== 403) {
          wrong.push(`POST ${requestPath} with ${label}: expected 403, got ${describeOutcome(response.status, response.headers.get('location'))}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('answers every action as its table says, for every role, with a valid CSRF token and a minimal body', async () => {
    const withActions = routeFiles().filter((route) => hasAction(route.file) && !READ_ONLY(route.name)).map((route) => route.name);
    expect(Object.keys(POST_RULES).sort(), 'a POST rule for every route with an action, and none for a route without').to.deep.equal(withActions.sort());
    const wrong: string[] = [];
    for (const [name, rule] of Object.entries(POST_RULES)) {
      const requestPath = (POST_PATHS[name] ?? RULES[name]!.path)(context);
      for (const actor of SIGNED_IN) {
        const session =
          name === 'logout' ? (actor === 'otherAdmin' ? await httpLogin(otherAdminLogin.email, otherAdminLogin.password) : await httpLoginAs(actor)) : sessions.get(actor)!;
        const response = await post(requestPath, session, { ...rule.body, csrf: session.csrf });
        await response.arrayBuffer();
        if (!postMatches(rule.expect[actor], response.status)) {
          wrong.push(`POST ${requestPath} as ${actor}: expected ${rule.expect[actor]}, got ${describeOutcome(response.status, response.headers.get('location'))}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('answers the same for evidence that exists and evidence that does not, to anyone who may not read it', async () => {
    const missing = 2_000_000_000;
    const wrong: string[] = [];
    for (const actor of ACTORS.filter((name) => name !== 'loggedOut')) {
      for (const [existing, absent] of [
        [`/evidence/${context.evidenceId}`, `/evidence/${missing}`],
        [`/evidence/${context.evidenceId}/edit`, `/evidence/${missing}/edit`],
        [`/evidence-files/${context.evidenceFileId}`, `/evidence-files/${missing}`],
        [`/workers/${context.workerId}`, `/workers/${missing}`],
      ]) {
        const [real, none] = await Promise.all([get(existing!, sessions.get(actor)!), get(absent!, sessions.get(actor)!)]);
        await Promise.all([real.arrayBuffer(), none.arrayBuffer()]);
        if (none.status !== 403 && none.status !== 404) wrong.push(`${actor}: GET ${absent} answered ${none.status}`);
        // Someone who may not read the evidence must not be able to tell it from evidence that does not exist.
        if (evidenceReaders()[actor] !== 200 && real.status !== none.status) {
          wrong.push(`${actor}: GET ${existing} answered ${real.status} but ${absent} answered ${none.status}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('lets the worker’s own CSRF token through to the evidence actions', async () => {
    // The control for the probes above: with the right token the action runs, and refuses to submit twice (409).
    const worker = sessions.get('worker')!;
    const response = await post(`/evidence/${context.evidenceId}`, worker, { intent: 'submit', csrf: worker.csrf });
    await response.arrayBuffer();
    expect(response.status, 'submitting already-submitted evidence with the right token').to.equal(409);
  });

  it('refuses a signed-out POST to the sign-in and reset forms without a token, and accepts the right token', async () => {
    for (const requestPath of ['/login', '/reset-password/x']) {
      const bare = await post(requestPath, null, { email: 'nobody@example.org', password: 'x', newPassword: 'x', confirmPassword: 'x' });
      expect(bare.status, `POST ${requestPath} with no cookie and no token`).to.equal(403);
    }
    // The control: the same admin session with its own token signs out (so the 403s above were the token's doing).
    const admin = await httpLoginAs('admin');
    const signOut = await post('/logout', admin, { csrf: admin.csrf });
    expect(signOut.status).to.equal(302);
    expect(signOut.headers.get('location')).to.equal('/login');
    const after = await get('/', admin);
    expect(after.status, 'the session ended on the server').to.equal(302);
    expect(after.headers.get('location')).to.equal('/login');
  });

  it('treats a tampered session cookie as signed out', async () => {
    const worker = await httpLoginAs('worker');
    const genuine = await get('/', worker);
    expect(genuine.status, 'the genuine cookie works').to.equal(200);
    const tampered = { ...worker, cookie: tamper(worker.cookie) };
    expect(tampered.cookie).not.to.equal(worker.cookie);
    const response = await get('/', tampered);
    expect(response.status).to.equal(302);
    expect(response.headers.get('location')).to.equal('/login');
    const account = await get('/account', tampered);
    expect(account.status).to.equal(302);
    expect(account.headers.get('location')).to.equal('/login?redirectTo=%2Faccount');
  });
});
