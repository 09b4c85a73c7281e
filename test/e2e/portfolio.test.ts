// The demo worker downloads their portfolio from the progress page, its pages are rendered to PNG with pdftoppm (kept in
// PORTFOLIO_SHOTS_DIR to look at), and whoever receives it checks it at /verify/CODE: identical, a changed copy, and an
// unknown code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, headingText, loginAs, newPage, url, waitForHeading } from './harness.ts';

const SHOTS = process.env.PORTFOLIO_SHOTS_DIR ?? path.join(tmpdir(), 'nosfolio-portfolio-shots');

async function download(page: Page, href: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const cookie = (await page.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
  const response = await fetch(url(href), { headers: { Cookie: cookie }, redirect: 'manual' });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function checkCopy(page: Page, file: string): Promise<string> {
  const input = await page.$('input[type="file"][name="copy"]');
  await input!.uploadFile(file);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }).catch(() => undefined), page.click('button[type="submit"]')]);
  await page.waitForFunction(() => Boolean(document.querySelector('.govuk-panel__title, .govuk-notification-banner__title')));
  return page.$eval('.govuk-panel__title, .govuk-notification-banner__title', (element) => element.textContent?.trim() ?? '');
}

describe('portfolio download and verification (Chromium)', function () {
  this.timeout(120_000);
  let page: Page | undefined;
  let workDir: string;

  before(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'nosfolio-e2e-portfolio-'));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(() => closePage(page));
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('lets the worker download their portfolio from the progress page, and a receiver check it', async () => {
    page = await newPage();
    const audit = new AccessibilityAudit();
    const worker = await loginAs(page, 'worker');
    await page.goto(url('/progress'), { waitUntil: 'load' });
    await waitForHeading(page, /^Your progress$/);
    await audit.check(page);
    const href = await page.$$eval('a', (links) => links.find((link) => link.textContent?.trim() === 'Download portfolio (PDF)')?.getAttribute('href') ?? null);
    expect(href).to.equal('/progress/portfolio.pdf');

    const pdf = await download(page, href!);
    expect(pdf.status).to.equal(200);
    expect(pdf.type).to.equal('application/pdf');
    expect(pdf.disposition).to.match(/^attachment; filename="portfolio-.+\.pdf"/);
    expect(pdf.bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    const file = path.join(workDir, 'portfolio.pdf');
    writeFileSync(file, pdf.bytes);
    writeFileSync(path.join(SHOTS, 'portfolio.pdf'), pdf.bytes);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    expect(pages[0]).to.include(worker.name);
    const code = /Verification code\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(pages[0]!)?.[1];
    expect(code, 'the code on the cover').to.be.a('string');
    for (const urn of ['ASTH325', 'HSC3331']) expect(text).to.include(urn);
    // Page 1 (the cover) and the first page of the first standard, to look at.
    const standardPage = pages.findIndex((pageText, index) => index > 1 && /^\s*ASTH325 /m.test(pageText)) + 1;
    expect(standardPage).to.be.greaterThan(2);
    for (const old of readdirSync(SHOTS).filter((name) => name.endsWith('.png'))) rmSync(path.join(SHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SHOTS, 'cover')]);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(standardPage), '-l', String(standardPage), file, path.join(SHOTS, 'standard')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'page')]);
    expect(readdirSync(SHOTS).filter((name) => name.startsWith('cover') || name.startsWith('standard'))).to.have.length(2);

    // Whoever receives it, signed in or not: the page says who issued it, for whom, and checks the bytes.
    await closePage(page);
    page = await newPage();
    const compact = code!.replace(/-/g, '');
    await page.goto(url(`/verify/${compact}`), { waitUntil: 'load' });
    expect(await headingText(page)).to.equal('Check a document');
    const facts = await page.$eval('.govuk-summary-list', (list) => list.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(facts).to.include(`For${worker.name}`);
    expect(facts).to.include('Portfolio');
    expect(facts).to.include(code!);
    await audit.check(page);
    expect(await checkCopy(page, file)).to.equal('Your copy is identical');
    await audit.check(page, '/verify (identical)');

    const changed = Buffer.from(pdf.bytes);
    changed[changed.length - 100]! ^= 0x20;
    const changedFile = path.join(workDir, 'changed.pdf');
    writeFileSync(changedFile, changed);
    await page.goto(url(`/verify/${compact}`), { waitUntil: 'load' });
    expect(await checkCopy(page, changedFile)).to.equal('Not identical');
    await audit.check(page, '/verify (not identical)');

    const unknown = await page.goto(url('/verify/0000-0000-0000-0000'), { waitUntil: 'load' });
    expect(unknown!.status()).to.equal(404);
    expect(await headingText(page)).to.equal('No document with this code');
    audit.expectNone();
  });

  it('gives the worker’s line supervisor the download on the worker’s page', async () => {
    page = await newPage();
    await loginAs(page, 'supervisor');
    const { Person } = await import('#db/models/index.ts');
    const { demoLogin } = await import('./harness.ts');
    const sarah = await Person.findOne({ where: { email: (await demoLogin('worker')).email } });
    await page.goto(url(`/workers/${sarah!.id}`), { waitUntil: 'load' });
    const href = await page.$$eval('a', (links) => links.find((link) => link.textContent?.trim() === 'Download portfolio (PDF)')?.getAttribute('href') ?? null);
    expect(href).to.equal(`/workers/${sarah!.id}/portfolio.pdf`);
    const pdf = await download(page, href!);
    expect(pdf.status).to.equal(200);
    expect(pdf.bytes.subarray(0, 5).toString()).to.equal('%PDF-');
  });
});
