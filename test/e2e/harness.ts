// End-to-end harness: builds the app, seeds the demo organisation, starts the production server and one Chromium.
// Loaded by mocha through `require` in test/e2e/.mocharc.json, after test/setup/database.ts (given on the command
// line) has pointed DATABASE_URL and DATA_DIR at a fresh temporary database and migrated it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { expect } from 'chai';
import puppeteer, { type Browser, type Page } from 'puppeteer';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DemoRole = 'worker' | 'assessor' | 'iqa' | 'supervisor' | 'manager' | 'admin';
export type DemoLogin = { role: DemoRole; name: string; email: string; password: string };

// Kept on globalThis so that the copy of this module mocha `require`d and the copy the test files import share state
// even if a loader were ever to give them different URLs.
type State = { browser?: Browser; server?: ChildProcess; baseUrl?: string; serverLog: string[] };
const STATE_KEY = Symbol.for('nosfolio.e2e.harness');
const state: State = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as State | undefined) ?? { serverLog: [] };
(globalThis as Record<symbol, unknown>)[STATE_KEY] = state;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      // Vite lists every watched file after an error; the message before that list is what matters.
      const readable = output.split('\n').filter((line) => !/^\s+'\/.*',?$/.test(line)).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${readable.slice(0, 3000)}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with ${server.exitCode} before it was healthy:\n${state.serverLog.join('').slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
      lastProblem = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server was not healthy within ${timeoutMs} ms (${lastProblem}):\n${state.serverLog.join('').slice(-4000)}`);
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    if (!process.env.DATABASE_URL?.startsWith('sqlite:') && !process.env.DATABASE_URL?.startsWith('mysql')) {
      throw new Error('DATABASE_URL is not set: run the end-to-end tests with --require test/setup/database.ts before the harness');
    }
    // The build, the demo data and the browser do not depend on one another.
    const [browser] = await Promise.all([
      puppeteer.launch({
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      }),
      // Vite picks development or production React from NODE_ENV, which the database setup set to "test".
      run('npx', ['--no-install', 'remix', 'vite:build'], { ...process.env, NODE_ENV: 'production' }),
      import('#db/seed/index.ts').then(({ seedDemo }) => seedDemo()),
    ]);
    state.browser = browser;

    const port = await freePort();
    state.baseUrl = `http://localhost:${port}`;
    const server = spawn(process.execPath, ['server/index.js'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    state.server = server;
    // Should mocha stop without running afterAll, the server must not outlive it.
    process.once('exit', () => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });
    const keep = (chunk: Buffer) => {
      state.serverLog.push(chunk.toString());
      if (state.serverLog.length > 200) state.serverLog.shift();
      if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
    };
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
    await waitForHealth(state.baseUrl, server);
  },

  async afterAll(this: Mocha.Context) {
    this.timeout(20_000);
    await state.browser?.close().catch(() => undefined);
    state.browser = undefined;
    const server = state.server;
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    state.server = undefined;
  },
};

/** The running server's origin, such as http://localhost:40123. */
export function baseUrl(): string {
  if (!state.baseUrl) throw new Error('The end-to-end server is not running (is test/e2e/harness.ts in the mocha require list?)');
  return state.baseUrl;
}

/** The lines the server has written to stdout and stderr lately (the last 200 chunks). */
export function serverLogLines(): string[] {
  return state.serverLog.join('').split('\n').filter((line) => line.trim() !== '');
}

/** The process id of the running server, for measuring its memory. */
export function serverPid(): number {
  const pid = state.server?.pid;
  if (!pid) throw new Error('The end-to-end server is not running');
  return pid;
}

export function url(pathname: string): string {
  return new URL(pathname, baseUrl()).toString();
}

/** A page in a fresh incognito browser context, so no cookie leaks between tests. Close it with closePage. */
export async function newPage(): Promise<Page> {
  if (!state.browser) throw new Error('The browser is not running');
  const context = await state.browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);
  return page;
}

