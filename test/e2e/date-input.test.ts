// The GOV.UK date input on a form other than evidence (adding a policy), with and without JavaScript: day, month and
// year boxes, one error next to the date, what was typed kept, and the success notice shown once after the redirect.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, headingText, inputIdForLabel, loginAs, newPage, url, waitForHeading } from './harness.ts';

const RUN = `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** Focuses the box, selects what it holds and types over it (re-validation may move the boxes, so no clicking). */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.$eval(selector, (input) => (input as HTMLInputElement).select());
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

async function setDate(page: Page, name: string, [day, month, year]: [string, string, string]): Promise<void> {
  await typeInto(page, `input[name="${name}.day"]`, day);
  await typeInto(page, `input[name="${name}.month"]`, month);
  await typeInto(page, `input[name="${name}.year"]`, year);
}

/** The error in the date input's fieldset whose boxes are named NAME.day, NAME.month, NAME.year. */
function dateError(page: Page, name: string): Promise<string | null> {
  return page.$eval(`input[name="${name}.day"]`, (input) => {
    const message = input.closest('.govuk-fieldset')?.querySelector('.govuk-error-message');
    return message ? (message.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });
}

function dateValues(page: Page, name: string): Promise<string[]> {
  return Promise.all(['day', 'month', 'year'].map((part) => page.$eval(`input[name="${name}.${part}"]`, (input) => (input as HTMLInputElement).value)));
}

async function submit(page: Page, javaScript: boolean, text: string): Promise<number | undefined> {
  if (javaScript) {
    await page.click(`button::-p-text(${text})`);
    return undefined;
  }
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(`button::-p-text(${text})`)]);
  return response?.status();
}

describe('date input', function () {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  for (const javaScript of [true, false]) {
    it(`asks for a real date next to the field, keeps what was typed, then saves and says so once (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      page = await newPage();
      await page.setJavaScriptEnabled(javaScript);
      const axe = new AccessibilityAudit();
      await loginAs(page, 'admin');
      await page.goto(url('/policies'), { waitUntil: 'load' });
      await waitForHeading(page, /^Policies$/);

      const title = `Lone working ${RUN}${javaScript ? 'j' : 'n'}`;
      await typeInto(page, `[id="${await inputIdForLabel(page, 'Title')}"]`, title);
      await typeInto(page, `[id="${await inputIdForLabel(page, 'Version')}"]`, '1.0');
      await setDate(page, 'adoptedOn', ['3', '2', '2026']);
      await setDate(page, 'nextReviewOn', ['31', '2', '2027']);
      await typeInto(page, `[id="${await inputIdForLabel(page, 'Policy text')}"]`, 'Tell the office before a visit alone.');

      const refused = await submit(page, javaScript, 'Add policy');
      if (!javaScript) expect(refused, 'the server refuses the form').to.equal(400);
      await page.waitForSelector('.govuk-error-summary');
      const message = 'The next review date must be a real date, for example 27 3 2026';
      const dayId = await page.$eval('input[name="nextReviewOn.day"]', (input) => input.id);
      expect(await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => [link.textContent?.trim(), link.getAttribute('href')]))).to.deep.equal([
        [message, `#${dayId}`],
      ]);
      expect(await dateError(page, 'nextReviewOn')).to.equal(`Error: ${message}`);
      expect(await dateError(page, 'adoptedOn')).to.equal(null);
      expect(await dateValues(page, 'nextReviewOn')).to.deep.equal(['31', '2', '2027']);
      expect(await dateValues(page, 'adoptedOn')).to.deep.equal(['3', '2', '2026']);
      await axe.check(page);

      await setDate(page, 'nextReviewOn', ['28', '2', '2027']);
      await submit(page, javaScript, 'Add policy');
      await waitForHeading(page, new RegExp(`^${title}$`));
      const address = new URL(page.url());
      expect(address.pathname).to.match(/^\/policies\/\d+$/);
      expect(address.search, 'no notice in the address').to.equal('');
      expect(await page.$eval('.govuk-notification-banner', (banner) => banner.textContent)).to.contain('Policy added.');
      await axe.check(page);

      if (javaScript) {
        // The root's data is not reloaded by a link, yet the notice belongs to the page it arrived with.
        await page.click('a::-p-text(Back to policies)');
        await waitForHeading(page, /^Policies$/);
        expect(await page.$('.govuk-notification-banner'), 'the notice stays behind').to.equal(null);
        await page.goBack({ waitUntil: 'load' });
        await waitForHeading(page, new RegExp(`^${title}$`));
      }
      await page.reload({ waitUntil: 'load' });
      expect(await headingText(page)).to.equal(title);
      expect(await page.$('.govuk-notification-banner'), 'the notice is shown once').to.equal(null);
      axe.expectNone();
    });
  }
});
