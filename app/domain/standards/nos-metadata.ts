// Reads the metadata table that closes a NOS ("Developed by<TAB>Asset Skills", "Original URN<TAB>ASTH325", …).
import { isFurniture, normaliseSpaces } from './nos-lines.ts';

export type MetadataField =
  | 'developedBy'
  | 'version'
  | 'dateApproved'
  | 'indicativeReviewDate'
  | 'validity'
  | 'status'
  | 'originatingOrganisation'
  | 'urn'
  | 'relevantOccupations'
  | 'suite'
  | 'keywords';

export type Metadata = Partial<Record<MetadataField, string>>;

const FIELD_NAMES: ReadonlyArray<[RegExp, MetadataField]> = [
  [/^developed by$/i, 'developedBy'],
  [/^version( number)?$/i, 'version'],
  [/^date approved$/i, 'dateApproved'],
  [/^indicative review date$/i, 'indicativeReviewDate'],
  [/^validity$/i, 'validity'],
  [/^status$/i, 'status'],
  [/^originating organi[sz]ation$/i, 'originatingOrganisation'],
  [/^(original )?urn$|^unique reference number$/i, 'urn'],
  [/^relevant occupations$/i, 'relevantOccupations'],
  [/^suite$/i, 'suite'],
  [/^key ?words$/i, 'keywords'],
];

function fieldOf(line: string): { field: MetadataField; value: string } | null {
  const [name = '', ...rest] = line.split('\t').map(normaliseSpaces);
  const match = FIELD_NAMES.find(([pattern]) => pattern.test(name));
  return match ? { field: match[1], value: rest.filter((cell) => cell !== '').join(' ') } : null;
}

/** Index of the first metadata row at or after `from`, or -1. */
export function findMetadataStart(lines: readonly string[], from: number): number {
  return lines.findIndex((line, index) => index >= from && line.includes('\t') && fieldOf(line) !== null);
}

/** The table's fields; a row without a field name continues the value above it (a wrapped cell). */
export function readMetadata(lines: readonly string[], title: string): Metadata {
  const metadata: Metadata = {};
  let last: MetadataField | null = null;
  for (const line of lines) {
    if (line.trim() === '' || isFurniture(line, title)) continue;
    const row = fieldOf(line);
    if (row !== null) {
      last = row.field;
      metadata[row.field] = row.value;
    } else if (last !== null) {
      metadata[last] = normaliseSpaces(`${metadata[last] ?? ''} ${line.replace(/\t/g, ' ')}`);
    }
  }
  return metadata;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "January 2012" → "2012-01"; anything else is returned as written. */
export function toIsoMonth(value: string): string {
  const match = /^([A-Za-z]+)\s+(\d{4})$/.exec(value.trim());
  const month = match ? MONTHS.indexOf((match[1] ?? '').toLowerCase()) : -1;
  return match && month >= 0 ? `${match[2]}-${String(month + 1).padStart(2, '0')}` : value;
}

/** Semicolon-separated lists, or comma-separated when the source uses no semicolons. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(value.includes(';') ? ';' : ',')
    .map(normaliseSpaces)
    .filter((entry) => entry !== '');
}
