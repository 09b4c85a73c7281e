// The form of a standard's assessment rules: one schema for the browser and the server.
import { z } from 'zod';
import { textUpTo } from '#app/utils/text-limits.ts';

export const OBSERVATION_LABELS = {
  none: 'No item needs direct observation',
  performance: 'Every performance criterion',
  chosen: 'Chosen items',
} as const;

export const AssessmentRulesSchema = z
  .object({
    intent: z.literal('rules'),
    standardId: z.coerce.number().int().positive(),
    minimumEvidence: z.coerce
      .number({ required_error: 'Enter how many pieces of evidence an item needs', invalid_type_error: 'Enter a whole number of pieces of evidence from 1 to 20' })
      .int('Enter a whole number of pieces of evidence from 1 to 20')
      .min(1, 'Enter a whole number of pieces of evidence from 1 to 20')
      .max(20, 'Enter a whole number of pieces of evidence from 1 to 20'),
    observation: z.enum(['none', 'performance', 'chosen'], { required_error: 'Choose which items need direct observation' }),
    observationCodes: textUpTo('The item codes', 2000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.observation === 'chosen' && !value.observationCodes?.trim()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['observationCodes'], message: 'Enter the codes of the items that need direct observation, for example P1 P3' });
    }
  });
