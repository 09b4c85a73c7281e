// One zod schema per supervision form, shared by the routes (server parse) and their pages (client messages).
import { z } from 'zod';
import { dateField, optionalDateField, parseTime } from '#app/utils/dates/index.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';
import { RecordOpportunitySchema } from '../development/plan-forms.ts';
import { SESSION_TYPE } from './statuses.ts';

const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** Sessions are recorded up to five years late and planned up to two years ahead. */
const SESSION_DATE_RANGE = { yearsBack: 5, yearsAhead: 2 } as const;

export const clockTime = (what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .trim()
    .transform((value, ctx) => {
      const parsed = parseTime(value);
      if (parsed) return parsed;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${capital(what)} must be a time, for example 10:00 or 14:30` });
      return z.NEVER;
    });

/** A required answer kept in a TEXT column. */
const text = (what: string, max = 5000) => textUpTo(capital(what), max, { required: `Enter ${what}`, bytes: TEXT_COLUMN_BYTES });

const whole = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ required_error: `Enter ${what}`, invalid_type_error: `${capital(what)} must be a whole number of ${unit}` })
    .int(`${capital(what)} must be a whole number of ${unit}`)
    .min(min, `${capital(what)} must be at least ${min} ${unit}`)
    .max(max, `${capital(what)} must be ${max} ${unit} or fewer`);

export const AgreementSchema = z.object({
  intent: z.literal('draft'),
  frequencyWeeks: whole('how often supervision happens', 1, 52, 'weeks'),
  durationMinutes: whole('how long each session lasts', 15, 480, 'minutes'),
  sessionTime: clockTime('the usual start time'),
  startsOn: dateField('start date', { within: { yearsBack: 10, yearsAhead: 2 } }),
  place: textUpTo('The place or format', 200, { required: 'Enter the place or format' }),
  confidentiality: text('confidentiality and its limits'),
  scope: text('what supervision covers'),
  recordKeeping: text('how records are kept'),
  agreeWithinDays: whole('the number of days to agree a record', 1, 60, 'days'),
  reviewOn: dateField('review date', { within: { yearsBack: 10, yearsAhead: 5 } }),
  probation: z.boolean().optional(),
});

export const SignSchema = z.object({ intent: z.literal('sign'), agreementId: z.number().int().positive() });
export const ScheduleSchema = z.object({ intent: z.literal('schedule'), until: optionalDateField('date to plan until', { within: { yearsBack: 0, yearsAhead: 3 } }) });

export const SessionSchema = z.object({
  intent: z.literal('session'),
  type: z.enum([SESSION_TYPE.regular, SESSION_TYPE.probation, SESSION_TYPE.appraisal, SESSION_TYPE.urgentDebrief], {
    required_error: 'Select the type of session',
    invalid_type_error: 'Select the type of session',
  }),
  date: dateField('date', { within: SESSION_DATE_RANGE }),
  startTime: clockTime('the start time'),
  endTime: clockTime('the end time'),
  place: textUpTo('The place', 200).optional(),
});

/** A session that already took place, recorded by the supervisor: the same answers, with the time in the past. */
export const HeldSessionSchema = SessionSchema.extend({ intent: z.literal('held') });

export const MoveSchema = z.object({ intent: z.literal('move'), date: dateField('date', { within: SESSION_DATE_RANGE }), startTime: clockTime('the start time'), endTime: clockTime('the end time') });
export const CancelSchema = z.object({ intent: z.literal('cancel'), reason: text('why the session is cancelled', 1000) });
export const MissedSchema = z.object({ intent: z.literal('missed') });

/** The parts of a record the supervisor writes, in the order the page shows them. */
export const RECORD_FIELDS = ['attendance', 'discussion', 'wellbeing', 'workload', 'practiceIssues', 'learning', 'pdpReview'] as const;

export const RecordSchema = z.object({
  intent: z.literal('record'),
  attendance: text('who attended', 1000),
  discussion: text('the discussion'),
  wellbeing: text('wellbeing'),
  workload: text('workload and caseload'),
  practiceIssues: text('practice issues'),
  learning: text('learning and PDP review'),
  pdpReview: textUpTo('The PDP review', 5000, { bytes: TEXT_COLUMN_BYTES }).optional(),
});
export const ShareSchema = z.object({ intent: z.literal('share') });
export const AgreeSchema = z.object({ intent: z.literal('agree'), comments: textUpTo('Your comments', 5000, { bytes: TEXT_COLUMN_BYTES }).optional() });
export const AddendumSchema = z.object({ intent: z.literal('addendum'), text: text('the addendum') });
export const ActionSchema = z.object({
  intent: z.literal('action'),
  description: text('what is to be done', 1000),
  ownerId: z.number({ required_error: 'Select who owns the action', invalid_type_error: 'Select who owns the action' }).int().positive(),
  dueOn: dateField('due date', { within: { yearsBack: 5, yearsAhead: 5 } }),
});
export const CompleteSchema = z.object({ intent: z.literal('complete'), actionId: z.number().int().positive() });
export const DebriefSchema = z.object({ intent: z.literal('debrief'), reason: text('what you need to debrief about', 2000) });

/** Every form of a session's page, told apart by `intent`. */
export const SessionCommandSchema = z.discriminatedUnion('intent', [
  MoveSchema,
  CancelSchema,
  MissedSchema,
  RecordSchema,
  ShareSchema,
  AgreeSchema,
  AddendumSchema,
  ActionSchema,
  CompleteSchema,
  RecordOpportunitySchema,
]);
export type SessionCommand = z.output<typeof SessionCommandSchema>;

/** Every form of a worker's supervision page, told apart by `intent`. */
export const WorkerSupervisionCommandSchema = z.discriminatedUnion('intent', [AgreementSchema, SignSchema, ScheduleSchema, SessionSchema, HeldSessionSchema]);
export type WorkerSupervisionCommand = z.output<typeof WorkerSupervisionCommandSchema>;

/** The intents a page's action knows; any other is a malformed request (400) rather than a form to show again. */
export const SESSION_INTENTS = SessionCommandSchema.options.map((option) => option.shape.intent.value);
export const WORKER_SUPERVISION_INTENTS = WorkerSupervisionCommandSchema.options.map((option) => option.shape.intent.value);
