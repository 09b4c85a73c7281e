// Supervision items for the home page: requested debriefs, records waiting, and anything overdue.
import { Op } from 'sequelize';
import { today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { plural } from '#app/utils/words.ts';
import { SupervisionAction, SupervisionRecord, SupervisionSession } from '#db/models/index.ts';
import type { AttentionItem } from '../home.server.ts';
import { scopedWorkers, workersWithoutAgreement } from './agreements.server.ts';
import { overdueFor } from './internal/overdue.server.ts';
import { ACTION_STATUS, RECORD_STATUS, SESSION_STATUS } from './statuses.ts';

/** The worker's own (no check needed: every count is of the actor's own rows): records to agree, their overdue actions, their requested debrief. */
export async function workerSupervisionItems(actor: Actor): Promise<AttentionItem[]> {
  const todayDate = today();
  const [toAgree, lateActions, requested] = await Promise.all([
    SupervisionRecord.count({ where: { workerId: actor.id, status: RECORD_STATUS.shared } }),
    SupervisionAction.count({ where: { workerId: actor.id, status: ACTION_STATUS.open, dueOn: { [Op.lt]: todayDate } } }),
    SupervisionSession.count({ where: { workerId: actor.id, status: SESSION_STATUS.requested } }),
  ]);
  const href = '/supervision';
  return [
    ...(toAgree ? [{ count: toAgree, text: `${plural(toAgree, 'supervision record is', 'supervision records are')} waiting for your comments and agreement.`, href }] : []),
    ...(lateActions ? [{ count: lateActions, text: `${plural(lateActions, 'supervision action is', 'supervision actions are')} overdue.`, href }] : []),
    ...(requested ? [{ text: 'Your urgent debrief request is waiting for your supervisor to arrange a time.', href }] : []),
  ];
}

/** Supervisors and managers: requested debriefs and everything overdue for the people they oversee (scopedWorkers chooses them). */
export async function oversightSupervisionItems(actor: Actor): Promise<AttentionItem[]> {
  const workers = await scopedWorkers(actor);
  const [overdue, withoutAgreement] = await Promise.all([
    overdueFor(workers.map((worker) => ({ id: worker.id, name: worker.name }))),
    actor.roles.includes('manager') ? workersWithoutAgreement(actor) : Promise.resolve([]),
  ]);
  const href = '/supervision/overview';
  const items: AttentionItem[] = [];
  if (overdue.debriefs) items.push({ count: overdue.debriefs, text: `${plural(overdue.debriefs, 'urgent debrief has', 'urgent debriefs have')} been requested.`, href: '/supervision' });
  if (overdue.sessions.length) items.push({ count: overdue.sessions.length, text: `${plural(overdue.sessions.length, 'person is', 'people are')} overdue for supervision.`, href });
  if (overdue.records.length) items.push({ count: overdue.records.length, text: `${plural(overdue.records.length, 'supervision record is', 'supervision records are')} overdue for agreement.`, href });
  if (overdue.actions.length) items.push({ count: overdue.actions.length, text: `${plural(overdue.actions.length, 'supervision action is', 'supervision actions are')} past due (overdue).`, href });
  if (withoutAgreement.length) items.push({ count: withoutAgreement.length, text: `${plural(withoutAgreement.length, 'person has', 'people have')} no current supervision agreement.`, href });
  return items;
}
