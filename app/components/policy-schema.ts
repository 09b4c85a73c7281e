// The policy forms' schemas, shared by the browser and the server: a new policy, and a new version of one.
import { z } from 'zod';
import { dateField } from '#app/utils/dates/index.ts';
import { MEDIUMTEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

/** A policy is a long document, so its text is kept in a MEDIUMTEXT column (migration 0006). */
export const POLICY_BODY_CHARACTERS = 100_000;

const versionFields = {
  version: textUpTo('The version', 40, { required: 'Enter the version' }),
  adoptedOn: dateField('date this version was adopted', { within: { yearsBack: 50, yearsAhead: 5 } }),
  nextReviewOn: dateField('next review date', { within: { yearsBack: 10, yearsAhead: 10 } }),
  body: textUpTo('The policy text', POLICY_BODY_CHARACTERS, { required: 'Enter the text of the policy', bytes: MEDIUMTEXT_COLUMN_BYTES }),
};

export const PolicySchema = z.object({
  title: textUpTo('The title', 200, { required: 'Enter the policy title' }),
  ...versionFields,
});

export const PolicyVersionSchema = z.object({ intent: z.literal('add-version'), ...versionFields });
