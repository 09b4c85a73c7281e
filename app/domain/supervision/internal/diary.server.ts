// Sessions by worker or person id. Unchecked: callers have checked the actor first (workerSupervision after
// readAccess; the calendar for the actor's own diary or a valid private link; the home page for the actor's own).
import { Op } from 'sequelize';
import { Person, SupervisionSession } from '#db/models/index.ts';
import { SESSION_STATUS } from '../statuses.ts';

/** A worker's sessions, soonest first. */
export async function sessionsOf(workerId: number) {
  return SupervisionSession.findAll({ where: { workerId }, order: [['startsAt', 'ASC'], ['id', 'ASC']] });
}

/** Everything in a person's diary: sessions as the worker and, while they may supervise, as the supervisor. */
export async function diaryOf(personId: number, organisationId: number, maySupervise: boolean) {
  return SupervisionSession.findAll({
    where: { organisationId, [Op.or]: [{ workerId: personId }, ...(maySupervise ? [{ supervisorId: personId }] : [])] },
    include: [
      { model: Person, as: 'worker', attributes: ['id', 'name'] },
      { model: Person, as: 'supervisor', attributes: ['id', 'name'] },
    ],
    order: [['startsAt', 'ASC'], ['id', 'ASC']],
  });
}

/** Requested debriefs waiting for the supervisor to plan them. */
export async function requestedDebriefsFor(supervisorId: number, organisationId: number) {
  return SupervisionSession.count({ where: { organisationId, supervisorId, status: SESSION_STATUS.requested } });
}

