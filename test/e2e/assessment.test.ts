// Assessment in the browser (issue 14), the person's way: a worker submits evidence on two items of a small standard;
// their assessor judges one met and one not yet met (first forgetting the feedback), records an observation they
// witnessed, judges an item holistically on two pieces and completes the standard; the worker reads the feedback and
// what was judged since they looked; the item's history shows every step; the admin reopens the standard with a reason.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Person } from '#db/models/index.ts';
import { DEMO_PEOPLE } from '#db/seed/people.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { assignAssessor } from '#test/factories/assessment.ts';
import { actorFor, createPerson, TEST_PASSWORD, unique } from '#test/factories/index.ts';
import { holdVersion } from '#test/factories/standards.ts';
import { AccessibilityAudit, closePage, headingText, inputIdForLabel, loginAs, loginWith, newPage, url, waitForHeading, waitForHydration } from './harness.ts';

const URN = `TINY${Date.now().toString().slice(-6)}`;
const ITEMS = [
  { code: 'P1', kind: 'P', section: 'Performance criteria', text: 'agree how and when you contact the people you support' },
  { code: 'P2', kind: 'P', section: 'Performance criteria', text: 'explain the limits of your role to the people you support' },
  { code: 'K1', kind: 'K', section: 'Knowledge and understanding', text: 'why boundaries keep the people you support safe' },
] as const;

type Seeded = { worker: { id: number; name: string; email: string }; items: Record<string, number>; standardVersionId: number };

/** A small standard of three items, held by a new worker whom the demo assessor assesses. */
async function seed(): Promise<Seeded> {
  const adminRow = (await Person.findOne({ where: { email: DEMO_PEOPLE.find((person) => person.loginFor === 'admin')!.email } }))!;
  const assessorRow = (await Person.findOne({ where: { email: DEMO_PEOPLE.find((person) => person.loginFor === 'assessor')!.email } }))!;
  const admin = actorFor(adminRow, ['admin']);
  const template = loadSeedStandard('ASTH325');
  const [saved] = await saveStandardVersions(contextFor(admin, { ipAddress: 'test' }), [
    { ...template, urn: URN, version: '1', title: 'Keep clear boundaries', items: ITEMS.map((item) => ({ ...item })) },
  ]);
  const worker = await createPerson(admin.organisationId, { roles: ['worker'], name: unique('Wren Worker') });
  await holdVersion(admin.organisationId, saved!.standardVersionId, [worker]);
  await assignAssessor(admin, worker.id, assessorRow);
  const { StandardItem } = await import('#db/models/index.ts');
  const rows = await StandardItem.findAll({ where: { standardVersionId: saved!.standardVersionId } });
  return {
    worker: { id: worker.id, name: worker.name, email: worker.email },
    items: Object.fromEntries(rows.map((row) => [row.code, row.id])),
    standardVersionId: saved!.standardVersionId,
  };
}

const text = (page: Page, selector = 'main') => page.$eval(selector, (element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

async function typeInto(page: Page, label: string, value: string): Promise<void> {
  const id = await inputIdForLabel(page, label);
  await page.type(`[id="${id}"]`, value);
}

async function choose(page: Page, label: string): Promise<void> {
  await page.click(`label[for="${await inputIdForLabel(page, label)}"]`);
}

/** Clicks a button by its text and waits for the page it leads to (with JavaScript, the flash or the errors). */
async function press(page: Page, label: string, expect: RegExp): Promise<void> {
  await page.click(`main button::-p-text(${label})`);
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? ''), {}, expect.source);
}

/** The error message in the form group of the field with this label. */
async function errorBeside(page: Page, label: string): Promise<string | null> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (input) => input.closest('.govuk-form-group')?.querySelector('.govuk-error-message')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
}

/** Judges one item in a judging form: outcome (by the radio's name), method and optional feedback. */
async function judgeItem(page: Page, itemId: number, outcome: 'met' | 'not_yet_met', method: string, feedback?: string): Promise<void> {
  await page.click(`input[name="item-${itemId}-outcome"][value="${outcome}"]`);
  await page.select(`select[name="item-${itemId}-method"]`, method);
  if (feedback) await page.type(`textarea[name="item-${itemId}-feedback"]`, feedback);
}

/** Fills the evidence form's common fields and ticks items of the small standard with a note each. */
async function fillEvidence(page: Page, type: string, title: string, itemIds: number[]): Promise<void> {
  await choose(page, type);
  await typeInto(page, 'Title', title);
  await typeInto(page, 'Day', '20');
  await typeInto(page, 'Month', '11');
  await typeInto(page, 'Year', '2026');
  await page.type('textarea[name="description"]', `${title}: what was done, and how it went.`);
  await page.evaluate((urn) => {
    const details = [...document.querySelectorAll('#links details')].find((candidate) => candidate.querySelector('summary')?.textContent?.trim().startsWith(`${urn} `));
    if (details) (details as HTMLDetailsElement).open = true;
  }, URN);
  for (const id of itemIds) {
    await page.click(`label[for="item-${id}"]`);
    await page.type(`#note-${id}`, 'Shown in this piece.');
  }
}

