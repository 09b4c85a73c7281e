// Undoes what page layout does to a NOS's text: page furniture, running headers, headings split or run into other lines.
import { normaliseSpaces } from './nos-lines.ts';

const PAGE_FURNITURE = [/^page \d+( of \d+)?$/i, /^download (as )?pdf$/i, /^print this page$/i];

// A running header: a URN-like code, the title and the page number ("CARE201 Support people to take their medicines 3").
const RUNNING_HEADER = /^(?![PK]\d+\b)([A-Z][A-Z0-9]*\d[A-Z0-9]*)\s+(\S.*\S)\s+(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i;

const PART_HEADINGS = ['Performance criteria', 'Knowledge and understanding'] as const;
const LEAD_INS = ['You must be able to:', 'You need to know and understand:'] as const;

export interface PageLayout {
  lines: string[];
  /** The title from a running header, for a text whose first line is not the title. */
  runningTitle: string | null;
}

function runningHeaders(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const match = RUNNING_HEADER.exec(normaliseSpaces(line));
    if (match) counts.set(`${match[1]} ${match[2]}`, (counts.get(`${match[1]} ${match[2]}`) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([header]) => header));
}

/** "Performance" / "criteria" on two lines (perhaps with a blank line between) become one heading line. */
function joinSplitHeadings(lines: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = normaliseSpaces(lines[index] ?? '');
    let next = index + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '' && next - index <= 2) next += 1;
    const combined = `${line} ${normaliseSpaces(lines[next] ?? '')}`;
    if (line !== '' && PART_HEADINGS.some((heading) => heading.toLowerCase() === combined.toLowerCase())) {
      joined.push(combined, ...Array<string>(next - index).fill(''));
      index = next;
    } else {
      joined.push(lines[index] ?? '');
    }
  }
  return joined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const PHRASES = [...PART_HEADINGS, ...LEAD_INS].map(escape).join('|');
// A part heading or lead-in printed on the same line as text before or after it (capitalised as headings are).
const RUN_IN = new RegExp(`\\s*(?<![\\p{L}])(${PHRASES})(?![\\p{L}])\\s*`, 'u');

/** Each part heading and lead-in on a line of its own. */
function splitRunInHeadings(line: string): string[] {
  if (line.includes('\t')) return [line];
  const parts: string[] = [];
  let rest = line;
  for (let match = RUN_IN.exec(rest); match !== null && normaliseSpaces(rest) !== match[1]; match = RUN_IN.exec(rest)) {
    const before = rest.slice(0, match.index);
    if (before.trim() !== '') parts.push(before.trimEnd());
    parts.push(match[1] ?? '');
    rest = rest.slice(match.index + match[0].length);
    if (rest.trim() === '') return parts;
  }
  return [...parts, rest];
}

export function undoPageLayout(text: string): PageLayout {
  const raw = text.split('\n');
  const headers = runningHeaders(raw);
  let runningTitle: string | null = null;
  // Removed lines are left blank, so line numbers in messages stay true to the source.
  const kept = raw.map((line) => {
    const flat = normaliseSpaces(line);
    if (PAGE_FURNITURE.some((pattern) => pattern.test(flat))) return '';
    const header = RUNNING_HEADER.exec(flat);
    if (header && headers.has(`${header[1]} ${header[2]}`)) {
      runningTitle ??= header[2] ?? null;
      return '';
    }
    return line;
  });
  return { lines: joinSplitHeadings(kept).flatMap(splitRunInHeadings), runningTitle };
}

const NOT_A_TITLE = /^(overview|performance criteria|knowledge and understanding|\d+)$|^(urn|business sectors|developed by|approved on)\b/i;

/** The title is the first line of text, unless that is a heading or metadata, when the running header names it. */
export function findTitle(layout: PageLayout): string {
  const first = normaliseSpaces(layout.lines.find((line) => line.trim() !== '') ?? '');
  return NOT_A_TITLE.test(first) && layout.runningTitle !== null ? layout.runningTitle : first;
}
