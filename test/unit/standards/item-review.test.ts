// After parsing, every doubtful item is flagged for review; saving an import needs each flag looked at by the admin.
import { expect } from 'chai';
import { applyImportReview } from '#app/domain/standards/import-review.ts';
import { parseNosText } from '#app/domain/standards/parse-nos-text.ts';
import type { NosStandard } from '#standards/schema.ts';

const made = (criteria: string) =>
  `Plan care\n\nPerformance criteria\n\nYou must be able to:\n\n${criteria}\n\nKnowledge and understanding\n\nK1 how to plan\n\nDeveloped by\tNobody\nOriginal URN\tMADE1\n`;

function flags(criteria: string): Array<[string, string | undefined]> {
  return parseNosText(made(criteria)).standard.items.filter((item) => item.kind === 'P').map((item) => [item.code, item.needsReview]);
}

describe('checks after parsing', () => {
  it('flags an item that ends mid-word', () => {
    expect(flags('P1 agree the plan and take t\nP2 review the plan')).to.deep.equal([
      ['P1', 'it ends mid-word ("…and take t"); check it against the source'],
      ['P2', undefined],
    ]);
  });

  it('flags an item that contains another label or a heading', () => {
    expect(flags('P1 agree the plan\nP2 review the plan made under P1\nP3 share the plan Developed by the team')).to.deep.equal([
      ['P1', undefined],
      ['P2', 'it contains "P1", which looks like the label of another item'],
      ['P3', 'it contains "Developed by", which looks like a heading'],
    ]);
  });

  it('flags an empty item and warns', () => {
    const { standard, warnings } = parseNosText(made('P1 agree the plan\nP2\n'));
    expect(standard.items[1]).to.deep.include({ code: 'P2', text: '', incomplete: true, needsReview: 'it has no text' });
    expect(warnings.some((warning) => warning.startsWith('MADE1 P2: looks cut short'))).to.equal(true);
  });
});

describe('applyImportReview', () => {
  const standard: NosStandard = {
    ...parseNosText(made('P1 agree the plan and take t\nP2 review the plan\nP3 keep the plan safe and')).standard,
    urnNeedsReview: 'the text has no URN, so it was taken from the file name "MADE1"',
  };
  const answers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

  it('refuses to save until each flagged item and a file-name URN are checked, with an error next to each', () => {
    const { errors } = applyImportReview([standard], answers({}));
    expect(errors).to.deep.equal({
      'urn:0': ['Confirm that MADE1 is the right URN for this standard'],
      'item:0:P1': ['Check this item against the source, then tick “I have checked this item” or correct its text'],
      'item:0:P3': ['Check this item against the source, then tick “I have checked this item” or correct its text'],
    });
  });

  it('saves once each flag is checked or corrected, dropping the flags', () => {
    const { standards, errors } = applyImportReview(
      [standard],
      answers({ 'urn:0': 'confirmed', 'checked:0:P1': 'yes', 'item:0:P1': 'agree the plan and take the first step', 'checked:0:P3': 'yes' }),
    );
    expect(errors).to.deep.equal({});
    expect(standards[0]?.urnNeedsReview).to.equal(undefined);
    expect(standards[0]?.items.slice(0, 3)).to.deep.equal([
      { code: 'P1', kind: 'P', section: 'Performance criteria', text: 'agree the plan and take the first step' },
      { code: 'P2', kind: 'P', section: 'Performance criteria', text: 'review the plan' },
      { code: 'P3', kind: 'P', section: 'Performance criteria', text: 'keep the plan safe and', incomplete: true },
    ]);
  });

  it('never accepts an empty item', () => {
    const { errors } = applyImportReview([standard], answers({ 'urn:0': 'confirmed', 'checked:0:P1': 'yes', 'checked:0:P3': 'yes', 'item:0:P2': ' ' }));
    expect(errors).to.deep.equal({ 'item:0:P2': ['Enter the text of this item'] });
  });
});
