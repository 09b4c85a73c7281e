// What is overdue for a given list of workers. Unchecked: the caller has already chosen workers the actor oversees
// (overdueOverview, the home page, one worker's page after readAccess).
import { Op } from 'sequelize';
import { today as todayInLondon, addDays as addDaysToDate, dateColumn, londonParts } from '#app/utils/dates/index.ts';
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
    const dueBy = sessionDueBy(agreement, last);
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


/** The next session is due the agreed number of weeks after the last one held, or after the agreement started. */
function sessionDueBy(agreement: { startsOn: string; frequencyWeeks: number }, lastHeld: string | null): string {
  return addDaysToDate(lastHeld ?? agreement.startsOn, agreement.frequencyWeeks * 7);
}

/** Per worker: whether they have a current agreement, when their next session was due if that has passed, and how many records are late. */
export type SupervisionStanding = { hasAgreement: boolean; sessionOverdue: { dueBy: string; lastHeld: string | null } | null; recordsLate: number };

// Per person `p` of the statement they are put in: the current agreement's terms (a worker has one), the last session
// held, the records not agreed in time by :today. For a statement of many people at once, such as the team page's.
export const SUPERVISION_STANDING_COLUMNS = `
  (SELECT MAX(a.starts_on) FROM supervision_agreements a WHERE a.worker_id = p.id AND a.status = '${AGREEMENT_STATUS.active}') AS "agreementStartsOn",
  (SELECT MAX(a.frequency_weeks) FROM supervision_agreements a WHERE a.worker_id = p.id AND a.status = '${AGREEMENT_STATUS.active}') AS "agreementFrequencyWeeks",
  (SELECT MAX(s.starts_at) FROM supervision_sessions s WHERE s.worker_id = p.id AND s.status = '${SESSION_STATUS.held}') AS "lastHeldAt",
  (SELECT COUNT(*) FROM supervision_records r WHERE r.worker_id = p.id AND r.status <> '${RECORD_STATUS.agreed}' AND r.due_on < :today) AS "recordsLate"`;

export type SupervisionStandingRow = {
  agreementStartsOn: string | Date | null;
  agreementFrequencyWeeks: number | string | null;
  lastHeldAt: string | Date | null;
  recordsLate: number | string;
};

/** What overdueFor finds, reduced to what a team's matrix shows per person, from SUPERVISION_STANDING_COLUMNS. */
export function supervisionStandingOfRow(row: SupervisionStandingRow, today: string): SupervisionStanding {
  const recordsLate = Number(row.recordsLate);
  if (row.agreementStartsOn === null || row.agreementFrequencyWeeks === null) return { hasAgreement: false, sessionOverdue: null, recordsLate };
  const last = row.lastHeldAt === null ? null : londonParts(new Date(row.lastHeldAt)).date;
  const dueBy = sessionDueBy({ startsOn: dateColumn(row.agreementStartsOn), frequencyWeeks: Number(row.agreementFrequencyWeeks) }, last);
  return { hasAgreement: true, sessionOverdue: dueBy < today ? { dueBy, lastHeld: last } : null, recordsLate };
}
