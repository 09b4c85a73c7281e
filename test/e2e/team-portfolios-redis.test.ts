// With REDIS_URL set (TEST_REDIS_URL): a second portal server on the same database hands a team's portfolios to
// Redis and makes none itself; `npm run worker` (scripts/worker.ts) started afterwards makes them, and the manager
// downloads the ZIP, one PDF per worker, read back by pdfinfo and pdftotext. Over plain HTTP, as a browser without JavaScript.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { Team } from '#db/models/index.ts';
import { cookiesFrom, csrfFromHtml, demoLogin } from './harness.ts';
import { workersOfTeam } from './team-workers.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const TEAM = 'Adult Services Customer Contact';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a process and waits until a line of its output matches. */
async function started(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} was not ready within 30 s:\n${output.slice(-3000)}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`)));
  });
  return child;
}

describe('team portfolios with REDIS_URL: the web process queues, npm run worker makes them', function () {
  this.timeout(120_000);
  const prefix = `nosfolio-e2e-${process.pid}-${Date.now()}`;
  const children: ChildProcess[] = [];
  let base = '';
  let env: NodeJS.ProcessEnv = process.env;

  before(async function () {
    if (!redisUrl) return this.skip();
    const port = await freePort();
    base = `http://localhost:${port}`;
    env = { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'info' };
    await started(process.execPath, ['server/index.js'], { ...env, NODE_ENV: 'production', PORT: String(port) }, /"msg":"listening"/, children);
  });

  after(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (redisUrl) {
      const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length) await client.del(...keys);
      await client.quit();
    }
  });

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const login = await demoLogin('manager');
    const form = await fetch(`${base}/login`);
    const anonymous = `__nosfolio=${cookiesFrom(form).__nosfolio}`;
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: anonymous },
      body: new URLSearchParams({ email: login.email, password: login.password, csrf: csrfFromHtml(await form.text()), redirectTo: '/' }),
    });
    expect(response.status).to.equal(302);
    const cookie = `__nosfolio=${cookiesFrom(response).__nosfolio}`;
    const home = await fetch(`${base}/`, { headers: { Cookie: cookie } });
    return { cookie, csrf: csrfFromHtml(await home.text()) };
  }

  const statusIn = (html: string) => /id="batch-status">([^<]+)</.exec(html)?.[1];

  it('queues the team without making it, then a worker started later makes the ZIP', async () => {
    const session = await signIn();
    const team = await Team.findOne({ where: { name: TEAM } });
    // The team's active workers now, with those of the teams within it (other tests may have added some).
    const people = await workersOfTeam(TEAM);
    const asked = await fetch(`${base}/team/portfolios`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      body: new URLSearchParams({ csrf: session.csrf, scope: `team:${team!.id}`, output: 'zip' }),
    });
    expect(asked.status).to.equal(302);
    const progressPath = asked.headers.get('location')!;
    expect(progressPath).to.match(/^\/team\/portfolios\/\d+$/);
    // The page as text, without the comments React puts between the parts of a sentence.
    const page = () =>
      fetch(`${base}${progressPath}`, { headers: { Cookie: session.cookie } })
        .then((response) => response.text())
        .then((html) => html.replace(/<!-- -->/g, ''));

    // No worker yet: the web process only queued them.
    await sleep(2_000);
    const waiting = await page();
    expect(statusIn(waiting)).to.equal('Waiting to start');
    expect(waiting).to.contain(`0 of ${people.length} done`);

    await started(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--lock-ms', '5000'], env, /portfolio worker ready/, children);
    let html = waiting;
    for (let tries = 0; statusIn(html) !== 'Ready' && tries < 120; tries += 1) {
      await sleep(500);
      html = await page();
    }
    expect(statusIn(html)).to.equal('Ready');
    expect(html).to.contain(`${people.length} of ${people.length} done`);

    const download = await fetch(`${base}${progressPath}/download`, { headers: { Cookie: session.cookie } });
    expect(download.status).to.equal(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-redis-zip-'));
    writeFileSync(path.join(dir, 'team.zip'), new Uint8Array(await download.arrayBuffer()));
    execFileSync('unzip', ['-q', 'team.zip', '-d', 'out'], { cwd: dir });
    const files = readdirSync(path.join(dir, 'out'));
    const names = files.map((file) => /^Title:\s+Portfolio of (.+)$/m.exec(execFileSync('pdfinfo', [path.join(dir, 'out', file)], { encoding: 'utf8' }))?.[1]);
    for (const file of files) expect(execFileSync('pdftotext', [path.join(dir, 'out', file), '-'], { encoding: 'utf8' })).to.match(/Verification code/);
    expect(names).to.have.members(people);
    expect(names).to.have.length(people.length);
  });
});
