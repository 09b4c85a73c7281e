// A stand-in for the portfolio renderer until it lands (docs/decisions/035): the same call and the same permission
// (whoever may read the worker's evidence, or an admin of the organisation), printing a one-page PDF (the person, their
// role, team and standards) from a small Handlebars template through one pooled Chromium per process, JavaScript off
// and every request refused. processor.server.ts imports it in one line, which the renderer's import replaces; this
// file then goes.
import Handlebars from 'handlebars';
import puppeteer, { type Browser } from 'puppeteer';
import { formatDate, today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { canReadEvidence, hasRole } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Person, PersonStandard, Standard, StandardVersion, Team } from '#db/models/index.ts';
import { relationshipTo } from '../../relationships.server.ts';
import { slugFor } from './assemble-batch.server.ts';
import { PRINT_CONCURRENCY } from './types.ts';

const template = Handlebars.compile<{
  name: string;
  jobTitle: string | null;
  team: string | null;
  organisation: string;
  standards: { urn: string; title: string; version: string }[];
  madeOn: string;
  madeBy: string;
}>(
  `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Portfolio of {{name}}</title>
<style>
  body { font: 11pt/1.4 "Liberation Sans", Arial, sans-serif; color: #0b0c0c; margin: 0; }
  h1 { font-size: 24pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 8mm 0 2mm; }
  .meta { color: #484949; } ul { padding-left: 5mm; }
</style></head>
<body>
  <h1>{{name}}</h1>
  <p class="meta">{{#if jobTitle}}{{jobTitle}} · {{/if}}{{#if team}}{{team}} · {{/if}}{{organisation}}</p>
  <h2>Standards</h2>
  {{#if standards.length}}<ul>{{#each standards}}<li>{{urn}} {{title}} (version {{version}})</li>{{/each}}</ul>{{else}}<p>No standards assigned.</p>{{/if}}
  <p class="meta">Portfolio made on {{madeOn}} for {{madeBy}}.</p>
</body></html>`,
  { strict: true },
);

let launching: Promise<Browser> | null = null;

function printingBrowser(): Promise<Browser> {
  if (!launching) {
    const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
    // Chromium refuses to run as root with its sandbox; as any other user it keeps it.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    // The process decides when to stop (a worker finishes its jobs first); puppeteer still kills Chromium at exit.
    const started = puppeteer.launch({ headless: true, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    launching = started;
    started.then(
      (browser) => browser.once('disconnected', () => launching === started && (launching = null)),
      () => launching === started && (launching = null),
    );
  }
  return launching;
}

/** Closes the process's browser (tests, the bench and the worker end with it). */
export async function closePrintingBrowser(): Promise<void> {
  const current = launching;
  launching = null;
  if (current) await (await current.catch(() => null))?.close().catch(() => undefined);
}

let printing = 0;
const turns: (() => void)[] = [];

async function printPdf(html: string): Promise<Uint8Array> {
  if (printing >= PRINT_CONCURRENCY) await new Promise<void>((resolve) => turns.push(resolve));
  printing += 1;
  try {
    const context = await (await printingBrowser()).createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => void request.abort('blockedbyclient').catch(() => undefined));
      await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' }, tagged: true });
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    printing -= 1;
    turns.shift()?.();
  }
}

/** Prints the worker's one-page stand-in portfolio for the actor; NotFound unless they may read the worker's evidence or administer the organisation. */
export async function issuePortfolio(ctx: DomainContext, workerId: number): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { actor } = ctx;
  const { relationship } = await relationshipTo(actor, workerId);
  if (!canReadEvidence(actor, { id: workerId, relationship }) && !hasRole(actor, 'admin')) throw new NotFound('Person');
  const [person, held] = await Promise.all([
    Person.findByPk(workerId, { attributes: ['name', 'jobTitle'], include: [{ model: Team, as: 'team', attributes: ['name'] }] }),
    PersonStandard.findAll({
      where: { personId: workerId },
      include: [{ model: StandardVersion, as: 'standardVersion', attributes: ['title', 'version'], include: [{ model: Standard, as: 'standard', attributes: ['urn'] }] }],
      order: [['id', 'ASC']],
    }),
  ]);
  if (!person) throw new NotFound('Person');
  const html = template({
    name: person.name,
    jobTitle: person.jobTitle,
    team: person.team?.name ?? null,
    organisation: actor.organisationName,
    standards: held.map((row) => ({ urn: row.standardVersion?.standard?.urn ?? '', title: row.standardVersion?.title ?? '', version: row.standardVersion?.version ?? '' })),
    madeOn: formatDate(ctx.now),
    madeBy: actor.name,
  });
  return { bytes: await printPdf(html), fileName: `portfolio-${slugFor(person.name, 'worker')}-${today(ctx.now)}.pdf` };
}
