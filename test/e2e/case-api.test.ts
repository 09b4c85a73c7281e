// CASE consumers against the running portal: an admin publishes a standard, its CASE export's uris are fetched from
// the server without signing in and give back the same nodes; after withdrawing they are 404 in the CASE envelope.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { AccessibilityAudit, closePage, loginAs, newPage, url } from './harness.ts';

type Node = { identifier: string; uri: string; humanCodingScheme?: string };
type Package = { CFDocument: Node & { CFPackageURI: Node }; CFItems: Node[]; CFAssociations: Node[] };

const URN = 'HSC3331';

async function press(page: Page, buttonText: string, banner: RegExp): Promise<void> {
  const button = await page.waitForSelector(`xpath///button[normalize-space()="${buttonText}"]`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button!.click()]);
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.govuk-notification-banner')?.textContent ?? ''), {}, banner.source);
}

describe('CASE API (published standards over HTTP)', () => {
  let page: Page | undefined;
  after(() => closePage(page));

  it('publishes a standard; every kind of uri in its CASE export resolves without sign-in; withdrawing makes them 404', async () => {
    page = await newPage();
    const axe = new AccessibilityAudit();
    await loginAs(page, 'admin');
    await page.goto(url(`/standards/${URN}`), { waitUntil: 'load' });
    await press(page, 'Publish to CASE consumers', /Published/);
    await axe.check(page);

    // The export, downloaded as the signed-in admin.
    const pkg = (await page.evaluate(async (path) => (await fetch(path)).json(), `/standards/${URN}/export?format=case-json`)) as Package;
    const item = pkg.CFItems.find((node) => node.humanCodingScheme === `${URN}.P3`)!;
    expect(item.uri).to.equal(url(`/ims/case/v1p0/CFItems/${item.identifier}`));

    // A CASE consumer: no cookie at all.
    const served = await fetch(item.uri);
    expect(served.status).to.equal(200);
    expect(served.headers.get('content-type')).to.match(/^application\/json/);
    expect(await served.json()).to.deep.equal(item);
    for (const node of [pkg.CFDocument, pkg.CFDocument.CFPackageURI, pkg.CFAssociations[0]!]) {
      const response = await fetch(node.uri);
      expect(response.status, node.uri).to.equal(200);
      expect(((await response.json()) as { identifier?: string; CFDocument?: Node }).identifier ?? pkg.CFDocument.identifier).to.equal(node.identifier);
    }
    const list = (await (await fetch(url('/ims/case/v1p0/CFDocuments'))).json()) as { CFDocuments: Node[] };
    expect(list.CFDocuments.map((document) => document.identifier)).to.include(pkg.CFDocument.identifier);

    await press(page, 'Withdraw from CASE consumers', /Withdrawn/);
    const gone = await fetch(item.uri);
    expect(gone.status).to.equal(404);
    expect(((await gone.json()) as { imsx_codeMajor: string }).imsx_codeMajor).to.equal('failure');
    axe.expectNone();
  });
});
