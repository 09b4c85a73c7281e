// Unit tests for parseNosText: the three damaged seed sources item by item, and text that is not a NOS.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { NosParseError, parseNosText, type ParsedNos } from '#app/domain/standards/parse-nos-text.ts';
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';

const root = new URL('../../../', import.meta.url);

const SEEDS = { ASTH325: { p: 12, k: 19 }, HSC3331: { p: 24, k: 46 }, LMCA4: { p: 46, k: 99 } } as const;
type Seed = keyof typeof SEEDS;

const parsedSeeds = new Map<Seed, ParsedNos>();
function parseSeed(urn: Seed): ParsedNos {
  const cached = parsedSeeds.get(urn);
  if (cached) return cached;
  const parsed = parseNosText(readFileSync(new URL(`standards/sources/${urn}.txt`, root), 'utf8'), { sourceName: urn });
  parsedSeeds.set(urn, parsed);
  return parsed;
}

function item(standard: NosStandard, code: string) {
  const found = standard.items.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`${code} missing`);
  return found;
}

function text(urn: Seed, code: string): string {
  return item(parseSeed(urn).standard, code).text;
}

function codes(kind: 'P' | 'K', count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${kind}${index + 1}`);
}

/** Each section with the first and last code under it, in order. */
function sectionRanges(urn: Seed, kind: 'P' | 'K'): string[] {
  const ranges: Array<{ section: string; first: string; last: string }> = [];
  for (const entry of parseSeed(urn).standard.items.filter((candidate) => candidate.kind === kind)) {
    const open = ranges.at(-1);
    if (open?.section === entry.section) open.last = entry.code;
    else ranges.push({ section: entry.section, first: entry.code, last: entry.code });
  }
  return ranges.map((range) => `${range.first}-${range.last} ${range.section}`);
}

describe('parseNosText', () => {
  for (const [urn, counts] of Object.entries(SEEDS) as Array<[Seed, { p: number; k: number }]>) {
    describe(`seed ${urn}`, () => {
      it('recovers every code in order, with no gap or duplicate', () => {
        expect(parseSeed(urn).standard.items.map((entry) => entry.code)).to.deep.equal([...codes('P', counts.p), ...codes('K', counts.k)]);
      });

      it('validates against NosStandardSchema', () => {
        expect(NosStandardSchema.safeParse(parseSeed(urn).standard).success).to.equal(true);
      });

      it('matches the reviewed standards/parsed JSON, so the two cannot drift', () => {
        const committed: unknown = JSON.parse(readFileSync(new URL(`standards/parsed/${urn}.json`, root), 'utf8'));
        expect(committed).to.deep.equal(parseSeed(urn).standard);
      });

      it('keeps page furniture and scope notes out of every item', () => {
        const { standard } = parseSeed(urn);
        for (const entry of standard.items) {
          expect(entry.text, entry.code).not.to.include(standard.title);
          expect(entry.text, entry.code).not.to.match(/You (must be able|need to know)|Performance criteria|Knowledge and understanding|Additional Information|Developed by|Scope\/range|\*\*/i);
          expect(entry.text, entry.code).to.match(/^[a-z]/);
        }
        for (const note of standard.scopeNotes) {
          expect(standard.items.some((entry) => entry.text.includes(note.text.slice(0, 40))), note.text).to.equal(false);
        }
      });
    });
  }

  describe('ASTH325 (clean bullets, one criterion cut short)', () => {
    it('keeps P2 as the source has it, flags it incomplete and warns', () => {
      const { standard, warnings } = parseSeed('ASTH325');
      expect(item(standard, 'P2')).to.include({ text: 'take the necessary action promptly in situations which require immediate', incomplete: true });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^ASTH325 P2: .*cut short/);
    });

    it('flags nothing else in any seed as incomplete', () => {
      const flagged = (Object.keys(SEEDS) as Seed[]).flatMap((urn) =>
        parseSeed(urn).standard.items.filter((entry) => entry.incomplete).map((entry) => `${urn} ${entry.code}`),
      );
      expect(flagged).to.deep.equal(['ASTH325 P2']);
    });

    it('uses the part names as sections when there are no sub-headings', () => {
      expect(sectionRanges('ASTH325', 'P')).to.deep.equal(['P1-P12 Performance criteria']);
      expect(sectionRanges('ASTH325', 'K')).to.deep.equal(['K1-K19 Knowledge and understanding']);
    });

    it('ends the last items of each part before the running header and the metadata table', () => {
      expect(text('ASTH325', 'P12')).to.equal('offer the customer support to access services provided by other practitioners or organisations');
      expect(text('ASTH325', 'K19')).to.equal('how to empower customers to make effective working relationships in the future');
    });

    it('reads the metadata table', () => {
      const { standard } = parseSeed('ASTH325');
      expect(standard).to.include({
        urn: 'ASTH325',
        title: 'Work within appropriate boundaries with customers',
        version: '2',
        developedBy: 'Asset Skills',
        originatingOrganisation: 'Asset Skills',
        suite: 'Housing',
        dateApproved: '2012-01',
        indicativeReviewDate: '2017-01',
        validity: 'Current',
        status: 'Original',
      });
      expect(standard.relevantOccupations).to.have.length(5).and.include('Housing Officer');
      expect(standard.keywords).to.deep.equal(['Customers', 'carers', 'families', 'additional needs', 'settings', 'situations']);
      expect(standard.overview).to.match(/^This standard is about working directly with customers[^]*\n\nThe term 'customer'[^]*working relationship\.$/);
      expect(standard.glossary).to.deep.equal([]);
      expect(standard.scopeNotes).to.deep.equal([]);
    });
  });

  describe('HSC3331 (knowledge section from a broken table)', () => {
    it('puts items under their section headings, including headings split across table cells', () => {
      expect(sectionRanges('HSC3331', 'P')).to.deep.equal([
        'P1-P6 Support individuals to identify their preferences and needs in respect of social networks and relationships',
        'P7-P13 Support individuals to develop new social networks and relationships',
        'P14-P17 Support individuals to maintain supportive relationships',
        'P18-P24 Support individuals to maintain their safety and wellbeing within relationships',
      ]);
      expect(sectionRanges('HSC3331', 'K')).to.deep.equal([
        'K1-K5 Rights',
        'K6-K20 Your practice',
        'K21-K22 Theory',
        'K23-K23 Personal and professional development',
        'K24-K25 Communication',
        'K26-K27 Health and Safety',
        'K28-K31 Safe-guarding',
        'K32-K34 Handling information',
        'K35-K46 Specific to this NOS',
      ]);
    });

    it('moves text that spilled into the next row back to its own item', () => {
      expect(text('HSC3331', 'K21')).to.equal('the nature and impact of factors that may affect the health, wellbeing and development of individuals you care for or support');
      expect(text('HSC3331', 'K22')).to.equal('theories underpinning our understanding of human development and factors that affect it');
      expect(text('HSC3331', 'K26')).to.equal('your work setting policies and practices for monitoring and maintaining health, safety and security in the work environment');
      expect(text('HSC3331', 'K27')).to.equal('practices for the prevention and control of infection in the context of this standard');
    });

    it('gives empty rows the text that sits in the row above', () => {
      expect(text('HSC3331', 'K29')).to.equal('indicators of potential harm or abuse');
      expect(text('HSC3331', 'K30')).to.equal('how and when to report any concerns about abuse, poor or discriminatory practice, resources or operational difficulties');
      expect(text('HSC3331', 'K32')).to.equal('legal requirements, policies and procedures for the security and confidentiality of information');
      expect(text('HSC3331', 'K33')).to.equal('legal and work setting requirements for recording information and producing reports');
    });

    it('joins an item broken by a page break and the running header', () => {
      expect(text('HSC3331', 'K34')).to.equal('principles of confidentiality and when to pass on otherwise confidential information');
    });

    it('drops bold markers and stops the last items before the next part', () => {
      expect(text('HSC3331', 'P1')).to.equal('support the individual to identify their preferences and needs in respect of social networks and relationships');
      expect(text('HSC3331', 'P24')).to.equal('make use of specialist help where the individual has specific relationship problems, within confidentiality agreements');
      expect(text('HSC3331', 'K46')).to.equal(
        'issues that are likely to arise when supporting individuals to develop, maintain and move on from contacts and relationships and how to support the individuals to deal with these',
      );
    });

    it('has no warnings', () => {
      expect(parseSeed('HSC3331').warnings).to.deep.equal([]);
    });

    it('defines the bold terms from the scope notes, splitting definitions that ran together', () => {
      const { standard } = parseSeed('HSC3331');
      expect(standard.glossary.map((entry) => entry.term)).to.deep.equal(['individual', 'communicate', 'key people', 'active participation', 'risks', 'danger']);
      expect(standard.glossary.find((entry) => entry.term === 'danger')?.definition).to.equal(
        'Danger is the possibility of harm or abuse happening imminently; in the short term; in the medium term; in the longer term',
      );
      expect(standard.glossary.find((entry) => entry.term === 'individual')?.definition).to.equal('The individual is the person you support or care for in your work');
      expect(standard.scopeNotes.map((note) => note.text)).to.include('Danger is the possibility of harm or abuse happening imminently; in the short term; in the medium term; in the longer term');
      expect(standard.scopeNotes.filter((note) => note.heading === 'Values')).to.have.length(10);
    });
  });

  describe('LMCA4 (run-together items, loose labels, OCR damage)', () => {
    it('puts items under their section headings, repairing OCR-split headings', () => {
      expect(sectionRanges('LMCA4', 'P')).to.deep.equal([
        'P1-P22 Manage the systems and processes that support workers to carry out care and support for individuals in their home',
        'P23-P36 Manage the supervision and support of staff that contributes to the achievement of positive outcomes for individuals',
        'P37-P46 Manage response to day to day changes and emergencies',
      ]);
      expect(sectionRanges('LMCA4', 'K')).to.deep.equal([
        'K1-K8 Knowledge and understanding',
        'K9-K30 Your practice',
        'K31-K37 Personalisation and resources',
        'K38-K48 Continuing professional development',
        'K49-K52 Communication',
        'K53-K54 Health and Safety',
        'K55-K61 Safe-guarding',
        'K62-K65 Multi-disciplinary working',
        'K66-K72 Handling information',
        'K73-K87 Leading and managing practice',
        'K88-K90 Risk management',
        'K91-K97 Managing people',
        'K98-K99 Specific to this NOS',
      ]);
    });

    it('splits items run together on one line', () => {
      expect(text('LMCA4', 'P37')).to.equal('ensure that a responsible and competent person is on call and contactable during the hours that workers are on duty');
      expect(text('LMCA4', 'P42')).to.equal('evaluate records of emergency situations, accidents and incidents to establish improvements to the service or changes that need to take place');
      expect(text('LMCA4', 'K19')).to.equal('the role of independent representation and advocacy for individuals');
      expect(text('LMCA4', 'K28')).to.equal('how and when to seek support in situations beyond your experience and expertise');
      expect(text('LMCA4', 'K30')).to.equal('theories underpinning our understanding of human development and factors that affect it');
    });

    it('moves the start of an item back in front of a label printed a few words late', () => {
      expect(text('LMCA4', 'P43')).to.equal('reallocate workforce resources to respond to day to day changes and emergencies');
      expect(text('LMCA4', 'P44')).to.equal('ensure that individuals and key people are promptly informed of any changes to their care service arrangements');
    });

    it('finishes run-together items from the loose lines after them, in order', () => {
      expect(text('LMCA4', 'P45')).to.equal('ensure that workers are promptly informed of any changes to their work schedule');
      expect(text('LMCA4', 'P46')).to.equal('review contingency arrangements for unplanned and unforeseen circumstances');
    });

    it('re-joins labels printed apart from their text', () => {
      expect(text('LMCA4', 'P34')).to.equal('critically evaluate how development opportunities have supported the achievement of positive outcomes for individuals');
      expect(text('LMCA4', 'P35')).to.equal('critically evaluate situations that may lead to conflicts between workers or with individuals or key people');
      expect(text('LMCA4', 'P36')).to.equal('develop strategies to address situations that may lead to conflicts between workers or with individuals or key people');
    });

    it('splits the text after two labels on one line', () => {
      expect(text('LMCA4', 'K92')).to.equal('internal and external governance arrangements for the work-setting');
      expect(text('LMCA4', 'K93')).to.equal('factors that can lead to pressures on the service, individual and team performance');
      expect(text('LMCA4', 'K95')).to.equal('how to manage team dynamics');
      expect(text('LMCA4', 'K96')).to.equal('how to create a culture that promotes openness, creativity and problem solving');
    });

    it('joins lines broken inside a table row and across page breaks', () => {
      expect(text('LMCA4', 'P26')).to.equal('create a culture that supports exchange of information and constructive feedback in supervision and performance reviews');
      expect(text('LMCA4', 'K39')).to.equal('your role in developing the professional knowledge and practice of others');
      expect(text('LMCA4', 'K59')).to.equal('what to do if you have reported concerns but no action is taken to address them');
      expect(text('LMCA4', 'K77')).to.equal(
        'lessons learned from government reports, research and inquiries into serious failures of health or social care practice and from successful interventions',
      );
      expect(text('LMCA4', 'K99')).to.equal('how to manage potential or actual situations of conflict or tension between workers or with individuals and key people');
    });

    it('keeps a heading fragment repeated after a page break out of the items around it', () => {
      expect(text('LMCA4', 'P22')).to.equal('seek feedback from individuals and key people about the service they receive');
      expect(text('LMCA4', 'P23')).to.equal(
        'implement systems, procedures and practices for supervision and performance reviews in the context of legislative, regulatory and organisational requirements',
      );
    });

    it('keeps the better of two readings of a line and ignores OCR debris', () => {
      const { warnings } = parseSeed('LMCA4');
      expect(text('LMCA4', 'K91')).to.equal('legal and work-setting requirements for employment practices');
      expect(text('LMCA4', 'K1')).to.equal('legal and work setting requirements on equality, diversity, discrimination and rights');
      expect(text('LMCA4', 'K83')).to.equal('how to promote the services and facilities of your work-setting');
      expect(warnings).to.have.length(3);
      expect(warnings.filter((warning) => warning.includes('unreadable line'))).to.have.length(2);
      expect(warnings.find((warning) => warning.startsWith('LMCA4 K91:'))).to.include('ampleyment');
    });

    it('builds a glossary from the bold terms without duplicating repeated notes', () => {
      const { standard } = parseSeed('LMCA4');
      expect(standard.glossary).to.have.length(11);
      expect(standard.glossary.find((entry) => entry.term === 'power and influence')?.definition).to.match(/^Depending on how it is used the power and influence/);
      const criteriaNotes = standard.scopeNotes.filter((note) => note.heading === 'Scope/range related to performance criteria');
      expect(criteriaNotes.filter((note) => note.text.startsWith('Critically analyse is'))).to.have.length(1);
      expect(standard.scopeNotes.map((note) => note.text)).to.include(
        'Safe lone working systems, procedures and practice would include risk assessments, on-call systems, entering and securing the homes of individuals, adhering to Codes of Practice and professional boundaries',
      );
    });
  });

  describe('labels and sources beyond the seeds', () => {
    const made = (criteria: string, knowledge = 'K1 how to plan', metadata = 'Original URN\tMADE1') =>
      `Plan care\n\nPerformance criteria\n\nYou must be able to:\n\n${criteria}\n\nKnowledge and understanding\n\n${knowledge}\n\nDeveloped by\tNobody\n${metadata}\n`;

    it('reads OCR-damaged labels when they are the code expected next, and leaves others in the text', () => {
      const { standard } = parseNosText(
        made('- PI agree the plan\n- P 2 review the plan, unlike PI\nPl0 is not due', 'Kl how to plan\nK2 a step before K1O\nK3 b\nK4 c\nK5 d\nK6 e\nK7 f\nK8 g\nK9 h\nK1O why plans matter'),
      );
      expect(standard.items.map((entry) => entry.code)).to.deep.equal(['P1', 'P2', ...codes('K', 10)]);
      expect(item(standard, 'P1').text).to.equal('agree the plan');
      expect(item(standard, 'P2').text).to.equal('review the plan, unlike PI Pl0 is not due');
      expect(item(standard, 'K2').text).to.equal('a step before K1O');
      expect(item(standard, 'K10').text).to.equal('why plans matter');
    });

    it('reports a missing code instead of folding the later items into the one before', () => {
      expect(() => parseNosText(made('P1 agree the plan\nP3 review the plan'))).to.throw(NosParseError, /P2 not found/);
    });

    it('takes the URN from the text, else from the source name', () => {
      expect(parseNosText(made('P1 agree the plan'), { sourceName: 'file' }).standard.urn).to.equal('MADE1');
      expect(parseNosText(made('P1 agree the plan', 'K1 how to plan', ''), { sourceName: 'file' }).standard.urn).to.equal('file');
      expect(() => parseNosText(made('P1 agree the plan', 'K1 how to plan', ''))).to.throw(NosParseError, /URN/);
    });

    it('rejects empty text', () => {
      expect(() => parseNosText('')).to.throw(NosParseError, /empty/);
      expect(() => parseNosText(' \n\t\n')).to.throw(NosParseError, /empty/);
    });

    it('rejects text that is not a NOS', () => {
      const policy = [
        'Customer Care Policy',
        '',
        'We aim to treat every client with respect and courtesy. Our performance criteria for complaints are reviewed each year',
        'by the board, and staff must be able to explain them. P1 of this policy sets out our values.',
      ].join('\n');
      expect(() => parseNosText(policy, { sourceName: 'policy' })).to.throw(NosParseError, /Performance criteria/);
      expect(() => parseNosText(`${policy}\n\nPerformance criteria\n\nTo be agreed.\n`)).to.throw(NosParseError, /no performance criteria/);
    });
  });
});
