// The layout fixtures in test/fixtures/standards: one invented standard per layout the parser must read.
import { readFileSync } from 'node:fs';
import { parseNosText, type ParsedNos } from '#app/domain/standards/parse-nos-text.ts';

const root = new URL('../../../', import.meta.url);

export const LAYOUTS = [
  'nos-database-numbered',
  'nos-database-labelled',
  'nos-database-bullets',
  'pdf-older',
  'pdf-unheaded',
  'pdf-label-column',
  'pdf-other-producer',
] as const;
export type Layout = (typeof LAYOUTS)[number];

export const fixturePath = (layout: Layout) => `test/fixtures/standards/${layout}.txt`;

export function fixtureText(layout: Layout): string {
  return readFileSync(new URL(fixturePath(layout), root), 'utf8');
}

export function parseFixture(layout: Layout): ParsedNos {
  return parseNosText(fixtureText(layout), { sourceName: layout });
}
