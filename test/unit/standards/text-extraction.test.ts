// Standards arrive as text, PDF or Word: each is turned into text the parser reads, and anything else is refused.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseNosText } from '#app/domain/standards/parse-nos-text.ts';
import { extractDocumentText, UnreadableDocument } from '#app/domain/standards/text-extraction.server.ts';
import { simplePdf } from '#db/seed/evidence.ts';

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
