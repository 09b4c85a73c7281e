// Error pages keep the signed-in header and navigation, an unknown address is one log line, and the favicon is served.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { closePage, expectAccessible, headingText, httpLoginAs, loginAs, newPage, serverLogLines, url } from './harness.ts';

describe('Error pages', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await closePage(page);
    page = undefined;
  });

  it('shows a signed-in person "Page not found" inside the header and navigation', async () => {
    page = await newPage();
    const login = await loginAs(page, 'admin');
    const response = await page.goto(url('/no-such-page'), { waitUntil: 'load' });
    expect(response?.status()).to.equal(404);
    expect(await headingText(page)).to.equal('Page not found');
    expect(await page.$eval('.app-header', (header) => header.textContent)).to.include(login.name);
    const navigation = await page.$$eval('nav[aria-label="Main"] a', (links) => links.map((link) => link.textContent?.trim()));
    expect(navigation).to.include.members(['Home', 'Standards', 'People']);
    await expectAccessible(page);
  });

  it('tells a signed-in person who may not see a page "You cannot see this page", with their navigation', async () => {
    page = await newPage();
    await loginAs(page, 'worker');
    const response = await page.goto(url('/people'), { waitUntil: 'load' });
    expect(response?.status()).to.equal(403);
    expect(await headingText(page)).to.equal('You cannot see this page');
    expect(await page.$$eval('nav[aria-label="Main"] a', (links) => links.map((link) => link.textContent?.trim()))).to.include('Evidence');
    await expectAccessible(page);
  });

  it('writes one request line to the server log for an unknown address, with no stack trace', async () => {
    const session = await httpLoginAs('worker');
    const pathname = `/not-a-page-${Date.now()}`;
    const response = await fetch(url(pathname), { headers: { Cookie: session.cookie } });
    expect(response.status).to.equal(404);
    await response.text();
    // The request line is written when the response closes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = serverLogLines().filter((line) => line.includes(pathname));
    expect(lines, lines.join('\n')).to.have.length(1);
    const entry = JSON.parse(lines[0]!) as { msg: string; status: number; err?: unknown };
    expect(entry).to.include({ msg: 'request', status: 404 });
    expect(entry.err).to.equal(undefined);
    expect(serverLogLines().some((line) => /No route matches|"stack"/.test(line) && line.includes(pathname))).to.equal(false);
  });

  it('serves the favicon the pages link to', async () => {
    const html = await (await fetch(url('/login'))).text();
    const href = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(href).to.equal('/favicon.svg');
    const response = await fetch(url(href!));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^image\/svg\+xml/);
  });
});
