// Unit tests for the format entry point: export/import by name, format detection and the typed error.
import { expect } from 'chai';
import {
  detectFormat,
  exportStandards,
  fromCaseZip,
  importStandards,
  STANDARD_FORMATS,
  StandardFormatError,
} from '#app/domain/standards/formats/index.ts';
import { awkwardStandard, caught, expectSameItems, seeds, withoutNotes } from './fixtures.ts';

const options = { baseUri: 'https://portal.example/ims/case/v1p0', frameworkIdNumber: 'NOS', frameworkName: 'NOS' };

describe('standard formats entry point', () => {
  for (const format of STANDARD_FORMATS) {
    describe(format, () => {
      it('round-trips the seed standards and is detected from its own output', () => {
        const exported = exportStandards(seeds(), format, options);
        if (format === 'case-json') {
          // Several CASE packages travel as a ZIP, one CFPackage per file.
          expect(exported.fileExtension).to.equal('zip');
          expectSameItems(fromCaseZip(exported.body as Uint8Array), seeds());
          const single = exportStandards(seeds().slice(0, 1), format, options).body as string;
          expect(detectFormat(single)).to.equal(format);
          return;
        }
        const body = exported.body as string;
        expect(exported.fileExtension).to.equal(format.endsWith('csv') ? 'csv' : 'json');
        expect(exported.contentType).to.match(format.endsWith('csv') ? /^text\/csv/ : /^application\/json/);
        expectSameItems(importStandards(body, format), seeds());
        expect(detectFormat(body)).to.equal(format);
      });

      it('carries awkward text through unchanged', () => {
        const [back] = importStandards(exportStandards([awkwardStandard()], format, options).body as string, format);
        const expected = format === 'nosfolio-json' ? awkwardStandard() : withoutNotes(awkwardStandard());
        expect(back).to.deep.equal(expected);
      });

      it('throws StandardFormatError on empty or malformed input', () => {
        expect(caught(() => importStandards('  \n', format)).message).to.equal('The file is empty.');
        const error = caught(() => importStandards(format.endsWith('csv') ? 'a,b\n1,2\n' : '{"oops": ', format));
        expect(error).to.be.instanceOf(StandardFormatError);
        expect((error as StandardFormatError).format).to.equal(format);
        expect(error.message).to.match(format === 'moodle-csv' ? /has 2 columns/ : format === 'csv' ? /missing columns/ : /not valid JSON/);
      });
    });
  }

  it('says so when a file holds no standards', () => {
    const empty = exportStandards([], 'nosfolio-json').body as string;
    expect(caught(() => importStandards(empty, 'nosfolio-json')).message).to.equal('The file contains no standards.');
  });

  it('needs a base URI for CASE', () => {
    expect(caught(() => exportStandards(seeds(), 'case-json'))).to.be.instanceOf(StandardFormatError);
  });

  it('guesses the format from content first, then the file name', () => {
    expect(detectFormat('{"urn":"X"}')).to.equal('nosfolio-json');
    expect(detectFormat('\uFEFF[{"CFDocument": {}}]')).to.equal('case-json');
    expect(detectFormat('urn,version,title\n')).to.equal('csv');
    expect(detectFormat('"Parent ID number","ID number",x,"Is framework"\n')).to.equal('moodle-csv');
    expect(detectFormat('', 'export.CSV')).to.equal('csv');
    expect(detectFormat('', 'standards.json')).to.equal('nosfolio-json');
    expect(detectFormat('hello')).to.equal(null);
  });
});
