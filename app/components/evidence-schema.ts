// The evidence form's schema, shared by the browser and the server.
import { z } from 'zod';
import { EVIDENCE_TYPES } from '#app/domain/evidence-types.ts';
import { parseDateParts, todayInUk } from '#app/utils/uk-date.ts';

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`).optional();

export const EvidenceSchema = z.object({
  intent: z.enum(['save', 'submit']).default('save'),
  submissionToken: z.string().regex(/^[\w-]{8,64}$/, 'Reload the page and try again'),
  type: z.enum(EVIDENCE_TYPES, { errorMap: () => ({ message: 'Select the type of evidence' }) }),
  title: z
    .string({ required_error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  // Checked on its own, so its problem is reported together with every other field's.
  activityDate: z
    .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
    .optional()
    .transform((parts, ctx) => {
      const date = parseDateParts(parts ?? {}, 'date of the activity');
      const message = !date.ok ? date.message : date.value > todayInUk() ? 'The date of the activity must be today or in the past' : null;
      if (message) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return (date as { value: string }).value;
    }),
  description: z
    .string({ required_error: 'Describe what you did, or reflect on it' })
    .trim()
    .min(1, 'Describe what you did, or reflect on it')
    .max(20_000, 'The description must be 20,000 characters or fewer'),
  witnessName: optionalText(200, 'The witness’s name'),
  witnessRole: optionalText(200, 'The witness’s role'),
  witnessStatement: optionalText(20_000, 'The witness statement'),
  item: z.array(z.number().int().positive()).default([]),
  keepFile: z.array(z.number().int().positive()).default([]),
});
