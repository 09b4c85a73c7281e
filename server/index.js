// The production HTTP server: serves the built Remix app with security headers and the client's address.
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import { withRequestLimits } from './request-limits.js';
import { securityHeaders } from './security-headers.js';
import { staticAssets } from './static-assets.js';

const build = await import('../build/server/index.js');
const port = Number(process.env.PORT ?? 3000);
const app = express();

app.disable('x-powered-by');
if (process.env.TRUST_PROXY === 'true') app.set('trust proxy', true);
app.use(compression());
app.use(securityHeaders(build.entry.module.serverConfig));
staticAssets(app);
app.all(
  '*',
  withRequestLimits(
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        cspNonce: res.locals.cspNonce,
      }),
    }),
  ),
);

const server = app.listen(port, () => {
  console.log(`NOSfolio is listening on http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
