// Bench of a team's portfolios in one request: batches of 1, 10 and 50 workers (--sizes) through the embedded queue in
// this process, with the portal's printer (processor.server.ts: today the stand-in, later the renderer) and one
// Chromium for all of them, each batch timed from the request to its ZIP (or merged PDF, --output merged), after a
// first portfolio that launches Chromium. Memory is sampled across this process and Chromium's throughout.
// Options: --sizes 1,10,50, --concurrency N (the queue's, PRINT_CONCURRENCY by default), --output zip|merged.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { createEmbeddedQueue } from '#app/domain/portfolio/queue/embedded.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import { closePrintingBrowser, printPortfolio } from '#app/domain/portfolio/queue/processor.server.ts';
import { PRINT_CONCURRENCY } from '#app/domain/portfolio/queue/types.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PersonStandard, PortfolioBatch, Team } from '#db/models/index.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { createPerson, createStaffedOrganisation, makeManagerOf } from '#test/factories/index.ts';
import type { BenchContext } from './run.ts';
import { watchMemory } from './support/memory.ts';
import { parseBenchOptions } from './support/options.ts';
import { round } from './support/plans.ts';

const OptionsSchema = z.object({
  sizes: z
    .string()
    .default('1,10,50')
    .transform((value) => value.split(',').map(Number))
    .refine((sizes) => sizes.length > 0 && sizes.every((size) => Number.isInteger(size) && size > 0), 'sizes must be whole numbers above 0, such as 1,10,50'),
  concurrency: z.coerce.number().int().min(1).default(PRINT_CONCURRENCY),
  output: z.enum(['zip', 'merged']).default('zip'),
});

export async function run({ args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('portfolio-batch', OptionsSchema, args);
  const org = await createStaffedOrganisation();
  const organisationId = org.organisation.id;
  const versions = await saveStandardVersions(contextFor(org.admin), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });

  // One team per batch size (and one of a single worker to launch Chromium), each worker holding the three standards.
  const teams: { size: number; teamId: number }[] = [];
  for (const size of [1, ...options.sizes]) {
    const team = await Team.create({ organisationId, name: `Bench team of ${size} (${teams.length + 1})`, locationId: org.location.id });
    await makeManagerOf(org.manager.id, organisationId, { teamId: team.id });
    const people = [];
    for (let index = 0; index < size; index += 1) people.push(await createPerson(organisationId, { roles: ['worker'], teamId: team.id, name: `Bench Worker ${teams.length + 1}-${index + 1}` }));
    await PersonStandard.bulkCreate(
      people.flatMap((person) =>
        versions.map((version) => ({ organisationId, personId: person.id, standardVersionId: version.standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' })),
      ),
    );
    teams.push({ size, teamId: team.id });
  }

  const queue = createEmbeddedQueue({ processor: printPortfolio, concurrency: options.concurrency });
  usePortfolioQueue(queue);
  const memory = watchMemory();
  const batch = async (teamId: number) => {
    const started = performance.now();
    const { batchId } = await requestPortfolioBatch(contextFor(org.manager), { scope: `team:${teamId}`, output: options.output });
    await queue.idle();
    const ms = performance.now() - started;
    const row = await PortfolioBatch.findByPk(batchId);
    if (row?.status !== 'done' || row.failedCount) throw new Error(`Batch ${batchId} ended ${row?.status} with ${row?.failedCount} failed: ${row?.errorMessage}`);
    return { ms, bytes: row.resultByteSize ?? 0 };
  };

  try {
    const launch = await batch(teams[0]!.teamId);
    console.log(`first portfolio, launching Chromium: ${round(launch.ms)} ms`);
    const figures: Record<string, number> = { launchMs: round(launch.ms) };
    for (const { size, teamId } of teams.slice(1)) {
      const { ms, bytes } = await batch(teamId);
      figures[`batch${size}Ms`] = round(ms);
      figures[`perPortfolio${size}Ms`] = round(ms / size);
      console.log(`batch of ${size}: ${round(ms)} ms, ${round(ms / size)} ms per portfolio, ${options.output} of ${round(bytes / 1024)} KB`);
    }
    const peak = memory.stop();
    const smallest = Math.min(...options.sizes);
    const largest = Math.max(...options.sizes);
    const scaling = round(figures[`perPortfolio${largest}Ms`]! / figures[`perPortfolio${smallest}Ms`]!);
    console.log(`per-portfolio time at ${largest} over at ${smallest}: ${scaling} (1 is perfectly linear)`);
    console.log(`peak memory, this process and Chromium: ${round(peak.rssMb)} MB resident (summed), ${round(peak.pssMb)} MB proportional`);
    return {
      ...figures,
      scaling,
      peakRssMb: round(peak.rssMb),
      peakPssMb: round(peak.pssMb),
      nodePeakRssMb: round(process.resourceUsage().maxRSS / 1024),
      concurrency: options.concurrency,
      output: options.output,
    };
  } finally {
    memory.stop();
    await queue.close();
    await closePrintingBrowser();
  }
}
