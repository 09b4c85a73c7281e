// Request bodies are bounded before they are read, uploads are streamed to disk, and malformed requests get 400, not 500.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import { anonymousSession, httpLoginAs, serverPid, url, type HttpSession } from './harness.ts';

const MB = 1024 * 1024;

function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((row) => row.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

/** Partial uploads waiting in the store's staging folder. */
function uploadsInProgress(): string[] {
  const staging = path.join(process.env.DATA_DIR!, 'uploads', '.staging');
  return existsSync(staging) ? readdirSync(staging).filter((name) => name.startsWith('upload-')) : [];
}

async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

type Streamed = { status: number; headers: IncomingHttpHeaders; body: string; sentBytes: number; ms: number };

/**
 * POSTs `prefix`, then `size` bytes of `fill`, then `suffix`, chunked unless a Content-Length is given, and stops
 * sending as soon as the server answers (as a browser would when the server gives up on the body).
 */
function streamPost(
  pathname: string,
  options: { headers: Record<string, string>; prefix?: string; size: number; fill?: number; suffix?: string; contentLength?: number },
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let sentBytes = 0;
    let answered = false;
    const headers = { ...options.headers, ...(options.contentLength === undefined ? {} : { 'Content-Length': String(options.contentLength) }) };
    const req = httpRequest(url(pathname), { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode!, headers: res.headers, body, sentBytes, ms: Date.now() - started });
        req.destroy();
      });
      res.on('error', () => undefined);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, options.fill ?? 0x61);
    let left = options.size;
    const write = () => {
      if (options.prefix && sentBytes === 0) {
        req.write(options.prefix);
        sentBytes += Buffer.byteLength(options.prefix);
      }
      while (left > 0 && !answered) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        sentBytes += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!answered) req.end(options.suffix ?? '');
    };
    write();
  });
}

function multipart(boundary: string, fields: Record<string, string>, file?: { name: string; head: string }) {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const prefix = parts.join('') + (file ? `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.head}` : '');
  return { prefix, suffix: `${file ? '\r\n' : ''}--${boundary}--\r\n` };
}

function evidenceFields(session: HttpSession): Record<string, string> {
  return {
    csrf: session.csrf,
    submissionToken: randomUUID(),
    type: 'reflective_account',
    title: 'Too much at once',
    description: 'A file far larger than the limit.',
  };
}

describe('request limits', () => {
  it('refuses a 200 MB anonymous sign-in body quickly, without the server growing or stalling', async function () {
    this.timeout(60_000);
    const pid = serverPid();
    const session = await anonymousSession();
    const before = rssMegabytes(pid);
    const streamed = await streamPost('/login', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      prefix: `csrf=${session.csrf}&email=`,
      size: 200 * MB,
    });
    const healthStarted = Date.now();
    const health = await fetch(url('/healthz'));
    const healthMs = Date.now() - healthStarted;
    const after = rssMegabytes(pid);
    console.log(`      RSS ${before.toFixed(0)} MB -> ${after.toFixed(0)} MB; 413 after ${streamed.ms} ms and ${(streamed.sentBytes / MB).toFixed(1)} MB sent; /healthz ${healthMs} ms`);
    expect(streamed.status).to.equal(413);
    expect(streamed.headers.connection).to.equal('close');
    expect(streamed.ms).to.be.below(3_000);
    expect(streamed.sentBytes, 'stopped reading long before the end').to.be.below(50 * MB);
    expect(after - before, 'RSS growth in MB').to.be.below(40);
    expect(health.status).to.equal(200);
    expect(healthMs).to.be.below(1_000);
  });

  it('refuses a declared 200 MB sign-in body before reading it', async () => {
    const session = await anonymousSession();
    const streamed = await streamPost('/login', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      size: 1 * MB,
      contentLength: 200 * MB,
    });
    expect(streamed.status).to.equal(413);
    expect(streamed.ms).to.be.below(2_000);
  });

  it('stops a chunked 150 MB evidence upload with 413 and leaves no partial upload behind', async function () {
    this.timeout(60_000);
    const worker = await httpLoginAs('worker');
    const boundary = `----nosfolio${randomUUID()}`;
    const { prefix, suffix } = multipart(boundary, evidenceFields(worker), { name: 'huge.pdf', head: '%PDF-1.4\n' });
    const streamed = await streamPost('/evidence/new', {
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: worker.cookie },
      prefix,
      size: 150 * MB,
      suffix,
    });
    expect(streamed.status).to.equal(413);
    expect(streamed.sentBytes).to.be.below(140 * MB);
    expect(await eventually(() => uploadsInProgress().length === 0), `left behind: ${uploadsInProgress().join(', ')}`).to.equal(true);
  });

  it('answers one file over 10 MB with the form and a message next to the file field, keeping none of it', async function () {
    this.timeout(30_000);
    const worker = await httpLoginAs('worker');
    const boundary = `----nosfolio${randomUUID()}`;
    const { prefix, suffix } = multipart(boundary, evidenceFields(worker), { name: 'scan.pdf', head: '%PDF-1.4\n' });
    const streamed = await streamPost('/evidence/new', {
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: worker.cookie },
      prefix,
      size: 11 * MB,
      suffix,
    });
    expect(streamed.status).to.equal(400);
    expect(streamed.body).to.include('scan.pdf: The selected file must be smaller than 10 MB');
    expect(streamed.body).to.include('id="files-error"');
    expect(await eventually(() => uploadsInProgress().length === 0), `left behind: ${uploadsInProgress().join(', ')}`).to.equal(true);
  });
});

