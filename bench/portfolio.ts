// Bench of one worker's portfolio: 3 standards (246 items) and 50 pieces of evidence (a tenth with a PDF, a tenth with
// a PNG), decisions on half of them, a supervision agreement. Measures the whole issue (issuePortfolio: read, render,
// print, finish, hash, record; the median of each step too) against a bare page.pdf() of the same HTML in the same
// browser, interleaved, and the peak memory of this process and of Chromium. Then the team batch (issue 16, point 5): teams of 1, 10 and 50 workers
// through the embedded queue with the same one Chromium (support/portfolio-batches.ts).
// Options: --evidence N (50), --runs N (7), --batch-sizes 1,10,50, --batch-evidence N (5), --batch-output zip|merged.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { printingBrowser, closePrintingBrowser } from '#app/domain/portfolio/browser.server.ts';
import { composePortfolio, issuePortfolio, type IssueStages } from '#app/domain/portfolio/portfolios.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import type { BenchContext } from './run.ts';
import { parseBenchOptions } from './support/options.ts';
import { percentile, round } from './support/plans.ts';
import { measureBatches } from './support/portfolio-batches.ts';
import { buildPortfolioWorker } from './support/portfolio-worker.ts';

const OptionsSchema = z.object({
  evidence: z.coerce.number().int().min(1).max(500).default(50),
  runs: z.coerce.number().int().min(1).default(7),
  batchSizes: z
    .string()
    .default('1,10,50')
    .transform((value) => value.split(',').map(Number))
    .refine((sizes) => sizes.length > 0 && sizes.every((size) => Number.isInteger(size) && size > 0), 'batch-sizes must be whole numbers above 0, such as 1,10,50'),
  batchEvidence: z.coerce.number().int().min(0).max(50).default(5),
  batchOutput: z.enum(['zip', 'merged']).default('zip'),
});


