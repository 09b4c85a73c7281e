// A worker records evidence in the browser (issue 5): the form, a PDF, items of two standards, progress going up,
// the evidence kept from a colleague, the form's errors, working without JavaScript, and the item filter.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { ElementHandle, Page } from 'puppeteer';
import { EvidenceRevision, Person } from '#db/models/index.ts';
import { simplePdf } from '#db/seed/evidence.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '#db/seed/people.ts';
import {
  AccessibilityAudit,
  closePage,
  headingText,
  inputIdForLabel,
  loginAs,
  loginWith,
  newPage,
  url,
  waitForHeading,
  waitForHydration,
} from './harness.ts';

const RUN = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
// The demo worker, Sarah, holds these two through her role profile (db/seed/roles-and-policies.ts).
const STANDARDS = ['ASTH325', 'HSC3331'] as const;
const LIAM = DEMO_PEOPLE.find((person) => person.key === 'liam')!;
const WRONG_TYPE = 'The selected file must be a PDF, Word document, image (JPG, PNG or WEBP) or text file';
const FUTURE_DATE_ERROR = 'The date of the activity must be today or in the past';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** A date some days from now as the day, month and year boxes take it (a few days on, whatever the time zone). */
function daysFromNow(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const id = await inputIdForLabel(page, label);
  await page.click(`[id="${id}"]`, { count: 3 });
  await page.keyboard.press('Backspace');
  if (text) await page.type(`[id="${id}"]`, text);
}

async function fieldValue(page: Page, label: string): Promise<string> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (field) => (field as HTMLInputElement | HTMLTextAreaElement).value);
}

/** The error message in the form group of the input with this label (for a date box, the whole date's group). */
async function errorNextTo(page: Page, label: string): Promise<string | null> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (input) => {
    const group = input.closest('.govuk-date-input') ? input.closest('.govuk-fieldset')?.closest('.govuk-form-group') : input.closest('.govuk-form-group');
    const message = group?.querySelector('.govuk-error-message');
    return message ? (message.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });
}

async function errorSummary(page: Page): Promise<{ text: string; href: string }[]> {
  return page.$$eval('.govuk-error-summary__list a', (links) =>
    links.map((link) => ({ text: (link.textContent ?? '').trim(), href: link.getAttribute('href') ?? '' })),
  );
}

/** Clicks the label of the radio or checkbox with this label text. */
async function choose(page: Page, label: string): Promise<void> {
  const id = await inputIdForLabel(page, label);
  await page.click(`label[for="${id}"]`);
}

async function setDate(page: Page, date: { day: string; month: string; year: string }): Promise<void> {
  await typeInto(page, 'Day', date.day);
  await typeInto(page, 'Month', date.month);
  await typeInto(page, 'Year', date.year);
}

