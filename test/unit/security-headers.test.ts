// The production server's security headers: a new script nonce each response, no inline scripts, HSTS only on https.
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express from 'express';
import { securityHeaders } from '../../server/security-headers.js';

async function headersFor(publicUrl: string, requests = 1): Promise<Headers[]> {
  const app = express();
  app.use(securityHeaders({ publicUrl }));
  app.get('/', (_req, res) => {
    res.send(`nonce ${res.locals.cspNonce}`);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const responses = [];
    for (let index = 0; index < requests; index += 1) {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      const body = await response.text();
      expect(response.headers.get('content-security-policy')).to.include(`'nonce-${body.slice('nonce '.length)}'`);
      responses.push(response.headers);
    }
    return responses;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const scriptSrc = (headers: Headers) => /(?:^|;)\s*script-src ([^;]*)/.exec(headers.get('content-security-policy') ?? '')?.[1]?.split(' ') ?? [];

describe('security headers', () => {
  it('gives each response its own nonce and allows no inline script without it', async () => {
    const [first, second] = await headersFor('http://localhost:3000', 2);
    expect(scriptSrc(first!)).to.include("'self'");
    expect(scriptSrc(first!)).not.to.include("'unsafe-inline'");
    expect(scriptSrc(first!).find((value) => value.startsWith("'nonce-"))).not.to.equal(scriptSrc(second!).find((value) => value.startsWith("'nonce-")));
    expect(first!.get('content-security-policy')).to.include("frame-ancestors 'none'").and.to.include("object-src 'none'");
    expect(first!.get('x-frame-options')).to.equal('DENY');
    expect(first!.get('referrer-policy')).to.equal('same-origin');
    expect(first!.get('x-content-type-options')).to.equal('nosniff');
    expect(first!.get('permissions-policy')).to.equal('camera=(), microphone=(), geolocation=()');
  });

  it('sends HSTS for a year, with subdomains, only when PUBLIC_URL is https', async () => {
    const [secure] = await headersFor('https://portfolio.example.org');
    expect(secure!.get('strict-transport-security')).to.equal('max-age=31536000; includeSubDomains');
    expect(secure!.get('content-security-policy')).to.include('upgrade-insecure-requests');
    const [plain] = await headersFor('http://localhost:3000');
    expect(plain!.get('strict-transport-security')).to.equal(null);
    expect(plain!.get('content-security-policy')).not.to.include('upgrade-insecure-requests');
  });
});
