// An organisation admin in the browser puts a new team inside another and sees it named with the team above it;
// moving a team inside a team within it is refused beside the field, the choices kept. axe on each page.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, inputIdForLabel, loginAs, newPage, url, waitForHeading, waitForHydration } from './harness.ts';

const EVENING = `Evening line ${Date.now()}`;

async function choose(page: Page, form: string, label: string, optionText: string) {
  const id = await page.$eval(
    form,
    (element, text) => [...element.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)?.htmlFor ?? '',
    label,
  );
  const value = await page.$eval(`[id="${id}"]`, (select, text) => [...(select as HTMLSelectElement).options].find((option) => option.textContent === text)?.value ?? '', optionText);
  expect(value, `${label}: ${optionText}`).to.not.equal('');
  await page.select(`[id="${id}"]`, value);
}

describe('teams within teams', () => {
  let page: Page | undefined;
  afterEach(async () => closePage(page));

  it('adds a team within another, then refuses to move the outer team inside it', async () => {
    const axe = new AccessibilityAudit();
    page = await newPage();
    await loginAs(page, 'admin');
    await page.goto(url('/organisation'), { waitUntil: 'load' });
    await waitForHeading(page, /^Teams and locations$/);
    await waitForHydration(page);

    const addForm = 'form:has(input[name="intent"][value="add-team"])';
    await page.type(`[id="${await inputIdForLabel(page, 'New team name')}"]`, EVENING);
    await choose(page, addForm, 'Part of (optional)', 'Community Support');
    await page.click(`${addForm} button::-p-text(Add team)`);
    await page.waitForSelector('::-p-text(Team added.)');
    const teams = await page.$$eval('main li', (items) => items.map((item) => item.textContent ?? ''));
    expect(teams.some((text) => text.startsWith(`Community Support › ${EVENING}`))).to.equal(true);
    await axe.check(page, '/organisation (team within a team)');

    const moveForm = 'form:has(input[name="intent"][value="move-team"])';
    await choose(page, moveForm, 'Team', 'Community Support');
    await choose(page, moveForm, 'Part of', `Community Support › ${EVENING}`);
    await page.click(`${moveForm} button::-p-text(Move team)`);
    await page.waitForSelector(`${moveForm} .govuk-error-message`);
    expect(await page.$eval(`${moveForm} .govuk-error-message`, (element) => element.textContent ?? '')).to.contain('Community Support cannot be part of itself or of a team within it');
    const kept = await page.$eval(moveForm, (form) => [...form.querySelectorAll('select')].map((select) => select.options[select.selectedIndex]?.textContent ?? ''));
    expect(kept).to.deep.equal(['Community Support', `Community Support › ${EVENING}`]);
    await axe.check(page, '/organisation (move refused)');
    axe.expectNone();
  });
});
