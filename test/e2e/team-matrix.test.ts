// The manager's team page in Chromium: the matrix of people by standards, a filter sent as a plain GET form, the
// drill-down into a standard's sections and a section's items, a cell read as text; axe on each page, screenshots
// at 1280 and 390 px; another team's id is not found.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, httpLoginAs, loginAs, newPage, shoot, url, waitForHeading } from './harness.ts';

describe('Team matrix', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('lets a manager filter, drill into a standard and a section, and read a cell', async () => {
    page = await newPage();
    await loginAs(page, 'manager');
    await page.setViewport({ width: 1280, height: 900 });
    const axe = new AccessibilityAudit();
    await page.goto(url('/team'), { waitUntil: 'load' });
    await waitForHeading(page, /^Team$/);
    const caption = await page.$eval('table caption', (element) => element.textContent ?? '');
    expect(caption).to.match(/Items met by person and standard \(\d+ people, most gaps first\)/);
    expect(await page.$eval('[role="region"]', (element) => [element.getAttribute('aria-label'), element.getAttribute('tabindex')])).to.deep.equal([
      'Items met by person and standard',
      '0',
    ]);
    const firstCell = await page.$eval('td.app-matrix-cell:not(.app-matrix-cell--not-held)', (element) => element.textContent ?? '');
    expect(firstCell).to.match(/\d+ of \d+ met/);
    await axe.check(page);
    // At 1280 px every column is in view, "Needs attention" included: the table does not scroll in its region.
    expect(await page.$eval('[role="region"]', (region) => region.scrollWidth <= region.clientWidth), 'the whole matrix in view at 1280 px').to.equal(true);
    await page.setViewport({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page fits a 390 px screen; the table scrolls in its region').to.equal(390);
    await page.setViewport({ width: 1280, height: 900 });
    await shoot(page, 'team');

    // Filter by the first team, without any script: a GET form.
    const teamValue = await page.$eval('#filter-team option:nth-child(2)', (option) => (option as HTMLOptionElement).value);
    await page.select('#filter-team', teamValue);
    await page.select('#filter-sort', 'name');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.app-matrix-filters button[type="submit"]')]);
    expect(new URL(page.url()).searchParams.get('team')).to.equal(teamValue);
    expect(new URL(page.url()).searchParams.get('sort')).to.equal('name');
    await page.waitForFunction(() => !document.querySelector('table caption')?.textContent?.includes('most gaps first'));
    const names = await page.$$eval('tbody th[scope="row"] a', (links) => links.map((link) => link.textContent ?? ''));
    expect(names.length).to.be.greaterThan(0);
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    await axe.check(page);

    // Drill into the first standard, then its first section.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('thead th[scope="col"] a')]);
    await page.waitForFunction(() => document.querySelector('table caption')?.textContent?.includes('by person and section'));
    expect(new URL(page.url()).searchParams.get('standard')).to.match(/^[A-Z0-9]+$/);
    expect(new URL(page.url()).searchParams.get('team'), 'the filter is kept').to.equal(teamValue);
    expect(await page.$eval('table caption', (element) => element.textContent ?? '')).to.match(/items met by person and section/);
    await axe.check(page);
    await shoot(page, 'team-standard');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('thead th[scope="col"] a')]);
    await page.waitForFunction(() => document.querySelector('table caption')?.textContent?.includes('each item by person'));
    expect(new URL(page.url()).searchParams.get('section')).to.not.equal(null);
    expect(await page.$eval('table caption', (element) => element.textContent ?? '')).to.match(/each item by person/);
    const itemCell = await page.$eval('td.app-matrix-cell:not(.app-matrix-cell--not-held)', (element) => element.textContent ?? '');
    expect(itemCell).to.match(/Met|Not yet met|Submitted|Evidence mapped|Nothing yet/);
    expect(await page.$$eval('.govuk-summary-list__row', (rows) => rows.length)).to.be.greaterThan(0);
    await axe.check(page);
    await shoot(page, 'team-section');
    axe.expectNone();

    // The breadcrumbs lead back to every standard.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.govuk-breadcrumbs__list-item:first-child a')]);
    await page.waitForFunction(() => document.querySelector('table caption')?.textContent?.includes('by person and standard'));
    expect(new URL(page.url()).searchParams.get('standard')).to.equal(null);
  });

  it('answers not found for a team the manager does not manage', async () => {
    const session = await httpLoginAs('manager');
    const response = await fetch(url('/team?team=999999'), { headers: { cookie: session.cookie }, redirect: 'manual' });
    expect(response.status).to.equal(404);
  });
});