/**
 * With SHOTS_DIR set, photographs the whole page at a desktop and a phone width, for people to look at (never kept in
 * the repository); the phone width also in screenfuls, to read it at its real size. Does nothing otherwise.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewport({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewport({ width: 390, height: 844 });
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let part = 0; part * 844 < Math.min(height, 844 * 8); part += 1) {
    await page.screenshot({ path: path.join(dir, `${name}-390-part${part + 1}.png`), clip: { x: 0, y: part * 844, width: 390, height: 844 }, captureBeyondViewport: true });
  }
  await page.setViewport({ width: 1280, height: 900 });
}

/** Closes the page's whole browser context (and its cookies). */
export async function closePage(page: Page | undefined): Promise<void> {
  if (!page) return;
  await page.browserContext().close().catch(() => undefined);
}

export async function demoLogin(role: DemoRole): Promise<DemoLogin> {
  const { demoLogins } = await import('#db/seed/index.ts');
  const login = demoLogins().find((candidate) => candidate.role === role);
  if (!login) throw new Error(`There is no demo login for the ${role} role`);
  return login as DemoLogin;
}

/** The id of the input a visible <label> with this exact text points at. */
export async function inputIdForLabel(page: Page, labelText: string): Promise<string> {
  const id = await page.$$eval(
    'label',
    (labels, text) => labels.find((label) => label.textContent?.trim() === text)?.htmlFor ?? null,
    labelText,
  );
  if (!id) throw new Error(`No label "${labelText}" on ${page.url()}`);
  return id;
}

/** The id of the focused element, or its tag when it has none. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? element.id || element.tagName.toLowerCase() : '';
  });
}

/** Presses Tab until the element with this id has focus, as a keyboard user would. */
export async function tabTo(page: Page, id: string, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  if ((await focusedId(page)) !== id) throw new Error(`Could not reach #${id} with the Tab key on ${page.url()}`);
}

/** Waits for the client-side app to take over, so that what the keyboard does next goes through React. */
export async function waitForHydration(page: Page): Promise<void> {
  if (!page.isJavaScriptEnabled()) return;
  await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter), { timeout: 10_000 });
}

export async function headingText(page: Page): Promise<string> {
  return page.$eval('h1', (heading) => heading.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/** Types an email address and password on the sign-in page with the keyboard and presses Enter. */
export async function signInWithKeyboard(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto(url('/login'), { waitUntil: 'load' });
  await waitForHydration(page);
  const emailId = await inputIdForLabel(page, 'Email address');
  const passwordId = await inputIdForLabel(page, 'Password');
  // From the top of a freshly loaded page the skip link is the first stop; Tab on from there to the email field.
  if ((await focusedId(page)) === 'body') {
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first, 'the first Tab stop is the skip link').to.equal('#main-content');
  }
  await tabTo(page, emailId);
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  expect(await focusedId(page), 'Tab from the email field goes to the password field').to.equal(passwordId);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Signs in as the demo person for this role with the keyboard and waits for their home page. */
export async function loginAs(page: Page, role: DemoRole): Promise<DemoLogin> {
  const login = await demoLogin(role);
  await loginWith(page, login.email, login.password);
  return login;
}

/** Signs in with the keyboard and waits for the home page to greet the person. */
export async function loginWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto(url('/login'), { waitUntil: 'load' });
  await signInWithKeyboard(page, email, password);
  await waitForHeading(page, /^Hello, /);
}

/** Waits until the page's h1 matches (after a client-side navigation the URL can change before the new page renders). */
export async function waitForHeading(page: Page, pattern: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      (source, flags) => new RegExp(source, flags).test(document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      {},
      pattern.source,
      pattern.flags,
    );
  } catch (error) {
    const heading = await page.$eval('h1', (h1) => h1.textContent).catch(() => 'none');
    throw new Error(`Expected a heading matching ${pattern} on ${page.url()}, but it is "${heading}" (${(error as Error).message})`);
  }
}

