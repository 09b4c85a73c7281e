// What people read: a policy as a document, counts and dates in plain English, and tables that say what is missing.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { Policy } from '#db/models/index.ts';
import { DEMO_ORGANISATION } from '#db/seed/people.ts';
import { closePage, expectAccessible, loginAs, newPage, url, waitForHeading } from './harness.ts';

describe('documents and words', () => {
  let page: Page | undefined;
  afterEach(async () => closePage(page));

  it('shows the seeded policy as a document: headings, lists and a table, under the organisation name, with its source', async () => {
    page = await newPage();
    await loginAs(page, 'worker');
    const policy = await Policy.findOne({ where: { title: 'Client/Customer Care Policy' }, order: [['id', 'ASC']] });
    await page.goto(url(`/policies/${policy!.id}`), { waitUntil: 'load' });
    await waitForHeading(page, /Client\/Customer Care Policy/);
    const body = await page.$eval('[data-testid="policy-body"]', (element) => ({
      text: element.textContent ?? '',
      headings: [...element.querySelectorAll('h2.govuk-heading-m, h3.govuk-heading-s')].map((heading) => heading.textContent),
      headers: [...element.querySelectorAll('table.govuk-table th.govuk-table__header')].map((cell) => cell.textContent),
      cells: [...element.querySelectorAll('table.govuk-table td.govuk-table__cell')].map((cell) => cell.textContent),
      bullets: element.querySelectorAll('ul.govuk-list--bullet li').length,
    }));
    expect(body.headings).to.include('Standards for Customer Care');
    expect(body.headers).to.deep.equal(['Review', 'Date']);
    expect(body.cells).to.include('December 2010');
    expect(body.bullets).to.be.greaterThan(5);
    expect(body.text).not.to.match(/##|\*\*|\|/);
    expect(body.text).to.include(DEMO_ORGANISATION.name);
    expect(body.text).to.include('Adapted from the Client/Customer Care Policy of Richmond Users Independent Living Scheme (RUILS)');
    await expectAccessible(page);
  });
});
