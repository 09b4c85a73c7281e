// The check after parsing: flags every item whose text the parser may have got wrong, so an admin looks at it before saving.
import type { NosItem } from '#standards/schema.ts';
import { bareWord, words } from './nos-lexicon.ts';
import type { Vocabulary } from './nos-vocabulary.ts';

// Short words a statement may end on; any other one- or two-letter ending is a word cut in half.
const SHORT_WORDS = new Set(['a', 'i', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we']);

// Headings and table labels of a NOS page, as printed (capitalised), which never belong inside an item.
const HEADINGS = [
  'Performance criteria',
  'Knowledge and understanding',
  'You must be able to',
  'You need to know and understand',
  'Scope/range',
  'Additional Information',
  'Glossary',
  'Links to other NOS',
  'Developed by',
  'Version number',
  'Version Number',
  'Original URN',
  'Download as PDF',
];

const LABEL = /(?<![\p{L}\d])[PK][1-9]\d{0,2}(?![\p{L}\d])/u;
const PAGE = /\bPage \d+ of \d+\b/;

export function reviewReason(item: NosItem, vocabulary: Vocabulary): string | null {
  if (item.text.trim() === '') return 'it has no text';
  const last = words(item.text).at(-1) ?? '';
  const bare = bareWord(last);
  if (/^\p{Ll}{1,2}$/u.test(last) && !SHORT_WORDS.has(bare) && !vocabulary.isEstablished(bare)) {
    return `it ends mid-word ("…${words(item.text).slice(-3).join(' ')}"); check it against the source`;
  }
  const label = LABEL.exec(item.text)?.[0];
  if (label !== undefined) return `it contains "${label}", which looks like the label of another item`;
  const heading = HEADINGS.find((phrase) => item.text.includes(phrase)) ?? PAGE.exec(item.text)?.[0];
  if (heading !== undefined) return `it contains "${heading}", which looks like a heading`;
  return null;
}

/** Flags doubtful items (one warning each) unless already flagged; an empty item is already reported as cut short. */
export function flagDoubtfulItems(items: NosItem[], vocabulary: Vocabulary, source: string, warnings: string[]): void {
  for (const item of items) {
    if (item.needsReview !== undefined) continue;
    const reason = reviewReason(item, vocabulary);
    if (reason === null) continue;
    item.needsReview = reason;
    if (item.text !== '') warnings.push(`${source} ${item.code}: ${reason}`);
  }
}