/** The WCAG 2.2 AA violations axe finds on the page, one readable line per violation and element. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // axe needs timers, which do not run while the page's JavaScript is off. Turning it back on for the check does not
  // reload the page, so the app stays as it was rendered without JavaScript.
  const javaScriptWasOff = !page.isJavaScriptEnabled();
  if (javaScriptWasOff) await page.setJavaScriptEnabled(true);
  // Legacy mode runs axe.run() in the page itself instead of finishing in a new blank page each time: the portal has no
  // iframes, so the results are the same, in half the time.
  const results = await new AxePuppeteer(page)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze()
    .finally(() => (javaScriptWasOff ? page.setJavaScriptEnabled(false) : undefined));
  return results.violations.flatMap((violation) => [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    ...violation.nodes.map((node) => `    at ${node.target.map(String).join(' ')}`),
  ]);
}

/** Runs axe with the WCAG 2.2 AA rule set and fails with a readable list of violations (id, impact, target). */
export async function expectAccessible(page: Page): Promise<void> {
  const lines = await accessibilityViolations(page);
  if (lines.length) throw new Error(`Accessibility violations on ${new URL(page.url()).pathname}:\n  ${lines.join('\n  ')}`);
}

/**
 * Checks several pages with axe during one journey and fails at the end with everything found, so that one
 * violation does not hide the rest of the journey's assertions (or the other pages' violations).
 */
export class AccessibilityAudit {
  private readonly found: string[] = [];
  private readonly checked: string[] = [];

  async check(page: Page, label = new URL(page.url()).pathname + new URL(page.url()).search): Promise<void> {
    this.checked.push(label);
    const lines = await accessibilityViolations(page);
    if (lines.length) this.found.push(`on ${label}:\n    ${lines.join('\n    ')}`);
  }

  /** The pages checked so far. */
  get pages(): readonly string[] {
    return this.checked;
  }

  expectNone(): void {
    if (this.found.length) throw new Error(`Accessibility violations (WCAG 2.2 AA, axe):\n  ${this.found.join('\n  ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Plain HTTP, for the route matrix.

export type HttpSession = { cookie: string; csrf: string };

/** The name=value pairs of a response's Set-Cookie headers. */
export function cookiesFrom(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0]!;
    const equals = pair.indexOf('=');
    cookies[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
  }
  return cookies;
}

export function csrfFromHtml(html: string): string {
  const input = /<input[^>]*name="csrf"[^>]*>/.exec(html)?.[0];
  const value = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
  if (!value) throw new Error('No csrf input on the page');
  return value;
}

/** A logged-out visitor's cookie and CSRF token, as GET /login hands them out. */
export async function anonymousSession(): Promise<HttpSession> {
  const response = await fetch(url('/login'), { redirect: 'manual' });
  if (response.status !== 200) throw new Error(`GET /login answered ${response.status}`);
  const session = cookiesFrom(response).__nosfolio;
  if (!session) throw new Error('GET /login set no __nosfolio cookie');
  return { cookie: `__nosfolio=${session}`, csrf: csrfFromHtml(await response.text()) };
}

/** Signs in over HTTP as a browser without JavaScript would, returning the session cookie and the CSRF token. */
export async function httpLogin(email: string, password: string): Promise<HttpSession> {
  const anonymous = await anonymousSession();
  const response = await fetch(url('/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: anonymous.cookie },
    body: new URLSearchParams({ email, password, csrf: anonymous.csrf, redirectTo: '/' }),
  });
  if (response.status !== 302) throw new Error(`Signing in as ${email} answered ${response.status}, not 302`);
  const session = cookiesFrom(response).__nosfolio;
  if (!session) throw new Error(`Signing in as ${email} set no __nosfolio cookie`);
  // Signing in renews the CSRF token: read the new one from the home page.
  const cookie = `__nosfolio=${session}`;
  const home = await fetch(url('/'), { redirect: 'manual', headers: { Cookie: cookie } });
  if (home.status !== 200) throw new Error(`GET / after signing in as ${email} answered ${home.status}`);
  return { cookie, csrf: csrfFromHtml(await home.text()) };
}

export async function httpLoginAs(role: DemoRole): Promise<HttpSession> {
  const login = await demoLogin(role);
  return httpLogin(login.email, login.password);
}
