// NOSfolio's own lossless JSON: a versioned envelope around standards exactly as standards/schema.ts defines them.
import type { NosStandard } from '#standards/schema.ts';
import { parseJsonText, standardLabel, StandardFormatError, validateStandard } from './errors.ts';

export const NOS_JSON_FORMAT = 'nosfolio-standards';
export const NOS_JSON_VERSION = 1;

export interface NosJsonEnvelope {
  format: typeof NOS_JSON_FORMAT;
  version: typeof NOS_JSON_VERSION;
  standards: NosStandard[];
}

export function toNosJson(standards: readonly NosStandard[]): string {
  const envelope: NosJsonEnvelope = { format: NOS_JSON_FORMAT, version: NOS_JSON_VERSION, standards: [...standards] };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Accepts our envelope, a bare standard (as in standards/parsed/*.json) or an array of standards. */
export function fromNosJson(text: string): NosStandard[] {
  const candidates = unwrap(parseJsonText(text, 'nosfolio-json'));
  return candidates.map((candidate, index) => validateStandard(candidate, standardLabel(candidate, index), 'nosfolio-json'));
}

function unwrap(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) {
    throw new StandardFormatError('nosfolio-json', 'The JSON must be an object or an array of standards.');
  }
  const record = data as Record<string, unknown>;
  if ('format' in record || 'standards' in record) {
    if (record.format !== NOS_JSON_FORMAT) {
      throw new StandardFormatError('nosfolio-json', `The JSON says its format is ${JSON.stringify(record.format)}, not "${NOS_JSON_FORMAT}".`);
    }
    // A later version may change the standard shape; refusing is safer than half-reading it.
    if (record.version !== NOS_JSON_VERSION) {
      throw new StandardFormatError(
        'nosfolio-json',
        `This portal reads ${NOS_JSON_FORMAT} version ${NOS_JSON_VERSION}; the file is version ${JSON.stringify(record.version)}.`,
      );
    }
    if (!Array.isArray(record.standards)) {
      throw new StandardFormatError('nosfolio-json', 'The "standards" property must be an array of standards.');
    }
    return record.standards;
  }
  if ('urn' in record || 'items' in record) return [record];
  throw new StandardFormatError(
    'nosfolio-json',
    `The JSON is neither a "${NOS_JSON_FORMAT}" file nor a standard (no "urn" or "items" property).`,
  );
}
