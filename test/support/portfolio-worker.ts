// A worker process for the Redis tests: the portal's BullMQ worker (startRedisWorker), with a processor that prints a
// small PDF after a wait and names this process in the file name, so a test sees which worker made which portfolio.
// `node --import tsx test/support/portfolio-worker.ts --prefix P --delay-ms N --concurrency N --lock-ms N`; prints
// "ready" once it takes jobs. The database and DATA_DIR come from the environment the test gives it.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startRedisWorker } from '#app/domain/portfolio/queue/redis.server.ts';
import { sequelize } from '#db/connection.ts';
import { smallPdf } from './portfolio-batches.ts';

const { values } = parseArgs({
  options: { prefix: { type: 'string' }, 'delay-ms': { type: 'string' }, concurrency: { type: 'string' }, 'lock-ms': { type: 'string' } },
  strict: true,
});
const url = process.env.TEST_REDIS_URL;
if (!url || !values.prefix) throw new Error('portfolio-worker needs TEST_REDIS_URL and --prefix');
const delayMs = Number(values['delay-ms'] ?? 0);

const running = await startRedisWorker({
  url,
  prefix: values.prefix,
  concurrency: Number(values.concurrency ?? 1),
  lockMs: Number(values['lock-ms'] ?? 30_000),
  processor: async (job) => {
    await sleep(delayMs);
    return { bytes: await smallPdf(`Portfolio of worker ${job.workerId}`), fileName: `pid-${process.pid}-worker-${job.workerId}.pdf` };
  },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void running
    .close()
    .then(() => sequelize.close())
    .finally(() => process.exit(0));
});
