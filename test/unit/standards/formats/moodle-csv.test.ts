// Unit tests for the Moodle competency framework CSV (tool_lpimportcsv): exact layout, round trips and refusals.
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { StandardFormatError } from '#app/domain/standards/formats/index.ts';
import { fromMoodleCsv, MOODLE_CSV_HEADER, toMoodleCsv } from '#app/domain/standards/formats/moodle-csv.ts';
import { awkwardStandard, caught, expectSameItems, loadSeed, seeds, withoutNotes } from './fixtures.ts';

const rowsOf = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

const EXACT_HEADER = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
];

describe('Moodle competency framework CSV format', () => {
  const text = toMoodleCsv(seeds(), { frameworkIdNumber: 'NOS-CARE', frameworkName: 'Care NOS' });
  const [header, framework, ...competencies] = rowsOf(text);

  it('has exactly the 14 tool_lpimportcsv columns on every row, header first', () => {
    expect(header).to.deep.equal(EXACT_HEADER);
    expect([...MOODLE_CSV_HEADER]).to.deep.equal(EXACT_HEADER);
    for (const row of rowsOf(text)) expect(row).to.have.length(14);
  });

  it('starts with the framework row carrying a valid scale', () => {
    expect(framework?.slice(0, 3)).to.deep.equal(['', 'NOS-CARE', 'Care NOS']);
    expect(framework?.[4]).to.equal('1');
    expect(framework?.[5]).to.equal('Not yet competent,Competent');
    const config = JSON.parse(framework?.[6] ?? '') as Array<Record<string, unknown>>;
    expect(config[0]).to.have.property('scaleid');
    expect(config.slice(1)).to.deep.equal([
      { id: 1, scaledefault: 1, proficient: 0 },
      { id: 2, scaledefault: 0, proficient: 1 },
    ]);
    expect(framework?.[12]).to.equal('1');
    expect(framework?.[13]).to.equal('competency,competency,competency,competency');
    expect(competencies.every((row) => row[12] === '0')).to.equal(true);
  });

  it('puts each standard at the top level and each item beneath it', () => {
    const lmca4 = competencies.find((row) => row[1] === 'LMCA4');
    expect(lmca4?.[0]).to.equal('');
    expect(lmca4?.[2]).to.equal(`LMCA4 ${loadSeed('LMCA4').title}`);
    expect(lmca4?.[3]).to.contain(loadSeed('LMCA4').title);
    const p24 = competencies.find((row) => row[1] === 'LMCA4-P24');
    expect(p24?.[0]).to.equal('LMCA4');
    expect(p24?.[2]).to.match(/^P24 /);
    expect(competencies.find((row) => row[1] === 'ASTH325-K19')?.[0]).to.equal('ASTH325');
    for (const row of competencies) expect(Array.from(row[2] ?? '').length).to.be.at.most(100);
  });

  it('cuts short names to Moodle\'s 100 characters itself, keeping the full title in the description', () => {
    const [, , standard] = rowsOf(toMoodleCsv([awkwardStandard()]));
    expect(Array.from(standard?.[2] ?? '')).to.have.length(100);
    expect(standard?.[2]).to.match(/^TEST1 Support individuals’ café trips.*…$/);
    expect(standard?.[3]).to.contain('a very long title a very long title');
  });

  it('round-trips items and metadata of the three seed standards', () => {
    const back = fromMoodleCsv(text);
    expectSameItems(back, seeds());
    expect(back).to.deep.equal(seeds().map(withoutNotes));
  });

  it('keeps commas, quotes, newlines, markup-like and non-ASCII text exactly', () => {
    const awkward = toMoodleCsv([awkwardStandard()]);
    expect(fromMoodleCsv(awkward)).to.deep.equal([withoutNotes(awkwardStandard())]);
    expect(awkward).to.contain('use &lt;b&gt;bold&lt;/b&gt; &amp;amp; entities');
  });

  it('reads a framework written in Moodle itself, falling back to default sections', () => {
    const handMade = stringify([
      EXACT_HEADER,
      ['', 'FW', 'Framework', '', '1', 'No,Yes', '[{"scaleid":"2"}]', '', '', '', '', '', '1', 'competency'],
      ['', 'ABC1', 'ABC1 Do a thing', '<p>Do a thing</p>', '1', '', '', '', '0', 'null', '', '7', '', ''],
      ['ABC1', 'ABC1-K1', 'K1 know why', '<p>know <em>why</em></p>', '1', '', '', '', '0', 'null', '', '9', '', ''],
      ['ABC1', 'ABC1-P1', 'P1 do it', '<p>do it, well</p>', '1', '', '', '', '0', 'null', '', '8', '', ''],
    ]);
    const [standard] = fromMoodleCsv(handMade);
    expect(standard?.title).to.equal('Do a thing');
    expect(standard?.version).to.equal(null);
    expect(standard?.items).to.deep.equal([
      { code: 'P1', kind: 'P', section: 'Performance criteria', text: 'do it, well' },
      { code: 'K1', kind: 'K', section: 'Knowledge and understanding', text: 'know why' },
    ]);
  });

  it('refuses a file with a missing column, since Moodle reads columns by position', () => {
    const rows = rowsOf(text).map((row) => row.filter((_, index) => index !== 12));
    const error = caught(() => fromMoodleCsv(stringify(rows)));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('has 13 columns');
  });

  it('refuses a file with no framework row, an unknown parent, or a gap in the codes', () => {
    expect(caught(() => fromMoodleCsv(stringify([header!, ...competencies]))).message).to.contain('no framework row');
    const orphan = competencies.map((row) => (row[1] === 'LMCA4-P24' ? ['LMCA9', ...row.slice(1)] : row));
    expect(caught(() => fromMoodleCsv(stringify([header!, framework!, ...orphan]))).message).to.contain('"LMCA9" matches no competency');
    const gap = competencies.filter((row) => row[1] !== 'LMCA4-P24');
    const error = caught(() => fromMoodleCsv(stringify([header!, framework!, ...gap])));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('Standard LMCA4');
    expect(error.message).to.contain('P25 but P24 was expected');
  });

  it('refuses to put two versions of one URN in a framework', () => {
    const again = { ...loadSeed('LMCA4'), version: '2' };
    expect(caught(() => toMoodleCsv([loadSeed('LMCA4'), again])).message).to.contain('LMCA4 appears twice');
  });
});

describe('Moodle competency framework CSV from another Moodle version or language', () => {
  const text = toMoodleCsv(seeds());
  const [, ...rows] = rowsOf(text);
  const otherHeader = [
    'Parent idnumber',
    'Idnumber',
    'Shortname',
    'Description',
    'Descriptionformat',
    'Scalevalues',
    'Scaleconfiguration',
    'Ruletype',
    'Ruleoutcome',
    'Ruleconfig',
    'Cross referenced competency id numbers',
    'Exportid',
    'Isframework',
    'Taxonomies',
  ];

  it('reads the columns by position, whatever the header says', () => {
    expect(fromMoodleCsv(stringify([otherHeader, ...rows]))).to.deep.equal(fromMoodleCsv(text));
    const french = ['ID parent', 'Numéro d’identification', 'Nom abrégé', ...otherHeader.slice(3)];
    expect(fromMoodleCsv(stringify([french, ...rows]))).to.deep.equal(fromMoodleCsv(text));
  });

  it('refuses a file whose number of columns differs, saying how many it expected', () => {
    const error = caught(() => fromMoodleCsv(stringify([otherHeader.slice(0, 13), ...rows.map((row) => row.slice(0, 13))])));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('13 columns');
    expect(error.message).to.contain('14');
  });
});
