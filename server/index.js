// The production HTTP server: serves the built Remix app with security headers, the client's address and a request log.
// Its settings come from the app's validated configuration (app/utils/env.server.ts), exported by the built entry.server.
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import { withRequestLimits } from './request-limits.js';
import { logErrors, requestLog } from './request-log.js';
import { securityHeaders } from './security-headers.js';
import { staticAssets } from './static-assets.js';

const build = await import('../build/server/index.js');
const { serverConfig, logger } = build.entry.module;
const app = express();

app.disable('x-powered-by');
if (serverConfig.trustProxy) app.set('trust proxy', true);
app.use(requestLog(logger));
app.use(compression());
app.use(securityHeaders(serverConfig));
staticAssets(app);
app.all(
  '*',
  withRequestLimits(
    createRequestHandler({
      build,
      // Remix's own mode; unset means production, as before (the configuration's default is development).
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        cspNonce: res.locals.cspNonce,
      }),
    }),
  ),
);
app.use(logErrors(logger));

const server = app.listen(serverConfig.port, () => {
  logger.info({ port: serverConfig.port, publicUrl: serverConfig.publicUrl }, 'listening');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