/** Resident memory of a process and all its descendants, in MB, from /proc (Linux); 0 elsewhere. */
function treeRssMb(rootPid: number): number {
  try {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended while we looked.
      }
    }
    const tree = new Set([rootPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) (tree.add(pid), (grew = true));
    }
    let kb = 0;
    for (const pid of tree) {
      try {
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // Gone.
      }
    }
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** The portfolio's HTML without the margin-box style and the appendix pages (portfolio.hbs, partials/appendices.hbs). */
function withoutFurniture(html: string): string {
  const plain = html.replace(/<style>@page \{ @top-left[^<]*<\/style>/, '').replace(/<section class="appendices"[\s\S]*?<\/section>/, '');
  if (plain.includes('counter(pages)') || plain.includes('class="appendices"')) throw new Error('The portfolio HTML no longer has the shape the bench strips');
  return plain;
}

export async function run({ args }: BenchContext): Promise<Record<string, unknown>> {
  const options = parseBenchOptions('portfolio', OptionsSchema, args);
  const started = performance.now();
  const { org, versionIds, itemIds } = await buildPortfolioWorker(options.evidence);
  console.log(`data built in ${Math.round(performance.now() - started)} ms: ${itemIds.length} items, ${options.evidence} evidence`);

  // The very HTML a full run prints (only its code differs from one issue to the next), printed bare on a page of its
  // own in the same browser: setContent and page.pdf() with its defaults, nothing else.
  const { html } = await composePortfolio(org.worker, org.worker.id, new Date());
  const browser = await printingBrowser();
  const barePage = await browser.newPage();
  const bareOf = (source: string) => async () => {
    const start = performance.now();
    await barePage.setContent(source, { waitUntil: 'load' });
    await barePage.pdf();
    return performance.now() - start;
  };
  const bare = bareOf(html);
  // For the record, not the ratio: the same HTML without what it carries for the finished file (the running header and
  // footer's margin boxes and the appendix pages), i.e. what a naive implementation drawing those afterwards would print.
  const plainHtml = withoutFurniture(html);
  const barePlain = bareOf(plainHtml);

  let chromiumPeakMb = 0;
  const sampler = setInterval(() => {
    chromiumPeakMb = Math.max(chromiumPeakMb, treeRssMb(browser.process()?.pid ?? 0));
  }, 50);
  const first = await issuePortfolio(contextFor(org.worker), org.worker.id);
  await bare();
  const full: number[] = [];
  const bareTimes: number[] = [];
  const barePlainTimes: number[] = [];
  const stageRuns: IssueStages[] = [];
  let queries = 0;
  for (let index = 0; index < options.runs; index += 1) {
    bareTimes.push(await bare());
    barePlainTimes.push(await barePlain());
    const before = queryCounter.count;
    const stages: IssueStages = {};
    const start = performance.now();
    await issuePortfolio(contextFor(org.worker), org.worker.id, stages);
    full.push(performance.now() - start);
    stageRuns.push(stages);
    queries = queryCounter.count - before;
  }
  clearInterval(sampler);
  await barePage.close();
  chromiumPeakMb = Math.max(chromiumPeakMb, treeRssMb(browser.process()?.pid ?? 0));
  const singlePeakRssMb = round(process.resourceUsage().maxRSS / 1024);
  const batches = await measureBatches(
    { organisationId: org.organisation.id, locationId: org.location.id, manager: org.manager, versionIds, itemIds },
    { sizes: options.batchSizes, evidencePerWorker: options.batchEvidence, output: options.batchOutput },
  );
  await closePrintingBrowser();

  const ms = round(percentile([...full].sort((a, b) => a - b), 0.5));
  const barePdfMs = round(percentile([...bareTimes].sort((a, b) => a - b), 0.5));
  const barePlainPdfMs = round(percentile([...barePlainTimes].sort((a, b) => a - b), 0.5));
  // Less swayed by other work on the machine than the ratio of medians: the fastest of each, and the median of each
  // issue over the bare print just before it.
  const fastestRatio = round(Math.min(...full) / Math.min(...bareTimes));
  const pairedRatio = round(percentile(full.map((value, index) => value / bareTimes[index]!).sort((a, b) => a - b), 0.5));
  const peakRssMb = singlePeakRssMb;
  // The median of each step over the runs (they need not add up to the median of the whole).
  const steps = ['read', 'attachments', 'render', 'setContent', 'pdf', 'finish', 'hash', 'record'] as const;
  const stagesMs = Object.fromEntries(steps.map((step) => [step, round(percentile(stageRuns.map((stages) => stages[step] ?? 0).sort((a, b) => a - b), 0.5))]));
  console.log(`one issue, median of each step in ms: ${steps.map((step) => `${step} ${stagesMs[step]}`).join(', ')}`);
  console.log(`portfolio: ${first.pages} pages, ${first.bytes.byteLength} bytes, ${html.length} characters of HTML, ${queries} statements per issue`);
  console.log(`issuePortfolio median ${ms} ms (runs ${full.map((value) => Math.round(value)).join(', ')}); bare page.pdf() median ${barePdfMs} ms (runs ${bareTimes.map((value) => Math.round(value)).join(', ')})`);
  console.log(`bare page.pdf() of the HTML without margin boxes and appendix pages: median ${barePlainPdfMs} ms`);
  console.log(`ratio ${round(ms / barePdfMs)} (medians), ${fastestRatio} (fastest of each), ${pairedRatio} (median of each issue over the bare print before it)`);
  console.log(`peak RSS: this process ${peakRssMb} MB, Chromium ${round(chromiumPeakMb)} MB`);
  return {
    ms,
    barePdfMs,
    ratio: round(ms / barePdfMs),
    fastestRatio,
    pairedRatio,
    barePlainPdfMs,
    stagesMs,
    batch50Ms: batches.batch50Ms ?? null,
    ...batches,
    batchEvidence: options.batchEvidence,
    batchOutput: options.batchOutput,
    peakRssMb,
    chromiumPeakRssMb: round(chromiumPeakMb),
    pages: first.pages,
    bytes: first.bytes.byteLength,
    items: itemIds.length,
    evidence: options.evidence,
    statements: queries,
    runs: options.runs,
  };
}
