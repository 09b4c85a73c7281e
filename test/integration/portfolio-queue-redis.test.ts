// The portfolio queue on a real Redis (TEST_REDIS_URL) with real worker processes: two workers share one batch, a
// worker killed with SIGKILL mid-job leaves its job to another and the batch completes, and cancelling removes the
// waiting jobs from Redis. Skipped without TEST_REDIS_URL. Every key lives under a prefix of this run, removed after.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { Redis } from 'ioredis';
import { cancelPortfolioBatch, openPortfolioBatchFile, requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { createEmbeddedQueue } from '#app/domain/portfolio/queue/embedded.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import { createRedisQueue } from '#app/domain/portfolio/queue/redis.server.ts';
import type { PortfolioQueue } from '#app/domain/portfolio/queue/types.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PortfolioBatchItem } from '#db/models/index.ts';
import { fakeProcessor, finishedBatch, teamOf } from '#test/support/portfolio-batches.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const LOCK_MS = 1_500;

type WorkerOptions = { delayMs: number; concurrency?: number };

describe('team portfolio batches on Redis (BullMQ, worker processes)', function () {
  this.timeout(60_000);
  const prefix = `nosfolio-test-${process.pid}-${Date.now()}`;
  const workers: ChildProcess[] = [];
  let producer: PortfolioQueue | undefined;
  let client: Redis | undefined;

  /** Starts a worker process and waits until it takes jobs. */
  async function startWorker(options: WorkerOptions): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/portfolio-worker.ts', '--prefix', prefix, '--delay-ms', String(options.delayMs), '--concurrency', String(options.concurrency ?? 1), '--lock-ms', String(LOCK_MS)],
      { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    workers.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The worker was not ready within 20 s:\n${output}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`The worker exited with ${code} before it was ready:\n${output}`)));
    });
    return child;
  }

  async function stopWorkers(): Promise<void> {
    await Promise.all(
      workers.splice(0).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }

  /** Waits until one of the batch's items is being made, and returns it. */
  async function runningItem(batchId: number): Promise<PortfolioBatchItem> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const item = await PortfolioBatchItem.findOne({ where: { batchId, status: 'running' } });
      if (item) return item;
      if (Date.now() > deadline) throw new Error(`No item of batch ${batchId} started within 20 s`);
      await sleep(20);
    }
  }

  const makerPid = (fileName: string | null) => Number(/^pid-(\d+)-/.exec(fileName ?? '')?.[1]);

  before(function () {
    if (!redisUrl) return this.skip();
    client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    producer = createRedisQueue({ url: redisUrl, prefix });
    usePortfolioQueue(producer);
  });

  afterEach(stopWorkers);

  after(async () => {
    await stopWorkers();
    await producer?.close();
    usePortfolioQueue(createEmbeddedQueue({ processor: fakeProcessor() }));
    if (client) {
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length) await client.del(...keys);
      await client.quit();
    }
  });

  it('two workers share one batch, and the ZIP holds everyone', async () => {
    const [first, second] = await Promise.all([startWorker({ delayMs: 300 }), startWorker({ delayMs: 300 })]);
    const org = await teamOf(5);
    const { batchId } = await requestPortfolioBatch(contextFor(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    expect(await finishedBatch(batchId, 30_000)).to.include({ status: 'done', doneCount: 8, failedCount: 0 });

    const items = await PortfolioBatchItem.findAll({ where: { batchId } });
    const makers = new Set(items.map((item) => makerPid(item.resultFileName)));
    expect([...makers].sort()).to.deep.equal([first!.pid, second!.pid].sort());
    const entries = unzipSync(new Uint8Array(await readFile((await openPortfolioBatchFile(contextFor(org.manager), batchId)).path)));
    expect(Object.keys(entries)).to.have.length(8);
  });

  it('a worker killed mid-job leaves the job to the next worker, and the batch completes', async () => {
    const doomed = await startWorker({ delayMs: 5_000 });
    const org = await teamOf();
    const { batchId } = await requestPortfolioBatch(contextFor(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    const interrupted = await runningItem(batchId);
    expect(interrupted.attempts).to.equal(1);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    expect((await PortfolioBatchItem.findByPk(interrupted.id))!.status, 'left running by the dead worker').to.equal('running');

    const next = await startWorker({ delayMs: 100 });
    expect(await finishedBatch(batchId, 40_000)).to.include({ status: 'done', doneCount: 3, failedCount: 0 });
    const taken = (await PortfolioBatchItem.findByPk(interrupted.id))!;
    expect(taken).to.include({ status: 'done', attempts: 2 });
    expect(makerPid(taken.resultFileName)).to.equal(next.pid);
  });

  it('cancelling removes the waiting jobs from Redis; the one being made finishes and is discarded', async () => {
    await startWorker({ delayMs: 1_500 });
    const org = await teamOf(2);
    const { batchId } = await requestPortfolioBatch(contextFor(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    const printing = await runningItem(batchId);
    await cancelPortfolioBatch(contextFor(org.manager), batchId);
    expect((await finishedBatch(batchId)).status).to.equal('cancelled');

    const deadline = Date.now() + 20_000;
    while ((await PortfolioBatchItem.findByPk(printing.id))!.status === 'running' && Date.now() < deadline) await sleep(50);
    const items = await PortfolioBatchItem.findAll({ where: { batchId } });
    expect(items.map((item) => item.status)).to.deep.equal(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(items.every((item) => item.resultStoredName === null)).to.equal(true);
    const waitingJobs = await client!.llen(`${prefix}:portfolios:wait`);
    expect(waitingJobs, 'no job of the batch is left waiting').to.equal(0);
  });
});
