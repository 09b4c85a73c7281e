// Whether a worker's PDP is missing, a draft, current or stale, and whether they are flagged: pure rules, so the
// team page, the PDP page and the tests agree on one reading (docs/decisions/033).
import { addMonths, londonDateOf } from '#app/utils/dates/index.ts';

export const DEFAULT_PDP_REVIEW_MONTHS = 6;

export const PLAN_STATE = { missing: 'missing', draft: 'draft', current: 'current', stale: 'stale' } as const;
export type PlanState = (typeof PLAN_STATE)[keyof typeof PLAN_STATE];

export type PlanStanding = { state: PlanState; agreedAt: Date | null; reviewDue: string | null };

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  missing: 'No PDP',
  draft: 'Not yet agreed',
  current: 'Current',
  stale: 'Review overdue',
};

/**
 * The plan's standing on `today` (an ISO date in London). A version counts as agreed once both the worker and the
 * supervisor agreed it, at the later of the two times; it is stale once the day its review falls due has passed, that day being the
 * shortest review period of the worker's current role profiles after that (6 months with no role profile).
 */
export function planStanding(input: { hasPlan: boolean; agreedAt: Date | null; reviewMonths: number | null }, today: string): PlanStanding {
  if (!input.hasPlan) return { state: PLAN_STATE.missing, agreedAt: null, reviewDue: null };
  if (!input.agreedAt) return { state: PLAN_STATE.draft, agreedAt: null, reviewDue: null };
  const reviewDue = addMonths(londonDateOf(input.agreedAt), input.reviewMonths ?? DEFAULT_PDP_REVIEW_MONTHS);
  return { state: reviewDue < today ? PLAN_STATE.stale : PLAN_STATE.current, agreedAt: input.agreedAt, reviewDue };
}

/** When a version is agreed by both: the later agreement, or null while either is missing. */
export function agreedAtOf(version: { workerAgreedAt: Date | null; supervisorAgreedAt: Date | null }): Date | null {
  if (!version.workerAgreedAt || !version.supervisorAgreedAt) return null;
  return version.workerAgreedAt > version.supervisorAgreedAt ? version.workerAgreedAt : version.supervisorAgreedAt;
}

/** A worker with gaps (held items not met) and no PDP at all is flagged; a draft, stale or current plan is not this flag. */
export function flaggedForNoPlan(standing: PlanStanding, openGaps: number): boolean {
  return standing.state === PLAN_STATE.missing && openGaps > 0;
}

/** A timestamp read by raw SQL: a Date on MariaDB, text such as '2026-03-01 10:00:00.000 +00:00' on SQLite. */
export function instantOf(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(value.replace(' ', 'T').replace(' ', ''));
}
