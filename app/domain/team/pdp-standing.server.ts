// Whether each worker's personal development plan is current, stale or missing, for the team matrix's flag: the
// plans' own reading (planStandingOf, docs/decisions/033), with a plan never agreed by both counted as missing.
import { londonDateOf, today } from '#app/utils/dates/index.ts';
import { planStandingOf } from '../development/plans.server.ts';

/** `agreedOn`: the day the latest agreed version was agreed (by the later of the two), `reviewDue` when it goes stale. */
export type PdpStanding = { status: 'current' | 'stale' | 'missing'; agreedOn: string | null; reviewDue: string | null };

/** Unchecked: the caller has chosen workers the actor manages. One statement whatever the number of workers. */
export async function pdpStandingOf(workerIds: number[], todayDate: string = today()): Promise<Map<number, PdpStanding>> {
  const standing = await planStandingOf(workerIds, todayDate);
  return new Map(
    Object.entries(standing).map(([workerId, plan]) => [
      Number(workerId),
      plan.state === 'current' || plan.state === 'stale'
        ? { status: plan.state, agreedOn: plan.agreedAt ? londonDateOf(plan.agreedAt) : null, reviewDue: plan.reviewDue }
        : { status: 'missing', agreedOn: null, reviewDue: null },
    ]),
  );
}
