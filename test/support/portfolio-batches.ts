// Helpers of the team portfolio tests: small real PDFs, a team of workers, an embedded queue with a processor the test
// chooses, and waiting for a batch to finish.
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createEmbeddedQueue, type EmbeddedQueue } from '#app/domain/portfolio/queue/embedded.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import type { PortfolioJob, PortfolioProcessor } from '#app/domain/portfolio/queue/types.ts';
import { PortfolioBatch } from '#db/models/index.ts';
import { createPerson, createStaffedOrganisation } from '#test/factories/index.ts';

/** A PDF of `pages` pages, each saying the text, as pdftotext reads it back. */
export async function smallPdf(text: string, pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < pages; page += 1) document.addPage([200, 200]).drawText(text, { x: 20, y: 100, size: 10, font });
  return document.save();
}

/** Prints a small PDF naming the worker (by id), after an optional wait. */
export function fakeProcessor(options: { delayMs?: number; pages?: number } = {}): PortfolioProcessor & { jobs: PortfolioJob[] } {
  const jobs: PortfolioJob[] = [];
  const processor = async (job: PortfolioJob) => {
    jobs.push(job);
    if (options.delayMs) await sleep(options.delayMs);
    return { bytes: await smallPdf(`Portfolio of worker ${job.workerId}`, options.pages), fileName: `portfolio-${job.workerId}.pdf` };
  };
  return Object.assign(processor, { jobs });
}

/** An embedded queue with this processor, in place of the configured one, with short waits between tries. */
export function installQueue(processor: PortfolioProcessor, options: { concurrency?: number; backoffMs?: number } = {}): EmbeddedQueue {
  const queue = createEmbeddedQueue({ processor, concurrency: options.concurrency ?? 2, backoffMs: options.backoffMs ?? 5 });
  usePortfolioQueue(queue);
  return queue;
}

/** The staffed organisation (its team holds the manager, the supervisor and the worker, all workers) and `extra` more workers in the team. */
export async function teamOf(extra = 0) {
  const org = await createStaffedOrganisation();
  const more = [];
  for (let index = 0; index < extra; index += 1) more.push(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }));
  return { ...org, workerIds: [org.manager.id, org.supervisor.id, org.worker.id, ...more.map((person) => person.id)] };
}

/** Waits until the batch has finished (done, failed or cancelled), polling the database; fails after the timeout. */
export async function finishedBatch(batchId: number, timeoutMs = 15_000): Promise<PortfolioBatch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await PortfolioBatch.findByPk(batchId);
    if (batch && ['done', 'failed', 'cancelled'].includes(batch.status)) return batch;
    if (Date.now() > deadline) throw new Error(`Batch ${batchId} is still ${batch?.status ?? 'missing'} after ${timeoutMs} ms`);
    await sleep(50);
  }
}
