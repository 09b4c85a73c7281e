// An organisation admin in the browser: adding people, form errors, reset links, deactivation and the audit log.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import {
  AccessibilityAudit,
  closePage,
  headingText,
  inputIdForLabel,
  loginAs,
  loginWith,
  newPage,
  signInWithKeyboard,
  url,
  waitForHeading,
} from './harness.ts';

const RUN = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
let sequence = 0;

type NewPerson = { name: string; email: string; team: string; supervisor: string };

function uniquePerson(): NewPerson {
  sequence += 1;
  return {
    name: `Jordan Test${RUN}x${sequence}`,
    email: `jordan.test.${RUN}.${sequence}@riverside.example.org`,
    team: 'Community Support',
    supervisor: 'David Price',
  };
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

async function fieldValue(page: Page, label: string): Promise<string> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (field) => (field as HTMLInputElement | HTMLSelectElement).value);
}

async function selectedText(page: Page, label: string): Promise<string> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (select) => {
    const element = select as HTMLSelectElement;
    return element.options[element.selectedIndex]?.textContent?.trim() ?? '';
  });
}

async function checkedRoles(page: Page): Promise<string[]> {
  return page.$$eval('input[type="checkbox"][name="roles"]:checked', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const id = await inputIdForLabel(page, label);
  await page.click(`[id="${id}"]`, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(`[id="${id}"]`, text);
}

async function chooseOption(page: Page, label: string, optionText: string): Promise<void> {
  const id = await inputIdForLabel(page, label);
  const value = await page.$eval(
    `[id="${id}"]`,
    (select, text) => [...(select as HTMLSelectElement).options].find((option) => option.textContent?.trim() === text)?.value ?? null,
    optionText,
  );
  if (value === null) throw new Error(`No option "${optionText}" in "${label}"`);
  await page.select(`[id="${id}"]`, value);
}

async function setCheckbox(page: Page, label: string, checked: boolean): Promise<void> {
  const id = await inputIdForLabel(page, label);
  const current = await page.$eval(`[id="${id}"]`, (box) => (box as HTMLInputElement).checked);
  if (current !== checked) await page.click(`[id="${id}"]`);
}

async function errorNextTo(page: Page, label: string): Promise<string | null> {
  const id = await inputIdForLabel(page, label);
  return page.$eval(`[id="${id}"]`, (input) => {
    const message = input.closest('.govuk-form-group')?.querySelector('.govuk-error-message');
    return message ? (message.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });
}

/** Clicks the button with this text (plain page.click, which also works when the page's JavaScript is off). */
async function clickButton(page: Page, text: string): Promise<void> {
  await page.click(`button::-p-text(${text})`);
}

/** As a signed-in admin: People, Add a person, fill in the form, Add person; returns the new person's id. */
async function addPerson(page: Page, person: NewPerson, axe?: AccessibilityAudit): Promise<number> {
  await page.click('nav[aria-label="Main"] a[href="/people"]');
  await waitForHeading(page, /^People$/);
  await axe?.check(page);
  await page.locator('a::-p-text(Add a person)').click();
  await waitForHeading(page, /^Add a person$/);
  expect(new URL(page.url()).pathname).to.equal('/people/new');
  await axe?.check(page);
  expect(await checkedRoles(page), 'new people are workers unless the admin says otherwise').to.deep.equal(['worker']);

  await typeInto(page, 'Full name', person.name);
  await typeInto(page, 'Email address', person.email);
  await chooseOption(page, 'Team', person.team);
  await chooseOption(page, 'Line supervisor', person.supervisor);
  await clickButton(page, 'Add person');

  await waitForHeading(page, exactly(person.name));
  const address = new URL(page.url());
  expect(address.pathname).to.match(/^\/people\/\d+$/);
  expect(address.search, 'the notice comes from the session, not the address').to.equal('');
  expect(await page.$eval('.govuk-notification-banner', (banner) => banner.textContent)).to.contain(`${person.name} has been added.`);
  await axe?.check(page);
  return Number(address.pathname.split('/').pop());
}

/** The person's row on the People page: name, roles (in the order shown), team, line supervisor, status. */
async function peopleRow(page: Page, name: string): Promise<string[] | null> {
  return page.$$eval(
    'table tbody tr',
    (rows, wanted) => {
      const row = rows.find((candidate) => candidate.querySelector('th a')?.textContent?.trim() === wanted);
      return row ? [...row.querySelectorAll('th a, td')].map((cell) => (cell.textContent ?? '').trim()) : null;
    },
    name,
  );
}


/** A layout fixture with its URN made unique to this run, so the import never meets a version saved earlier. */
function fixtureWithUrn(layout: string, urn: string, unique: string): string {
  return readFileSync(`test/fixtures/standards/${layout}.txt`, 'utf8').replaceAll(urn, unique);
}

/** Pastes a standard's text into the import page and asks for the preview. */
async function pasteStandard(page: Page, text: string): Promise<void> {
  await page.goto(url('/standards/import'), { waitUntil: 'load' });
  await waitForHeading(page, /^Import a standard$/);
  const id = await inputIdForLabel(page, 'Or paste the text of a standard');
  await page.$eval(`[id="${id}"]`, (field, value) => ((field as HTMLTextAreaElement).value = value), text);
  await clickButton(page, 'Upload and check');
  await waitForHeading(page, /^Check the standard before you save it$/);
}

/** Each previewed item's code and text, and whether it is flagged for checking. */
async function previewItems(page: Page): Promise<string[][]> {
  return page.$$eval('textarea[name^="item:0:"]', (fields) =>
    fields.map((field) => {
      const code = (field as HTMLTextAreaElement).name.split(':')[2] ?? '';
      const flagged = field.closest('.govuk-form-group')?.querySelector('.govuk-tag--red') ? ['flagged'] : [];
      return [code, (field as HTMLTextAreaElement).value, ...flagged];
    }),
  );
}

async function itemError(page: Page, code: string): Promise<string | null> {
  return page.$eval(`[id="item:0:${code}"]`, (input) => {
    const message = input.closest('.govuk-form-group')?.querySelector('.govuk-error-message');
    return message ? (message.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });
}

describe('organisation admin', function () {
  const pages: Page[] = [];
  async function open(): Promise<Page> {
    const page = await newPage();
    pages.push(page);
    return page;
  }
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => closePage(page)));
  });

  it('adds a person, who is then listed on the People page', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    const person = uniquePerson();
    await loginAs(page, 'admin');
    const personId = await addPerson(page, person, axe);

    expect(await fieldValue(page, 'Full name')).to.equal(person.name);
    expect(await fieldValue(page, 'Email address')).to.equal(person.email);
    expect(await selectedText(page, 'Team')).to.equal(person.team);
    expect(await selectedText(page, 'Line supervisor')).to.equal(person.supervisor);
    expect(await checkedRoles(page)).to.deep.equal(['worker']);

    await page.locator('a::-p-text(Back to people)').click();
    await waitForHeading(page, /^People$/);
    expect(await peopleRow(page, person.name)).to.deep.equal([person.name, 'Worker', person.team, person.supervisor, 'Active']);
    expect(await page.$eval(`table a[href="/people/${personId}"]`, (link) => link.textContent?.trim())).to.equal(person.name);
    await axe.check(page);
    axe.expectNone();
  });

  for (const javaScript of [true, false]) {
    it(`keeps what was typed and asks for the name when it is empty (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await open();
      await page.setJavaScriptEnabled(javaScript);
      const axe = new AccessibilityAudit();
      const person = uniquePerson();
      await loginAs(page, 'admin');
      await page.goto(url('/people/new'), { waitUntil: 'load' });
      await waitForHeading(page, /^Add a person$/);

      await typeInto(page, 'Email address', person.email);
      await typeInto(page, 'Job title (optional)', 'Night Support Worker');
      await chooseOption(page, 'Team', person.team);
      await chooseOption(page, 'Line supervisor', person.supervisor);
      await setCheckbox(page, 'Assessor', true);
      if (javaScript) {
        await clickButton(page, 'Add person');
        await page.waitForSelector('.govuk-error-summary');
      } else {
        const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), clickButton(page, 'Add person')]);
        expect(response?.status(), 'the server refuses the form').to.equal(400);
      }

      expect(new URL(page.url()).pathname).to.equal('/people/new');
      expect(await headingText(page)).to.equal('Add a person');
      expect(await page.$eval('.govuk-error-summary__title', (title) => title.textContent?.trim())).to.equal('There is a problem');
      expect(await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.textContent?.trim()))).to.deep.equal([
        'Enter the person’s full name',
      ]);
      expect(await errorNextTo(page, 'Full name')).to.equal('Error: Enter the person’s full name');
      expect(await errorNextTo(page, 'Email address')).to.equal(null);
      expect(await fieldValue(page, 'Full name')).to.equal('');
      expect(await fieldValue(page, 'Email address')).to.equal(person.email);
      expect(await fieldValue(page, 'Job title (optional)')).to.equal('Night Support Worker');
      expect(await selectedText(page, 'Team')).to.equal(person.team);
      expect(await selectedText(page, 'Line supervisor')).to.equal(person.supervisor);
      expect(await checkedRoles(page)).to.deep.equal(['worker', 'assessor']);
      await axe.check(page);

      // Nothing was saved.
      await page.goto(url('/people'), { waitUntil: 'load' });
      expect(await page.$$eval('table tbody th', (cells) => cells.map((cell) => cell.textContent ?? '').join('\n'))).not.to.contain(
        'Night Support Worker',
      );
      axe.expectNone();
    });
  }

  it('asks for at least one role, and warns when a role profile goes to someone who is not a worker', async () => {
    const page = await open();
    const axe = new AccessibilityAudit();
    const person = uniquePerson();
    await loginAs(page, 'admin');
    await page.goto(url('/people/new'), { waitUntil: 'load' });
    await waitForHeading(page, /^Add a person$/);
    await typeInto(page, 'Full name', person.name);
    await typeInto(page, 'Email address', person.email);
    await setCheckbox(page, 'Worker', false);
    await clickButton(page, 'Add person');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.textContent?.trim()))).to.deep.equal(['Select at least one role']);
    expect(await errorNextTo(page, 'Worker')).to.equal('Error: Select at least one role');
    await axe.check(page);

    await setCheckbox(page, 'Assessor', true);
    // From the keyboard: leaving the box clears its error first, so a mouse click could land where the button was.
    await page.focus('button::-p-text(Add person)');
    await page.keyboard.press('Enter');
    await waitForHeading(page, exactly(person.name));

    await page.goto(url('/role-profiles'), { waitUntil: 'load' });
    await page.click('main table a[href^="/role-profiles/"]');
    await page.waitForSelector('button::-p-text(Assign role)');
    await chooseOption(page, 'Person', person.name);
    for (const [part, value] of [['day', '1'], ['month', '3'], ['year', '2026']] as const) await page.type(`input[name="startedOn.${part}"]`, value);
    await clickButton(page, 'Assign role');
    await page.waitForSelector('.govuk-notification-banner');
    const warning = await page.$eval('main .govuk-warning-text', (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(warning).to.contain(`${person.name} does not have the worker role, so they cannot record evidence`);
    await axe.check(page);
    axe.expectNone();
  });

  it('hands a new person a reset link, lets them sign in, then deactivates them, all in the audit log', async function () {
    this.timeout(150_000); // a long journey through three browsers
    const admin = await open();
    const axe = new AccessibilityAudit();
    const person = uniquePerson();
    const newPassword = `three random words ${RUN}`;
    const adminLogin = await loginAs(admin, 'admin');
    const personId = await addPerson(admin, person);

    // Someone without a password cannot sign in yet.
    await clickButton(admin, 'Create a password reset link');
    const resetLink = await admin.waitForSelector('[data-testid="reset-link"]').then((element) => element!.evaluate((node) => node.textContent!.trim()));
    expect(resetLink).to.match(/^http:\/\/[^/]+\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect(await admin.$eval('.govuk-inset-text', (inset) => inset.textContent)).to.contain(`Give this link to ${person.name}.`);
    await axe.check(admin, `/people/${personId} (reset link shown)`);

    // The person opens the link in their own browser and chooses a password.
    const invited = await open();
    const resetPath = new URL(resetLink).pathname;
    await invited.goto(url(resetPath), { waitUntil: 'load' });
    await waitForHeading(invited, /^Choose a new password$/);
    expect(await invited.$eval('main', (main) => main.textContent)).to.contain(`This link is for ${person.name}.`);
    await axe.check(invited, '/reset-password/<token>');
    await typeInto(invited, 'New password', newPassword);
    await typeInto(invited, 'Confirm new password', newPassword);
    await clickButton(invited, 'Save password');
    await waitForHeading(invited, /^Sign in to NOSfolio$/);
    expect(new URL(invited.url()).pathname).to.equal('/login');
    expect(await invited.$eval('.govuk-notification-banner', (banner) => banner.textContent)).to.contain('Your new password is saved. Sign in with it.');
    await axe.check(invited);

    await loginWith(invited, person.email, newPassword);
    expect(await headingText(invited)).to.equal(`Hello, ${person.name}`);
    // A new person is a worker: the worker's sections (as in login.test.ts).
    expect(await invited.$$eval('nav[aria-label="Main"] a', (links) => links.map((link) => link.textContent?.trim()))).to.deep.equal([
      'Home',
      'Evidence',
      'Progress',
      'Supervision',
      'Standards',
      'Policies',
    ]);
    expect(await invited.$eval('.app-header__organisation', (element) => element.textContent?.trim())).to.equal('Riverside Independent Living');

    // The link works once.
    const again = await open();
    const reused = await again.goto(url(resetPath), { waitUntil: 'load' });
    expect(reused?.status(), 'a used reset link').to.equal(404);
    expect(await headingText(again)).to.equal('Page not found');

    // The admin gives them a second role, then deactivates them.
    await admin.reload({ waitUntil: 'load' });
    await waitForHeading(admin, exactly(person.name));
    await setCheckbox(admin, 'Assessor', true);
    await clickButton(admin, 'Save changes');
    await admin.waitForFunction(() => document.querySelector('.govuk-notification-banner')?.textContent?.includes('Changes saved.'));
    expect(new URL(admin.url()).search, 'no notice in the address').to.equal('');
    expect(await admin.$eval('.govuk-notification-banner', (banner) => banner.textContent)).to.contain('Changes saved.');
    expect(await checkedRoles(admin)).to.deep.equal(['worker', 'assessor']);

    await clickButton(admin, `Deactivate ${person.name}`);
    await admin.waitForSelector('h1 .govuk-tag');
    expect(await headingText(admin)).to.equal(`${person.name} Deactivated`);
    expect(await admin.$(`::-p-text(Reactivate ${person.name})`), 'a Reactivate button instead').not.to.equal(null);
    await axe.check(admin, `/people/${personId} (deactivated)`);

    // Their open session ends at once ...
    await invited.goto(url('/'), { waitUntil: 'load' });
    expect(new URL(invited.url()).pathname, 'the deactivated person is signed out').to.equal('/login');

    // ... and signing in fails with the same words as a wrong password.
    const blocked = await open();
    await blocked.goto(url('/login'), { waitUntil: 'load' });
    await signInWithKeyboard(blocked, person.email, newPassword);
    await blocked.waitForSelector('.govuk-error-summary');
    expect(await blocked.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.textContent?.trim()))).to.deep.equal([
      'Enter a correct email address and password',
    ]);
    expect(new URL(blocked.url()).pathname).to.equal('/login');
    expect(await blocked.$('nav[aria-label="Main"]')).to.equal(null);
    await axe.check(blocked, '/login (deactivated account)');

    await admin.goto(url('/people'), { waitUntil: 'load' });
    const row = await peopleRow(admin, person.name);
    expect(row, `${person.name} on the People page`).not.to.equal(null);
    const [listedName, roles, team, supervisor, status] = row!;
    expect([listedName, team, supervisor, status]).to.deep.equal([person.name, person.team, person.supervisor, 'Deactivated']);
    expect(roles!.split(', ').sort(), 'roles on the People page').to.deep.equal(['Assessor', 'Worker']);

    await admin.click('nav[aria-label="Main"] a[href="/audit"]');
    await waitForHeading(admin, /^Audit log$/);
    const entries = await admin.$$eval('table tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
    );
    const who = (summary: string) => entries.find((entry) => entry[2] === summary)?.[1];
    const expected: [summary: string, actor: string][] = [
      [`${adminLogin.name} added ${person.name} with roles: Worker; line supervisor ${person.supervisor}`, adminLogin.name],
      [`${adminLogin.name} issued a password reset link for ${person.name}`, adminLogin.name],
      [`${person.name} set a new password with a reset link`, person.name],
      [`${person.name} signed in`, person.name],
      [`${adminLogin.name} changed the roles of ${person.name} from Worker to Worker, Assessor (added Assessor)`, adminLogin.name],
      [`${adminLogin.name} deactivated ${person.name}`, adminLogin.name],
      [`Failed sign-in for ${person.email} (account deactivated)`, 'Not signed in'],
    ];
    for (const [summary, actor] of expected) {
      expect(who(summary), `audit entry "${summary}"`).to.equal(actor);
    }
    // Newest first.
    const summaries = entries.map((entry) => entry[2]);
    const positions = expected.map(([summary]) => summaries.indexOf(summary));
    expect(positions, 'audit entries newest first').to.deep.equal([...positions].sort((a, b) => b - a));
    await axe.check(admin);

    axe.expectNone();
  });
  it('imports a standard pasted from the NOS database page, and a column table only once every flagged item is checked', async () => {
    const page = await open();
    await page.setJavaScriptEnabled(false);
    const axe = new AccessibilityAudit();
    await loginAs(page, 'admin');

    const pastedUrn = `NFHOUS${RUN}`;
    await pasteStandard(page, fixtureWithUrn('nos-database-numbered', 'NFHOUS101', pastedUrn));
    expect(await previewItems(page)).to.deep.equal([
      ['P1', 'agree with the tenant which safety checks their home needs'],
      ['P2', 'explain to the tenant how to report a repair, including: a. repairs that need attention within a day b. repairs that can wait for a planned visit'],
      ['P3', 'check that the smoke alarms in the home are working'],
      ['P4', 'respond promptly to hazards that put the tenant at risk, for example: • gas leaks • exposed wiring'],
      ['P5', "record each hazard and the action taken in line with your organisation's procedures"],
      ['K1', "your organisation's procedures for reporting repairs and hazards"],
      ['K2', 'the legal duties of landlords for gas and electrical safety'],
      ['K3', 'how to explain safety information in ways the tenant understands'],
    ]);
    await axe.check(page, '/standards/import (NOS database page)');
    await clickButton(page, 'Save to the library');
    await page.waitForFunction((urn) => location.pathname === `/standards/${urn}`, {}, pastedUrn);

    const columnUrn = `HOUS${RUN}`;
    await pasteStandard(page, fixtureWithUrn('pdf-label-column', 'HOUS110', columnUrn));
    const items = await previewItems(page);
    expect(items.filter((item) => item[2] === 'flagged').map((item) => item[0])).to.deep.equal(['K1', 'K2', 'K3', 'K4', 'K5']);
    expect(items.find((item) => item[0] === 'P10')?.[1]).to.equal('refer the tenant to other services when their needs change');
    await axe.check(page, '/standards/import (column table)');

    await clickButton(page, 'Save to the library');
    await page.waitForSelector('.govuk-error-summary');
    const unchecked = 'Error: Check this item against the source, then tick “I have checked this item” or correct its text';
    for (const code of ['K1', 'K2', 'K3', 'K4', 'K5']) expect(await itemError(page, code), code).to.equal(unchecked);
    expect(await itemError(page, 'P1')).to.equal(null);
    await axe.check(page, '/standards/import (unchecked items)');

    for (const code of ['K1', 'K2', 'K3', 'K4']) await page.click(`[id="checked:0:${code}"]`);
    await page.click('[id="item:0:K5"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('[id="item:0:K5"]', 'benefits that tenants may be able to claim and how to apply');
    await clickButton(page, 'Save to the library');
    await page.waitForFunction((urn) => location.pathname === `/standards/${urn}`, {}, columnUrn);
    expect(await page.$eval('body', (body) => body.textContent ?? '')).to.contain('benefits that tenants may be able to claim and how to apply');
    axe.expectNone();
  });
});
