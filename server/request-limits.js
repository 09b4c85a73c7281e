// Bounds every request before the app reads it: a NUL in the address gets 400, and a body over its route's limit gets
// 413, before reading when Content-Length says so, or as soon as the streamed bytes pass the limit.
import { Transform } from 'node:stream';

const KB = 1024;
const MB = 1024 * KB;

/** Ordinary forms: sign-in, people, policies, supervision records. */
export const FORM_BODY_LIMIT = 256 * KB;

// The upload forms. Per-file limits are enforced while streaming by app/utils/multipart.server.ts; these bound the
// whole request: evidence takes up to 10 files of 10 MB (FILE_LIMITS), a standard one file of 5 MB, or a 4 MB preview.
const UPLOAD_ROUTES = [
  { path: /^\/evidence\/(new|\d+\/edit)(\.data)?$/, limit: 10 * 10 * MB + MB },
  { path: /^\/standards\/import(\.data)?$/, limit: 10 * MB },
  // A copy of an issued document to check (docs/decisions/034): a portfolio holds at most its worker's 200 MB of evidence
  // files and its own pages; app/routes/verify.$code.tsx reads no more of the file than the document it is checked against.
  { path: /^\/verify\/[^/]+(\.data)?$/, limit: 256 * MB },
];

export function bodyLimitFor(pathname) {
  return UPLOAD_ROUTES.find((route) => route.path.test(pathname))?.limit ?? FORM_BODY_LIMIT;
}

class BodyTooLarge extends Error {
  status = 413;
  constructor(limit) {
    super(`The request is larger than ${Math.round(limit / KB)} KB`);
  }
}

/** How long a client still sending may take to read the answer before the connection is closed under it. */
const CLOSE_AFTER_MS = 1_000;

function refuse(req, res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', 'Content-Length': Buffer.byteLength(message) });
  res.write(message);
  // Ending the response closes the connection. Closing it while the client is still sending would reset it before the
  // client has read the answer, so what still arrives is discarded (never kept) for at most a second first.
  req.unpipe();
  req.resume();
  const close = () => res.end();
  req.once('end', close);
  setTimeout(close, CLOSE_AFTER_MS).unref();
}

/**
 * Wraps the Remix request handler so that it reads the body through a byte-counting stream. The adapter reads `req`
 * as a stream, so the handler is given an object that is `req` in every respect except its stream, which is the counter.
 */
export function withRequestLimits(handler) {
  return (req, res, next) => {
    if (/%00/.test(req.originalUrl) || req.originalUrl.includes('\0')) {
      return refuse(req, res, 400, 'The address contains a character that is not allowed (%00).');
    }
    if (req.method === 'GET' || req.method === 'HEAD') return handler(req, res, next);

    const limit = bodyLimitFor(req.path);
    const tooLarge = 'The request is too large. Files must each be smaller than 10 MB.';
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, tooLarge);
    let received = 0;
    let refused = false;
    const counted = new Transform({
      transform(chunk, _encoding, callback) {
        received += chunk.length;
        if (received <= limit) return callback(null, chunk);
        refused = true;
        callback(new BodyTooLarge(limit));
        refuse(req, res, 413, tooLarge);
      },
    });
    req.on('error', (error) => counted.destroy(error));
    req.pipe(counted);
    const limited = Object.create(req, {
      on: { value: counted.on.bind(counted) },
      once: { value: counted.once.bind(counted) },
      off: { value: counted.off.bind(counted) },
      removeListener: { value: counted.removeListener.bind(counted) },
      pause: { value: counted.pause.bind(counted) },
      resume: { value: counted.resume.bind(counted) },
      destroy: { value: counted.destroy.bind(counted) },
      readableHighWaterMark: { value: counted.readableHighWaterMark },
      // Remix resumes a paused body only while it is `readable`: the counter's state, not the original request's, which
      // stops being readable as soon as its last byte has been piped into the counter (a body over 16 KB then hung).
      readable: { get: () => counted.readable },
      isPaused: { value: counted.isPaused.bind(counted) },
    });
    // Once the 413 has gone out, the app's own answer to its failed read has nowhere to go.
    return handler(limited, res, (error) => (refused ? undefined : next(error)));
  };
}
