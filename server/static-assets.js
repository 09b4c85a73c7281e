// Serves the client build: the brotli or gzip copy made at build time when the browser accepts it (so nothing
// is compressed per request), fingerprinted assets cached for ever, everything else checked each time.
import expressStaticGzip from 'express-static-gzip';

export function staticAssets(app) {
  const precompressed = { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false };
  app.use('/assets', expressStaticGzip('build/client/assets', { ...precompressed, serveStatic: { immutable: true, maxAge: '1y' } }));
  app.use(expressStaticGzip('build/client', { ...precompressed, serveStatic: { maxAge: '1h' } }));
}
