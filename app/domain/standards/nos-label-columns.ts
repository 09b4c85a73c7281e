// A PDF table whose column of labels comes out before its column of texts ("P1 P2 … P10", then the ten texts):
// the texts are told apart and given to the labels in order, and any item the parser cannot be sure of is flagged.
import type { NosItemKind } from '#standards/schema.ts';
import { endsDangling, Openers, words } from './nos-lexicon.ts';
import { normaliseSpaces } from './nos-lines.ts';

export interface LabelColumns {
  lines: string[];
  /** Why each flagged code needs an admin to check it. */
  flags: Map<string, string>;
  warnings: string[];
}

const LEAD_IN = /^you (must be able to|need to know and understand):?$/i;

function labelsOnly(line: string, kind: NosItemKind): number[] | null {
  const text = normaliseSpaces(line.replace(/\t/g, ' ')).replace(/^[-•*]\s+/, '');
  if (!new RegExp(`^${kind}\\d{1,3}( ${kind}\\d{1,3})*$`).test(text)) return null;
  return text.split(' ').map((label) => Number(label.slice(1)));
}

/** Where the run starts the table: the part's start, its lead-in, a heading or a complete item; not after loose text. */
function startsTable(previous: string | undefined, kind: NosItemKind): boolean {
  if (previous === undefined || LEAD_IN.test(previous)) return true;
  return /^\p{Lu}/u.test(previous) || new RegExp(`^(?:[-•*]\\s+)?${kind}\\d{1,3}\\s+\\S`).test(previous);
}

/** A text line of the column: not a label, not a heading (texts start in lower case), not a lead-in. */
function isColumnText(line: string, kind: NosItemKind): boolean {
  return /^\p{Ll}/u.test(line) && !new RegExp(`^${kind}[\\dIlO|]{1,3}\\b`).test(line) && !LEAD_IN.test(line);
}

type Seam = 'start' | 'continuation' | 'unsure';

function seam(before: string, line: string, openers: Openers): Seam {
  if (endsDangling(before)) return 'continuation';
  return openers.startsStatement(line) ? 'start' : 'unsure';
}

function range(kind: NosItemKind, numbers: readonly number[]): string {
  return `${kind}${numbers[0]} to ${kind}${numbers.at(-1)}`;
}

export function resolveLabelColumns(lines: readonly string[], kind: NosItemKind, source: string): LabelColumns {
  const out: string[] = [];
  const flags = new Map<string, string>();
  const warnings: string[] = [];
  let previous: string | undefined;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    index += 1;
    const first = labelsOnly(line, kind);
    if (first === null || !startsTable(previous, kind)) {
      out.push(line);
      if (line.trim() !== '') previous = normaliseSpaces(line);
      continue;
    }
    const numbers = [...first];
    const texts: string[] = [];
    let end = index;
    for (; end < lines.length; end += 1) {
      const candidate = normaliseSpaces(lines[end] ?? '');
      if (candidate === '') continue;
      const more = texts.length === 0 ? labelsOnly(candidate, kind) : null;
      if (more !== null) numbers.push(...more);
      else if (isColumnText(candidate, kind)) texts.push(candidate);
      else break;
    }
    const consecutive = numbers.every((number, position) => position === 0 || number === (numbers[position - 1] ?? 0) + 1);
    if (numbers.length < 2 || texts.length === 0 || !consecutive) {
      out.push(line);
      previous = normaliseSpaces(line);
      continue;
    }
    const consumed = end - index + 1;
    index = end;
    const openers = new Openers(kind, texts.map((text) => words(text)[0] ?? ''));
    const seams = texts.map((text, position) => (position === 0 ? 'start' : seam(texts[position - 1] ?? '', text, openers)));
    const certain = seams.filter((kindOfSeam) => kindOfSeam === 'start').length;
    const sure = certain === numbers.length;
    const blocks: string[] = [];
    for (const [position, text] of texts.entries()) {
      const opens = seams[position] === 'start' || (!sure && seams[position] === 'unsure');
      if (opens || blocks.length === 0) blocks.push(text);
      else blocks[blocks.length - 1] = `${blocks.at(-1)} ${text}`;
    }
    // More blocks than labels: the extra text stays with the last label, to be checked.
    while (blocks.length > numbers.length) blocks[numbers.length - 1] = `${blocks[numbers.length - 1]} ${blocks.splice(numbers.length, 1)[0]}`;
    for (const [position, number] of numbers.entries()) out.push(`${kind}${number} ${blocks[position] ?? ''}`.trimEnd());
    // Blank lines in place of the consumed ones keep line numbers in messages true to the source.
    for (let filler = numbers.length; filler < consumed; filler += 1) out.push('');
    if (!sure) {
      const labels = range(kind, numbers);
      const reason = `the labels ${labels} were printed apart from their texts and could not be matched to them for certain; check this item against the source`;
      for (const number of numbers) flags.set(`${kind}${number}`, reason);
      warnings.push(
        `${source}: the labels ${labels} were printed apart from their texts and ${certain} of the ${numbers.length} texts could be told apart for certain; ${labels} are matched in order and flagged for review`,
      );
    }
    previous = `${kind}${numbers.at(-1)} ${blocks.at(-1) ?? ''}`;
  }
  return { lines: out, flags, warnings };
}
