// In Chromium: the demo manager asks for a team's portfolios and watches them being made, without JavaScript (Refresh
// until they are ready) and with it (the page updates in place), then downloads the ZIP, unzipped here with one PDF per
// worker read back by pdfinfo and pdftotext, and the merged PDF, checked by qpdf. Others are refused the pages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, httpLoginAs, loginAs, newPage, shoot, url, waitForHeading, waitForHydration } from './harness.ts';
import { workersOfTeam } from './team-workers.ts';

const CONTACT_TEAM = 'Adult Services Customer Contact';
const COMMUNITY_TEAM = 'Community Support';

/** The active people holding the worker role in a demo team now (other tests may have added some), by name. */
async function download(page: Page, href: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const cookie = (await page.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
  const response = await fetch(url(href), { headers: { Cookie: cookie }, redirect: 'manual' });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function askFor(page: Page, team: string, output: 'zip' | 'merged'): Promise<void> {
  await page.goto(url('/team'), { waitUntil: 'load' });
  await waitForHydration(page);
  await Promise.all([page.waitForNavigation(), page.click('a[href="/team/portfolios"]')]);
  await waitForHeading(page, /^Team portfolios$/);
  const scope = await page.$$eval('select[name="scope"] option', (options, name) => options.find((option) => option.textContent?.startsWith(`Team: ${name} (`))?.value, team);
  expect(scope, `a choice for the team ${team}`).to.be.a('string');
  await page.select('select[name="scope"]', scope!);
  await page.click(`input[name="output"][value="${output}"]`);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"].govuk-button')]);
}

async function statusOf(page: Page): Promise<string> {
  return page.$eval('#batch-status', (element) => element.textContent?.trim() ?? '');
}

describe('team portfolios in one request (Chromium)', function () {
  this.timeout(120_000);
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('without JavaScript: the manager asks for the team, refreshes the page until the ZIP is ready, one PDF per worker', async () => {
    page = await newPage();
    await page.setJavaScriptEnabled(false);
    const axe = new AccessibilityAudit();
    await loginAs(page, 'manager');
    const people = await workersOfTeam(CONTACT_TEAM);
    await askFor(page, CONTACT_TEAM, 'zip');
    await waitForHeading(page, new RegExp(`^${CONTACT_TEAM}$`));
    expect(new URL(page.url()).pathname).to.match(/^\/team\/portfolios\/\d+$/);
    await axe.check(page, '/team/portfolios/:id (just asked)');
    await shoot(page, 'team-portfolios-asked');

    // While they are made the page offers Refresh (it never reloads itself); the manager uses it until they are ready.
    let refreshes = 0;
    while ((await statusOf(page)) !== 'Ready') {
      expect(await page.$eval('#batch-updates', (element) => element.textContent?.replace(/\s+/g, ' ').trim())).to.match(/^Select Refresh to see how far they have got\./);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all([page.waitForNavigation(), page.click('a.govuk-button--secondary')]);
      refreshes += 1;
      expect(refreshes, 'ready within a minute of refreshes').to.be.below(120);
    }
    expect(await page.$('a.govuk-button--secondary'), 'no Refresh once ready').to.equal(null);
    expect(await page.$eval('#batch-progress', (element) => element.textContent?.trim())).to.equal(`${people.length} of ${people.length} done`);
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('.govuk-tag')?.textContent?.trim()]));
    expect(rows).to.have.deep.members(people.map((name) => [name, 'Done']));
    await axe.check(page, '/team/portfolios/:id (ready)');
    await shoot(page, 'team-portfolios-ready');

    const href = await page.$eval('a.govuk-button[download]', (link) => link.getAttribute('href')!);
    const { response, bytes } = await download(page, href);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/zip');
    expect(response.headers.get('content-disposition')).to.match(/^attachment; filename="portfolios-adult-services-customer-contact-\d{4}-\d{2}-\d{2}\.zip"/);
    const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-team-zip-'));
    writeFileSync(path.join(dir, 'portfolios.zip'), bytes);
    execFileSync('unzip', ['-q', 'portfolios.zip', '-d', 'out'], { cwd: dir });
    const pdfs = readdirSync(path.join(dir, 'out')).sort();
    expect(pdfs).to.have.length(people.length);
    // Each PDF is one person's portfolio: its title names them (pdfinfo), its pages carry the verification code (pdftotext).
    const names = pdfs.map((file) => /^Title:\s+Portfolio of (.+)$/m.exec(execFileSync('pdfinfo', [path.join(dir, 'out', file)], { encoding: 'utf8' }))?.[1]);
    for (const file of pdfs) expect(execFileSync('pdftotext', [path.join(dir, 'out', file), '-'], { encoding: 'utf8' })).to.match(/Verification code/);
    expect(names).to.have.members(people);
    axe.expectNone();
  });

  it('with JavaScript: the page updates itself in place, and the merged PDF holds the whole team', async () => {
    page = await newPage();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'manager');
    const people = await workersOfTeam(COMMUNITY_TEAM);
    await askFor(page, COMMUNITY_TEAM, 'merged');
    await waitForHeading(page, new RegExp(`^${COMMUNITY_TEAM}$`));
    await waitForHydration(page);
    if ((await statusOf(page)) !== 'Ready') {
      expect(await page.$eval('#batch-updates', (element) => element.textContent?.trim())).to.match(/^This page updates itself/);
      expect(await page.$('a.govuk-button--secondary'), 'no Refresh: the page updates itself').to.equal(null);
    }
    // A mark on the window goes if the page reloads: it must still be there when the PDF is ready.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.waitForFunction(() => document.querySelector('#batch-status')?.textContent?.trim() === 'Ready', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).to.equal(true);
    expect(await page.$eval('#batch-progress', (element) => element.textContent?.trim())).to.equal(`${people.length} of ${people.length} done`);
    await axe.check(page, '/team/portfolios/:id (ready, with JavaScript)');

    const href = await page.$eval('a.govuk-button[download]', (link) => link.getAttribute('href')!);
    const { response, bytes } = await download(page, href);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-team-pdf-'));
    const file = path.join(dir, 'team.pdf');
    writeFileSync(file, bytes);
    execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const name of people) expect(text).to.contain(name);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).to.match(new RegExp(`Title:\\s+Portfolios: ${COMMUNITY_TEAM}`));

    // The request page lists it, and the audit log has the request and the download.
    await page.goto(url('/team/portfolios'), { waitUntil: 'load' });
    expect(await page.$$eval('tbody th a', (links) => links.map((link) => link.textContent?.trim()))).to.include(COMMUNITY_TEAM);
    await axe.check(page, '/team/portfolios (with batches)');
    axe.expectNone();
  });

  it('refuses the pages to people who do not manage a team, and another admin’s batch is not found', async () => {
    const supervisor = await httpLoginAs('supervisor');
    const worker = await httpLoginAs('worker');
    for (const session of [supervisor, worker]) {
      const response = await fetch(url('/team/portfolios'), { headers: { Cookie: session.cookie }, redirect: 'manual' });
      expect(response.status).to.equal(403);
    }
    const admin = await httpLoginAs('admin');
    const choices = await fetch(url('/team/portfolios'), { headers: { Cookie: admin.cookie } });
    expect(choices.status).to.equal(200);
    expect(await choices.text()).to.contain(`Team: ${CONTACT_TEAM}`);
    const missing = await fetch(url('/team/portfolios/999999'), { headers: { Cookie: admin.cookie }, redirect: 'manual' });
    expect(missing.status).to.equal(404);
  });
});