async function attach(page: Page, filePath: string): Promise<void> {
  const input = (await page.$('#files')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No file input on ${page.url()}`);
  await input.uploadFile(filePath);
}

/**
 * Opens the standard's <details> in the item picker (if it is closed) and returns the first item nothing has been
 * mapped to yet (no state tag), so that mapping it moves the standard's progress on.
 */
async function openStandardAndPickFreshItem(page: Page, urn: string): Promise<{ id: number; code: string }> {
  const summary = await page.evaluateHandle((wanted) => {
    return [...document.querySelectorAll('#links details > summary')].find((element) => element.textContent?.trim().startsWith(`${wanted} `)) ?? null;
  }, urn);
  const element = summary.asElement() as ElementHandle<HTMLElement> | null;
  if (!element) throw new Error(`No ${urn} in the item picker on ${page.url()}`);
  const open = await element.evaluate((node) => (node.parentElement as HTMLDetailsElement).open);
  if (!open) await element.click();
  await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('#links details')].some(
        (details) => (details as HTMLDetailsElement).open && details.querySelector('summary')?.textContent?.trim().startsWith(`${wanted} `),
      ),
    {},
    urn,
  );
  const item = await page.evaluate((wanted) => {
    const details = [...document.querySelectorAll('#links details')].find((candidate) =>
      candidate.querySelector('summary')?.textContent?.trim().startsWith(`${wanted} `),
    );
    const choice = [...(details?.querySelectorAll('.app-item-choice') ?? [])].find((candidate) => !candidate.querySelector('label .govuk-tag'));
    const input = choice?.querySelector('input[name="item"]') as HTMLInputElement | null | undefined;
    const code = choice?.querySelector('label strong')?.textContent?.trim().split(/\s+/)[1];
    return input && code ? { id: Number(input.value), code } : null;
  }, urn);
  if (!item) throw new Error(`Every item of ${urn} already has evidence: the demo worker has nothing fresh to map`);
  return item;
}

async function tickItem(page: Page, item: { id: number }, note: string): Promise<void> {
  await page.click(`label[for="item-${item.id}"]`);
  expect(await page.$eval(`#item-${item.id}`, (box) => (box as HTMLInputElement).checked), `item ${item.id} is ticked`).to.equal(true);
  await page.type(`#note-${item.id}`, note);
}

/** Presses a form button; without JavaScript, waits for the page the server answers with and returns its status. */
async function pressButton(page: Page, text: string): Promise<number | undefined> {
  if (page.isJavaScriptEnabled()) {
    await page.click(`button::-p-text(${text})`);
    return undefined;
  }
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(`button::-p-text(${text})`)]);
  return response?.status();
}

type Counts = { covered: number; total: number; submitted: number; met: number };

