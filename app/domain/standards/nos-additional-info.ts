// Reads a NOS's "Additional Information" pages into scope notes, and the definitions of its emphasised terms into a glossary.
import type { NosGlossaryEntry, NosScopeNote } from '#standards/schema.ts';
import { cleanText } from './nos-items.ts';
import { isFurniture, normaliseSpaces } from './nos-lines.ts';

const SUB_HEADINGS = [
  /^scope\/range related to /i,
  /^scope\/range$/i,
  /^values$/i,
  /^behaviours$/i,
  /^skills$/i,
  /^glossary$/i,
  /^links to other nos$/i,
  /^external links$/i,
];

/** Headings of the sections the NOS database's page prints after the knowledge, each on a line of its own. */
export const CLOSING_SECTIONS = /^(scope\/range|glossary|values|behaviours|skills|links to other nos|external links)$/i;

interface Paragraph {
  heading?: string;
  /** As in the source, bold markers included, so emphasised terms can be found. */
  raw: string;
}

/** Paragraphs under their sub-heading; one cut by a page break is rejoined, and a repeat of the same note is dropped. */
export function readScopeParagraphs(lines: readonly string[], title: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let heading: string | undefined;
  let last: Paragraph | null = null;
  for (const line of lines) {
    const text = normaliseSpaces(line.replace(/\t/g, ' '));
    if (text === '' || isFurniture(text, title) || /^additional information$/i.test(text)) continue;
    if (SUB_HEADINGS.some((pattern) => pattern.test(text))) {
      heading = text;
      last = null;
    } else if (last !== null && !/[.!?:]$/.test(last.raw) && /^\p{Ll}/u.test(text)) {
      last.raw = `${last.raw} ${text}`;
    } else {
      last = heading === undefined ? { raw: text } : { heading, raw: text };
      paragraphs.push(last);
    }
  }
  const seen = new Set<string>();
  return paragraphs.filter((paragraph) => {
    const key = `${paragraph.heading ?? ''}|${cleanText(paragraph.raw).toLowerCase().replace(/\.$/, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Terms the standard prints in bold, in order of first appearance: these are the ones it defines. */
export function emphasisedTerms(text: string): string[] {
  const terms = new Map<string, string>();
  for (const match of text.matchAll(/\*\*([^*\n]+?)\*\*/g)) {
    const term = normaliseSpaces(match[1] ?? '');
    if (term !== '' && !terms.has(term.toLowerCase())) terms.set(term.toLowerCase(), term);
  }
  return [...terms.values()];
}

interface DefinitionStart {
  term: string;
  offset: number;
}

const DEFINING_VERB = /^\s+(?:\S+\s+){0,2}?(?:is|are|involves?|includes?|may|should|would|can|uses|requires|refers|means)\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where a paragraph starts defining a term: the term (singular or plural, perhaps after "The"/"To") with a capital
 * letter, followed within two words by a defining verb ("Danger is…", "Lone working practice these would include…").
 */
function definitionStarts(text: string, terms: readonly string[]): DefinitionStart[] {
  const starts: DefinitionStart[] = [];
  for (const term of terms) {
    const singular = term.replace(/s$/i, '');
    const forms = [...new Set([term, singular, `${singular}s`])].map(escapeRegExp).join('|');
    for (const match of text.matchAll(new RegExp(`(?<!\\p{L})(?:(?:The|To) )?(?:${forms})(?!\\p{L})`, 'giu'))) {
      const after = text.slice(match.index + match[0].length);
      if (/^\p{Lu}/u.test(match[0]) && DEFINING_VERB.test(after)) starts.push({ term, offset: match.index });
    }
  }
  return starts.sort((a, b) => a.offset - b.offset);
}

interface Stretch {
  /** The term this stretch defines, or null for text before the first definition. */
  term: string | null;
  text: string;
}

/** A paragraph cut where another term's definition begins, since the PDF ran several definitions into one paragraph. */
function splitAtDefinitions(text: string, terms: readonly string[]): Stretch[] {
  const starts = definitionStarts(text, terms).filter((start, position, all) => all[position - 1]?.term !== start.term);
  const stretches: Stretch[] = [{ term: null, text: text.slice(0, starts[0]?.offset ?? text.length) }];
  for (const [position, start] of starts.entries()) {
    stretches.push({ term: start.term, text: text.slice(start.offset, starts[position + 1]?.offset ?? text.length) });
  }
  return stretches.map((stretch) => ({ ...stretch, text: stretch.text.trim() })).filter((stretch) => stretch.text !== '');
}

/** One note per paragraph, or per definition where several ran together. */
export function toScopeNotes(paragraphs: readonly Paragraph[], terms: readonly string[]): NosScopeNote[] {
  return paragraphs.flatMap((paragraph) =>
    splitAtDefinitions(cleanText(paragraph.raw), terms).map((stretch) => ({
      ...(paragraph.heading === undefined ? {} : { heading: paragraph.heading }),
      text: stretch.text,
    })),
  );
}

/**
 * A "Glossary" section that lists each term on its own line above its definition (the NOS database's page): the pairs,
 * and the paragraphs left over.
 */
export function readListedGlossary(paragraphs: readonly Paragraph[]): { glossary: NosGlossaryEntry[]; rest: Paragraph[] } {
  const glossary: NosGlossaryEntry[] = [];
  const rest: Paragraph[] = [];
  for (let index = 0; index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index];
    const next = paragraphs[index + 1];
    if (paragraph === undefined) continue;
    const term = cleanText(paragraph.raw);
    const isTerm = /^glossary$/i.test(paragraph.heading ?? '') && next?.heading === paragraph.heading && term.split(' ').length <= 6 && !/[.:;,]$/.test(term);
    if (isTerm && next !== undefined) {
      glossary.push({ term, definition: cleanText(next.raw) });
      index += 1;
    } else {
      rest.push(paragraph);
    }
  }
  return { glossary, rest };
}

/**
 * Glossary of the emphasised terms: the first stretch of scope text that defines each one, or failing that the
 * paragraph that prints it in bold.
 */
export function readGlossary(paragraphs: readonly Paragraph[], terms: readonly string[], onUndefined: (term: string) => void): NosGlossaryEntry[] {
  const definitions = new Map<string, string>();
  for (const paragraph of paragraphs) {
    for (const stretch of splitAtDefinitions(cleanText(paragraph.raw), terms)) {
      if (stretch.term !== null && !definitions.has(stretch.term)) definitions.set(stretch.term, stretch.text);
    }
  }
  const glossary: NosGlossaryEntry[] = [];
  for (const term of terms) {
    const bold = paragraphs.find((paragraph) => paragraph.raw.toLowerCase().includes(`**${term.toLowerCase()}**`));
    const definition = definitions.get(term) ?? (bold === undefined ? undefined : cleanText(bold.raw));
    if (definition === undefined) onUndefined(term);
    else glossary.push({ term, definition });
  }
  return glossary;
}
