// Supervision items for the home page: requested debriefs, records waiting, and anything overdue.
import { Op } from 'sequelize';
import { formatDateTime, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { plural } from '#app/utils/words.ts';
import { SupervisionAction, SupervisionAgreement, SupervisionRecord, SupervisionSession, SupervisionSignature } from '#db/models/index.ts';
import type { AttentionItem } from '../home.server.ts';
import { scopedWorkers, workersWithoutAgreement } from './agreements.server.ts';
import { overdueFor } from './internal/overdue.server.ts';
import { ACTION_STATUS, AGREEMENT_STATUS, PARTY, RECORD_STATUS, SESSION_STATUS } from './statuses.ts';

/**
 * The supervised person's own tasks (no check needed: every row read is the actor's own): each record to agree,
 * linked to the record itself; a draft agreement waiting for their signature; their overdue actions; their debrief.
 */
export async function workerSupervisionItems(actor: Actor): Promise<AttentionItem[]> {
  const todayDate = today();
  const [toAgree, drafts, lateActions, requested] = await Promise.all([
    SupervisionRecord.findAll({ where: { workerId: actor.id, status: RECORD_STATUS.shared }, attributes: ['sessionId'], order: [['dueOn', 'ASC']] }),
    SupervisionAgreement.findAll({ where: { workerId: actor.id, status: AGREEMENT_STATUS.draft }, attributes: ['id', 'version'] }),
    SupervisionAction.count({ where: { workerId: actor.id, status: ACTION_STATUS.open, dueOn: { [Op.lt]: todayDate } } }),
    SupervisionSession.findAll({ where: { workerId: actor.id, status: SESSION_STATUS.requested }, attributes: ['id'], order: [['startsAt', 'ASC']] }),
  ]);
  const signed = drafts.length
    ? new Set(
        (await SupervisionSignature.findAll({ where: { agreementId: { [Op.in]: drafts.map((draft) => draft.id) }, party: PARTY.worker }, attributes: ['agreementId'] })).map(
          (row) => row.agreementId,
        ),
      )
    : new Set<number>();
  const toSign = drafts.filter((draft) => !signed.has(draft.id));
  const href = '/supervision';
  return [
    ...toSign.map((draft) => ({ text: `Version ${draft.version} of your supervision agreement is waiting for your signature.`, href: `/supervision/workers/${actor.id}` })),
    ...toAgree.map((record) => ({ text: 'A supervision record is waiting for your comments and agreement.', href: `/supervision/sessions/${record.sessionId}` })),
    ...(lateActions ? [{ count: lateActions, text: `${plural(lateActions, 'supervision action is', 'supervision actions are')} overdue.`, href }] : []),
    ...requested.map((session) => ({ text: 'Your urgent debrief request is waiting for your supervisor to arrange a time.', href: `/supervision/sessions/${session.id}` })),
  ];
}

/** Supervisors and managers: each requested debrief, linked to its session, and everything overdue for the people they oversee (scopedWorkers chooses them). */
export async function oversightSupervisionItems(actor: Actor): Promise<AttentionItem[]> {
  const workers = await scopedWorkers(actor);
  const [overdue, withoutAgreement] = await Promise.all([
    overdueFor(workers.map((worker) => ({ id: worker.id, name: worker.name }))),
    actor.roles.includes('manager') ? workersWithoutAgreement(actor) : Promise.resolve([]),
  ]);
  const href = '/supervision/overview';
  const items: AttentionItem[] = [];
  for (const debrief of overdue.debriefs) {
    items.push({ text: `${debrief.workerName} asked for an urgent debrief on ${formatDateTime(debrief.requestedAt)}: arrange a time.`, href: `/supervision/sessions/${debrief.sessionId}` });
  }
  if (overdue.sessions.length) items.push({ count: overdue.sessions.length, text: `${plural(overdue.sessions.length, 'person is', 'people are')} overdue for supervision.`, href });
  if (overdue.records.length) items.push({ count: overdue.records.length, text: `${plural(overdue.records.length, 'supervision record is', 'supervision records are')} overdue for agreement.`, href });
  if (overdue.actions.length) items.push({ count: overdue.actions.length, text: `${plural(overdue.actions.length, 'supervision action is past its due date', 'supervision actions are past their due date')}.`, href });
  if (withoutAgreement.length) items.push({ count: withoutAgreement.length, text: `${plural(withoutAgreement.length, 'person has', 'people have')} no current supervision agreement.`, href });
  return items;
}
