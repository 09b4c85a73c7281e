// The evidence form's schema, shared by the browser and the server.
import { z } from 'zod';
import { EVIDENCE_TYPES } from '#app/domain/evidence-types.ts';
import { dateField, today } from '#app/utils/dates/index.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

/** The note saying how the evidence shows one item (a field per ticked item, `note-<itemId>`, checked by the domain). */
export const ItemNoteSchema = textUpTo('Note', 2000, { required: 'Say how this evidence shows the item', bytes: TEXT_COLUMN_BYTES });

/** Evidence is of work done in living memory: a date more than 100 years ago is a mistyped year. */
export const EVIDENCE_DATE_RANGE = { yearsBack: 100 } as const;

export const EvidenceSchema = z.object({
  intent: z.enum(['save', 'submit']).default('save'),
  submissionToken: z.string().regex(/^[\w-]{8,64}$/, 'Reload the page and try again'),
  type: z.enum(EVIDENCE_TYPES, { errorMap: () => ({ message: 'Select the type of evidence' }) }),
  title: textUpTo('Title', 200, { required: 'Enter a title' }),
  // Checked on its own, so its problem is reported together with every other field's.
  activityDate: dateField('date of the activity', {
    within: EVIDENCE_DATE_RANGE,
    check: (date) => (date > today() ? 'The date of the activity must be today or in the past' : null),
  }),
  description: textUpTo('The description', 20_000, { required: 'Describe what you did, or reflect on it', bytes: TEXT_COLUMN_BYTES }),
  witnessName: textUpTo('The witness’s name', 200).optional(),
  witnessRole: textUpTo('The witness’s role', 200).optional(),
  witnessStatement: textUpTo('The witness statement', 20_000, { bytes: TEXT_COLUMN_BYTES }).optional(),
  item: z.array(z.number().int().positive()).default([]),
  keepFile: z.array(z.number().int().positive()).default([]),
});
