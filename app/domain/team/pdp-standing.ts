// Whether a worker's personal development plan is current, stale or missing, for the team matrix's flag: the
// plans' own reading (planStanding, docs/decisions/033), with a plan never agreed by both counted as missing.
import { londonDateOf } from '#app/utils/dates/index.ts';
import type { PlanStanding } from '../development/standing.ts';

/** `agreedOn`: the day the latest agreed version was agreed (by the later of the two), `reviewDue` when it goes stale. */
export type PdpStanding = { status: 'current' | 'stale' | 'missing'; agreedOn: string | null; reviewDue: string | null };

export function pdpStandingFrom(plan: PlanStanding): PdpStanding {
  return plan.state === 'current' || plan.state === 'stale'
    ? { status: plan.state, agreedOn: plan.agreedAt ? londonDateOf(plan.agreedAt) : null, reviewDue: plan.reviewDue }
    : { status: 'missing', agreedOn: null, reviewDue: null };
}
