// Signing in and out with the keyboard for every demo role: greeting, main navigation, accessibility, sign-out.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { demoLogins } from '#db/seed/index.ts';
import {
  AccessibilityAudit,
  anonymousSession,
  closePage,
  cookiesFrom,
  csrfFromHtml,
  demoLogin,
  focusedId,
  headingText,
  httpLoginAs,
  inputIdForLabel,
  loginAs,
  newPage,
  signInWithKeyboard,
  url,
  waitForHeading,
  waitForHydration,
  type DemoRole,
  type HttpSession,
} from './harness.ts';

// The sections each demo login sees, in order (Your account is in the header, beside Sign out). The portal's foundation
// is Home, Team, People, Teams and locations and Audit log; Standards, Role profiles and Policies came with the
// standards library and role profile features; Evidence and Progress with evidence (for workers), Supervision with
// supervision (workers, supervisors, managers, and anyone with a line supervisor: the demo assessor and IQA have one). A person sees the sections of all the roles they hold: the demo supervisor (David) is also a worker, and
// the demo manager (Grace) is also a supervisor and a worker; the demo IQA (Tom) is also an assessor.
const EXPECTED_NAVIGATION: Record<DemoRole, string[]> = {
  worker: ['Home', 'Evidence', 'Progress', 'Supervision', 'Standards', 'Policies'],
  assessor: ['Home', 'Assessment', 'Supervision', 'Standards', 'Role profiles', 'Policies'],
  iqa: ['Home', 'Assessment', 'Supervision', 'Standards', 'Role profiles', 'Policies', 'Quality assurance'],
  supervisor: ['Home', 'Evidence', 'Progress', 'Supervision', 'Standards', 'Role profiles', 'Policies'],
  manager: ['Home', 'Team', 'Evidence', 'Progress', 'Supervision', 'Standards', 'Role profiles', 'Policies'],
  admin: ['Home', 'Standards', 'Role profiles', 'Policies', 'People', 'Teams and locations', 'Audit log'],
};