describe('malformed requests', () => {
  async function post(pathname: string, session: HttpSession, contentType: string, body: string) {
    const response = await fetch(url(pathname), { method: 'POST', redirect: 'manual', headers: { 'Content-Type': contentType, Cookie: session.cookie }, body });
    return { status: response.status, body: await response.text() };
  }

  it('answers a JSON or plain text body on a form with 400', async () => {
    const session = await anonymousSession();
    const json = await post('/login', session, 'application/json', JSON.stringify({ email: 'a@example.org', password: 'x', csrf: session.csrf }));
    expect(json.status).to.equal(400);
    expect(json.body).to.include('could not be read');
    const text = await post('/login', session, 'text/plain', `csrf=${session.csrf}`);
    expect(text.status).to.equal(400);
    const none = await fetch(url('/login'), { method: 'POST', headers: { Cookie: session.cookie } });
    expect(none.status).to.equal(400);
  });

  it('answers broken multipart bodies with 400', async () => {
    const worker = await httpLoginAs('worker');
    const noBoundary = await post('/evidence/new', worker, 'multipart/form-data', 'whatever');
    expect(noBoundary.status).to.equal(400);
    const truncated = await post(
      '/evidence/new',
      worker,
      'multipart/form-data; boundary=xyz',
      `--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${worker.csrf}\r\n--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nunfinished`,
    );
    expect(truncated.status).to.equal(400);
    expect(truncated.body).to.include('could not be read');
  });

  it('answers a non-numeric id in a hidden field with 400', async () => {
    const admin = await httpLoginAs('admin');
    const response = await post('/organisation', admin, 'application/x-www-form-urlencoded', new URLSearchParams({ csrf: admin.csrf, intent: 'remove-scope', scopeId: 'abc' }).toString());
    expect(response.status).to.equal(400);
  });

  it('answers a NUL in a form field, the path or the query with 400', async () => {
    const admin = await httpLoginAs('admin');
    for (const address of ['/standards?q=%00', '/people/1%00', '/standards/%00']) {
      const response = await fetch(url(address), { redirect: 'manual', headers: { Cookie: admin.cookie } });
      expect(response.status, address).to.equal(400);
    }
    const session = await anonymousSession();
    const field = await post('/login', session, 'application/x-www-form-urlencoded', `csrf=${session.csrf}&email=a%00@example.org&password=x`);
    expect(field.status).to.equal(400);
  });
});
