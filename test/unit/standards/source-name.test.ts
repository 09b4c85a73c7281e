// A file's name stands for a URN whatever its case, copy marker or version suffix; only another URN is a difference.
import { expect } from 'chai';
import { parseNosText } from '#app/domain/standards/parse-nos-text.ts';
import { sourceNameDiffersFromUrn, urnFromSourceName } from '#app/domain/standards/source-name.ts';

const looksLikeUrn = (value: string) => /^[A-Z][A-Z0-9]*\d[A-Z0-9]*$/i.test(value);
const text = 'Plan care\n\nPerformance criteria\n\nYou must be able to:\n\nP1 agree the plan\n\nKnowledge and understanding\n\nK1 how to plan\n\nDeveloped by\tNobody\nOriginal URN\tASTH325\n';

describe('the URN a file name stands for', () => {
  it('drops the extension, a copy marker and a version suffix, keeping the URN', () => {
    expect(urnFromSourceName('ASTH325-v3.txt')).to.equal('ASTH325');
    expect(urnFromSourceName('asth325.txt')).to.equal('asth325');
    expect(urnFromSourceName('ASTH325 (1).pdf')).to.equal('ASTH325');
    expect(urnFromSourceName('ASTH325_version 2 (2).docx')).to.equal('ASTH325');
    expect(urnFromSourceName('SCDHSC0031')).to.equal('SCDHSC0031');
  });

  it('is a difference only when the name is another URN', () => {
    for (const name of ['ASTH325-v3.txt', 'asth325.txt', 'ASTH325 (1).pdf', 'ASTH325', 'my standard.pdf']) {
      expect(sourceNameDiffersFromUrn(name, 'ASTH325', looksLikeUrn), name).to.equal(false);
    }
    expect(sourceNameDiffersFromUrn('ASTH326.txt', 'ASTH325', looksLikeUrn)).to.equal(true);
  });

  it('warns in the preview only when the file names another standard', () => {
    const warns = (sourceName: string) => parseNosText(text, { sourceName }).warnings.some((warning) => warning.includes('differs from the source name'));
    expect(['ASTH325-v3', 'asth325', 'ASTH325 (1)'].map(warns)).to.deep.equal([false, false, false]);
    expect(warns('ASTH326')).to.equal(true);
  });

  it('takes a missing URN from the file name without its copy marker', () => {
    const { standard } = parseNosText(text.replace('Original URN\tASTH325\n', ''), { sourceName: 'ASTH325 (1)' });
    expect(standard.urn).to.equal('ASTH325');
  });
});
