// The production HTTP server: serves the built Remix app with security headers and the client's address.
import compression from 'compression';
import express from 'express';
import { createRequestHandler } from '@remix-run/express';
import { withRequestLimits } from './request-limits.js';

const build = await import('../build/server/index.js');
const port = Number(process.env.PORT ?? 3000);
const app = express();

app.disable('x-powered-by');
if (process.env.TRUST_PROXY === 'true') app.set('trust proxy', true);
app.use(compression());
app.use((_req, res, next) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  });
  next();
});
// Fingerprinted build assets can be cached for ever; everything else is checked each time.
app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
app.use(express.static('build/client', { maxAge: '1h' }));
app.all(
  '*',
  withRequestLimits(
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  ),
);

const server = app.listen(port, () => {
  console.log(`NOSfolio is listening on http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
