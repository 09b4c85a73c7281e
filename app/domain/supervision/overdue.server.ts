// What is overdue in the supervision of the workers an actor oversees: sessions against the agreed frequency,
// records not agreed within the agreed days, actions past their due date; and requested debriefs.
import { today } from '#app/utils/dates/index.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { scopedWorkers } from './agreements.server.ts';
import { overdueFor } from './internal/overdue.server.ts';

export type { OverdueAction, OverdueRecord, OverdueSession } from './internal/overdue.server.ts';

/** The supervisor's or manager's overdue view over the workers they oversee. */
export async function overdueOverview(actor: Actor, todayDate = today()) {
  assertCan(actor, 'read:supervision-overview');
  const workers = await scopedWorkers(actor);
  return { workers: workers.map((worker) => ({ id: worker.id, name: worker.name })), ...(await overdueFor(workers, todayDate)) };
}
