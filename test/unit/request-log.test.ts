// The request log: one line per request with method, path, status and duration, and nothing about the person.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import express from 'express';
import pino from 'pino';
import { loggablePath, logErrors, requestLog } from '../../server/request-log.js';

async function linesFor(route: (app: express.Express) => void, request: (base: string) => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const app = express();
  app.use(requestLog(logger));
  route(app);
  app.use(logErrors(logger));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await request(`http://127.0.0.1:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return lines;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('request log', () => {
  it('writes method, path without the query string, status and duration, and no cookie, body or address', async () => {
    const lines = await linesFor(
      (app) => app.post('/people/7', (_req, res) => void res.status(303).set('Location', '/people/7').end()),
      (base) =>
        fetch(`${base}/people/7?email=ann%40example.org`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Cookie: '__nosfolio=secret', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'name=Ann+Smith',
        }),
    );
    expect(lines).to.have.length(1);
    const [line] = lines;
    expect(line).to.include({ msg: 'request', method: 'POST', path: '/people/7', status: 303 });
    expect(line!.durationMs).to.be.a('number');
    const text = JSON.stringify(line);
    for (const secret of ['ann', 'example.org', 'secret', 'Smith', 'email', '127.0.0.1']) expect(text).not.to.include(secret);
  });

  it('writes one line for a 404, without a stack', async () => {
    const lines = await linesFor(
      (app) => app.use((_req, res) => void res.status(404).send('Page not found')),
      (base) => fetch(`${base}/nowhere`),
    );
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ path: '/nowhere', status: 404, level: 30 });
    expect(JSON.stringify(lines[0])).not.to.include('stack');
  });

  it('logs an error once with its stack, and shows the person no detail', async () => {
    let body = '';
    const lines = await linesFor(
      (app) =>
        app.get('/broken', () => {
          throw new Error('the database went away');
        }),
      async (base) => {
        body = await (await fetch(`${base}/broken`)).text();
      },
    );
    expect(body).not.to.include('database');
    const errors = lines.filter((line) => line.err);
    expect(errors).to.have.length(1);
    expect((errors[0]!.err as { stack: string }).stack).to.include('the database went away');
    expect(lines.find((line) => line.msg === 'request')).to.include({ status: 500 });
  });

  it('never writes the secret tokens of reset links and calendar links', () => {
    expect(loggablePath('/reset-password/abc123?x=1')).to.equal('/reset-password/:token');
    expect(loggablePath('/calendar/f00d.ics')).to.equal('/calendar/:token');
    expect(loggablePath('/standards/SCDHSC0041?version=2')).to.equal('/standards/SCDHSC0041');
  });
});
