// The typed error every import/export format throws, and the shared checks that produce it.
import { parse } from 'csv-parse/sync';
import type { ZodIssue } from 'zod';
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';
import type { StandardFormat } from './index.ts';

/** Malformed or unusable input for a standards format; `message` is written for the person who supplied the file. */
export class StandardFormatError extends Error {
  readonly format: StandardFormat;
  /** One line per problem found (zod issues, missing columns…), when there is more than one worth listing. */
  readonly problems: readonly string[];

  constructor(format: StandardFormat, message: string, problems: readonly string[] = []) {
    super(message);
    this.name = 'StandardFormatError';
    this.format = format;
    this.problems = problems;
  }
}

/** "items[2] (P3).code: …" so a reviewer can find the bad entry without counting. */
export function describeIssue(issue: ZodIssue, candidate: unknown): string {
  let where = '';
  for (const [index, segment] of issue.path.entries()) {
    if (typeof segment === 'number') {
      where += `[${segment}]`;
      const code = issue.path[0] === 'items' && index === 1 ? itemCode(candidate, segment) : undefined;
      if (code) where += ` (${code})`;
    } else {
      where += where ? `.${segment}` : segment;
    }
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

function itemCode(candidate: unknown, index: number): string | undefined {
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const items = (candidate as { items?: unknown }).items;
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[index];
  const code = typeof item === 'object' && item !== null ? (item as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Validates one rebuilt standard against the portal schema; `label` says which one it was in the file. */
export function validateStandard(candidate: unknown, label: string, format: StandardFormat): NosStandard {
  const result = NosStandardSchema.safeParse(candidate);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue, candidate));
  throw new StandardFormatError(format, `${label} is not a valid standard: ${problems.join('; ')}`, problems);
}

/** A short name for error messages: "standard 2 (LMCA4)". */
export function standardLabel(candidate: unknown, index: number): string {
  const urn = typeof candidate === 'object' && candidate !== null ? (candidate as { urn?: unknown }).urn : undefined;
  return typeof urn === 'string' && urn ? `Standard ${index + 1} (${urn})` : `Standard ${index + 1}`;
}

export function parseJsonText(text: string, format: StandardFormat): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new StandardFormatError(format, `The file is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads CSV text into rows of cells; a leading byte-order mark (Excel, Moodle) is dropped. */
export function parseCsvRows(text: string, format: StandardFormat): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new StandardFormatError(format, `The CSV could not be read: ${(error as Error).message}`);
  }
}

/** Maps a header row to column positions, or throws naming every expected column that is absent. */
export function columnIndex<Name extends string>(
  header: readonly string[] | undefined,
  expected: readonly Name[],
  format: StandardFormat,
  normalise: (cell: string) => string = (cell) => cell.trim().toLowerCase(),
): Record<Name, number> {
  if (!header) throw new StandardFormatError(format, 'The CSV is empty: it has no header row.');
  const positions = new Map(header.map((cell, index) => [normalise(cell), index] as const));
  const missing = expected.filter((name) => !positions.has(normalise(name)));
  if (missing.length > 0) {
    throw new StandardFormatError(
      format,
      `The CSV header is missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((name) => `"${name}"`).join(', ')}. ` +
        `Expected header: ${expected.join(', ')}.`,
      missing.map((name) => `missing column "${name}"`),
    );
  }
  return Object.fromEntries(expected.map((name) => [name, positions.get(normalise(name))])) as Record<Name, number>;
}

export const emptyToNull = (value: string | undefined): string | null => (value && value.trim() ? value : null);
