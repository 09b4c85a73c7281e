// What of an imported standard must fit the library's columns: checked before saving, whatever format it came from.
import { z } from 'zod';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

/** The text of one performance criterion or knowledge item, also used for an admin's correction on the import page. */
export const ItemTextSchema = textUpTo('The item text', 5000, { bytes: TEXT_COLUMN_BYTES });

/** The parsed-standard schema (standards/schema.ts) says what a NOS is; this says what the database can hold of one. */
export const StoredStandardSchema = z.object({
  urn: textUpTo('The URN', 40),
  title: textUpTo('The title', 300),
  version: textUpTo('The version', 40).nullable(),
  overview: textUpTo('The overview', 20_000, { bytes: TEXT_COLUMN_BYTES }).nullable(),
  items: z.array(z.object({ code: textUpTo('The item code', 10), section: textUpTo('The section heading', 300), text: ItemTextSchema })),
});

/** An uploaded file's name is a label: kept to the column's 255 characters rather than refused. */
export const SourceNameSchema = z
  .string()
  .trim()
  .transform((name) => name.slice(0, 255) || null)
  .catch(null);
