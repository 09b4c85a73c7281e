// The role profile form's schema, shared by the create and edit forms, in the browser and on the server.
import { z } from 'zod';
import { dateField } from '#app/utils/dates/index.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

const weeks = (what: string) =>
  z
    .number({ required_error: `Enter how often ${what}, in weeks`, invalid_type_error: `How often ${what} must be a whole number of weeks` })
    .int(`How often ${what} must be a whole number of weeks`)
    .min(1, `How often ${what} must be at least 1 week`)
    .max(52, `How often ${what} must be 52 weeks or fewer`);

export const RoleProfileSchema = z.object({
  name: textUpTo('The role name', 200, { required: 'Enter the role name' }),
  description: textUpTo('The description', 2000, { bytes: TEXT_COLUMN_BYTES }).optional(),
  standardIds: z.array(z.number().int().positive(), { invalid_type_error: 'Select standards from the library' }).default([]),
  supervisionFrequencyWeeks: weeks('supervision happens'),
  probationSupervisionFrequencyWeeks: weeks('supervision happens during probation').optional(),
  urgentDebriefOnRequest: z.boolean().optional(),
  targetMonths: z
    .number({ required_error: 'Enter the target period in months', invalid_type_error: 'The target period must be a whole number of months' })
    .int('The target period must be a whole number of months')
    .min(1, 'The target period must be at least 1 month')
    .max(60, 'The target period must be 60 months or fewer'),
  // How often a PDP of someone in this role is reviewed before it is stale (docs/decisions/033); 6 when left out.
  pdpReviewMonths: z
    .number({ invalid_type_error: 'How often the PDP is reviewed must be a whole number of months' })
    .int('How often the PDP is reviewed must be a whole number of months')
    .min(1, 'How often the PDP is reviewed must be at least 1 month')
    .max(36, 'How often the PDP is reviewed must be 36 months or fewer')
    .optional(),
});

/** The forms of one role profile's page, told apart by `intent`. */
export const SaveRoleProfileSchema = RoleProfileSchema.extend({ intent: z.literal('save') });

export const AssignRoleProfileSchema = z.object({
  intent: z.literal('assign'),
  personId: z.number({ required_error: 'Select a person', invalid_type_error: 'Select a person from the list' }).int().positive(),
  startedOn: dateField('start date', { within: { yearsBack: 50, yearsAhead: 5 } }),
});

/** Ends an assignment today; the id is a hidden field. */
export const EndAssignmentSchema = z.object({ intent: z.literal('end'), assignmentId: z.coerce.number().int().positive() });

export const RoleProfileCommandSchema = z.discriminatedUnion('intent', [SaveRoleProfileSchema, AssignRoleProfileSchema, EndAssignmentSchema]);
export type RoleProfileCommand = z.output<typeof RoleProfileCommandSchema>;
export const ROLE_PROFILE_INTENTS = RoleProfileCommandSchema.options.map((option) => option.shape.intent.value);
