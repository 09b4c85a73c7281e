// Unit tests for the one-row-per-item CSV: round trips, grouping, and clear refusals of malformed sheets.
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { StandardFormatError } from '#app/domain/standards/formats/index.ts';
import { fromItemCsv, ITEM_CSV_COLUMNS, toItemCsv } from '#app/domain/standards/formats/item-csv.ts';
import { awkwardStandard, caught, expectSameItems, loadSeed, seeds, withoutNotes } from './fixtures.ts';

const rowsOf = (text: string) => parse(text, { bom: true }) as string[][];

describe('item CSV format', () => {
  it('round-trips items and metadata of the three seed standards; glossary and scope notes come back empty', () => {
    const originals = seeds();
    const back = fromItemCsv(toItemCsv(originals));
    expectSameItems(back, originals);
    expect(back).to.deep.equal(originals.map(withoutNotes));
  });

  it('writes one row per item under the documented header, with a BOM for spreadsheets', () => {
    const text = toItemCsv([loadSeed('LMCA4')]);
    expect(text.startsWith('\uFEFF')).to.equal(true);
    const [header, ...rows] = rowsOf(text);
    expect(header).to.deep.equal([...ITEM_CSV_COLUMNS]);
    expect(rows).to.have.length(loadSeed('LMCA4').items.length);
    const p24 = rows.find((row) => row[4] === 'P24');
    expect(p24?.slice(0, 4)).to.deep.equal(['LMCA4', '1', loadSeed('LMCA4').title, 'P']);
  });

  it('keeps commas, quotes, newlines and non-ASCII text exactly', () => {
    expect(fromItemCsv(toItemCsv([awkwardStandard()]))).to.deep.equal([withoutNotes(awkwardStandard())]);
  });

  it('reads columns in any order and groups rows by urn and version', () => {
    const [header = [], ...rows] = rowsOf(toItemCsv([loadSeed('ASTH325'), loadSeed('HSC3331')]));
    const order = header.map((_, index) => index).reverse();
    const shuffled = stringify([order.map((index) => header[index]), ...rows.map((row) => order.map((index) => row[index]))]);
    const back = fromItemCsv(shuffled);
    expect(back.map((standard) => standard.urn)).to.deep.equal(['ASTH325', 'HSC3331']);
    expectSameItems(back, [loadSeed('ASTH325'), loadSeed('HSC3331')]);
  });

  it('names a missing column', () => {
    const [header = [], ...rows] = rowsOf(toItemCsv([loadSeed('ASTH325')]));
    const without = header.indexOf('text');
    const text = stringify([header, ...rows].map((row) => row.filter((_, index) => index !== without)));
    const error = caught(() => fromItemCsv(text));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('missing column "text"');
  });

  it('refuses rows that are not CSV-shaped or carry impossible values', () => {
    const text = toItemCsv([loadSeed('ASTH325')]);
    expect(caught(() => fromItemCsv(`${text}"unterminated,quote\n`)).message).to.match(/CSV could not be read/);
    const [header = [], first = [], ...rest] = rowsOf(text);
    const badKind = [...first];
    badKind[3] = 'X';
    expect(caught(() => fromItemCsv(stringify([header, badKind, ...rest]))).message).to.contain('Row 2: kind must be P or K');
  });

  it('reports a gap in the codes with the standard and the schema message', () => {
    const [header = [], ...rows] = rowsOf(toItemCsv([loadSeed('LMCA4')]));
    const error = caught(() => fromItemCsv(stringify([header, ...rows.filter((row) => row[4] !== 'P24')])));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('Standard LMCA4 version 1');
    expect(error.message).to.contain('item 24 is P25 but P24 was expected');
  });
});