/** What the Progress page says for each standard: "N% of items have evidence: C of T; S submitted for assessment, M met." */
async function progressCounts(page: Page): Promise<Record<string, Counts>> {
  const lines = await page.$$eval('section[aria-labelledby^="progress-"]', (sections) =>
    sections.map((section) => [
      section.getAttribute('aria-labelledby')!.slice('progress-'.length),
      (section.querySelector('p.govuk-body')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ]),
  );
  const counts: Record<string, Counts> = {};
  for (const [urn, line] of lines) {
    const match = /(\d+)% of items have evidence: (\d+) of (\d+); (\d+) submitted for assessment, (\d+) met\./.exec(line!);
    if (!match) throw new Error(`Cannot read the progress of ${urn}: "${line}"`);
    counts[urn!] = { covered: Number(match[2]), total: Number(match[3]), submitted: Number(match[4]), met: Number(match[5]) };
  }
  return counts;
}

/** The state and evidence titles shown for one item in the Progress page's full table of a standard. */
async function progressItem(page: Page, urn: string, code: string): Promise<{ state: string; evidence: string[] } | null> {
  return page.evaluate(
    (wanted, wantedCode) => {
      const section = document.querySelector(`section[aria-labelledby="progress-${wanted}"]`);
      const row = [...(section?.querySelectorAll('details tbody tr') ?? [])].find((candidate) => candidate.querySelector('th strong')?.textContent?.trim() === wantedCode);
      if (!row) return null;
      const cells = row.querySelectorAll('td');
      return {
        state: (cells[0]?.textContent ?? '').trim(),
        evidence: [...(cells[1]?.querySelectorAll('a') ?? [])].map((link) => (link.textContent ?? '').trim()),
      };
    },
    urn,
    code,
  );
}

/** The evidence page's "Items this evidence shows": "URN CODE" → the worker's note. */
async function shownItems(page: Page): Promise<Record<string, string>> {
  const rows = await page.evaluate(() => {
    const heading = [...document.querySelectorAll('h2')].find((h2) => h2.textContent?.trim() === 'Items this evidence shows');
    let list = heading?.nextElementSibling;
    while (list && list.tagName !== 'DL') list = list.nextElementSibling;
    return [...(list?.querySelectorAll('.govuk-summary-list__row') ?? [])].map((row) => [
      (row.querySelector('dt')?.textContent ?? '').trim(),
      (row.querySelector('dd p:nth-of-type(2)')?.textContent ?? '').trim(),  // the item's text, then the worker's note
    ]);
  });
  return Object.fromEntries(rows);
}

async function fileLinks(page: Page): Promise<{ text: string; href: string }[]> {
  return page.$$eval('main a[href^="/evidence-files/"]', (links) =>
    links.map((link) => ({ text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(), href: link.getAttribute('href') ?? '' })),
  );
}

async function savedRevisions(title: string): Promise<number> {
  return EvidenceRevision.count({ where: { title } });
}

describe('recording evidence (issue 5)', function () {
  let folder = '';
  let pdfPath = '';
  let exePath = '';
  const pages: Page[] = [];
  async function open(javaScript = true): Promise<Page> {
    const page = await newPage();
    pages.push(page);
    await page.setJavaScriptEnabled(javaScript);
    return page;
  }

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'nosfolio-e2e-evidence-'));
    pdfPath = path.join(folder, 'Team meeting notes.pdf');
    await writeFile(pdfPath, simplePdf(['Team meeting notes', 'Agreeing contact arrangements', `Run ${RUN}`]));
    // A Windows program (its "MZ" header and DOS stub) renamed to look like a PDF.
    exePath = path.join(folder, 'Supervision notes.pdf');
    const exe = Buffer.alloc(512);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
    exe.write('PE\0\0', 0x80, 'latin1');
    await writeFile(exePath, exe);
  });
  after(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => closePage(page)));
  });

  it('records evidence with a PDF against items of two standards, moves progress on, and keeps it from a colleague', async function () {
    this.timeout(150_000);
    const page = await open();
    const axe = new AccessibilityAudit();
    const sarah = await loginAs(page, 'worker');
    const title = `Agreeing contact arrangements ${RUN}`;
    const description = 'I agreed with Mrs B how often I would ring her and explained what our service can and cannot do.';

    // Progress before.
    await page.click('nav[aria-label="Main"] a[href="/progress"]');
    await waitForHeading(page, /^Your progress$/);
    await axe.check(page);
    const before = await progressCounts(page);
    expect(Object.keys(before), 'the standards Sarah holds').to.include.members([...STANDARDS]);

    // Evidence → Record evidence.
    await page.click('nav[aria-label="Main"] a[href="/evidence"]');
    await waitForHeading(page, /^Your evidence$/);
    await axe.check(page);
    await page.locator('main a::-p-text(Record evidence)').click();
    await waitForHeading(page, /^Record evidence$/);
    expect(new URL(page.url()).pathname).to.equal('/evidence/new');
    await waitForHydration(page);
    await axe.check(page);

    await choose(page, 'Reflective account');
    await typeInto(page, 'Title', title);
    await setDate(page, daysFromNow(-3));
    await typeInto(page, 'What you did, or your reflection', description);
    await attach(page, pdfPath);
    const picked: { urn: string; id: number; code: string; note: string }[] = [];
    for (const urn of STANDARDS) {
      const item = await openStandardAndPickFreshItem(page, urn);
      const note = `How the call with Mrs B shows ${urn} ${item.code} (${RUN}).`;
      await tickItem(page, item, note);
      picked.push({ urn, ...item, note });
    }
    await axe.check(page, '/evidence/new (filled in)');
    await pressButton(page, 'Save and submit for assessment');

    // The evidence page.
    await waitForHeading(page, exactly(title));
    const evidencePath = new URL(page.url()).pathname;
    expect(evidencePath).to.match(/^\/evidence\/\d+$/);
    const evidenceId = Number(evidencePath.split('/').pop());
    const main = await page.$eval('main', (element) => (element.textContent ?? '').replace(/\s+/g, ' '));
    expect(main).to.contain('Submitted for assessment');
    expect(main).to.contain('Evidence recorded and submitted. Your assessor can now review it.');
    expect(main).to.contain(description);
    expect(await shownItems(page), 'the items this evidence shows, with their notes').to.deep.equal(
      Object.fromEntries(picked.map((item) => [`${item.urn} ${item.code}`, item.note])),
    );
    const files = await fileLinks(page);
    expect(files.map((file) => file.text)).to.deep.equal(['Open Team meeting notes.pdf']);
    await axe.check(page, '/evidence/<new id>');
    const fileUrl = files[0]!.href;
    const download = await page.evaluate(async (href) => {
      const response = await fetch(href);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type'), start: String.fromCharCode(...bytes.slice(0, 8)) };
    }, fileUrl);
    expect(download, 'Sarah can open her file').to.deep.equal({ status: 200, type: 'application/pdf', start: '%PDF-1.4' });

    // Progress after: each standard has one more item with evidence, submitted for assessment.
    await page.click('nav[aria-label="Main"] a[href="/progress"]');
    await waitForHeading(page, /^Your progress$/);
    const after = await progressCounts(page);
    for (const item of picked) {
      expect(after[item.urn], `${item.urn} after`).to.deep.equal({
        ...before[item.urn]!,
        covered: before[item.urn]!.covered + 1,
        submitted: before[item.urn]!.submitted + 1,
      });
      expect(await progressItem(page, item.urn, item.code), `${item.urn} ${item.code} on the Progress page`).to.deep.equal({
        state: 'Submitted',
        evidence: [title],
      });
    }
    await axe.check(page, '/progress (after)');

    // Another worker in Sarah's team cannot see it, its file, or Sarah's page.
    const liam = await open();
    await loginWith(liam, LIAM.email, DEMO_PASSWORD);
    const sarahRow = await Person.findOne({ where: { email: sarah.email } });
    for (const pathname of [evidencePath, `${evidencePath}/edit`, `/workers/${sarahRow!.id}`]) {
      const response = await liam.goto(url(pathname), { waitUntil: 'load' });
      expect(response?.status(), `Liam opening ${pathname}`).to.equal(404);
      expect(await headingText(liam), `Liam opening ${pathname}`).to.equal('Page not found');
      expect(await liam.$eval('main', (element) => element.textContent ?? ''), `Liam opening ${pathname}`).not.to.contain(title);
      await axe.check(liam, `${pathname} (as Liam)`);
    }
    const stolen = await liam.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.text()).slice(0, 8) };
    }, fileUrl);
    expect(stolen.status, `Liam fetching ${fileUrl}`).to.equal(404);
    expect(stolen.body).not.to.equal('%PDF-1.4');
    const direct = await liam.goto(url(fileUrl.split('?')[0]!), { waitUntil: 'load' });
    expect(direct?.status(), `Liam opening ${fileUrl.split('?')[0]}`).to.equal(404);
    expect(evidenceId).to.be.greaterThan(0);

    axe.expectNone();
  });

  it('says what happened after saving a draft and after submitting it', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'worker');
    await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    await waitForHeading(page, /^Record evidence$/);
    await waitForHydration(page);
    const title = `A draft I submit later ${RUN}`;
    await choose(page, 'Reflective account');
    await typeInto(page, 'Title', title);
    await setDate(page, daysFromNow(-1));
    await typeInto(page, 'What you did, or your reflection', 'How I kept to the boundaries of my role.');
    const item = await openStandardAndPickFreshItem(page, STANDARDS[0]!);
    await tickItem(page, item, `Shows ${item.code} (${RUN}).`);
    await pressButton(page, 'Save as draft');
    await waitForHeading(page, exactly(title));
    await page.waitForSelector('::-p-text(Evidence saved as a draft.)');
    await pressButton(page, 'Submit for assessment');
    await page.waitForSelector('::-p-text(Evidence submitted. Your assessor can now review it.)');
    expect(await page.$eval('main', (element) => element.textContent ?? '')).to.contain('Submitted for assessment');
    await axe.check(page, '/evidence/<id> (submitted)');
    axe.expectNone();
  });

  it('shows a date in the future next to the date, keeping what was typed', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'worker');
    await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    await waitForHeading(page, /^Record evidence$/);
    await waitForHydration(page);
    const title = `A call I have not made yet ${RUN}`;
    const description = `Description kept after a future date ${RUN}`;
    await choose(page, 'Observation');
    await typeInto(page, 'Title', title);
    await setDate(page, daysFromNow(3));
    await typeInto(page, 'What you did, or your reflection', description);
    await pressButton(page, 'Save as draft');
    await page.waitForSelector('.govuk-error-summary');

    expect(new URL(page.url()).pathname).to.equal('/evidence/new');
    const dayId = await inputIdForLabel(page, 'Day');
    expect(await errorSummary(page)).to.deep.equal([{ text: FUTURE_DATE_ERROR, href: `#${dayId}` }]);
    expect(await errorNextTo(page, 'Day')).to.equal(`Error: ${FUTURE_DATE_ERROR}`);
    expect(await errorNextTo(page, 'Title')).to.equal(null);
    expect(await fieldValue(page, 'Title')).to.equal(title);
    expect(await fieldValue(page, 'What you did, or your reflection')).to.equal(description);
    expect(await savedRevisions(title), 'nothing was saved').to.equal(0);
    await axe.check(page, '/evidence/new (date in the future)');
    axe.expectNone();
  });

  for (const javaScript of [true, false]) {
    it(`shows an empty title and a date in the future together, keeping the description (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await open(javaScript);
      const axe = new AccessibilityAudit();
      await loginAs(page, 'worker');
      await page.goto(url('/evidence/new'), { waitUntil: 'load' });
      await waitForHeading(page, /^Record evidence$/);
      await waitForHydration(page);
      const description = `Description kept after an empty title ${RUN} ${javaScript}`;
      await choose(page, 'Observation');
      await setDate(page, daysFromNow(3));
      await typeInto(page, 'What you did, or your reflection', description);
      const status = await pressButton(page, 'Save as draft');
      if (!javaScript) expect(status, 'the server refuses the form').to.equal(400);
      await page.waitForSelector('.govuk-error-summary');

      expect(new URL(page.url()).pathname).to.equal('/evidence/new');
      const titleId = await inputIdForLabel(page, 'Title');
      const dayId = await inputIdForLabel(page, 'Day');
      const summary = await errorSummary(page);
      expect(summary, 'the title error in the summary').to.deep.include({ text: 'Enter a title', href: `#${titleId}` });
      expect(await errorNextTo(page, 'Title')).to.equal('Error: Enter a title');
      expect(await fieldValue(page, 'What you did, or your reflection'), 'the description is kept').to.equal(description);
      expect(await savedRevisions(''), 'nothing was saved').to.equal(0);
      await axe.check(page, `/evidence/new (empty title, ${javaScript ? 'with' : 'without'} JavaScript)`);
      axe.expectNone();
      // GOV.UK forms report every problem at once, so the date is not left for a second attempt.
      expect(summary, 'both problems in the summary, in the order of the fields').to.deep.equal([
        { text: 'Enter a title', href: `#${titleId}` },
        { text: FUTURE_DATE_ERROR, href: `#${dayId}` },
      ]);
      expect(await errorNextTo(page, 'Day')).to.equal(`Error: ${FUTURE_DATE_ERROR}`);
    });
  }

  for (const javaScript of [true, false]) {
    it(`shows each text limit under its field, counting as the worker types, and refuses a date from 1899 (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await open(javaScript);
      const axe = new AccessibilityAudit();
      await loginAs(page, 'worker');
      await page.goto(url('/evidence/new'), { waitUntil: 'load' });
      await waitForHeading(page, /^Record evidence$/);
      if (javaScript) await waitForHydration(page);
      const countUnder = async (label: string) => {
        const id = await inputIdForLabel(page, label);
        return page.$eval(`[id="${id}"]`, (field) => {
          const info = document.getElementById(`${field.id}-info`);
          const described = (field.getAttribute('aria-describedby') ?? '').split(' ').includes(`${field.id}-info`);
          return described && info ? (info.textContent ?? '').trim() : null;
        });
      };
      const description = 'What you did, or your reflection';
      if (javaScript) {
        expect(await countUnder('Title')).to.equal('You have 200 characters remaining');
        expect(await countUnder(description)).to.equal('You have 20,000 characters remaining');
      } else {
        expect(await countUnder('Title')).to.equal('You can enter up to 200 characters');
        expect(await countUnder(description)).to.equal('You can enter up to 20,000 characters');
      }
      await choose(page, 'Observation');
      await typeInto(page, 'Title', `An old date ${RUN}`);
      await typeInto(page, description, 'Hello');
      if (javaScript) expect(await countUnder(description)).to.equal('You have 19,995 characters remaining');
      await axe.check(page, `/evidence/new (character counts, ${javaScript ? 'with' : 'without'} JavaScript)`);

      await setDate(page, { day: '1', month: '6', year: '1899' });
      const status = await pressButton(page, 'Save as draft');
      if (!javaScript) expect(status, 'the server refuses the form').to.equal(400);
      await page.waitForSelector('.govuk-error-summary');
      const floor = new Date().getFullYear() - 100;
      expect(await errorNextTo(page, 'Day')).to.match(new RegExp(`^Error: The date of the activity must be on or after \\d{1,2} \\w+ ${floor}$`));
      expect(await savedRevisions(`An old date ${RUN}`), 'nothing was saved').to.equal(0);
      await axe.check(page, `/evidence/new (date from 1899, ${javaScript ? 'with' : 'without'} JavaScript)`);
      axe.expectNone();
    });
  }

  it('refuses a program renamed to .pdf, with the error next to the file field', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'worker');
    await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    await waitForHeading(page, /^Record evidence$/);
    await waitForHydration(page);
    const title = `Evidence with a disguised program ${RUN}`;
    const description = 'Notes from supervision.';
    await choose(page, 'Work product');
    await typeInto(page, 'Title', title);
    await setDate(page, daysFromNow(-2));
    await typeInto(page, 'What you did, or your reflection', description);
    await attach(page, exePath);
    await pressButton(page, 'Save as draft');
    await page.waitForSelector('.govuk-error-summary');

    expect(new URL(page.url()).pathname).to.equal('/evidence/new');
    const message = `Supervision notes.pdf: ${WRONG_TYPE}`;
    expect(await errorSummary(page)).to.deep.equal([{ text: message, href: '#files' }]);
    expect(await errorNextTo(page, 'Add files (optional)')).to.equal(`Error: ${message}`);
    expect(await page.$eval('#files', (input) => (input.getAttribute('aria-describedby') ?? '').split(' '))).to.include('files-error');
    expect(await fieldValue(page, 'Title')).to.equal(title);
    expect(await fieldValue(page, 'What you did, or your reflection')).to.equal(description);
    expect(await savedRevisions(title), 'nothing was saved').to.equal(0);
    await axe.check(page, '/evidence/new (program renamed to .pdf)');
    axe.expectNone();
  });

  it('records evidence without JavaScript', async function () {
    this.timeout(90_000);
    const page = await open(false);
    const axe = new AccessibilityAudit();
    await loginAs(page, 'worker');
    const response = await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    expect(response?.status()).to.equal(200);
    await waitForHeading(page, /^Record evidence$/);
    expect(await page.evaluate(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter)), 'the app did not start').to.equal(false);
    expect(await page.$('#item-filter'), 'no filter box without JavaScript').to.equal(null);
    await axe.check(page, '/evidence/new (without JavaScript)');

    const title = `Recorded without JavaScript ${RUN}`;
    await choose(page, 'Professional discussion');
    await typeInto(page, 'Title', title);
    await setDate(page, daysFromNow(-1));
    await typeInto(page, 'What you did, or your reflection', 'We talked through how I plan my calls.');
    await attach(page, pdfPath);
    const picked: { urn: string; id: number; code: string; note: string }[] = [];
    for (const urn of STANDARDS) {
      const item = await openStandardAndPickFreshItem(page, urn);
      const note = `Without JavaScript: ${urn} ${item.code}.`;
      await tickItem(page, item, note);
      picked.push({ urn, ...item, note });
    }
    const status = await pressButton(page, 'Save and submit for assessment');
    expect(status, 'the evidence page after the redirect').to.equal(200);
    await waitForHeading(page, exactly(title));
    expect(new URL(page.url()).pathname).to.match(/^\/evidence\/\d+$/);
    expect(await shownItems(page)).to.deep.equal(Object.fromEntries(picked.map((item) => [`${item.urn} ${item.code}`, item.note])));
    expect((await fileLinks(page)).map((file) => file.text)).to.deep.equal(['Open Team meeting notes.pdf']);
    expect(await page.$eval('main', (element) => element.textContent ?? '')).to.contain('Submitted for assessment');
    await axe.check(page, '/evidence/<new id> (without JavaScript)');
    axe.expectNone();
  });

  it('filters the items by the words typed, hiding the rest but keeping what is ticked', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'worker');
    await page.goto(url('/evidence/new'), { waitUntil: 'load' });
    await waitForHeading(page, /^Record evidence$/);
    await waitForHydration(page);
    const filterId = await inputIdForLabel(page, 'Filter items');

    const visibleItems = () =>
      page.$$eval('#links .app-item-choice', (choices) =>
        choices
          .filter((choice) => !choice.closest('[hidden]') && (choice.closest('details') as HTMLDetailsElement | null)?.open !== false)
          .map((choice) => (choice.querySelector('label strong')?.textContent ?? '').trim()),
      );
    const total = await page.$$eval('#links .app-item-choice', (choices) => choices.length);
    expect(total, 'items to choose from').to.be.greaterThan(20);

    // Tick an item that the filter will hide.
    const ticked = await openStandardAndPickFreshItem(page, 'ASTH325');
    await page.click(`label[for="item-${ticked.id}"]`);
    const word = ticked.code === 'K13' ? 'K12' : 'K13';

    await page.type(`[id="${filterId}"]`, word);
    await page.waitForFunction(
      (count) => document.querySelectorAll('#links .app-item-choice:not([hidden])').length < count,
      {},
      total,
    );
    const shown = await visibleItems();
    expect(shown.length, `items shown for "${word}"`).to.be.greaterThan(0);
    expect(shown.length).to.be.lessThan(total);
    const texts = await page.$$eval('#links .app-item-choice', (choices) =>
      choices.filter((choice) => !choice.closest('[hidden]')).map((choice) => (choice.querySelector('label')?.textContent ?? '').toLowerCase()),
    );
    for (const text of texts) expect(text, 'every item shown matches the filter').to.contain(word.toLowerCase());
    expect(shown.map((label) => label.split(' ')[1]), 'the matching items of both standards are shown').to.include(word);
    expect(await page.$eval(`#item-${ticked.id}`, (box) => Boolean(box.closest('[hidden]'))), 'the ticked item is hidden').to.equal(true);
    expect(await page.$eval(`#item-${ticked.id}`, (box) => (box as HTMLInputElement).checked), 'and still ticked').to.equal(true);
    await axe.check(page, `/evidence/new (filtered by ${word})`);

    await page.click(`[id="${filterId}"]`, { count: 3 });
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.querySelectorAll('#links .app-item-choice[hidden]').length === 0);
    expect(await page.$eval(`#item-${ticked.id}`, (box) => (box as HTMLInputElement).checked), 'still ticked after clearing the filter').to.equal(true);
    axe.expectNone();
  });
});
