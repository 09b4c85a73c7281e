// Reads a NOS's metadata: the table that closes it ("Developed by<TAB>Asset Skills", or one value a line), and the
// "URN: …" lines at the top of the NOS database's page.
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
  | 'originalUrn'
  | 'socCode'
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
  [/^urn$|^unique reference number$/i, 'urn'],
  [/^original urn$/i, 'originalUrn'],
  [/^soc codes?$/i, 'socCode'],
  [/^relevant occupations$/i, 'relevantOccupations'],
  [/^suites?$|^business sectors \(suites\)$/i, 'suite'],
  [/^approved on$/i, 'dateApproved'],
  [/^key ?words$/i, 'keywords'],
];

function fieldOf(line: string): { field: MetadataField; value: string } | null {
  const [name = '', ...rest] = line.split('\t').map(normaliseSpaces);
  const match = FIELD_NAMES.find(([pattern]) => pattern.test(name));
  return match ? { field: match[1], value: rest.filter((cell) => cell !== '').join(' ') } : null;
}

/** A field name alone on its line, its value on the next: the table as copied from a web page. */
function isBareFieldName(line: string): boolean {
  return !line.includes('\t') && fieldOf(line) !== null;
}

/** Index of the first metadata row at or after `from`, or -1. */
export function findMetadataStart(lines: readonly string[], from: number): number {
  return lines.findIndex((line, index) => {
    if (index < from) return false;
    if (line.includes('\t')) return fieldOf(line) !== null;
    // A bare name starts the table only when another bare name follows within a few lines, as in a copied table.
    return isBareFieldName(line) && lines.slice(index + 2, index + 6).some(isBareFieldName);
  });
}

/** The table's fields; a row without a field name continues the value above it (a wrapped cell). */
export function readMetadata(lines: readonly string[], title: string): Metadata {
  const metadata: Metadata = {};
  let last: MetadataField | null = null;
  let awaitingValue = false;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (awaitingValue && last !== null) {
      metadata[last] = normaliseSpaces(line.replace(/\t/g, ' '));
      awaitingValue = false;
      continue;
    }
    if (isFurniture(line, title)) continue;
    const row = fieldOf(line);
    if (row !== null) {
      last = row.field;
      metadata[row.field] = row.value;
      awaitingValue = row.value === '' && !line.includes('\t');
    } else if (last !== null) {
      metadata[last] = normaliseSpaces(`${metadata[last] ?? ''} ${line.replace(/\t/g, ' ')}`);
    }
  }
  return metadata;
}

/** "URN: NFHOUS101", "Approved on: 30 Mar 2021" and the like, from the lines at the top of the NOS database's page. */
export function readHeaderMetadata(lines: readonly string[]): Metadata {
  const metadata: Metadata = {};
  for (const line of lines) {
    const match = /^([^:\t]{2,40}):\s*(\S.*)$/.exec(normaliseSpaces(line));
    const row = match ? fieldOf(match[1] ?? '') : null;
    if (row !== null && metadata[row.field] === undefined) metadata[row.field] = normaliseSpaces(match?.[2] ?? '');
  }
  return metadata;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): string | null {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month === lower || (lower.length >= 3 && month.startsWith(lower.replace(/\.$/, ''))));
  return index < 0 ? null : String(index + 1).padStart(2, '0');
}

/** "January 2012" → "2012-01", "30 Mar 2021" → "2021-03-30"; anything else is returned as written. */
export function toIsoMonth(value: string): string {
  const monthYear = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(value.trim());
  const month = monthYear ? monthNumber(monthYear[1] ?? '') : null;
  if (monthYear && month !== null) return `${monthYear[2]}-${month}`;
  const dayMonthYear = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(value.trim());
  const dayMonth = dayMonthYear ? monthNumber(dayMonthYear[2] ?? '') : null;
  return dayMonthYear && dayMonth !== null ? `${dayMonthYear[3]}-${dayMonth}-${(dayMonthYear[1] ?? '').padStart(2, '0')}` : value;
}

/** Semicolon-separated lists, or comma-separated when the source uses no semicolons. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(value.includes(';') ? ';' : ',')
    .map(normaliseSpaces)
    .filter((entry) => entry !== '');
}
