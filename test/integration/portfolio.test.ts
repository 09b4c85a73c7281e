// A worker's portfolio, read back with tools independent of the code that made it (poppler's pdftotext and pdfinfo,
// qpdf): every item, the decisions, the verification code, the bookmarks, the metadata, escaped evidence text and no
// request made while printing, who may print it, the draft left out, verification of the bytes, and the command line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { closePrintingBrowser } from '#app/domain/portfolio/browser.server.ts';
import { groupedCode, newVerificationCode, normaliseCode } from '#app/domain/portfolio/codes.ts';
import { loadPortfolioData } from '#app/domain/portfolio/portfolio-data.server.ts';
import { issuePortfolio, type IssuedPortfolio } from '#app/domain/portfolio/portfolios.server.ts';
import { compareCopy, describeIssuedDocument } from '#app/domain/portfolio/verification.server.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AuditEvent, IssuedDocument, Person } from '#db/models/index.ts';
import { actorFor, createEvidence, createOrganisation, createPerson, portfolioWorker } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

type Outline = { title: string; kids: Outline[] };

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of each page, as pdftotext separates them (form feeds). */
function pagesOf(file: string): string[] {
  return tool('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

function outlineTitles(file: string): string[] {
  const json = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Outline[] };
  const titles: string[] = [];
  const walk = (items: Outline[]) => items.forEach((item) => (titles.push(item.title), walk(item.kids)));
  walk(json.outlines);
  return titles;
}

describe('portfolio PDF', function () {
  this.timeout(120_000);
  const requests: string[] = [];
  let server: Server;
  let port = 0;
  let workDir: string;
  let fixture: Awaited<ReturnType<typeof portfolioWorker>>;
  let issued: IssuedPortfolio;
  let file: string;

  before(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('seen');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    workDir = mkdtempSync(path.join(tmpdir(), 'nosfolio-portfolio-'));
    fixture = await portfolioWorker({ hostilePort: port });
    issued = await issuePortfolio(contextFor(fixture.worker, { ipAddress: 'test' }), fixture.worker.id);
    file = path.join(workDir, 'portfolio.pdf');
    execFileSync('tee', [file], { input: issued.bytes, stdio: ['pipe', 'ignore', 'inherit'] });
  });

  after(async () => {
    await closePrintingBrowser();
    await new Promise((resolve) => server.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
  });

  it('prints every item code of both standards, on its standard’s pages, with the decisions', () => {
    const pages = pagesOf(file);
    const text = pages.join('\n');
    // After the cover and contents, each standard's part runs from its heading to the next part's.
    const body = pages.slice(2).join('\n');
    const parts = [
      { urn: 'ASTH325', items: fixture.asth.items, next: 'HSC3331 ' },
      { urn: 'HSC3331', items: fixture.hsc.items, next: 'Evidence index' },
    ];
    for (const { urn, items, next } of parts) {
      const start = body.indexOf(`${urn} `);
      const own = body.slice(start, body.indexOf(next, start + urn.length));
      expect(items.length).to.be.greaterThan(20);
      for (const item of items) expect(own, `${urn} ${item.code}`).to.match(new RegExp(`(^|\\s)${item.code}\\s`, 'm'));
    }
    expect(text).to.include(`Decision: Met by ${fixture.assessor.name}`);
    expect(text).to.include('method: Reflective account');
    expect(text).to.include('method: Witness testimony');
    expect(text).to.include(`Decision: Not yet met by ${fixture.assessor.name}`);
    expect(text).to.include('Say which procedure applies.');
    expect(text).to.include('Calming a distressed caller');
  });

  it('carries its verification code and address on the cover and in every footer, with the running header and page numbers', () => {
    const pages = pagesOf(file);
    const code = groupedCode(issued.code);
    expect(pages[0]).to.include(code);
    expect(pages[0]).to.include(`/verify/${issued.code}`);
    expect(pages.every((page) => page.includes(code))).to.equal(true);
    // The running header and "Page N of M" on every page, appended evidence included.
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).to.include(`Page ${index + 1} of ${pages.length}`);
      expect(page, `page ${index + 1}`).to.include(`Portfolio of ${fixture.worker.name}`);
    });
    expect(pages.at(-1)).to.include('Appendix 1: Reflective account.pdf (E1), page 1 of 1');
  });

  it('prints the running header in any script, and text that would end its CSS string as text', async () => {
    const name = `Zoë Łukasz-Ωmega "O'Néill" </style>`;
    // In an organisation of its own, so that the other tests' counts of issues and audit events stay theirs.
    const elsewhere = await createOrganisation();
    const admin = actorFor(await createPerson(elsewhere.organisation.id, { roles: ['admin'] }), ['admin']);
    const person = await createPerson(elsewhere.organisation.id, { roles: ['worker'], name });
    const other = await issuePortfolio(contextFor(admin), person.id);
    const otherFile = path.join(workDir, 'any-script.pdf');
    execFileSync('tee', [otherFile], { input: other.bytes, stdio: ['pipe', 'ignore', 'inherit'] });
    const pages = pagesOf(otherFile);
    expect(pages.length).to.be.greaterThan(1);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).to.include(`Portfolio of ${name}`);
      expect(page, `page ${index + 1}`).to.include(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it('passes qpdf --check, has a sane page count, bookmarks for each standard and section, title, author and language', () => {
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).to.equal(0);
    const info = tool('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).to.equal(issued.pages);
    expect(pages).to.be.within(8, 60);
    expect(info).to.match(new RegExp(`^Title:\\s+Portfolio of ${fixture.worker.name}$`, 'm'));
    expect(info).to.match(/^Author:\s+\S/m);
    expect(info).to.match(/^Tagged:\s+yes$/m);
    expect(tool('qpdf', ['--json', '--json-key=qpdf', file])).to.include('"/Lang": "u:en-GB"');
    const titles = outlineTitles(file);
    for (const title of ['Contents', 'Evidence index', 'Supervision summary', 'Personal development plan', 'Policy acknowledgements', 'Appendices: evidence files']) {
      expect(titles, title).to.include(title);
    }
    expect(titles.some((title) => title.startsWith('ASTH325 '))).to.equal(true);
    expect(titles.some((title) => title.startsWith('HSC3331 '))).to.equal(true);
    expect(titles.filter((title) => /^Performance criteria|^Knowledge/.test(title)).length).to.be.greaterThan(3);
    expect(titles.some((title) => title.startsWith('Appendix 1: Reflective account.pdf'))).to.equal(true);
  });

  it('appends the evidence PDF, and the index and contents give the page it starts on', () => {
    const pages = pagesOf(file);
    const appendixPage = pages.findIndex((page) => page.includes(fixture.pdfText)) + 1;
    expect(appendixPage).to.be.greaterThan(1);
    const text = pages.join('\n');
    expect(text).to.match(new RegExp(`Appendix 1, page\\s+${appendixPage}\\b`));
    const evidenceIndexPage = pages.findIndex((page) => /^\s*Evidence index\s*$/m.test(page) && !page.includes('Contents')) + 1;
    expect(pages[1]).to.match(new RegExp(`Evidence index\\s+${evidenceIndexPage}\\b`));
    // The image is embedded in the index, not linked: no address of any kind is left in the file.
    expect(Buffer.from(issued.bytes).toString('latin1')).not.to.include('page-slot.nosfolio.invalid');
  });

  it('prints evidence text that looks like markup literally, and loads nothing while printing', () => {
    const text = pagesOf(file).join('\n');
    expect(text).to.include(`<script>document.title='pwned'</script>`);
    expect(text).to.include(`<img src=http://127.0.0.1:${port}/x>`);
    expect(text).to.include('<b>bold</b>');
    expect(requests, 'requests the local server received').to.deep.equal([]);
    expect(issued.refused).to.deep.equal([]);
  });

  it('never prints a draft, even for the worker themselves', () => {
    expect(pagesOf(file).join('\n')).not.to.include(fixture.draftTitle);
  });

  it('records the issued file and one audit event naming the worker and the code, never the evidence', async () => {
    const row = await IssuedDocument.findOne({ where: { code: issued.code } });
    expect(row!.sha256).to.equal(issued.sha256);
    expect(row!.byteSize).to.equal(issued.bytes.byteLength);
    expect(row!.subjectPersonId).to.equal(fixture.worker.id);
    expect(row!.kind).to.equal('portfolio');
    const events = await AuditEvent.findAll({ where: { organisationId: fixture.worker.organisationId, action: 'portfolio.printed' } });
    expect(events).to.have.length(1);
    expect(events[0]!.summary).to.include(groupedCode(issued.code));
    expect(events[0]!.summary).not.to.include('script');
  });

  it('is printed by the worker’s readers and the organisation’s admin, and is "not found" to anyone else', async () => {
    const byManager = await issuePortfolio(contextFor(fixture.manager), fixture.worker.id);
    const byAdmin = await issuePortfolio(contextFor(fixture.admin), fixture.worker.id);
    expect(byManager.code).not.to.equal(byAdmin.code);
    const colleague = actorFor(await createPerson(fixture.worker.organisationId, { roles: ['worker'], teamId: fixture.team.id }), ['worker']);
    const stranger = await createOrganisation();
    const otherAdmin = actorFor(await createPerson(stranger.organisation.id, { roles: ['admin'] }), ['admin']);
    for (const actor of [colleague, otherAdmin]) {
      await expectRejection(issuePortfolio(contextFor(actor), fixture.worker.id), NotFound);
    }
    const count = await IssuedDocument.count({ where: { subjectPersonId: fixture.worker.id } });
    expect(count).to.equal(3);
  });

  it('reads the same number of statements however much evidence the worker has', async () => {
    const count = async () => {
      const before = queryCounter.count;
      await loadPortfolioData(fixture.worker, fixture.worker.id, '2026-12-01' as never);
      return queryCounter.count - before;
    };
    const first = await count();
    for (let index = 0; index < 4; index += 1) await createEvidence(fixture.worker, fixture.hsc.items.slice(index, index + 3), { submitted: true });
    expect(await count()).to.equal(first);
    expect(first).to.be.at.most(25);
  });

  it('verifies the exact bytes and refuses a copy with one byte changed', async () => {
    const facts = await describeIssuedDocument(issued.code);
    expect(facts).to.include({ kind: 'portfolio', subjectName: fixture.worker.name, issuedByName: fixture.worker.name });
    expect(Object.keys(facts!).sort()).to.deep.equal(['code', 'issuedAt', 'issuedByName', 'kind', 'kindLabel', 'organisationName', 'subjectName']);
    expect((await compareCopy(groupedCode(issued.code).toLowerCase(), new Blob([Buffer.from(issued.bytes)])))!.identical).to.equal(true);
    const changed = Buffer.from(issued.bytes);
    changed[Math.floor(changed.length / 2)]! ^= 1;
    expect((await compareCopy(issued.code, new Blob([changed])))!.identical).to.equal(false);
    expect((await compareCopy(issued.code, new Blob([Buffer.from(issued.bytes), Buffer.from([10])])))!.identical).to.equal(false);
    expect(await describeIssuedDocument(newVerificationCode())).to.equal(null);
    expect(await describeIssuedDocument('not a code')).to.equal(null);
  });

  it('reads codes as people type them', () => {
    const code = newVerificationCode();
    expect(code).to.match(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(normaliseCode(groupedCode(code).toLowerCase())).to.equal(code);
    expect(normaliseCode('OIL0-0000-0000-0000')).to.equal('0110000000000000');
    expect(normaliseCode('U000-0000-0000-0000')).to.equal(null);
  });

  it('is written to a file by npm run portfolio, as the organisation’s admin', async () => {
    const out = path.join(workDir, 'from-the-command-line.pdf');
    const email = (await Person.findByPk(fixture.worker.id))!.email;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/portfolio.ts', '--worker', email, '--out', out], {
      encoding: 'utf8',
      env: process.env,
      timeout: 90_000,
    });
    expect(result.status, result.stderr).to.equal(0);
    const code = /Verification code ([0-9A-Z-]{19})/.exec(result.stdout)?.[1];
    expect(code, result.stdout).to.be.a('string');
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    expect((await compareCopy(code!, new Blob([bytes])))!.identical).to.equal(true);
    const row = await IssuedDocument.findOne({ where: { code: normaliseCode(code!)! } });
    expect(row!.issuedById).to.equal(fixture.admin.id);
    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/portfolio.ts', '--worker', 'nobody@example.org', '--out', out], { encoding: 'utf8', env: process.env });
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.include('No person with the email nobody@example.org');
  });
});
