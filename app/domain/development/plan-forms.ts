// One zod schema per PDP form, shared by the pages (browser messages) and the server; the kinds and statuses of goals
// and learning opportunities as named constants.
import { z } from 'zod';
import { dateField } from '#app/utils/dates/index.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

export const OPPORTUNITY_KINDS = {
  training: 'Training',
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  shadowing: 'Shadowing',
  induction: 'Induction',
  supervision: 'Supervision',
  guided_reading: 'Guided reading',
  research: 'Research',
  action_learning_set: 'Action learning set',
  peer_group_discussion: 'Peer group discussion',
  e_learning: 'E-learning',
  other: 'Other',
} as const;
export type OpportunityKind = keyof typeof OPPORTUNITY_KINDS;

export const OPPORTUNITY_STATUS = {
  planned: 'planned',
  in_progress: 'in_progress',
  completed: 'completed',
  did_not_attend: 'did_not_attend',
  cancelled: 'cancelled',
} as const;
export const OPPORTUNITY_STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
  did_not_attend: 'Did not attend',
  cancelled: 'Cancelled',
};
/** Still to happen: shown on a supervision agenda. */
export const OPEN_OPPORTUNITY_STATUSES: string[] = [OPPORTUNITY_STATUS.planned, OPPORTUNITY_STATUS.in_progress];

export const GOAL_STATUS = { open: 'open', achieved: 'achieved', dropped: 'dropped' } as const;
export const GOAL_STATUS_LABELS: Record<string, string> = { open: 'Open', achieved: 'Achieved', dropped: 'Dropped' };

const kindKeys = Object.keys(OPPORTUNITY_KINDS) as [OpportunityKind, ...OpportunityKind[]];
const statusKeys = Object.values(OPPORTUNITY_STATUS) as [string, ...string[]];

export const StrengthsSchema = z.object({ intent: z.literal('strengths'), strengths: textUpTo('Strengths', 5000, { bytes: TEXT_COLUMN_BYTES }).optional() });

/** `link` is '' (free text), `standard:<id>`, `section:<standardId>:<name>` or `item:<id>`, chosen from what the worker holds. */
export const GoalSchema = z.object({
  intent: z.literal('goal'),
  description: textUpTo('The area for development', 2000, { required: 'Enter the area for development', bytes: TEXT_COLUMN_BYTES }),
  link: z.string().max(400).optional(),
  targetDate: dateField('target date', { within: { yearsBack: 5, yearsAhead: 5 } }),
});

export const GoalStatusSchema = z.object({
  intent: z.literal('goal-status'),
  goalId: z.coerce.number().int().positive(),
  status: z.enum([GOAL_STATUS.open, GOAL_STATUS.achieved, GOAL_STATUS.dropped], { required_error: 'Select a status', invalid_type_error: 'Select a status' }),
});

export const OpportunityFields = {
  kind: z.enum(kindKeys, { required_error: 'Select the kind of learning opportunity', invalid_type_error: 'Select the kind of learning opportunity' }),
  description: textUpTo('What the opportunity is', 2000, { required: 'Enter what the opportunity is', bytes: TEXT_COLUMN_BYTES }),
  targetDate: dateField('target date', { within: { yearsBack: 5, yearsAhead: 5 } }),
  goalId: z.coerce.number().int().positive().optional(),
};

export const OpportunitySchema = z.object({ intent: z.literal('opportunity'), ...OpportunityFields });

/** The same, agreed in a supervision session and added to the PDP from its record. */
export const RecordOpportunitySchema = z.object({ intent: z.literal('pdp-opportunity'), ...OpportunityFields });

export const OpportunityStatusSchema = z.object({
  intent: z.literal('opportunity-status'),
  opportunityId: z.coerce.number().int().positive(),
  status: z.enum(statusKeys, { required_error: 'Select a status', invalid_type_error: 'Select a status' }),
  outcome: textUpTo('The outcome', 2000, { bytes: TEXT_COLUMN_BYTES }).optional(),
});

export const ProposeSchema = z.object({ intent: z.literal('propose') });
export const AgreeVersionSchema = z.object({ intent: z.literal('agree'), versionNumber: z.coerce.number().int().positive() });

export const PlanCommandSchema = z.discriminatedUnion('intent', [
  StrengthsSchema,
  GoalSchema,
  GoalStatusSchema,
  OpportunitySchema,
  OpportunityStatusSchema,
  ProposeSchema,
  AgreeVersionSchema,
]);
export type PlanCommand = z.output<typeof PlanCommandSchema>;
export const PLAN_INTENTS = PlanCommandSchema.options.map((option) => option.shape.intent.value);

export type GoalInput = { description: string; link?: string | undefined; targetDate: string };
export type OpportunityInput = { kind: string; description: string; targetDate: string; goalId?: number | undefined };
