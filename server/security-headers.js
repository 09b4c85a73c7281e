// Security headers for every response of the production server: a Content Security Policy whose scripts must carry
// this response's nonce, HSTS when the portal is served over https, and the usual framing, sniffing and referrer rules.
import { randomBytes } from 'node:crypto';
import helmet from 'helmet';

const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * Express middleware, in order: a fresh nonce in `res.locals.cspNonce` (handed to Remix through getLoadContext, which
 * renders it on every script), then the headers. `publicUrl` is the validated PUBLIC_URL: https turns HSTS on.
 * @param {{ publicUrl: string }} options
 * @returns {import('express').RequestHandler[]}
 */
export function securityHeaders({ publicUrl }) {
  const https = new URL(publicUrl).protocol === 'https:';
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64');
      next();
    },
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // No 'unsafe-inline': an injected <script> has no nonce, so it does not run.
          scriptSrc: ["'self'", (_req, res) => `'nonce-${/** @type {any} */ (res).locals.cspNonce}'`],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // Over plain http (a laptop, a test) HSTS means nothing, and on localhost it would stick to every other app.
      strictTransportSecurity: https ? { maxAge: ONE_YEAR_IN_SECONDS, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
    (_req, res, next) => {
      // helmet has no Permissions-Policy of its own.
      res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
      next();
    },
  ];
}
