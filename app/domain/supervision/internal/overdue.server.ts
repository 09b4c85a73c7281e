// What is overdue for a given list of workers. Unchecked: the caller has already chosen workers the actor oversees
// (overdueOverview, the home page, one worker's page after readAccess).
import { Op } from 'sequelize';
import { today as todayInLondon, addDays as addDaysToDate, londonParts } from '#app/utils/dates/index.ts';
import { Person, SupervisionAction, SupervisionAgreement, SupervisionRecord, SupervisionSession } from '#db/models/index.ts';
import { ACTION_STATUS, AGREEMENT_STATUS, RECORD_STATUS, SESSION_STATUS } from '../statuses.ts';

export type OverdueSession = { workerId: number; workerName: string; lastHeld: string | null; dueBy: string };
export type OverdueRecord = { sessionId: number; workerId: number; workerName: string; dueOn: string; status: string };
export type RequestedDebrief = { sessionId: number; workerId: number; workerName: string; requestedAt: Date };
export type OverdueAction = { sessionId: number | null; workerId: number; workerName: string; description: string; ownerName: string; dueOn: string };

/** For the given workers (all of one organisation), in a fixed number of queries. */
export async function overdueFor(workers: { id: number; name: string }[], today = todayInLondon()) {
  const ids = workers.map((worker) => worker.id);
  const name = new Map(workers.map((worker) => [worker.id, worker.name]));
  if (!ids.length) return { sessions: [] as OverdueSession[], records: [] as OverdueRecord[], actions: [] as OverdueAction[], debriefs: [] as RequestedDebrief[] };
  const [agreements, held, records, actions, debriefs] = await Promise.all([
    SupervisionAgreement.findAll({ where: { workerId: { [Op.in]: ids }, status: AGREEMENT_STATUS.active } }),
    SupervisionSession.findAll({
      where: { workerId: { [Op.in]: ids }, status: SESSION_STATUS.held },
      attributes: ['workerId', 'startsAt'],
    }),
    SupervisionRecord.findAll({ where: { workerId: { [Op.in]: ids }, status: { [Op.ne]: RECORD_STATUS.agreed }, dueOn: { [Op.lt]: today } }, order: [['dueOn', 'ASC']] }),
    SupervisionAction.findAll({
      where: { workerId: { [Op.in]: ids }, status: ACTION_STATUS.open, dueOn: { [Op.lt]: today } },
      include: [
        { model: Person, as: 'owner', attributes: ['name'] },
        { model: SupervisionRecord, as: 'record', attributes: ['sessionId'], required: false },
      ],
      order: [['dueOn', 'ASC']],
    }),
    SupervisionSession.findAll({
      where: { workerId: { [Op.in]: ids }, status: SESSION_STATUS.requested },
      attributes: ['id', 'workerId', 'startsAt'],
      order: [['startsAt', 'ASC'], ['id', 'ASC']],
    }),
  ]);
  const lastHeld = new Map<number, string>();
  for (const session of held) {
    const date = londonParts(session.startsAt).date;
    if ((lastHeld.get(session.workerId) ?? '') < date) lastHeld.set(session.workerId, date);
  }
  const sessions: OverdueSession[] = [];
  for (const agreement of agreements) {
    const last = lastHeld.get(agreement.workerId) ?? null;
    const dueBy = addDaysToDate(last ?? agreement.startsOn, agreement.frequencyWeeks * 7);
    if (dueBy < today) sessions.push({ workerId: agreement.workerId, workerName: name.get(agreement.workerId) ?? '', lastHeld: last, dueBy });
  }
  return {
    sessions,
    records: records.map((row) => ({ sessionId: row.sessionId, workerId: row.workerId, workerName: name.get(row.workerId) ?? '', dueOn: row.dueOn, status: row.status })),
    actions: actions.map((row) => ({
      sessionId: (row.get('record') as SupervisionRecord | undefined)?.sessionId ?? null,
      workerId: row.workerId,
      workerName: name.get(row.workerId) ?? '',
      description: row.description,
      ownerName: (row.get('owner') as Person | undefined)?.name ?? '',
      dueOn: row.dueOn,
    })),
    debriefs: debriefs.map((row) => ({ sessionId: row.id, workerId: row.workerId, workerName: name.get(row.workerId) ?? '', requestedAt: row.startsAt })),
  };
}