/** The h1 each section's page shows. */
function headingFor(label: string, name: string): RegExp {
  const headings: Record<string, string> = {
    Home: `Hello, ${name}`,
    Team: 'Team',
    Assessment: 'Evidence to assess',
    'Quality assurance': 'IQA sample',
    Evidence: 'Your evidence',
    Progress: 'Your progress',
    Supervision: 'Supervision',
    Standards: 'Standards',
    'Role profiles': 'Role profiles',
    Policies: 'Policies',
    People: 'People',
    'Teams and locations': 'Teams and locations',
    'Audit log': 'Audit log',
    'Your account': 'Your account',
  };
  const heading = headings[label];
  if (!heading) throw new Error(`No expected heading for the "${label}" section: add it to login.test.ts`);
  return new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

async function mainNavigation(page: Page): Promise<{ label: string; href: string }[]> {
  return page.$$eval('nav[aria-label="Main"] a', (links) =>
    links.map((link) => ({ label: link.textContent?.trim() ?? '', href: link.getAttribute('href') ?? '' })),
  );
}

/** The error message shown in the same form group as the input with this id. */
async function errorNextTo(page: Page, inputId: string): Promise<string | null> {
  return page.$eval(`[id="${inputId}"]`, (input) => {
    const message = input.closest('.govuk-form-group')?.querySelector('.govuk-error-message');
    return message ? (message.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });
}

async function inputValue(page: Page, id: string): Promise<string> {
  return page.$eval(`[id="${id}"]`, (input) => (input as HTMLInputElement).value);
}

describe('signing in and out', function () {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('has a demo login for every role the navigation test expects', () => {
    expect(demoLogins().map((login) => login.role).sort()).to.deep.equal(Object.keys(EXPECTED_NAVIGATION).sort());
  });

  for (const role of Object.keys(EXPECTED_NAVIGATION) as DemoRole[]) {
    it(`lets the ${role} sign in with the keyboard, see their sections, and sign out`, async function () {
      this.timeout(150_000); // up to ten pages, each checked with axe
      page = await newPage();
      const axe = new AccessibilityAudit();
      const person = await loginAs(page, role);

      expect(new URL(page.url()).pathname).to.equal('/');
      expect(await headingText(page)).to.equal(`Hello, ${person.name}`);
      const navigation = await mainNavigation(page);
      expect(navigation.map((item) => item.label), `main navigation for the ${role}`).to.deep.equal(EXPECTED_NAVIGATION[role]);
      await axe.check(page);

      for (const item of navigation) {
        await page.click(`nav[aria-label="Main"] a[href="${item.href}"]`);
        await waitForHeading(page, headingFor(item.label, person.name));
        expect(new URL(page.url()).pathname, `after following "${item.label}"`).to.equal(item.href);
        const current = await page.$eval(`nav[aria-label="Main"] a[href="${item.href}"]`, (link) => link.getAttribute('aria-current'));
        expect(current, `"${item.label}" is marked as the current page`).to.equal('page');
        if (!axe.pages.includes(item.href)) await axe.check(page); // Home was checked on arrival
      }
      expect([...axe.pages].sort(), 'every section was checked with axe').to.deep.equal(navigation.map((item) => item.href).sort());

      await page.click('header a[href="/account"]');
      await waitForHeading(page, /^Your account$/);
      expect(await page.$eval('header a[href="/account"]', (link) => link.getAttribute('aria-current')), 'Your account is the current page').to.equal('page');
      await axe.check(page);

      await page.locator('header button::-p-text(Sign out)').click();
      await waitForHeading(page, /^Sign in to NOSfolio$/);
      expect(new URL(page.url()).pathname).to.equal('/login');
      expect(await page.$('nav[aria-label="Main"]'), 'no main navigation once signed out').to.equal(null);
      expect(await page.$('header button'), 'no Sign out button once signed out').to.equal(null);

      await page.goto(url('/'), { waitUntil: 'load' });
      expect(new URL(page.url()).pathname, 'the home page sends a signed-out visitor to sign in').to.equal('/login');
      expect(await headingText(page)).to.equal('Sign in to NOSfolio');

      axe.expectNone();
    });
  }

  for (const javaScript of [true, false]) {
    it(`refuses a wrong password with the GOV.UK error summary, keeping the email address (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      page = await newPage();
      await page.setJavaScriptEnabled(javaScript);
      const axe = new AccessibilityAudit();
      const worker = await demoLogin('worker');
      await page.goto(url('/login'), { waitUntil: 'load' });
      await signInWithKeyboard(page, worker.email, 'not-the-password');

      await page.waitForSelector('.govuk-error-summary');
      expect(new URL(page.url()).pathname).to.equal('/login');
      const summary = await page.$eval('.govuk-error-summary', (element) => ({
        title: element.querySelector('.govuk-error-summary__title')?.textContent?.trim(),
        items: [...element.querySelectorAll('.govuk-error-summary__list a')].map((link) => ({
          text: link.textContent?.trim(),
          href: link.getAttribute('href'),
        })),
      }));
      expect(summary.title).to.equal('There is a problem');
      const emailId = await inputIdForLabel(page, 'Email address');
      const passwordId = await inputIdForLabel(page, 'Password');
      expect(summary.items).to.deep.equal([{ text: 'Enter a correct email address and password', href: `#${emailId}` }]);
      expect(await errorNextTo(page, emailId)).to.equal('Error: Enter a correct email address and password');
      expect(await errorNextTo(page, passwordId), 'the one message is on the email field').to.equal(null);
      expect(await inputValue(page, emailId), 'the email address is kept').to.equal(worker.email);
      // GOV.UK's error summary takes focus when it appears, so a screen reader announces it.
      if (javaScript) await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
      expect(await page.$('nav[aria-label="Main"]'), 'still signed out').to.equal(null);
      await axe.check(page);
      axe.expectNone();
      expect(await inputValue(page, passwordId), 'the password field is emptied after a failed sign-in').to.equal('');
    });
  }

  it('asks for the email address and password when both are empty, without JavaScript', async () => {
    page = await newPage();
    await page.setJavaScriptEnabled(false);
    const axe = new AccessibilityAudit();
    await page.goto(url('/login'), { waitUntil: 'load' });
    const hydrated = await page.evaluate(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    expect(hydrated, 'the app did not start in the browser').to.equal(false);
    const emailId = await inputIdForLabel(page, 'Email address');
    const passwordId = await inputIdForLabel(page, 'Password');

    await page.focus(`[id="${emailId}"]`);
    const response = await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]).then(([r]) => r);
    expect(response?.status(), 'the server answers the empty form itself').to.equal(400);
    expect(new URL(page.url()).pathname).to.equal('/login');

    expect(await page.$eval('.govuk-error-summary__title', (title) => title.textContent?.trim())).to.equal('There is a problem');
    const items = await page.$$eval('.govuk-error-summary__list a', (links) => links.map((link) => link.textContent?.trim()));
    expect(items).to.deep.equal(['Enter your email address', 'Enter your password']);
    expect(await errorNextTo(page, emailId)).to.equal('Error: Enter your email address');
    expect(await errorNextTo(page, passwordId)).to.equal('Error: Enter your password');
    for (const id of [emailId, passwordId]) {
      const described = await page.$eval(`[id="${id}"]`, (input) => ({
        invalid: input.getAttribute('aria-invalid'),
        describedBy: (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean),
        errorIds: [...(input.closest('.govuk-form-group')?.querySelectorAll('.govuk-error-message') ?? [])].map((m) => m.id),
      }));
      expect(described.invalid, `#${id} is marked invalid`).to.equal('true');
      expect(described.errorIds).to.have.length(1);
      expect(described.describedBy, `#${id} is described by its error`).to.include(described.errorIds[0]);
    }
    await axe.check(page);
    axe.expectNone();
  });

  it('makes the skip link the first Tab stop, moving focus to the main content', async () => {
    page = await newPage();
    await page.goto(url('/login'), { waitUntil: 'load' });
    await waitForHydration(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(first).to.deep.equal({ text: 'Skip to main content', href: '#main-content' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    expect(await focusedId(page)).to.equal('main-content');
    expect(await page.$eval('#main-content', (main) => main.tagName.toLowerCase())).to.equal('main');
  });
});

describe('signing in and out over HTTP', () => {
  async function post(requestPath: string, session: HttpSession, fields: Record<string, string>): Promise<Response> {
    return fetch(url(requestPath), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      body: new URLSearchParams({ csrf: session.csrf, ...fields }),
    });
  }

  function cookieOf(response: Response): string {
    const value = cookiesFrom(response).__nosfolio;
    if (!value) throw new Error(`${response.url} set no __nosfolio cookie`);
    return `__nosfolio=${value}`;
  }

  async function pageToken(cookie: string, requestPath: string): Promise<string> {
    const response = await fetch(url(requestPath), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(response.status, `GET ${requestPath}`).to.equal(200);
    return csrfFromHtml(await response.text());
  }

  it('tells someone who has tried too often how long to wait, without an error page', async () => {
    const visitor = await anonymousSession();
    const email = `nobody.${Date.now()}@example.org`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const refused = await post('/login', visitor, { email, password: `guess ${attempt}`, redirectTo: '/' });
      expect(refused.status).to.equal(400);
      expect(await refused.text()).to.include('Enter a correct email address and password');
    }
    const throttled = await post('/login', visitor, { email, password: 'one more guess', redirectTo: '/' });
    expect(throttled.status).to.equal(400);
    expect(await throttled.text()).to.include('Too many attempts to sign in. Wait 1 second, then try again');
  });

  it('renews the CSRF token at sign-in, so the token handed out before it no longer works', async () => {
    const visitor = await anonymousSession();
    const worker = await demoLogin('worker');
    const signIn = await post('/login', visitor, { email: worker.email, password: worker.password, redirectTo: '/' });
    expect(signIn.status).to.equal(302);
    const cookie = cookieOf(signIn);
    const token = await pageToken(cookie, '/');
    expect(token).not.to.equal(visitor.csrf);
    const withOldToken = await post('/logout', { cookie, csrf: visitor.csrf }, {});
    expect(withOldToken.status, 'signing out with the token from before sign-in').to.equal(403);
    expect((await post('/logout', { cookie, csrf: token }, {})).status).to.equal(302);
  });

  it('renews the CSRF token at sign-out, so a cookie saved before it has no working token', async () => {
    const saved = await httpLoginAs('worker');
    const signOut = await post('/logout', saved, {});
    expect(signOut.status).to.equal(302);
    const after = cookieOf(signOut);
    expect(await pageToken(after, '/login')).not.to.equal(saved.csrf);
    const worker = await demoLogin('worker');
    const replay = await post('/login', saved, { email: worker.email, password: worker.password, redirectTo: '/' });
    expect(replay.status, 'signing in with the saved cookie and its token').to.equal(403);
    const stale = await fetch(url('/login'), { redirect: 'manual', headers: { Cookie: saved.cookie } });
    expect(stale.status, 'the sign-in page still opens with the saved cookie').to.equal(200);
    const fresh = { cookie: cookieOf(stale), csrf: csrfFromHtml(await stale.text()) };
    expect(fresh.csrf).not.to.equal(saved.csrf);
    expect((await post('/login', fresh, { email: worker.email, password: worker.password, redirectTo: '/' })).status).to.equal(302);
  });
});
