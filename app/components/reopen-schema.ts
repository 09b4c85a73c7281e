// The reopen form's schema, shared by the browser and the server: which achieved standard, and why it is reopened.
import { z } from 'zod';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

export const REOPEN_REASON_LIMIT = 2000;

export const ReopenSchema = z.object({
  intent: z.literal('reopen'),
  standardVersionId: z.coerce.number().int().positive().max(2_147_483_647),
  reason: textUpTo('The reason', REOPEN_REASON_LIMIT, { required: 'Enter why the standard is being reopened', bytes: TEXT_COLUMN_BYTES }),
});

/** The id of one standard's reopen form: several achieved standards each have their own on the page. */
export const reopenFormId = (standardVersionId: number) => `reopen-${standardVersionId}`;
