// The application log: JSON lines on stdout (pino), one object per event, never personal data.
import pino from 'pino';
import { env } from './env.server.ts';

/**
 * Log what happened and to which record (ids, counts, durations), not who or what they wrote: no names, emails,
 * bodies, query strings or cookies. An error goes in as `{ err }` so its stack is serialised once.
 */
export const logger = pino({
  level: env().logLevel,
  base: { service: 'nosfolio' },
  timestamp: pino.stdTimeFunctions.isoTime,
  // A defence in depth in case a request or its headers are ever passed in by mistake.
  redact: { paths: ['req.headers', 'req.body', 'req.query', 'headers.cookie', 'headers.authorization', 'email', 'password'], censor: '[redacted]' },
});
