// The demo assessor in Chromium (issue 14): the home page counts the evidence waiting, the queue lists the same
// number, filters (with and without JavaScript), and a row leads to the evidence page; axe on each page.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Person, PersonStandard, StandardItem } from '#db/models/index.ts';
import { AccessibilityAudit, closePage, loginAs, newPage, url, waitForHeading } from './harness.ts';

const RUN = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const TITLE = `Explaining a change of visit time ${RUN}`;

/** Evidence the demo worker Sarah (assessed by the demo assessor Priya) submits now, so the queue has a known row. */
async function sarahSubmits(): Promise<{ evidenceId: number; sarahId: number }> {
  const sarah = (await Person.findOne({ where: { email: 'sarah.jones@riverside.example.org' } }))!;
  const held = (await PersonStandard.findOne({ where: { personId: sarah.id }, order: [['id', 'ASC']] }))!;
  const item = (await StandardItem.findOne({ where: { standardVersionId: held.standardVersionId }, order: [['position', 'ASC']] }))!;
  const actor = { id: sarah.id, organisationId: sarah.organisationId, organisationName: '', name: sarah.name, email: sarah.email, roles: ['worker' as const], teamId: sarah.teamId, lineSupervisorId: sarah.lineSupervisorId };
  const evidenceId = await recordEvidence(
    contextFor(actor),
    { type: 'reflective_account', title: TITLE, activityDate: '2026-01-14', description: 'What I said and why.', links: [{ itemId: item.id, note: 'Shows it' }] },
    [],
    { submissionToken: `assessment-queue-${RUN}`, submit: true },
  );
  return { evidenceId, sarahId: sarah.id };
}

const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('the assessor’s queue (browser)', function () {
  let page: Page | undefined;
  afterEach(() => closePage(page));

  it('counts on the home page what the queue lists, filters it, and leads to the evidence', async () => {
    const { evidenceId, sarahId } = await sarahSubmits();
    const audit = new AccessibilityAudit();
    page = await newPage();
    await loginAs(page, 'assessor');
    await audit.check(page);

    const home = await page.$eval('a[href="/assessment"]:not(.app-nav__link)', (link) => link.textContent ?? '');
    const match = /^(\d+) pieces? of evidence waiting, the oldest (\d+) days?$/.exec(home.trim());
    expect(match, `home page link: ${home}`).to.not.equal(null);
    const waiting = Number(match![1]);

    await Promise.all([page.waitForNavigation(), page.click('a[href="/assessment"]:not(.app-nav__link)')]);
    await waitForHeading(page, /^Evidence to assess$/);
    expect(await text(page, '#queue-summary')).to.match(new RegExp(`^${waiting} pieces? of evidence waiting, the oldest ${match![2]} days?`));
    expect(await page.$eval('nav[aria-label="Main"] a[href="/assessment"]', (link) => link.getAttribute('aria-current'))).to.equal('page');
    await audit.check(page);

    await page.select('#filter-worker', String(sarahId));
    await page.select('#filter-type', 'reflective_account');
    await Promise.all([page.waitForNavigation(), page.click('.app-filter button[type="submit"]')]);
    await page.waitForFunction(() => document.querySelector('#queue-summary')?.textContent?.includes('that match'));
    expect(new URL(page.url()).searchParams.get('worker')).to.equal(String(sarahId));
    const people = await page.$$eval('tbody tr td:nth-of-type(1)', (cells) => [...new Set(cells.map((cell) => cell.textContent))]);
    expect(people).to.deep.equal(['Sarah Jones']);
    const types = await page.$$eval('tbody tr td:nth-of-type(2)', (cells) => [...new Set(cells.map((cell) => cell.textContent))]);
    expect(types).to.deep.equal(['Reflective account']);
    await audit.check(page);

    await Promise.all([page.waitForNavigation(), page.click(`a[href="/evidence/${evidenceId}"]`)]);
    await waitForHeading(page, new RegExp(TITLE));
    await audit.check(page);
    audit.expectNone();
  });

  it('filters without JavaScript, and says so when nothing matches', async () => {
    page = await newPage();
    await loginAs(page, 'assessor');
    await page.setJavaScriptEnabled(false);
    await page.goto(url('/assessment'), { waitUntil: 'load' });
    await page.select('#filter-age', '28');
    await page.select('#filter-type', 'certificate');
    await Promise.all([page.waitForNavigation(), page.click('.app-filter button[type="submit"]')]);
    const query = new URL(page.url()).searchParams;
    expect([query.get('age'), query.get('type')]).to.deep.equal(['28', 'certificate']);
    expect(await page.$eval('#filter-age', (select) => (select as HTMLSelectElement).value)).to.equal('28');
    const body = await text(page, 'main');
    expect(body).to.satisfy((content: string) => content.includes('Nothing waiting matches these filters') || content.includes('that match'));
    const audit = new AccessibilityAudit();
    await audit.check(page);
    audit.expectNone();
  });
});