describe('assessment: judging evidence, feedback, achievement and reopening (issue 14)', function () {
  this.timeout(180_000);
  let seeded: Seeded;
  let page: Page | undefined;
  const audit = new AccessibilityAudit();

  before(async () => {
    seeded = await seed();
  });
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });
  after(() => audit.expectNone());

  it('follows a standard from evidence to decisions, feedback, achievement and reopening', async () => {
    const { worker, items } = seeded;
    const [p1, p2, k1] = [items.P1!, items.P2!, items.K1!];

    // The worker records evidence on P1 and P2 and submits it.
    page = await newPage();
    await loginWith(page, worker.email, TEST_PASSWORD);
    await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    await waitForHydration(page);
    await fillEvidence(page, 'Reflective account', 'Agreeing contact with Mr B', [p1, p2]);
    await press(page, 'Save and submit for assessment', /Evidence submitted|submitted/);
    await waitForHeading(page, /^Agreeing contact with Mr B$/);
    const evidencePath = new URL(page.url()).pathname;
    await audit.check(page);
    await closePage(page);

    // The assessor opens it from the worker's page and judges P1 met and P2 not yet met, forgetting the feedback.
    page = await newPage();
    await loginAs(page, 'assessor');
    await page.goto(url(`/workers/${worker.id}`), { waitUntil: 'load' });
    await audit.check(page);
    await page.click(`main a[href="${evidencePath}"]`);
    await waitForHeading(page, /^Agreeing contact with Mr B$/);
    await waitForHydration(page);
    await judgeItem(page, p1, 'met', 'reflective_account', 'A clear account of agreeing contact.');
    await judgeItem(page, p2, 'not_yet_met', 'questioning');
    await press(page, 'Record decisions', /There is a problem/);
    expect(await errorBeside(page, `Feedback on ${URN} P2`)).to.equal(`Error: Enter feedback for P2: what the worker needs to show to meet it`);
    expect(await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.getAttribute('href')))).to.deep.equal([`#judge-item-${p2}-feedback`]);
    const kept = await page.evaluate((a, b) => [
      (document.querySelector(`input[name="item-${a}-outcome"]:checked`) as HTMLInputElement | null)?.value,
      (document.querySelector(`select[name="item-${a}-method"]`) as HTMLSelectElement).value,
      (document.querySelector(`textarea[name="item-${a}-feedback"]`) as HTMLTextAreaElement).value,
      (document.querySelector(`input[name="item-${b}-outcome"]:checked`) as HTMLInputElement | null)?.value,
      (document.querySelector(`select[name="item-${b}-method"]`) as HTMLSelectElement).value,
    ], p1, p2);
    expect(kept, 'the choices are kept').to.deep.equal(['met', 'reflective_account', 'A clear account of agreeing contact.', 'not_yet_met', 'questioning']);
    await audit.check(page, `${evidencePath} (with errors)`);
    await page.type(`textarea[name="item-${p2}-feedback"]`, 'Tell me how you explained what you cannot do.');
    await press(page, 'Record decisions', /2 decisions recorded/);
    expect(await text(page, '.govuk-notification-banner')).to.include('2 decisions recorded');
    expect(await text(page)).to.include('Judged not yet met by Priya Shah');
    const reset = await page.$$eval('form#judge input[type="radio"]:checked', (inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(reset, 'the form starts afresh once its judgements are recorded').to.deep.equal(['none', 'none']);
    await audit.check(page);
    await closePage(page);

    // The worker is told on their home page, and reads the feedback on their progress page.
    page = await newPage();
    await loginWith(page, worker.email, TEST_PASSWORD);
    expect(await text(page)).to.include('2 items judged since you last looked');
    await audit.check(page);
    await page.click('main a[href="/progress"]::-p-text(judged since you last looked)');
    await waitForHeading(page, /^Your progress$/);
    await page.$$eval('details', (all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    const progress = await text(page, `section[aria-labelledby="progress-${URN}"]`);
    expect(progress).to.include('Not yet met').and.to.include('Feedback: Tell me how you explained what you cannot do.').and.to.include('Met');
    await audit.check(page);
    await page.goto(url('/'), { waitUntil: 'load' });
    expect(await text(page)).not.to.include('judged since you last looked');
    await closePage(page);

    // The assessor records an observation they witnessed on P2 and K1; the worker's list names them.
    page = await newPage();
    await loginAs(page, 'assessor');
    await page.goto(url(`/workers/${worker.id}`), { waitUntil: 'load' });
    await page.click('main a::-p-text(Record evidence you witnessed)');
    await waitForHeading(page, /^Record evidence you witnessed$/);
    await waitForHydration(page);
    await audit.check(page);
    await fillEvidence(page, 'Observation', 'Observed: explaining limits to Mrs C', [p2, k1]);
    await press(page, 'Record and submit', /Evidence recorded and submitted/);
    const observedPath = new URL(page.url()).pathname;
    expect(await text(page)).to.include('Observation of');
    await audit.check(page);
    await page.goto(url(`/workers/${worker.id}`), { waitUntil: 'load' });
    const rows = await page.$$eval('main table tbody tr', (all) => all.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(rows.find((row) => row.startsWith('Observed: explaining limits to Mrs C'))).to.include('Recorded by Priya Shah, assessor');

    // A holistic judgement of P2 on both pieces, from the item's page.
    await page.goto(url(`/workers/${worker.id}/items/${p2}`), { waitUntil: 'load' });
    await waitForHeading(page, /^P2/);
    await waitForHydration(page);
    await audit.check(page);
    await choose(page, 'Agreeing contact with Mr B (revision 1)');
    await choose(page, 'Observed: explaining limits to Mrs C (revision 1)');
    await judgeItem(page, p2, 'met', 'direct_observation');
    await press(page, 'Record the decision', /Decision recorded/);
    expect(await text(page)).to.include('On Agreeing contact with Mr B, revision 1, Observed: explaining limits to Mrs C, revision 1');

    // K1 met on the observation completes the standard.
    await page.goto(url(observedPath), { waitUntil: 'load' });
    await waitForHydration(page);
    await judgeItem(page, k1, 'met', 'direct_observation');
    await press(page, 'Record decisions', /1 decision recorded/);
    await page.goto(url(`/workers/${worker.id}/items/${p2}`), { waitUntil: 'load' });
    const history = await text(page);
    expect(history).to.match(/Met Judged met by Priya Shah .* by direct observation\. On Agreeing contact with Mr B, revision 1, Observed/);
    expect(history).to.match(/Not yet met Judged not yet met by Priya Shah .* by questioning\. .* Feedback: Tell me how you explained what you cannot do\./);
    expect(history).to.match(/Achieved on \d{1,2} \w+ \d{4}, completed by Priya Shah/);
    expect(await page.$('form#judge'), 'an achieved standard is not judged again until reopened').to.equal(null);
    await audit.check(page);
    await closePage(page);

    // The admin reopens it from the worker's page in People: first without a reason, then with one.
    page = await newPage();
    await loginAs(page, 'admin');
    await page.goto(url(`/people/${worker.id}`), { waitUntil: 'load' });
    await waitForHydration(page);
    expect(await text(page)).to.include(`${URN} version 1: Keep clear boundaries`);
    await press(page, `Reopen ${URN}`, /There is a problem/);
    expect(await errorBeside(page, `Why reopen ${URN}?`)).to.equal('Error: Enter why the standard is being reopened');
    await audit.check(page, `/people/${worker.id} (with errors)`);
    await typeInto(page, `Why reopen ${URN}?`, 'P2 was judged on a misread observation note.');
    await press(page, `Reopen ${URN}`, /Standard reopened/);
    expect(await text(page)).not.to.include('Achieved standards');
    await audit.check(page);
    await closePage(page);

    // The item's history shows the reopening, and the assessor may judge again.
    page = await newPage();
    await loginAs(page, 'assessor');
    await page.goto(url(`/workers/${worker.id}/items/${p2}`), { waitUntil: 'load' });
    expect(await headingText(page)).to.match(/^P2/);
    expect(await text(page)).to.match(/Reopened on \d{1,2} \w+ \d{4} by Amira Khan: P2 was judged on a misread observation note\./);
    expect(await page.$('form#judge')).not.to.equal(null);
  });

  it('judges without JavaScript: the error beside the field with the choices kept, then the flash', async () => {
    const { worker, items } = seeded;
    page = await newPage();
    await loginAs(page, 'assessor');
    await page.setJavaScriptEnabled(false);
    await page.goto(url(`/workers/${worker.id}/items/${items.P1!}`), { waitUntil: 'load' });
    await page.click(`input[name="item-${items.P1!}-outcome"][value="not_yet_met"]`);
    await page.select(`select[name="item-${items.P1!}-method"]`, 'questioning');
    await Promise.all([page.waitForNavigation(), page.click('main button::-p-text(Record the decision)')]);
    const summary = await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.textContent?.trim()));
    expect(summary).to.include('Choose the evidence the decision rests on');
    expect(await page.$eval(`input[name="item-${items.P1!}-outcome"]:checked`, (input) => (input as HTMLInputElement).value)).to.equal('not_yet_met');
    await audit.check(page, `/workers/${worker.id}/items/${items.P1!} (without JavaScript)`);
    await choose(page, 'Agreeing contact with Mr B (revision 1)');
    await page.type(`textarea[name="item-${items.P1!}-feedback"]`, 'Show me the call record as well.');
    await Promise.all([page.waitForNavigation(), page.click('main button::-p-text(Record the decision)')]);
    expect(await text(page, '.govuk-notification-banner')).to.include('Decision recorded');
  });
});
