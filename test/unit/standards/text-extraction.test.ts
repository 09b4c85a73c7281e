// Standards arrive as text, PDF or Word: each is turned into text the parser reads, and anything else is refused.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { zipSync, strToU8 } from 'fflate';
import { parseNosText } from '#app/domain/standards/parse-nos-text.ts';
import { extractDocumentText, UnreadableDocument } from '#app/domain/standards/text-extraction.server.ts';
import { simplePdf } from '#db/seed/evidence.ts';
import { fixtureText, parseFixture } from './layout-fixtures.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document: one paragraph per blank-line-separated block, its lines split by manual line breaks. */
function wordDocument(text: string): Uint8Array {
  const paragraphs = text.trimEnd().split(/\n\s*\n/).map((block) => {
    const runs = block.split('\n').map((line) => line.split('\t').map((cell) => `<w:t xml:space="preserve">${escapeXml(cell)}</w:t>`).join('<w:tab/>'));
    return `<w:p><w:r>${runs.join('<w:br/>')}</w:r></w:p>`;
  });
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}"><w:body>${paragraphs.join('')}</w:body></w:document>`),
  });
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await extractDocumentText({ name: 'x', bytes });
  } catch (error) {
    expect(error).to.be.instanceOf(UnreadableDocument);
    return (error as Error).message;
  }
  throw new Error('expected the document to be refused');
}

describe('standards text extraction', () => {
  it('reads a Word document of ASTH325 into text that parses to every item', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/ASTH325.docx'));
    const text = await extractDocumentText({ name: 'ASTH325.docx', bytes });
    const { standard } = parseNosText(text, { sourceName: 'ASTH325' });
    expect(standard.items.filter((item) => item.kind === 'P')).to.have.length(12);
    expect(standard.items.filter((item) => item.kind === 'K')).to.have.length(19);
  });

  it('keeps the manual line breaks of a Word document, so it reads as the same standard as its text', async () => {
    for (const layout of ['nos-database-numbered', 'pdf-older'] as const) {
      const text = await extractDocumentText({ name: `${layout}.docx`, bytes: wordDocument(fixtureText(layout)) });
      expect(parseNosText(text, { sourceName: layout }), layout).to.deep.equal(parseFixture(layout));
    }
  });

  it('reads the text of a PDF', async () => {
    const text = await extractDocumentText({ name: 'a.pdf', bytes: simplePdf(['Performance criteria', 'P1 do the thing']) });
    expect(text).to.contain('P1 do the thing');
  });

  it('reads plain text without a byte order mark', async () => {
    const text = await extractDocumentText({ name: 'a.txt', bytes: new TextEncoder().encode('\uFEFFOverview') });
    expect(text).to.equal('Overview');
  });

  it('refuses empty, oversized, binary and broken files with a clear message', async () => {
    expect(await refusal(new Uint8Array())).to.equal('The selected file is empty');
    expect(await refusal(new Uint8Array(5 * 1024 * 1024 + 1).fill(65))).to.equal('The selected file must be smaller than 5 MB');
    expect(await refusal(new Uint8Array([0x4d, 0x5a, 0, 0, 1, 2]))).to.match(/must be a text, PDF or Word document/);
    expect(await refusal(new TextEncoder().encode('%PDF-1.4 this is not really a PDF'))).to.match(/could not be read/);
  });
});
