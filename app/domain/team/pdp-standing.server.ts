// Whether each worker's personal development plan is current, stale or missing, for the team matrix's flag.
// The plans' own module will say this (planStandingOf in app/domain/development/plans.server.ts); until it does,
// this reads it in one statement: the latest version both worker and supervisor agreed, against the shortest
// review period of the worker's current role profiles (role_profiles.pdp_review_months, 6 months without one).
import { QueryTypes } from 'sequelize';
import { addMonths, londonDateOf, today } from '#app/utils/dates/index.ts';
import { sequelize } from '#db/models/index.ts';

export const DEFAULT_PDP_REVIEW_MONTHS = 6;

/** `agreedOn`: the day the latest agreed version was agreed (by the later of the two), `reviewDue` when it goes stale. */
export type PdpStanding = { status: 'current' | 'stale' | 'missing'; agreedOn: string | null; reviewDue: string | null };

const STANDING_SQL = `
SELECT p.id AS "workerId",
  (SELECT MAX(CASE WHEN v.worker_agreed_at > v.supervisor_agreed_at THEN v.worker_agreed_at ELSE v.supervisor_agreed_at END)
   FROM development_plans dp JOIN development_plan_versions v ON v.plan_id = dp.id
   WHERE dp.worker_id = p.id AND v.worker_agreed_at IS NOT NULL AND v.supervisor_agreed_at IS NOT NULL) AS "agreedAt",
  (SELECT MIN(rp.pdp_review_months) FROM role_assignments ra JOIN role_profiles rp ON rp.id = ra.role_profile_id
   WHERE ra.person_id = p.id AND ra.ended_on IS NULL) AS "reviewMonths"
FROM people p
WHERE p.id IN (:workerIds)`;

/** Unchecked: the caller has chosen workers the actor manages. One statement whatever the number of workers. */
export async function pdpStandingOf(workerIds: number[], todayDate = today()): Promise<Map<number, PdpStanding>> {
  const byWorker = new Map<number, PdpStanding>();
  if (!workerIds.length) return byWorker;
  const rows = await sequelize.query<{ workerId: number; agreedAt: Date | string | null; reviewMonths: number | string | null }>(STANDING_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds },
  });
  for (const row of rows) {
    if (row.agreedAt === null) {
      byWorker.set(Number(row.workerId), { status: 'missing', agreedOn: null, reviewDue: null });
      continue;
    }
    const agreedOn = londonDateOf(row.agreedAt);
    const reviewDue = addMonths(agreedOn, row.reviewMonths === null ? DEFAULT_PDP_REVIEW_MONTHS : Number(row.reviewMonths));
    byWorker.set(Number(row.workerId), { status: reviewDue < todayDate ? 'stale' : 'current', agreedOn, reviewDue });
  }
  return byWorker;
}
