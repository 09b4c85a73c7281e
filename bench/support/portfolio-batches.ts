// The team batch part of the portfolio bench: teams of 1, 10 and 50 workers (each holding the three standards, with a
// few pieces of submitted evidence), each team's portfolios asked for by its manager on the embedded queue in this
// process with the portal's printer and the one pooled Chromium, timed from the request until the ZIP (or merged PDF)
// is stored; memory sampled over this process and Chromium's throughout.
import { performance } from 'node:perf_hooks';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { createEmbeddedQueue } from '#app/domain/portfolio/queue/embedded.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import { printPortfolio } from '#app/domain/portfolio/queue/processor.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PersonStandard, PortfolioBatch, Team } from '#db/models/index.ts';
import { actorFor, createPerson, makeManagerOf } from '#test/factories/index.ts';
import { watchMemory } from './memory.ts';
import { round } from './plans.ts';

export type BatchOptions = { sizes: number[]; evidencePerWorker: number; output: 'zip' | 'merged'; concurrency?: number };
type Setting = { organisationId: number; locationId: number; manager: Actor; versionIds: number[]; itemIds: number[] };

async function teamOf(setting: Setting, size: number, label: string, evidencePerWorker: number): Promise<number> {
  const { organisationId, versionIds, itemIds } = setting;
  const team = await Team.create({ organisationId, name: `Bench team ${label} of ${size}`, locationId: setting.locationId });
  await makeManagerOf(setting.manager.id, organisationId, { teamId: team.id });
  for (let index = 0; index < size; index += 1) {
    const person = await createPerson(organisationId, { roles: ['worker'], teamId: team.id, name: `Bench Worker ${label}-${index + 1}` });
    await PersonStandard.bulkCreate(versionIds.map((standardVersionId) => ({ organisationId, personId: person.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' })));
    for (let piece = 0; piece < evidencePerWorker; piece += 1) {
      const mapped = [0, 1, 2, 3, 4].map((offset) => itemIds[(piece * 5 + offset) % itemIds.length]!);
      await recordEvidence(
        contextFor(actorFor(person, ['worker'])),
        {
          type: 'reflective_account',
          title: `Reflective account ${piece + 1}`,
          activityDate: '2026-06-01',
          description: 'What happened, what I did and why, and what I learnt about the customer’s wishes. '.repeat(3),
          links: mapped.map((itemId) => ({ itemId, note: 'What I did and which procedure I followed.' })),
        },
        [],
        { submissionToken: `bench-batch-${person.id}-${piece}`, submit: true },
      );
    }
  }
  return team.id;
}

/** Builds the teams, then times each batch; returns the figures for the bench's JSON line. */
export async function measureBatches(setting: Setting, options: BatchOptions): Promise<Record<string, number>> {
  const started = performance.now();
  const teams: { size: number; teamId: number }[] = [];
  for (const [index, size] of options.sizes.entries()) teams.push({ size, teamId: await teamOf(setting, size, String(index + 1), options.evidencePerWorker) });
  console.log(`batch teams built in ${Math.round(performance.now() - started)} ms: ${options.sizes.join(', ')} workers, ${options.evidencePerWorker} evidence each`);

  const queue = createEmbeddedQueue({ processor: printPortfolio, ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
  usePortfolioQueue(queue);
  const memory = watchMemory();
  const figures: Record<string, number> = {};
  try {
    for (const { size, teamId } of teams) {
      const start = performance.now();
      const { batchId } = await requestPortfolioBatch(contextFor(setting.manager), { scope: `team:${teamId}`, output: options.output });
      await queue.idle();
      const ms = performance.now() - start;
      const batch = await PortfolioBatch.findByPk(batchId);
      if (batch?.status !== 'done' || batch.failedCount) throw new Error(`Batch ${batchId} ended ${batch?.status} with ${batch?.failedCount} failed: ${batch?.errorMessage}`);
      figures[`batch${size}Ms`] = round(ms);
      figures[`perPortfolio${size}Ms`] = round(ms / size);
      console.log(`batch of ${size}: ${round(ms)} ms, ${round(ms / size)} ms per portfolio, ${options.output} of ${round((batch.resultByteSize ?? 0) / 1024 / 1024)} MB`);
    }
  } finally {
    await queue.close();
  }
  const peak = memory.stop();
  const smallest = Math.min(...options.sizes);
  const largest = Math.max(...options.sizes);
  const batchScaling = round(figures[`perPortfolio${largest}Ms`]! / figures[`perPortfolio${smallest}Ms`]!);
  console.log(`per-portfolio time at ${largest} over at ${smallest}: ${batchScaling} (1 is linear)`);
  console.log(`peak memory during the batches, this process and Chromium: ${round(peak.rssMb)} MB resident (summed), ${round(peak.pssMb)} MB proportional`);
  return { ...figures, batchScaling, batchPeakRssMb: round(peak.rssMb), batchPeakPssMb: round(peak.pssMb) };
}
