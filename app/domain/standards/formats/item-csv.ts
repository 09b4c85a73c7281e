// Spreadsheet-friendly CSV with one row per performance criterion or knowledge item, standard metadata repeated per row.
import { stringify } from 'csv-stringify/sync';
import type { NosItem, NosStandard } from '#standards/schema.ts';
import { columnIndex, emptyToNull, parseCsvRows, StandardFormatError, validateStandard } from './errors.ts';
import { fromSpreadsheetCell, toSpreadsheetRows } from './spreadsheet-cells.ts';

/*
 * What this format cannot carry: glossary entries and scope notes. They are not per-item facts, and squeezing them
 * into every row (or into extra rows) would break the one-row-per-item promise spreadsheets rely on, so they are
 * dropped on export and come back as empty arrays. Use nosfolio-json for a lossless copy.
 * List fields (relevant_occupations, keywords) are joined with "; ", so an entry that itself contains ";" is split.
 */

export const ITEM_CSV_COLUMNS = [
  'urn',
  'version',
  'title',
  'kind',
  'code',
  'section',
  'text',
  'incomplete',
  'overview',
  'developed_by',
  'originating_organisation',
  'suite',
  'date_approved',
  'indicative_review_date',
  'validity',
  'status',
  'relevant_occupations',
  'keywords',
] as const;

type Column = (typeof ITEM_CSV_COLUMNS)[number];
type Row = Record<Column, string>;

const LIST_SEPARATOR = '; ';

export function toItemCsv(standards: readonly NosStandard[]): string {
  const rows = standards.flatMap((standard) =>
    standard.items.map((item): string[] => {
      const row: Row = {
        urn: standard.urn,
        version: standard.version ?? '',
        title: standard.title,
        kind: item.kind,
        code: item.code,
        section: item.section,
        text: item.text,
        incomplete: item.incomplete ? 'true' : '',
        overview: standard.overview ?? '',
        developed_by: standard.developedBy ?? '',
        originating_organisation: standard.originatingOrganisation ?? '',
        suite: standard.suite ?? '',
        date_approved: standard.dateApproved ?? '',
        indicative_review_date: standard.indicativeReviewDate ?? '',
        validity: standard.validity ?? '',
        status: standard.status ?? '',
        relevant_occupations: standard.relevantOccupations.join(LIST_SEPARATOR),
        keywords: standard.keywords.join(LIST_SEPARATOR),
      };
      return ITEM_CSV_COLUMNS.map((column) => row[column]);
    }),
  );
  // The byte-order mark makes Excel open ’, – and é as UTF-8 instead of mojibake.
  return stringify([[...ITEM_CSV_COLUMNS], ...toSpreadsheetRows(rows)], { bom: true });
}

/** Groups rows by urn + version (in order of first appearance); standard metadata is taken from each group's first row. */
export function fromItemCsv(text: string): NosStandard[] {
  const [header, ...body] = parseCsvRows(text, 'csv');
  const at = columnIndex(header, ITEM_CSV_COLUMNS, 'csv');
  const groups = new Map<string, { first: Row; items: NosItem[] }>();

  for (const [index, cells] of body.entries()) {
    const rowNumber = index + 2; // the header is row 1
    const row = Object.fromEntries(ITEM_CSV_COLUMNS.map((column) => [column, fromSpreadsheetCell(cells[at[column]] ?? '')])) as Row;
    if (!row.urn.trim()) throw new StandardFormatError('csv', `Row ${rowNumber}: the urn cell is empty.`);
    const key = `${row.urn}\u0000${row.version}`;
    const group = groups.get(key) ?? { first: row, items: [] };
    groups.set(key, group);
    group.items.push(toItem(row, rowNumber));
  }

  return [...groups.values()].map(({ first, items }) =>
    validateStandard(
      {
        urn: first.urn,
        title: first.title,
        version: emptyToNull(first.version),
        overview: emptyToNull(first.overview),
        developedBy: emptyToNull(first.developed_by),
        originatingOrganisation: emptyToNull(first.originating_organisation),
        suite: emptyToNull(first.suite),
        dateApproved: emptyToNull(first.date_approved),
        indicativeReviewDate: emptyToNull(first.indicative_review_date),
        validity: emptyToNull(first.validity),
        status: emptyToNull(first.status),
        relevantOccupations: splitList(first.relevant_occupations),
        keywords: splitList(first.keywords),
        items,
        glossary: [],
        scopeNotes: [],
      },
      `Standard ${first.urn}${first.version ? ` version ${first.version}` : ''}`,
      'csv',
    ),
  );
}

function toItem(row: Row, rowNumber: number): NosItem {
  const incomplete = row.incomplete.trim().toLowerCase();
  if (!['', 'true', 'false', 'yes', 'no', '1', '0'].includes(incomplete)) {
    throw new StandardFormatError('csv', `Row ${rowNumber}: incomplete must be "true" or empty, not "${row.incomplete}".`);
  }
  // Kind and code are checked against each other by the schema; here we only refuse what cannot be a kind at all.
  const kind = row.kind.trim().toUpperCase();
  if (kind !== 'P' && kind !== 'K') {
    throw new StandardFormatError('csv', `Row ${rowNumber}: kind must be P or K, not "${row.kind}".`);
  }
  const item: NosItem = { code: row.code.trim(), kind, section: row.section, text: row.text };
  if (['true', 'yes', '1'].includes(incomplete)) item.incomplete = true;
  return item;
}

function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
