// Unit tests for the nosfolio JSON envelope: lossless round trips, the accepted shapes, and refusals with reasons.
import { expect } from 'chai';
import { StandardFormatError } from '#app/domain/standards/formats/index.ts';
import { fromNosJson, toNosJson } from '#app/domain/standards/formats/nos-json.ts';
import { awkwardStandard, caught, expectSameItems, loadSeed, seeds } from './fixtures.ts';

describe('nosfolio JSON format', () => {
  it('round-trips the three seed standards losslessly, glossary and scope notes included', () => {
    const originals = seeds();
    const back = fromNosJson(toNosJson(originals));
    expectSameItems(back, originals);
    expect(back).to.deep.equal(originals);
  });

  it('writes a pretty, versioned envelope', () => {
    const text = toNosJson([loadSeed('ASTH325')]);
    const data = JSON.parse(text) as { format: string; version: number; standards: unknown[] };
    expect(data.format).to.equal('nosfolio-standards');
    expect(data.version).to.equal(1);
    expect(data.standards).to.have.length(1);
    expect(text).to.contain('\n  "standards": [');
  });

  it('accepts a bare standard object and a bare array', () => {
    const lmca4 = loadSeed('LMCA4');
    expect(fromNosJson(JSON.stringify(lmca4))).to.deep.equal([lmca4]);
    expect(fromNosJson(JSON.stringify([lmca4, loadSeed('HSC3331')]))).to.have.length(2);
  });

  it('keeps commas, quotes, newlines and non-ASCII text exactly', () => {
    expect(fromNosJson(toNosJson([awkwardStandard()]))).to.deep.equal([awkwardStandard()]);
  });

  it('refuses malformed JSON', () => {
    const error = caught(() => fromNosJson('{"format": "nosfolio-standards", "version": 1, "standards": ['));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.match(/not valid JSON/);
  });

  it('refuses an envelope of another format or version', () => {
    expect(caught(() => fromNosJson('{"format":"other","version":1,"standards":[]}')).message).to.contain('"other"');
    expect(caught(() => fromNosJson('{"format":"nosfolio-standards","version":2,"standards":[]}')).message).to.contain('version 2');
  });

  it('names the standard and the schema path when a standard is invalid', () => {
    const gap = loadSeed('ASTH325');
    gap.items.splice(2, 1); // drop P3
    const error = caught(() => fromNosJson(JSON.stringify([loadSeed('LMCA4'), gap])));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('Standard 2 (ASTH325)');
    expect(error.message).to.contain('items: item 3 is P4 but P3 was expected');

    const wrongKind = loadSeed('LMCA4');
    wrongKind.items[0] = { ...wrongKind.items[0]!, kind: 'K' };
    expect(caught(() => fromNosJson(JSON.stringify(wrongKind))).message).to.contain('items[0] (P1): code prefix must match kind');
  });

  it('refuses JSON that is not a standard at all', () => {
    expect(caught(() => fromNosJson('{"name":"x"}')).message).to.match(/neither/);
    expect(caught(() => fromNosJson('42')).message).to.match(/object or an array/);
  });
});
