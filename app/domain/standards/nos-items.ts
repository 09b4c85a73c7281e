// Reads the performance criteria or knowledge statements of one part of a NOS into items, repairing PDF-extraction damage.
import type { NosItem, NosItemKind } from '#standards/schema.ts';
import { resolveFragmentBlocks, type Entry } from './nos-fragments.ts';
import { resolveLabelColumns } from './nos-label-columns.ts';
import { endsDangling, Openers, splitAtWord, words } from './nos-lexicon.ts';
import { isFurniture, normaliseSpaces, readCells, splitAtLabels, startsWithLabel, strayLabels } from './nos-lines.ts';
import { labelItems } from './nos-numbering.ts';
import { NosParseError } from './nos-parse-error.ts';
import type { Vocabulary } from './nos-vocabulary.ts';

export interface ItemRegion {
  kind: NosItemKind;
  lines: readonly string[];
  /** Source line number of lines[0], for messages. */
  firstLineNumber: number;
  /** Section for items that appear before any sub-heading. */
  defaultSection: string;
}

export interface ParseContext {
  source: string;
  title: string;
  vocabulary: Vocabulary;
  warnings: string[];
}

/** Items of one kind, in code order, with whole text; throws when a code in the sequence cannot be found. */
export function readItems(region: ItemRegion, context: ParseContext): NosItem[] {
  const columns = resolveLabelColumns(labelItems(region.lines, region.kind), region.kind, context.source);
  context.warnings.push(...columns.warnings);
  const entries = readEntries({ ...region, lines: columns.lines }, context);
  const drafts = entries.flatMap((entry) => (entry.type === 'item' ? [entry.item] : []));
  const openers = new Openers(region.kind, drafts.map((draft) => words(draft.text)[0] ?? ''));
  repairNeighbours(entries, openers);
  resolveFragmentBlocks(entries, openers, context);
  return drafts.map((draft) => finishItem(draft, region.kind, context, columns.flags.get(draft.code)));
}

function readEntries(region: ItemRegion, context: ParseContext): Entry[] {
  const entries: Entry[] = [];
  const { kind } = region;
  let section = region.defaultSection;
  let itemsInSection = 0;
  let next = 1;
  const strays: Array<{ number: number; lineNumber: number }> = [];
  for (const [index, line] of region.lines.entries()) {
    const lineNumber = region.firstLineNumber + index;
    if (line.trim() === '' || isFurniture(line, context.title)) continue;
    const { cells, droppedLetters } = readCells(line, context.title, context.vocabulary);
    if (cells.length === 0) {
      if (droppedLetters !== '') {
        context.warnings.push(`${context.source}: ignored unreadable line ${lineNumber}: "${normaliseSpaces(line.replace(/\t/g, ' '))}"`);
      }
      continue;
    }
    const segments = splitAtLabels(cells.join(' '), kind, next);
    for (const segment of segments) {
      for (const number of strayLabels(segment.text, kind)) strays.push({ number, lineNumber });
      if (segment.code !== null) {
        entries.push({ type: 'item', item: { code: segment.code, section, text: segment.text, line: lineNumber } });
        next += 1;
        itemsInSection += 1;
      } else if (segments.length > 1) {
        // Text before the first label on a labelled line belongs with the item above.
        entries.push({ type: 'fragment', text: segment.text });
      } else if (itemsInSection === 0 && isHeadingEcho(segment.text, section, region.defaultSection)) {
        // The tail of the heading repeated before its first item (a page break inside the heading).
      } else if (looksLikeHeading(segment.text)) {
        section = context.vocabulary.joinCells(cells);
        itemsInSection = 0;
        entries.push({ type: 'heading' });
      } else {
        entries.push({ type: 'fragment', text: segment.text });
      }
    }
  }
  const stray = strays.find((candidate) => candidate.number >= next);
  if (stray !== undefined) {
    throw new NosParseError(
      `${context.source}: ${kind}${next} not found (${kind}${stray.number} appears on line ${stray.lineNumber} without it)`,
    );
  }
  return entries;
}

/** Capitalised, short and unpunctuated; a line opening with a label out of sequence is loose text, not a heading. */
function looksLikeHeading(text: string): boolean {
  return /^\p{Lu}/u.test(text) && !startsWithLabel(text) && words(text).length <= 25 && !/[.,;:]$/.test(text);
}

function isHeadingEcho(text: string, section: string, defaultSection: string): boolean {
  return section !== defaultSection && text.length >= 10 && section.endsWith(text);
}

/**
 * Repair neighbouring items whose text crossed between them: a table cell that spilled into the next row, an empty row
 * whose text sits in its neighbour, two labels before one text, or a label printed a few words late.
 */
function repairNeighbours(entries: Entry[], openers: Openers): void {
  for (let pass = 0; pass < 10; pass += 1) {
    let changed = false;
    for (const [index, entry] of entries.entries()) {
      const following = entries[index + 1];
      if (entry.type === 'item' && following?.type === 'item') {
        changed = repairPair(entry.item, following.item, openers) || changed;
      }
    }
    if (!changed) return;
  }
}

function repairPair(first: { text: string; line: number }, second: { text: string; line: number }, openers: Openers): boolean {
  if (second.text === '' && first.text !== '') {
    const [boundary] = openers.boundaries(first.text);
    if (boundary === undefined) return false;
    [first.text, second.text] = splitAtWord(first.text, boundary);
    return true;
  }
  if (first.text === '' && second.text !== '' && first.line === second.line) {
    const [boundary] = openers.boundaries(second.text);
    if (boundary === undefined) return false;
    [first.text, second.text] = splitAtWord(second.text, boundary);
    return true;
  }
  if (first.text === '' || second.text === '' || !endsDangling(first.text) || openers.startsStatement(second.text)) {
    return false;
  }
  const [spillEnd] = openers.boundaries(second.text);
  if (spillEnd !== undefined) {
    const [spilled, rest] = splitAtWord(second.text, spillEnd);
    first.text = `${first.text} ${spilled}`;
    second.text = rest;
    return true;
  }
  const lateLabel = openers.boundaries(first.text).at(-1);
  if (lateLabel === undefined) return false;
  const [kept, moved] = splitAtWord(first.text, lateLabel);
  first.text = kept;
  second.text = `${moved} ${second.text}`;
  return true;
}

function finishItem(
  draft: { code: string; section: string; text: string },
  kind: NosItemKind,
  context: ParseContext,
  needsReview: string | undefined,
): NosItem {
  const text = cleanText(draft.text);
  const item: NosItem = { code: draft.code, kind, section: draft.section, text, ...(needsReview === undefined ? {} : { needsReview }) };
  if (text === '' || endsDangling(text)) {
    item.incomplete = true;
    const shown = text === '' ? 'no text' : `text ends "…${words(text).slice(-4).join(' ')}"`;
    context.warnings.push(`${context.source} ${draft.code}: looks cut short in the source (${shown}); kept as found`);
  }
  return item;
}

/** Plain text: bold markers dropped, a hyphenated word rejoined where a line break split it ("work- setting"). */
export function cleanText(text: string): string {
  return normaliseSpaces(
    text
      .replace(/\*\*/g, '')
      .replace(/(\p{L})- (?!(?:and|or|to)\b)(\p{L})/gu, '$1-$2'),
  ).replace(/\s+([,.;:])/g, '$1');
}
