// Bench of what the browser pays: builds the portal (unless --no-build), loads the demo organisation into the
// bench database, serves it with the production server, and loads the login page, a worker's home page and the
// evidence form in Chromium with a cold cache, counting the bytes that crossed the wire (compressed) and their
// decoded size, per page and per kind (document, script, style, other), and the inline script in the HTML.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer';
import { z } from 'zod';
import type { BenchContext } from './run.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const OptionsSchema = z.object({ build: z.boolean().default(true) });

type Weight = { wireBytes: number; decodedBytes: number; requests: number };
type PageWeight = Weight & { byKind: Record<string, Weight>; inlineScriptBytes: number };

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

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server/index.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The server did not become healthy within 30 s');
}

function kindOf(type: string): string {
  if (type === 'Document') return 'document';
  if (type === 'Script') return 'script';
  if (type === 'Stylesheet') return 'style';
  return 'other';
}

/** Loads one address with the cache off and adds up what the network delivered for it. */
async function weigh(page: Page, address: string): Promise<PageWeight> {
  const client = await page.createCDPSession();
  await client.send('Network.enable');
  await client.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  const totals: PageWeight = { wireBytes: 0, decodedBytes: 0, requests: 0, byKind: {}, inlineScriptBytes: 0 };
  const decoded = new Map<string, number>();
  client.on('Network.responseReceived', (event) => types.set(event.requestId, kindOf(event.type)));
  client.on('Network.dataReceived', (event) => decoded.set(event.requestId, (decoded.get(event.requestId) ?? 0) + event.dataLength));
  client.on('Network.loadingFinished', (event) => {
    const kind = types.get(event.requestId) ?? 'other';
    const entry = (totals.byKind[kind] ??= { wireBytes: 0, decodedBytes: 0, requests: 0 });
    for (const target of [totals, entry]) {
      target.wireBytes += event.encodedDataLength;
      target.decodedBytes += decoded.get(event.requestId) ?? 0;
      target.requests += 1;
    }
  });
  await page.goto(address, { waitUntil: 'networkidle0' });
  totals.inlineScriptBytes = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].reduce((sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length, 0),
  );
  await client.detach();
  return totals;
}

export async function run({ args }: BenchContext): Promise<Record<string, unknown>> {
  const options = OptionsSchema.parse({ build: !args.includes('--no-build') });
  if (options.build) {
    console.log('building the portal…');
    const built = spawnSync('npx', ['--no-install', 'remix', 'vite:build'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('remix vite:build failed');
  }
  const { seedDemo, demoLogins } = await import('#db/seed/index.ts');
  await seedDemo();
  const worker = demoLogins().find((login) => login.role === 'worker')!;

  const port = await freePort();
  const server = await startServer(port);
  const browser = await puppeteer.launch({ headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const base = `http://localhost:${port}`;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const pages: Record<string, PageWeight> = {};
    pages.login = await weigh(page, `${base}/login`);
    await page.type('input[name="email"]', worker.email);
    await page.type('input[name="password"]', worker.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    pages.home = await weigh(page, `${base}/`);
    pages.evidenceForm = await weigh(page, `${base}/evidence/new`);
    for (const [name, weight] of Object.entries(pages)) {
      const kinds = Object.entries(weight.byKind)
        .map(([kind, entry]) => `${kind} ${(entry.wireBytes / 1024).toFixed(1)} KB`)
        .join(', ');
      console.log(`${name}: ${(weight.wireBytes / 1024).toFixed(1)} KB over the wire (${(weight.decodedBytes / 1024).toFixed(1)} KB decoded) in ` +
        `${weight.requests} requests: ${kinds}; inline script ${(weight.inlineScriptBytes / 1024).toFixed(1)} KB`);
    }
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    return Object.fromEntries(
      Object.entries(pages).map(([name, weight]) => [
        name,
        { wireKB: kb(weight.wireBytes), decodedKB: kb(weight.decodedBytes), requests: weight.requests, scriptWireKB: kb(weight.byKind.script?.wireBytes ?? 0), inlineScriptKB: kb(weight.inlineScriptBytes) },
      ]),
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
