// The planning forms' zod schemas, shared by the routes (server parse) and their pages (client messages).
import { z } from 'zod';
import { dateField, today } from '#app/utils/dates/index.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';
import { ACTIVITY_KIND_KEYS } from './activity-kinds.ts';

export const PAST_DATE_MESSAGE = 'The date must be today or in the future';

export const ActivitySchema = z.object({
  kind: z.enum(ACTIVITY_KIND_KEYS, { required_error: 'Select the kind of development', invalid_type_error: 'Select the kind of development' }),
  title: textUpTo('The title', 200, { required: 'Enter a title' }),
  details: textUpTo('The details', 5000, { bytes: TEXT_COLUMN_BYTES }).optional(),
  startsOn: dateField('date', { within: { yearsAhead: 3 }, check: (date) => (date < today() ? PAST_DATE_MESSAGE : null) }),
  place: textUpTo('The place', 200).optional(),
  mentorId: z.number({ invalid_type_error: 'Select a mentor from the list' }).int().positive().optional(),
  workerIds: z
    .array(z.number().int().positive(), { required_error: 'Select at least one person', invalid_type_error: 'Select people from the list' })
    .min(1, 'Select at least one person'),
});
export type ActivityInput = z.output<typeof ActivitySchema>;

export const AttendanceSchema = z.object({
  opportunityId: z.number({ required_error: 'Select a person', invalid_type_error: 'Select a person from the list' }).int().positive(),
  attendance: z.enum(['attended', 'did_not_attend', 'completed'], { required_error: 'Select what happened', invalid_type_error: 'Select what happened' }),
  outcome: textUpTo('The outcome', 2000, { bytes: TEXT_COLUMN_BYTES }).optional(),
});
export type AttendanceInput = z.output<typeof AttendanceSchema>;

const reportDate = (label: string) => dateField(label, { within: { yearsBack: 20, yearsAhead: 1 } });

/** The workforce report's period, typed in two GOV.UK date inputs (also the inspection pack's). */
export const reportPeriodFields = { from: reportDate('start date'), to: reportDate('end date') };

/** A period ends on or after the day it starts; the message stands beside the end date. */
export function periodInOrder(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (value.to < value.from) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: 'The end date must be the same as or after the start date' });
}

export const ReportPeriodSchema = z.object(reportPeriodFields).superRefine(periodInOrder);
