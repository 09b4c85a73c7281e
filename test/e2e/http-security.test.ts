// What the portal sends over HTTP whoever asks: redirects that stay on the portal, links on PUBLIC_URL whatever the
// Host header says, the security headers with a per-request script nonce, and no caching of personal pages.
import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { Evidence, EvidenceFile, Person } from '#db/models/index.ts';
import {
  anonymousSession,
  baseUrl,
  closePage,
  demoLogin,
  httpLoginAs,
  loginAs,
  newPage,
  signInWithKeyboard,
  url,
  waitForHeading,
  waitForHydration,
  type HttpSession,
} from './harness.ts';

const FORGED_HOST = 'evil.example:8443';

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A request with a Host header of our choosing, which fetch() does not allow. */
function rawRequest(path: string, options: { method?: string; host?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<RawResponse> {
  const target = new URL(baseUrl());
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          Host: options.host ?? target.host,
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function signInWithRedirect(redirectTo: string): Promise<Response> {
  const worker = await demoLogin('worker');
  const anonymous = await anonymousSession();
  return fetch(url('/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: anonymous.cookie },
    body: new URLSearchParams({ email: worker.email, password: worker.password, csrf: anonymous.csrf, redirectTo }),
  });
}

describe('Redirect after sign-in', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('lands on the portal when the sign-in link carries a hostile redirectTo', async () => {
    page = await newPage();
    const worker = await demoLogin('worker');
    await page.goto(url('/login?redirectTo=%2F%09%2Fevil.example'), { waitUntil: 'load' });
    await signInWithKeyboard(page, worker.email, worker.password);
    await waitForHeading(page, /^Hello, /);
    expect(new URL(page.url()).origin).to.equal(baseUrl());
  });

  for (const redirectTo of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\u3000/evil.example', '/\\evil.example', '/.//evil.example']) {
    it(`answers a redirect on the portal for ${JSON.stringify(redirectTo)}, never an error`, async () => {
      const response = await signInWithRedirect(redirectTo);
      expect(response.status).to.equal(302);
      const location = response.headers.get('location') ?? '';
      expect(new URL(location, baseUrl()).origin, location).to.equal(baseUrl());
      expect(location.startsWith('//'), location).to.equal(false);
    });
  }
});

describe('Links on PUBLIC_URL', () => {
  it('gives the admin a reset link on the portal’s address even when the Host header is forged', async () => {
    const admin = await httpLoginAs('admin');
    const worker = await demoLogin('worker');
    const person = await Person.findOne({ where: { email: worker.email } });
    const response = await rawRequest(`/people/${person!.id}`, {
      method: 'POST',
      host: FORGED_HOST,
      cookie: admin.cookie,
      form: { intent: 'reset-link', csrf: admin.csrf },
    });
    expect(response.status).to.equal(200);
    expect(response.body).to.include(`${baseUrl()}/reset-password/`);
    expect(response.body).not.to.include('evil.example');
  });

  it('gives a calendar link, and calendar entries, on the portal’s address even when the Host header is forged', async () => {
    const worker = await httpLoginAs('worker');
    const response = await rawRequest('/supervision', { method: 'POST', host: FORGED_HOST, cookie: worker.cookie, form: { intent: 'link', csrf: worker.csrf } });
    expect(response.status).to.equal(200);
    expect(response.body).not.to.include('evil.example');
    const link = new RegExp(`${baseUrl()}/calendar/[A-Za-z0-9_-]+`).exec(response.body)?.[0];
    expect(link, 'a calendar link on PUBLIC_URL').to.be.a('string');

    for (const path of [new URL(link!).pathname, '/supervision/calendar']) {
      const calendar = await rawRequest(path, { host: FORGED_HOST, cookie: worker.cookie });
      expect(calendar.status, path).to.equal(200);
      expect(calendar.body, path).to.include('BEGIN:VCALENDAR');
      expect(calendar.body, path).not.to.include('evil.example');
    }
  });

  it('exports a standard with URIs on the portal’s address even when the Host header is forged', async () => {
    const admin = await httpLoginAs('admin');
    const response = await rawRequest('/standards/ASTH325/export?format=case-json', { host: FORGED_HOST, cookie: admin.cookie });
    expect(response.status).to.equal(200);
    expect(response.body).to.include(`${baseUrl()}/ims/case/v1p0/CFItems/`);
    expect(response.body).not.to.include('evil.example');
  });
});

describe('Security headers', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  function directives(policy: string): Map<string, string[]> {
    return new Map(
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values]),
    );
  }

  it('sends a nonce-based script policy, a new nonce each time, and the other headers', async () => {
    const [first, second] = await Promise.all([fetch(url('/login')), fetch(url('/login'))]);
    const nonces: string[] = [];
    for (const response of [first!, second!]) {
      const csp = directives(response.headers.get('content-security-policy') ?? '');
      const scriptSrc = csp.get('script-src') ?? [];
      expect(scriptSrc, 'script-src').to.include("'self'");
      expect(scriptSrc, 'script-src').not.to.include("'unsafe-inline'");
      const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, 'a nonce in script-src').to.match(/^[A-Za-z0-9+/=_-]{16,}$/);
      nonces.push(nonce!);
      expect(csp.get('frame-ancestors')).to.deep.equal(["'none'"]);
      expect(csp.get('object-src')).to.deep.equal(["'none'"]);
      expect(csp.get('base-uri')).to.deep.equal(["'self'"]);
      expect(csp.get('default-src')).to.deep.equal(["'self'"]);
      expect(response.headers.get('referrer-policy')).to.equal('same-origin');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('x-frame-options')).to.equal('DENY');
      expect(response.headers.get('permissions-policy')).to.equal('camera=(), microphone=(), geolocation=()');
      expect(response.headers.get('x-powered-by')).to.equal(null);
      // The portal is served on http://localhost here, where HSTS would mean nothing and is not sent.
      expect(response.headers.get('strict-transport-security')).to.equal(null);

      // Every script on the page carries the nonce of its response.
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, 'the page has scripts').to.be.greaterThan(0);
      for (const tag of scripts) expect(tag, tag).to.include(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.to.equal(nonces[1]);
  });

  it('hydrates and reports no policy violation while a worker signs in and moves around', async () => {
    page = await newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await loginAs(page, 'worker');
    await waitForHydration(page);
    for (const label of ['Evidence', 'Supervision', 'Home']) {
      await page.$$eval('nav[aria-label="Main"] a', (links, text) => links.find((link) => link.textContent?.trim() === text)?.click(), label);
      await page.waitForFunction((text) => document.querySelector('nav[aria-label="Main"] a[aria-current="page"]')?.textContent?.trim() === text, {}, label);
    }
    await page.reload({ waitUntil: 'load' });
    await waitForHydration(page);
    expect(problems).to.deep.equal([]);
  });
});

