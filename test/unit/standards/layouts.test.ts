// Each NOS layout a new user meets (the NOS database's web page, older PDFs, a column table, other PDF producers):
// its fixture in test/fixtures/standards parses to exactly these codes, texts, flags and metadata.
import { expect } from 'chai';
import { parseNosText } from '#app/domain/standards/parse-nos-text.ts';
import type { NosStandard } from '#standards/schema.ts';
import { fixtureText, LAYOUTS, parseFixture } from './layout-fixtures.ts';

/** Code, text and (when flagged) the review flag of every item, in order. */
function itemsOf(standard: NosStandard): string[][] {
  return standard.items.map((item) => [item.code, item.text, ...(item.needsReview ? ['needs review'] : [])]);
}

function numbered(kind: 'P' | 'K', texts: string[], flag = false): string[][] {
  return texts.map((text, index) => [`${kind}${index + 1}`, text, ...(flag ? ['needs review'] : [])]);
}

const NO_METADATA = { version: null, developedBy: null, originatingOrganisation: null, suite: null, dateApproved: null, indicativeReviewDate: null, validity: null, status: null };

describe('NOS layouts beyond the seeds', () => {
  describe('the NOS database page, items numbered 1., 2. with sub-items', () => {
    const { standard, warnings } = parseFixture('nos-database-numbered');

    it('reads every item as P1… and K1… with sub-items in its text and no label punctuation', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'agree with the tenant which safety checks their home needs',
          'explain to the tenant how to report a repair, including: a. repairs that need attention within a day b. repairs that can wait for a planned visit',
          'check that the smoke alarms in the home are working',
          'respond promptly to hazards that put the tenant at risk, for example: • gas leaks • exposed wiring',
          "record each hazard and the action taken in line with your organisation's procedures",
        ]),
        ...numbered('K', [
          "your organisation's procedures for reporting repairs and hazards",
          'the legal duties of landlords for gas and electrical safety',
          'how to explain safety information in ways the tenant understands',
        ]),
      ]);
      expect(standard.items.map((item) => item.section)).to.deep.equal([
        ...Array(3).fill('Agree safety checks with the tenant'),
        ...Array(2).fill('Respond to hazards'),
        ...Array(3).fill('Knowledge and understanding'),
      ]);
      expect(warnings).to.deep.equal([]);
    });

    it('fills the fields from the URN lines and the metadata table', () => {
      expect(standard).to.include({
        urn: 'NFHOUS101',
        title: 'Support tenants to keep their home safe',
        version: '1',
        developedBy: 'Example Skills Council',
        originatingOrganisation: 'Example Skills Council',
        suite: 'Housing; Supported Housing',
        dateApproved: '2021-03-30',
        indicativeReviewDate: '2026-03-30',
        validity: 'Current',
        status: 'Original',
        overview: 'This standard is about helping tenants to keep their home safe and in good repair.\n\nIt is for housing support workers who visit tenants at home.',
      });
      expect(standard.relevantOccupations).to.deep.equal(['Housing Officer', 'Support Worker']);
      expect(standard.keywords).to.deep.equal(['tenants', 'safety', 'repairs']);
    });

    it('keeps scope, values, behaviours, skills and links as notes, and the glossary as terms', () => {
      expect(standard.glossary).to.deep.equal([{ term: 'Tenant', definition: 'The person who holds the tenancy of the home.' }]);
      expect(standard.scopeNotes).to.deep.equal([
        { heading: 'Scope/range', text: 'Hazards include fire, gas, electrical and water hazards.' },
        { heading: 'Values', text: "Respect the tenant's right to make choices about their home." },
        { heading: 'Behaviours', text: 'Be patient and clear when you explain safety checks.' },
        { heading: 'Skills', text: 'Listening and explaining.' },
        { heading: 'Links to other NOS', text: 'NFHOUS102 Support tenants to manage their tenancy' },
      ]);
    });
  });

  describe('the NOS database page, items labelled P1. and K1., metadata one value a line', () => {
    const { standard, warnings } = parseFixture('nos-database-labelled');

    it('reads every item without the full stop of its label', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'welcome the person to their new home and introduce yourself',
          'show the person how to use the heating, water and electricity, including: • where the meters are • how to turn off the water supply',
          'agree with the person what support they want in their first weeks',
          'tell the person who to contact in an emergency',
        ]),
        ...numbered('K', [
          'the services in the area that new tenants can use',
          'how to find out what support a person wants',
          'why the first weeks in a new home matter for a tenancy to last',
        ]),
      ]);
      expect(warnings).to.deep.equal([]);
    });

    it('reads the metadata table written one value a line', () => {
      expect(standard).to.include({
        urn: 'NFHOUS103',
        version: '2',
        suite: 'Supported Housing',
        dateApproved: '2022-09-02',
        indicativeReviewDate: '2027-09-02',
        validity: 'Current',
        status: 'Revised',
        originatingOrganisation: 'Example Skills Council',
      });
      expect(standard.relevantOccupations).to.deep.equal(['Support Worker']);
      expect(standard.keywords).to.deep.equal(['moving home', 'tenancy sustainment']);
      expect(standard.scopeNotes.map((note) => note.heading)).to.deep.equal(['Scope/range', 'Values', 'Links to other NOS']);
    });
  });

  describe('the NOS database page, written as bullets with no numbers', () => {
    const { standard, warnings } = parseFixture('nos-database-bullets');

    it('numbers the bullets P1… and K1… in order', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'record the date, time and length of each visit',
          'write down what support you gave, in plain words',
          "note any change in the person's health or wellbeing",
          'store records securely and share them only with people who need them',
        ]),
        ...numbered('K', [
          'why accurate records protect the person and you',
          'the law on keeping personal information confidential',
          'how long your organisation keeps visit records',
        ]),
      ]);
      expect(standard).to.include({ urn: 'NFCARE301', title: 'Keep records of home visits', suite: 'Health and Social Care', dateApproved: '2020-01-14' });
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('an older PDF: page furniture, a split heading, a heading after an item, glued labels', () => {
    const { standard, warnings } = parseFixture('pdf-older');

    it('reads every item with its own text', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          "check the person's medication record before you give any medicine",
          "confirm the person's identity and that they agree to take the medicine",
          'wash your hands before you handle any medicine',
          'give the medicine in the way the medication record describes',
          'watch that the person has taken the medicine',
          'record each dose straight after it is taken',
          'tell your line manager when the person refuses a dose',
          'keep medicines in the container they were supplied in',
          'report any error to your line manager at once',
          'make sure the medicine store is locked after use',
          'record any side effects the person describes',
          "return unused medicines in line with your organisation's procedures",
        ]),
        ...numbered('K', [
          "the legal requirements for handling medicines in a person's home",
          'how to read a medication record',
          'the side effects that you must report',
          'why you must never give a medicine that is not on the record',
        ]),
      ]);
      expect(warnings).to.deep.equal([]);
    });

    it('takes the title from the text, not from the page furniture before it', () => {
      expect(standard).to.include({
        urn: 'CARE201',
        title: 'Support people to take their medicines',
        version: '3',
        developedBy: 'Example Care Council',
        dateApproved: '2020-04',
        indicativeReviewDate: '2025-04',
        overview: 'This standard covers supporting people to take the medicines that have been prescribed for them.',
      });
    });
  });

  describe('an older PDF without part headings, the items plainly labelled', () => {
    const { standard, warnings } = parseFixture('pdf-unheaded');

    it('reads the items from their labels and says the heading was missing', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'greet visitors politely and ask who they have come to see',
          "ask visitors to sign the visitors' book",
          'check with the resident that they want to see the visitor',
          "explain the home's rules on visiting times",
        ]),
        ...numbered('K', ["the home's procedures for visitors", 'why residents can choose who visits them']),
      ]);
      expect(standard).to.include({ urn: 'CARE202', title: 'Welcome visitors to a care home', version: '1' });
      expect(warnings).to.deep.equal(['CARE202: no "Performance criteria" heading; the performance criteria were read from their labels P1 to P4']);
    });
  });

  describe('a PDF table whose column of labels comes before its column of texts', () => {
    const { standard, warnings } = parseFixture('pdf-label-column');

    it('recovers the criteria whose texts can be told apart, and flags every knowledge item it cannot be sure of', () => {
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'agree with the tenant how and when you will visit',
          'explain your role and the limits of the support you can offer',
          'check that the tenant understands their tenancy agreement and the support available to them',
          "respect the tenant's choices about their home and their daily routine",
          'support the tenant to manage their rent account',
          'help the tenant to claim the benefits that are due to them',
          "record each visit in line with your organisation's procedures",
          "report concerns about the tenant's safety to your line manager",
          'review the support plan with the tenant at the agreed times',
          'refer the tenant to other services when their needs change',
        ]),
        ...numbered(
          'K',
          [
            'how to explain a tenancy agreement in plain words',
            'the rights and responsibilities of tenants and landlords',
            'local services that support tenants with rent arrears',
            'how to record visits and who may read the records',
            'benefits that tenants may be able to claim',
          ],
          true,
        ),
      ]);
      expect(standard.items.find((item) => item.code === 'K1')?.needsReview).to.match(/labels K1 to K5 were printed apart from their texts/);
      expect(warnings).to.deep.equal([
        'HOUS110: the labels K1 to K5 were printed apart from their texts and 4 of the 5 texts could be told apart for certain; K1 to K5 are matched in order and flagged for review',
      ]);
    });
  });

  describe('PDF text from another producer: curly quotes, ligatures, soft hyphens, hyphenation at line ends', () => {
    it('reads the same as the plain text', () => {
      const { standard, warnings } = parseFixture('pdf-other-producer');
      expect(itemsOf(standard)).to.deep.equal([
        ...numbered('P', [
          'agree a shopping list with the person and check it is affordable',
          "support the person's choices about food and other necessities",
          'find out which shops the person prefers and flag any that are hard to reach',
        ]),
        ...numbered('K', ["how to plan a budget for the person's weekly shopping", '"healthy eating" advice and how to share it in a way that suits the person']),
      ]);
      expect(warnings).to.deep.equal([]);
      const plain = fixtureText('pdf-other-producer')
        .replace(/\u00ad/g, '')
        .replace(/ne-\ncessities/, 'necessities')
        .replace(/[\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/\ufb01/g, 'fi')
        .replace(/\ufb02/g, 'fl');
      expect(parseNosText(plain, { sourceName: 'pdf-other-producer' })).to.deep.equal({ standard, warnings });
    });
  });

  it('keeps the URN a warning to confirm when it comes only from the file name', () => {
    const text = fixtureText('pdf-unheaded').replace('Original URN\tCARE202\n', '');
    const { standard, warnings } = parseNosText(text, { sourceName: 'CARE202' });
    expect(standard.urn).to.equal('CARE202');
    expect(standard.urnNeedsReview).to.equal('the text has no URN, so it was taken from the file name "CARE202"');
    expect(warnings).to.include('CARE202: the text has no URN, so it was taken from the file name "CARE202"; confirm it before saving');
  });

  it('has no fields it should not', () => {
    for (const layout of LAYOUTS) {
      const { standard } = parseFixture(layout);
      expect(Object.keys({ ...NO_METADATA, ...standard }).sort(), layout).to.deep.equal(Object.keys(standard).sort());
    }
  });
});
