// One entry point for moving standards in and out of the portal: pick a format, export or import, or guess the format.
import type { NosStandard } from '#standards/schema.ts';
import { fromCaseJson, toCaseJson, toCaseZip, type CaseOptions } from './case-json.ts';
import { StandardFormatError } from './errors.ts';
import { fromItemCsv, toItemCsv } from './item-csv.ts';
import { fromMoodleCsv, MOODLE_CSV_HEADER, toMoodleCsv, type MoodleCsvOptions } from './moodle-csv.ts';
import { fromNosJson, toNosJson } from './nos-json.ts';

export type StandardFormat = 'nosfolio-json' | 'csv' | 'moodle-csv' | 'case-json';

export const STANDARD_FORMATS: readonly StandardFormat[] = ['nosfolio-json', 'csv', 'moodle-csv', 'case-json'];

export { StandardFormatError } from './errors.ts';
export { fromNosJson, toNosJson } from './nos-json.ts';
export { fromItemCsv, ITEM_CSV_COLUMNS, toItemCsv } from './item-csv.ts';
export { fromMoodleCsv, MOODLE_CSV_HEADER, toMoodleCsv, type MoodleCsvOptions } from './moodle-csv.ts';
export { fromCaseJson, fromCasePackage, fromCaseZip, toCaseJson, toCasePackage, toCaseZip, type CaseOptions, type CasePackage } from './case-json.ts';

/** Moodle options apply to moodle-csv; baseUri (required there) and lastChangeDateTime to case-json. */
export type ExportOptions = MoodleCsvOptions & Partial<CaseOptions>;

export interface ExportedStandards {
  /** Text, except for a CASE export of several standards, which is a ZIP. */
  body: string | Uint8Array;
  contentType: string;
  /** Without the dot: "json", "csv" or "zip". */
  fileExtension: string;
}

export function exportStandards(
  standards: readonly NosStandard[],
  format: StandardFormat,
  options: ExportOptions = {},
): ExportedStandards {
  switch (format) {
    case 'nosfolio-json':
      return { body: toNosJson(standards), contentType: 'application/json; charset=utf-8', fileExtension: 'json' };
    case 'csv':
      return { body: toItemCsv(standards), contentType: 'text/csv; charset=utf-8', fileExtension: 'csv' };
    case 'moodle-csv':
      return { body: toMoodleCsv(standards, options), contentType: 'text/csv; charset=utf-8', fileExtension: 'csv' };
    case 'case-json': {
      // Identifiers are stable without a base URI, but CASE URIs must point somewhere real, so the caller must say where.
      if (!options.baseUri) throw new StandardFormatError('case-json', 'A CASE export needs a baseUri, e.g. https://portal.example/ims/case/v1p0.');
      const caseOptions: CaseOptions = { baseUri: options.baseUri, lastChangeDateTime: options.lastChangeDateTime, organisationKey: options.organisationKey };
      if (standards.length === 0) throw new StandardFormatError('case-json', 'A CASE export needs at least one standard.');
      if (standards.length === 1) return { body: toCaseJson(standards[0]!, caseOptions), contentType: 'application/json; charset=utf-8', fileExtension: 'json' };
      return { body: toCaseZip(standards, caseOptions), contentType: 'application/zip', fileExtension: 'zip' };
    }
    default:
      return unknownFormat(format);
  }
}

/** Reads standards in the given format; throws StandardFormatError with a message fit to show whoever uploaded the file. */
export function importStandards(text: string, format: StandardFormat): NosStandard[] {
  if (!text.trim()) throw new StandardFormatError(format, 'The file is empty.');
  const standards = readers[format]?.(text) ?? unknownFormat(format);
  if (standards.length === 0) throw new StandardFormatError(format, 'The file contains no standards.');
  return standards;
}

const readers: Record<StandardFormat, (text: string) => NosStandard[]> = {
  'nosfolio-json': fromNosJson,
  csv: fromItemCsv,
  'moodle-csv': fromMoodleCsv,
  'case-json': fromCaseJson,
};

/** Best guess from the content, falling back to the file extension; null when neither says anything. */
export function detectFormat(text: string, fileName?: string): StandardFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return /"CFDocument"\s*:/.test(text) ? 'case-json' : 'nosfolio-json';
  if (start) {
    const firstLine = (start.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
    // Moodle's header is distinctive; anything else comma-separated is taken for our item CSV.
    if (firstLine.includes(MOODLE_CSV_HEADER[0].toLowerCase()) && firstLine.includes('is framework')) return 'moodle-csv';
    if (firstLine.includes(',')) return 'csv';
  }
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === 'json') return 'nosfolio-json';
  if (extension === 'csv') return 'csv';
  return null;
}

/** Reached only when a caller outside TypeScript passes a format name we do not know. */
function unknownFormat(format: string): never {
  throw new StandardFormatError(format as StandardFormat, `Unknown standards format "${String(format)}".`);
}