describe('Caching', () => {
  let worker: HttpSession;
  before(async () => {
    worker = await httpLoginAs('worker');
  });

  async function cacheControl(path: string, session: HttpSession | null = worker): Promise<string | null> {
    const response = await fetch(url(path), { headers: session ? { Cookie: session.cookie } : {}, redirect: 'manual' });
    expect(response.status, path).to.be.oneOf([200, 302]);
    await response.arrayBuffer();
    return response.headers.get('cache-control');
  }

  it('never lets personal pages, their data, files or calendars be stored', async () => {
    // The demo worker's seeded evidence with a PDF attached (db/seed/evidence.ts).
    const evidence = await Evidence.findOne({ where: { submissionToken: 'demo-sarah-boundaries' } });
    const file = await EvidenceFile.findOne({ where: { evidenceRevisionId: evidence!.currentRevisionId! }, order: [['id', 'ASC']] });
    const paths = ['/', '/evidence', '/progress', '/supervision', '/_root.data', '/evidence.data', `/evidence/${evidence!.id}`];
    paths.push(`/evidence-files/${file!.id}`, '/supervision/calendar', '/standards/ASTH325/export?format=csv');
    for (const path of paths) expect(await cacheControl(path), path).to.match(/(^|[ ,])no-store($|[ ,])/);
    expect(await cacheControl('/login', null), '/login').to.match(/(^|[ ,])no-store($|[ ,])/);
  });

  it('keeps long caching for the fingerprinted build assets', async () => {
    const html = await fetch(url('/login')).then((response) => response.text());
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset, 'a script asset on the page').to.be.a('string');
    const response = await fetch(url(asset!));
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.match(/max-age=31536000/).and.to.include('immutable');
    await response.arrayBuffer();
  });
});
