// "Text up to N": the one way a form field is limited so that what it accepts fits its column on SQLite and MariaDB.
import { z } from 'zod';

/**
 * MariaDB's STRING(n) holds n characters of utf8mb4, and TEXT at most 65,535 bytes of UTF-8. zod's `max` counts UTF-16
 * units, which is never fewer than characters, and no character takes more than 3 bytes per unit; so a TEXT field up to
 * 21,845 units always fits, and the byte check below only bites for longer limits. Longer documents use MEDIUMTEXT.
 */
export const TEXT_COLUMN_BYTES = 65_535;
export const MEDIUMTEXT_COLUMN_BYTES = 16_777_215;

const count = (n: number) => n.toLocaleString('en-GB');
const encoder = new TextEncoder();

export function utf8Bytes(value: string): number {
  return encoder.encode(value).length;
}

type Options = {
  /** The message when the field is empty; without it the field may be empty. */
  required?: string;
  /** The column's size in bytes, for TEXT and MEDIUMTEXT columns. */
  bytes?: number;
};

/** Trimmed text of at most `characters` characters (and `bytes` bytes of UTF-8), with its message next to the field. */
export function textUpTo(label: string, characters: number, options: Options = {}) {
  let text = options.required ? z.string({ required_error: options.required }).trim().min(1, options.required) : z.string().trim();
  text = text.max(characters, `${label} must be ${count(characters)} characters or fewer`);
  const bytes = options.bytes;
  if (bytes === undefined || characters * 3 <= bytes) return text;
  return text.refine((value) => utf8Bytes(value) <= bytes, `${label} is too long to save: shorten it (accented letters and symbols take more room)`);
}
