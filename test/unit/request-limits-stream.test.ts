// The byte-counting body of server/request-limits.js as Remix reads it: paused while the app is busy, resumed when it
// reads on. A body larger than one chunk must arrive whole however late the app starts reading (it once hung for ever
// once the original request had been piped to its end, as Remix resumes only a stream that says it is readable).
import type { AddressInfo } from 'node:net';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { expect } from 'chai';
import express from 'express';
import { withRequestLimits } from '../../server/request-limits.js';

describe('request limits: the counted body', () => {
  it('gives a late reader every byte of a body of many chunks', async function () {
    this.timeout(10_000);
    const app = express();
    app.all(
      '*',
      withRequestLimits(async (req: express.Request, res: express.Response) => {
        // Busy first (a database read, a permission check), as an action is before it reads its form.
        await new Promise((resolve) => setTimeout(resolve, 100));
        let received = 0;
        // Read slowly, as a parser writing each part to disk does, so the body is paused and resumed near its end too.
        for await (const chunk of createReadableStreamFromReadable(req) as unknown as AsyncIterable<Uint8Array>) {
          received += chunk.byteLength;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        res.end(String(received));
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = new Uint8Array(600 * 1024).fill(65);
      const response = await fetch(`http://127.0.0.1:${port}/evidence/new`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/octet-stream' },
        signal: AbortSignal.timeout(5_000),
      });
      expect(await response.text()).to.equal(String(body.byteLength));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
