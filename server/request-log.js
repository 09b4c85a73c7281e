// One JSON line per request: method, path (never the query string), status and duration, and nothing about the person.

// Paths that carry a secret in their last segment: the token is a credential, so it is never written down.
const SECRET_SEGMENTS = [/^(\/reset-password\/)[^/]+/, /^(\/calendar\/)[^/]+/];

/** The path as it may be logged: no query string, tokens replaced. */
export function loggablePath(originalUrl) {
  const path = originalUrl.split('?')[0].split('#')[0];
  return SECRET_SEGMENTS.reduce((result, pattern) => result.replace(pattern, '$1:token'), path);
}

/** Express middleware writing the request line when the response is finished, or when the client went away. */
export function requestLog(logger) {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = { method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, durationMs };
      if (!res.writableFinished) line.aborted = true;
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/** The last Express error handler: the error is logged once, with its stack, and the person sees no detail. */
export function logErrors(logger) {
  // Express recognises an error handler by its four parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (error, req, res, next) => {
    logger.error({ err: error, path: loggablePath(req.originalUrl) }, 'request failed');
    if (res.headersSent) return res.end();
    res.status(500).type('text/plain').send('Sorry, there is a problem with the service. Try again later.');
  };
}
