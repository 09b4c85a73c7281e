// Line-level reading of PDF-extracted NOS text: page furniture, table cells, unreadable scraps and item labels.
import type { NosItemKind } from '#standards/schema.ts';
import type { Vocabulary } from './nos-vocabulary.ts';

const FURNITURE = [
  /^you must be able to:?$/i,
  /^you need to know and( understand:?)?$/i,
  /^understand:?$/i,
  /^performance criteria$/i,
  /^knowledge and understanding$/i,
  /^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i,
];

export function normaliseSpaces(text: string): string {
  return text.replace(/[ \u00a0\u2002-\u200b]+/g, ' ').trim();
}

/** Repeated on every page of a NOS PDF, so never part of an item: the running title, the lead-in phrases, page numbers. */
export function isFurniture(line: string, title: string): boolean {
  const text = normaliseSpaces(line);
  return text.toLowerCase() === title.toLowerCase() || FURNITURE.some((pattern) => pattern.test(text));
}

/** A short cell the text never uses elsewhere: a stray mark or an OCR misread of a label ("_", "1/04", "Kao"). */
function isJunkCell(cell: string, vocabulary: Vocabulary): boolean {
  const letters = cell.replace(/[^\p{L}]/gu, '');
  return letters.length === 0 || (cell.length <= 4 && !vocabulary.has(cell));
}

export interface LineCells {
  /** Cells left after furniture and junk cells are dropped; a line without tabs is one cell. */
  cells: string[];
  /** The line was a row of a table (tab separated), where PDF extraction lets cell text spill between rows. */
  tableRow: boolean;
  /** Junk cells that contained letters, so might have been real words. */
  droppedLetters: string;
}

export function readCells(line: string, title: string, vocabulary: Vocabulary): LineCells {
  const tableRow = line.includes('\t');
  const cells: string[] = [];
  let droppedLetters = '';
  for (const [index, raw] of line.split('\t').entries()) {
    const cell = normaliseSpaces(index === 0 ? raw.replace(/^\s*[-•*]\s+/, '') : raw);
    if (cell === '' || isFurniture(cell, title)) continue;
    if (startsWithLabel(cell)) cells.push(cell);
    else if (isJunkCell(cell, vocabulary)) droppedLetters += cell.replace(/[^\p{L}]/gu, '');
    else cells.push(cell);
  }
  return { cells, tableRow, droppedLetters };
}

// A label as OCR may have damaged it: "P12", "P 12", "PI2", "Kl", "K1O".
const LABEL = /(?<![\p{L}\d])([PK]) ?([\dIlO|]{1,3})(?![\p{L}\d])/gu;

function labelNumber(digits: string): number {
  return Number(digits.replace(/[Il|]/g, '1').replace(/O/g, '0'));
}

const LABEL_AT_START = new RegExp(`^${LABEL.source}`, 'u');

/** Starts with something shaped like a label, even one that is not the code due next. */
export function startsWithLabel(cell: string): boolean {
  return LABEL_AT_START.test(cell);
}

export interface LabelledSegment {
  /** Null for text that came before the first accepted label on the line. */
  code: string | null;
  text: string;
}

/**
 * Split a line into text segments at item labels. Only the label of the next expected code is accepted, which is what
 * makes damaged labels and run-together items safe to recognise: "K1O" is read as K10 only when K10 is due next.
 */
export function splitAtLabels(text: string, kind: NosItemKind, nextNumber: number): LabelledSegment[] {
  const segments: LabelledSegment[] = [];
  let code: string | null = null;
  let start = 0;
  let expected = nextNumber;
  for (const match of text.matchAll(LABEL)) {
    if (match[1] !== kind || labelNumber(match[2] ?? '') !== expected) continue;
    segments.push({ code, text: text.slice(start, match.index).trim() });
    code = `${kind}${expected}`;
    start = match.index + match[0].length;
    expected += 1;
  }
  segments.push({ code, text: text.slice(start).trim() });
  return segments.filter((segment) => segment.code !== null || segment.text !== '');
}

/** Clean labels of this kind that were never accepted, so a missing code is reported rather than silently absorbed. */
export function strayLabels(text: string, kind: NosItemKind): number[] {
  return [...text.matchAll(/(?<![\p{L}\d])([PK])(\d{1,3})(?![\p{L}\d])/gu)]
    .filter((match) => match[1] === kind)
    .map((match) => Number(match[2]));
}
