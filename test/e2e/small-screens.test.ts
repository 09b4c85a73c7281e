// The portal on a phone and on a laptop: no page is wider than a 390 px screen (tables scroll in their own region),
// the main navigation fits one line at 1280 px, and the calendar link buttons on /supervision do not touch.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, loginAs, newPage, url, waitForHydration, type DemoRole } from './harness.ts';

const PAGES: Record<DemoRole, string[]> = {
  worker: ['/', '/evidence', '/progress', '/standards', '/supervision', '/policies', '/account'],
  supervisor: ['/supervision'],
  manager: ['/', '/team', '/supervision', '/supervision/overview'],
  admin: ['/', '/people', '/policies', '/role-profiles', '/organisation', '/audit'],
  assessor: ['/'],
  iqa: ['/'],
};

/** How far the document is wider than the window, in CSS pixels (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('Small and large screens', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  for (const [role, paths] of Object.entries(PAGES) as [DemoRole, string[]][]) {
    it(`fits a 390 px screen on the ${role}'s pages, and the navigation is one line at 1280 px`, async () => {
      page = await newPage();
      await loginAs(page, role);
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(url('/'), { waitUntil: 'load' });
      const rows = await page.$$eval('nav[aria-label="Main"] li', (items) => [...new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)))]);
      expect(rows, `the ${role}'s navigation items sit on one line at 1280 px`).to.have.length(1);

      await page.setViewport({ width: 390, height: 844 });
      const axe = new AccessibilityAudit();
      const wide: string[] = [];
      for (const pathname of paths) {
        await page.goto(url(pathname), { waitUntil: 'load' });
        const extra = await overflow(page);
        if (extra > 0) wide.push(`${pathname} is ${extra} px wider than the screen`);
        await axe.check(page);
      }
      expect(wide).to.deep.equal([]);
      axe.expectNone();
    });
  }

  it('scrolls a wide table inside a named region a keyboard can reach', async () => {
    page = await newPage();
    await loginAs(page, 'worker');
    await page.setViewport({ width: 320, height: 700 });
    await page.goto(url('/evidence'), { waitUntil: 'load' });
    const region = await page.$eval('[role="region"]:has(> table)', (element) => ({
      label: element.getAttribute('aria-label'),
      tabIndex: element.getAttribute('tabindex'),
      scrolls: element.scrollWidth > element.clientWidth,
    }));
    expect(region.label).to.be.a('string').and.not.equal('');
    expect(region.tabIndex).to.equal('0');
    expect(region.scrolls, 'the evidence table is wider than 320 px and scrolls in its region').to.equal(true);
    expect(await overflow(page)).to.be.at.most(0);
  });

  it('gives the calendar link buttons on /supervision room at 390 and 1280 px', async () => {
    page = await newPage();
    await loginAs(page, 'worker');
    await page.goto(url('/supervision'), { waitUntil: 'load' });
    await waitForHydration(page);
    // With a link, both buttons show: replace and turn off.
    if (!(await page.$('button::-p-text(Turn off your calendar link)'))) {
      await page.locator('button::-p-text(Create a private calendar link)').click();
      await page.waitForSelector('button::-p-text(Turn off your calendar link)');
    }
    for (const width of [390, 1280]) {
      await page.setViewport({ width, height: 900 });
      const [first, second] = await page.$$eval('main form button', (buttons) =>
        buttons
          .filter((button) => /calendar link/.test(button.textContent ?? ''))
          .map((button) => button.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }),
      );
      const apart = Math.max(second!.left - first!.right, second!.top - first!.bottom);
      expect(apart, `space between the calendar link buttons at ${width} px`).to.be.at.least(10);
      expect(await overflow(page)).to.be.at.most(0);
    }
  });
});
