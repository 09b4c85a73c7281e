// In Chromium: the demo manager opens the workforce report, chooses a location and downloads the inspection pack with
// the browser's own download (read back here with pdftotext and qpdf, and checked against its issued row), with and
// without JavaScript; a form sent without a choice comes back with the problem beside the field; axe on the report page.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { IssuedDocument, Location, Person, Team } from '#db/models/index.ts';
import { AccessibilityAudit, closePage, httpLoginAs, loginAs, newPage, url, waitForHeading, waitForHydration } from './harness.ts';

const LOCATION = 'Riverside House';

/** The active people of the location's teams now (other tests may add some), the manager excepted, as the report counts them. */
async function peopleAt(locationName: string, managerEmail: string): Promise<string[]> {
  const location = await Location.findOne({ where: { name: locationName } });
  if (!location) throw new Error(`The demo location ${locationName} is missing (was the demo organisation seeded?)`);
  const teams = await Team.findAll({ where: { locationId: location.id }, attributes: ['id'] });
  const people = await Person.findAll({ where: { teamId: teams.map((team) => team.id), deactivatedAt: null }, attributes: ['name', 'email'] });
  return people.filter((person) => person.email !== managerEmail).map((person) => person.name);
}

async function openReport(page: Page): Promise<void> {
  await page.goto(url('/team'), { waitUntil: 'load' });
  await waitForHydration(page);
  await Promise.all([page.waitForNavigation(), page.click('a[href="/team/report"]')]);
  await waitForHeading(page, /^Workforce report$/);
}

/** Chooses the location and presses the button; the browser saves the PDF into a folder of its own, whose file is returned. */
async function downloadPack(page: Page): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-pack-download-'));
  const session = await page.createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, browserContextId: page.browserContext().id });
  const scope = await page.$$eval('select[name="scope"] option', (options, name) => options.find((option) => option.textContent === `Location: ${name}`)?.value, LOCATION);
  expect(scope, `a choice for ${LOCATION}`).to.be.a('string');
  await page.select('select[name="scope"]', scope!);
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/team/report/pack', { timeout: 60_000 });
  await page.click('section:has(#inspection-pack) button[type="submit"]');
  const response = await answered;
  expect(response.status()).to.equal(200);
  expect(response.headers()['content-type']).to.equal('application/pdf');
  expect(response.headers()['content-disposition']).to.match(/^attachment; filename="inspection-pack-riverside-house-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf"/);
  for (let waited = 0; waited < 300; waited += 1) {
    const done = readdirSync(dir).filter((name) => name.endsWith('.pdf'));
    if (done.length) return readFileSync(path.join(dir, done[0]!));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The browser did not save the inspection pack');
}

async function expectPack(bytes: Buffer, people: string[]): Promise<void> {
  expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
  const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-pack-'));
  const file = path.join(dir, 'pack.pdf');
  execFileSync('tee', [file], { input: bytes, stdio: ['pipe', 'ignore', 'inherit'] });
  execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  for (const heading of ['Inspection pack', `Location: ${LOCATION}`, 'Safe and effective staffing', 'Learning culture', 'Workforce wellbeing and enablement', 'Regulation 18: Staffing', 'Summaries by person']) {
    expect(text, heading).to.include(heading);
  }
  for (const name of people) expect(text, name).to.include(name);
  // The issued row is this file: its code is on the cover and the SHA-256 is of these bytes.
  const row = await IssuedDocument.findOne({ where: { sha256: createHash('sha256').update(bytes).digest('hex') } });
  expect(row, 'an issued document with the SHA-256 of the file').to.not.equal(null);
  expect(row!.kind).to.equal('inspection_pack');
  expect(text).to.include(row!.code.match(/.{4}/g)!.join('-'));
}

describe('inspection pack from the workforce report (Chromium)', function () {
  this.timeout(180_000);
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('with JavaScript: the manager chooses a location and the browser downloads the pack; the page passes axe', async () => {
    page = await newPage();
    const axe = new AccessibilityAudit();
    const login = await loginAs(page, 'manager');
    await openReport(page);
    await axe.check(page, '/team/report (with the inspection pack form)');
    // Without a choice the form says so beside the field before anything is sent.
    await page.click('section:has(#inspection-pack) button[type="submit"]');
    await page.waitForSelector('select[name="scope"][aria-invalid="true"]');
    expect(await page.$eval('section:has(#inspection-pack) .govuk-error-message', (element) => element.textContent?.trim())).to.match(/Select a team or location$/);
    await expectPack(await downloadPack(page), await peopleAt(LOCATION, login.email));
    axe.expectNone();
  });

  it('without JavaScript: no choice comes back beside the field with the period kept, then the pack downloads', async () => {
    page = await newPage();
    await page.setJavaScriptEnabled(false);
    const axe = new AccessibilityAudit();
    const login = await loginAs(page, 'manager');
    await openReport(page);
    await Promise.all([page.waitForNavigation(), page.click('section:has(#inspection-pack) button[type="submit"]')]);
    await waitForHeading(page, /^Workforce report$/);
    expect(await page.$eval('select[name="scope"]', (element) => element.getAttribute('aria-invalid'))).to.equal('true');
    expect(await page.$eval('.govuk-error-summary', (element) => element.textContent)).to.include('Select a team or location');
    expect(new URL(page.url()).searchParams.get('from.year')).to.match(/^\d{4}$/);
    await axe.check(page, '/team/report (inspection pack without a choice)');
    await expectPack(await downloadPack(page), await peopleAt(LOCATION, login.email));
    axe.expectNone();
  });

  it('refuses the pack to a worker, and a team the manager does not manage is not found', async () => {
    const worker = await httpLoginAs('worker');
    const body = new URLSearchParams({ csrf: worker.csrf, scope: 'team:1', 'from.day': '1', 'from.month': '1', 'from.year': '2026', 'to.day': '1', 'to.month': '2', 'to.year': '2026' });
    const refused = await fetch(url('/team/report/pack'), { method: 'POST', body, headers: { Cookie: worker.cookie }, redirect: 'manual' });
    expect(refused.status).to.equal(403);
    const manager = await httpLoginAs('manager');
    const unknown = new URLSearchParams({ csrf: manager.csrf, scope: 'team:999999', 'from.day': '1', 'from.month': '1', 'from.year': '2026', 'to.day': '1', 'to.month': '2', 'to.year': '2026' });
    const missing = await fetch(url('/team/report/pack'), { method: 'POST', body: unknown, headers: { Cookie: manager.cookie }, redirect: 'manual' });
    expect(missing.status).to.equal(404);
  });
});
