// Shared fixtures for the interchange format tests: the three parsed seed standards and one full of awkward text.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';

const root = new URL('../../../../', import.meta.url);

export const SEED_URNS = ['ASTH325', 'HSC3331', 'LMCA4'] as const;

export function loadSeed(urn: (typeof SEED_URNS)[number]): NosStandard {
  return NosStandardSchema.parse(JSON.parse(readFileSync(new URL(`standards/parsed/${urn}.json`, root), 'utf8')));
}

export const seeds = (): NosStandard[] => SEED_URNS.map(loadSeed);

/** Commas, quotes, newlines, HTML-ish characters, non-ASCII, a long title, a recurring section and an empty incomplete item. */
export function awkwardStandard(): NosStandard {
  const section = 'Plan care, “together” – with the individual’s family';
  return {
    urn: 'TEST1',
    title: `Support individuals’ café trips, outings & “days out” – ${'a very long title '.repeat(6).trim()}`,
    version: '2',
    overview: 'First line, with a comma.\n\nSecond paragraph: "quoted" – and é, ñ, ü; <not a tag> & more.',
    developedBy: 'Skills for Care, Wales & England',
    originatingOrganisation: 'Équipe “NOS”',
    suite: 'Suite, with comma',
    dateApproved: '2019-07',
    indicativeReviewDate: 'July 2024',
    validity: 'Current',
    status: 'Original',
    relevantOccupations: ['Health, Public Services and Care', 'Café workers'],
    keywords: ['trips', 'outings – days out'],
    items: [
      { code: 'P1', kind: 'P', section, text: 'agree the plan, "in writing", with the individual' },
      { code: 'P2', kind: 'P', section: 'Another section', text: 'line one\nline two\r\nline three – with ’quotes’ and é' },
      { code: 'P3', kind: 'P', section, text: 'use <b>bold</b> &amp; entities like &lt;' },
      { code: 'P4', kind: 'P', section, text: '', incomplete: true },
      { code: 'K1', kind: 'K', section: 'Knowledge, and understanding', text: 'the law; its “spirit”, and its letter' },
      { code: 'K2', kind: 'K', section: 'Knowledge, and understanding', text: 'how to stop short of the', incomplete: true },
    ],
    glossary: [{ term: 'Individual', definition: 'The person supported.' }],
    scopeNotes: [{ heading: 'Key people', text: 'Family, friends, carers.' }],
  };
}

/** What every format must carry: the items exactly, in order. */
export function expectSameItems(actual: NosStandard[], expected: NosStandard[]): void {
  expect(actual.map((standard) => standard.urn)).to.deep.equal(expected.map((standard) => standard.urn));
  for (const [index, standard] of expected.entries()) {
    expect(actual[index]?.items, `items of ${standard.urn}`).to.deep.equal(standard.items);
  }
}

/** Everything except glossary and scope notes, which only nosfolio-json carries. */
export function withoutNotes(standard: NosStandard): NosStandard {
  return { ...standard, glossary: [], scopeNotes: [] };
}

export function caught(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error to be thrown');
}
