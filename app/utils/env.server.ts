// The portal's configuration: read once from the environment, validated, frozen.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makePrivateFolder, narrowIfPresent } from './private-files.server.ts';

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^(sqlite:|mysql:\/\/|mariadb:\/\/)/.test(value), {
    message: 'must start with sqlite:, mysql:// or mariadb:// (for example mysql://root@127.0.0.1:3306/nosfolio)',
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  DATABASE_URL: databaseUrl.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url('must be a full URL such as https://portfolio.example.org').optional(),
  UPLOAD_DIR: z.string().trim().min(1).optional(),
  REDIS_URL: z.string().url('must be a URL such as redis://127.0.0.1:6379').optional(),
  REDIS_PREFIX: z.string().trim().regex(/^[\w.-]{1,40}$/, 'must be 1 to 40 letters, digits, dots, dashes or underscores').default('nosfolio'),
  TRUST_PROXY: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_SQL: z.enum(['true', 'false']).default('false'),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  dataDir: string;
  databaseUrl: string;
  sessionSecret: string;
  port: number;
  publicUrl: string;
  secureCookies: boolean;
  uploadDir: string;
  redisUrl: string | undefined;
  /** The start of every key the portal keeps in Redis (the job queue, the sign-in counters), so installations can share one. */
  redisPrefix: string;
  /** Behind a reverse proxy: the client's address comes from X-Forwarded-For. */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logSql: boolean;
};

/** Thrown when a variable is wrong; the message is the one line an operator needs. */
export class ConfigurationError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // A variable set to nothing (REDIS_URL= in a unit file or compose file) means "not set", not a bad value.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = EnvSchema.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigurationError(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
  }
  const raw = result.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  return Object.freeze({
    nodeEnv: raw.NODE_ENV,
    dataDir,
    databaseUrl: raw.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'nosfolio.sqlite')}`,
    sessionSecret: raw.SESSION_SECRET ?? embeddedSessionSecret(dataDir),
    port: raw.PORT,
    publicUrl,
    // Browsers only keep Secure cookies over https, so the URL we are served on decides.
    secureCookies: publicUrl.startsWith('https:'),
    uploadDir: path.resolve(raw.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.REDIS_PREFIX,
    trustProxy: raw.TRUST_PROXY === 'true',
    // Tests read their own output; the portal's lines would only get in the way.
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'warn' : 'info'),
    logSql: raw.LOG_SQL === 'true',
  });
}

/** The embedded default needs no configuration: a random secret is kept beside the database. */
function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    narrowIfPresent(file);
    return readFileSync(file, 'utf8').trim();
  }
  makePrivateFolder(dataDir);
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

let cached: Env | undefined;

/** The validated configuration; a bad value stops the process with one line naming the variable. */
export function env(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  return cached;
}
