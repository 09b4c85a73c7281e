// The incremental update the portfolio is finished with (app/domain/portfolio/pdf-update.ts), checked with qpdf and
// pdf-lib, which read the file independently; and the CSS strings the running header and footer are written in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { openPdf, UnsupportedPdf, withUpdate } from '#app/domain/portfolio/pdf-update.ts';
import { cssString } from '#app/domain/portfolio/templates.server.ts';
import { simplePdf } from '#db/seed/evidence.ts';

describe('incremental PDF update', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-pdf-update-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the original bytes, changes one object and adds new ones, and qpdf and pdf-lib read the result', async () => {
    const original = simplePdf(['First line']);
    const pdf = openPdf(original);
    const page = pdf.lookupDict(PDFRef.of(3))!;
    expect(page.get(PDFName.of('Type'))).to.equal(PDFName.of('Page'));
    const contents = page.get(PDFName.of('Contents'));
    const added = pdf.context.register(pdf.context.stream('BT /F1 12 Tf 72 700 Td (Added line) Tj ET'));
    page.set(PDFName.of('Contents'), pdf.context.obj([contents!, added]));
    const info = pdf.context.nextRef();
    const changed = new Map<PDFRef, PDFDict>([
      [PDFRef.of(3), page],
      [info, pdf.context.obj({ Title: PDFHexString.fromText('Updated – with “quotes”') })],
    ]);
    const bytes = withUpdate(pdf, changed, info);

    expect(Buffer.from(bytes.subarray(0, original.byteLength)).equals(Buffer.from(original))).to.equal(true);
    const file = path.join(dir, 'updated.pdf');
    writeFileSync(file, bytes);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).to.equal(0);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).to.include('First line').and.to.include('Added line');
    const reread = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reread.getTitle()).to.equal('Updated – with “quotes”');
    expect(reread.getPageCount()).to.equal(1);
  });

  it('refuses a file without a classic cross-reference table rather than guess', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const withObjectStreams = await document.save({ useObjectStreams: true });
    expect(() => openPdf(withObjectStreams)).to.throw(UnsupportedPdf);
    expect(() => openPdf(new TextEncoder().encode('not a PDF'))).to.throw(UnsupportedPdf);
  });
});

describe('CSS strings for the page margin boxes', () => {
  it('quotes text so that it can neither end the string nor the style element', () => {
    expect(cssString('Portfolio of Zoë Ó Néill')).to.equal('"Portfolio of Zoë Ó Néill"');
    const hostile = cssString('a"; } body { display: none } </style><script>x</script>\\\n');
    expect(hostile).not.to.include('</style>');
    expect(hostile).to.equal('"a\\22 ; } body { display: none } \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \\5c \\a "');
  });
});
