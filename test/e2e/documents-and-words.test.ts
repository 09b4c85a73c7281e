// What people read: a policy as a document, counts and dates in plain English, and tables that say what is missing.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { Person, Policy } from '#db/models/index.ts';
import { DEMO_ORGANISATION } from '#db/seed/people.ts';
import { createOrganisation, createPerson, TEST_PASSWORD } from '#test/factories/index.ts';
import { AccessibilityAudit, closePage, expectAccessible, loginAs, loginWith, newPage, url, waitForHeading } from './harness.ts';

const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());

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
    // On a phone the document's long source address wraps instead of running off the screen.
    await page.setViewport({ width: 390, height: 844 });
    const overflow = await page.$eval('[data-testid="policy-body"]', (element) => element.scrollWidth - element.clientWidth);
    expect(overflow, 'policy text wider than a 390px screen').to.be.at.most(0);
  });

  it('a new organisation: its admin reads counts of one in the singular, and empty lists say what to do, with no empty table', async () => {
    const { organisation, team } = await createOrganisation();
    const admin = await createPerson(organisation.id, { roles: ['admin'], teamId: team.id });
    const newcomer = await createPerson(organisation.id, { roles: ['worker'] });
    await Person.update({ passwordHash: null }, { where: { id: newcomer.id } });
    page = await newPage();
    const axe = new AccessibilityAudit();
    await loginWith(page, admin.email, TEST_PASSWORD);
    const home = await text(page, 'main');
    expect(home).to.include('1 active person has no team.');
    expect(home).to.include('1 person has no password yet: give them a reset link.');
    await axe.check(page, 'home');

    await page.goto(url('/people'), { waitUntil: 'load' });
    expect(await text(page, 'main table caption')).to.equal('2 people');
    await page.goto(url('/standards'), { waitUntil: 'load' });
    expect(await page.$('main table')).to.equal(null);
    expect(await text(page, 'main')).to.include('No standards in the library yet. Import your first standard');
    expect(await page.$eval('main p.govuk-body a[href="/standards/import"]', (link) => link.textContent)).to.equal('Import your first standard');
    await axe.check(page);
    await page.goto(url('/policies'), { waitUntil: 'load' });
    expect(await page.$('main table')).to.equal(null);
    expect(await text(page, 'main')).to.include('No policies yet. Add your first policy below');
    await axe.check(page);
    await page.goto(url('/organisation'), { waitUntil: 'load' });
    expect(await page.$('main table')).to.equal(null);
    expect(await text(page, 'main')).to.include('No managers yet.');
    await axe.check(page);
    axe.expectNone();
  });

  it("a new worker's evidence page says there is no evidence yet and links to recording the first piece", async () => {
    const { organisation, team } = await createOrganisation();
    const worker = await createPerson(organisation.id, { roles: ['worker'], teamId: team.id });
    page = await newPage();
    await loginWith(page, worker.email, TEST_PASSWORD);
    await page.goto(url('/evidence'), { waitUntil: 'load' });
    await waitForHeading(page, /^Your evidence$/);
    expect(await page.$('main table')).to.equal(null);
    expect(await text(page, 'main')).to.include('No evidence yet. Record your first piece of evidence');
    expect(await page.$eval('main p.govuk-body a[href="/evidence/new"]', (link) => link.textContent)).to.equal('Record your first piece of evidence');
    await expectAccessible(page);
  });
});
