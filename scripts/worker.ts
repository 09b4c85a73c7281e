// `npm run worker [-- --concurrency N] [--lock-ms N]`: makes the portfolios of team batches from the queue on Redis
// (REDIS_URL), as many at once as --concurrency (2), with one Chromium. Run as many as you like, on any machine that
// reaches the same database, Redis and DATA_DIR. A worker stopped by SIGTERM or SIGINT finishes what it holds first;
// one that dies leaves its jobs to be taken up by another after --lock-ms (30 s). Logs are JSON lines on stdout.
import { parseArgs } from 'node:util';
import { scheduleBatchFileRetention } from '#app/domain/portfolio/batch-retention.server.ts';
import { PRINT_CONCURRENCY } from '#app/domain/portfolio/browser.server.ts';
import { closePrintingBrowser, printPortfolio } from '#app/domain/portfolio/queue/processor.server.ts';
import { DEFAULT_LOCK_MS, startRedisWorker } from '#app/domain/portfolio/queue/redis.server.ts';
import { env } from '#app/utils/env.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { sequelize } from '#db/connection.ts';

const USAGE = 'Usage: npm run worker [-- --concurrency N] [--lock-ms N]';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${name} must be a whole number above 0\n${USAGE}`);
    process.exit(2);
  }
  return number;
}

let values: { concurrency?: string; 'lock-ms'?: string };
try {
  ({ values } = parseArgs({ options: { concurrency: { type: 'string' }, 'lock-ms': { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { redisUrl, redisPrefix } = env();
if (!redisUrl) {
  console.error('npm run worker needs REDIS_URL. Without it the portal makes team portfolios in the web process itself.');
  process.exit(2);
}

const concurrency = positive('concurrency', values.concurrency, PRINT_CONCURRENCY);
const lockMs = positive('lock-ms', values['lock-ms'], DEFAULT_LOCK_MS);
const running = await startRedisWorker({ url: redisUrl, prefix: redisPrefix, processor: printPortfolio, concurrency, lockMs });
logger.info({ concurrency, lockMs, pid: process.pid }, 'portfolio worker ready');
scheduleBatchFileRetention();

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'portfolio worker stopping after the jobs it holds');
  try {
    await running.close();
    await closePrintingBrowser();
    await sequelize.close();
  } finally {
    process.exit(0);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
