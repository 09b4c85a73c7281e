// One worker's supervision as the page shows it: agreements, schedule, records, open actions and the policy check.

import { SupervisionAction, SupervisionRecord } from '#db/models/index.ts';
import { assertCan, isLineSupervisorOf, type Actor } from '#app/utils/permissions.server.ts';
import { todayInLondon } from '../policies.server.ts';
import { readAccess } from './access.server.ts';
import { agreementsFor, scopedWorkers } from './agreements.server.ts';
import { sessionsOf } from './internal/diary.server.ts';
import { overdueFor } from './internal/overdue.server.ts';
import { ACTION_STATUS, AGREEMENT_STATUS, RECORD_STATUS } from './statuses.ts';

export async function workerSupervision(actor: Actor, workerId: number) {
  const access = await readAccess(actor, workerId);
  const [agreements, sessions, records, openActions, overdue] = await Promise.all([
    agreementsFor(actor, workerId),
    sessionsOf(workerId),
    SupervisionRecord.findAll({ where: { workerId }, attributes: ['id', 'sessionId', 'status', 'dueOn'] }),
    SupervisionAction.count({ where: { workerId, status: ACTION_STATUS.open } }),
    overdueFor([{ id: access.worker.id, name: access.worker.name }]),
  ]);
  const today = todayInLondon();
  const recordBySession = new Map(records.map((record) => [record.sessionId, record]));
  const now = Date.now();
  return {
    worker: access.worker,
    isSelf: access.relationship.self,
    canManage: access.canManage,
    current: agreements.find((agreement) => agreement.status === AGREEMENT_STATUS.active) ?? null,
    draft: agreements.find((agreement) => agreement.status === AGREEMENT_STATUS.draft) ?? null,
    history: agreements.filter((agreement) => agreement.status === AGREEMENT_STATUS.superseded),
    sessions: sessions.map((session) => {
      const record = recordBySession.get(session.id);
      return {
        ...session.get({ plain: true }),
        past: session.startsAt.getTime() <= now,
        recordStatus: record?.status ?? null,
        recordOverdue: record ? record.status !== RECORD_STATUS.agreed && record.dueOn < today : false,
      };
    }),
    openActions,
    overdue,
  };
}

/** The supervisees (and managed team) listed on /supervision for supervisors and managers. */
export async function supervisees(actor: Actor) {
  assertCan(actor, 'read:supervision-overview');
  const workers = await scopedWorkers(actor);
  return workers.map((worker) => ({ id: worker.id, name: worker.name, mine: isLineSupervisorOf(actor, worker) }));
}

