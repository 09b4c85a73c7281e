// How the actor stands to a worker (self, line supervisor, assessor, manager above them): the basis of who
// may see a worker's evidence and supervision. Another organisation's person is "not found".
// Each relationship counts only while the actor holds the role that gives it: line supervision with the supervisor
// role, a manager scope with the manager role, an assessor assignment with the assessor role. The links stay in the
// database (an admin reassigns them), but taking the role away ends the access at once.
import { Op } from 'sequelize';
import { NotFound } from '#app/utils/errors.server.ts';
import { hasRole, type Actor } from '#app/utils/permissions.server.ts';
import { ManagerScope, Person, PersonRole, Team, WorkerAssessor } from '#db/models/index.ts';

export type Relationship = {
  self: boolean;
  lineSupervisor: boolean;
  assessor: boolean;
  manager: boolean;
};

/** `lineSupervisorId` is the line supervisor whose link counts (active, with the supervisor role), else null. */
export type WorkerSummary = { id: number; name: string; organisationId: number; teamId: number | null; lineSupervisorId: number | null };

/** Loads the worker and the actor's relationship to them in a fixed number of queries. */
export async function relationshipTo(actor: Actor, workerId: number): Promise<{ worker: WorkerSummary; relationship: Relationship }> {
  const worker = await Person.findOne({
    where: { id: workerId, organisationId: actor.organisationId },
    attributes: ['id', 'name', 'organisationId', 'teamId', 'lineSupervisorId'],
  });
  if (!worker) throw new NotFound('Person');
  const [assessorLink, managesWorker, lineSupervisorId] = await Promise.all([
    hasRole(actor, 'assessor') ? WorkerAssessor.findOne({ where: { workerId, assessorId: actor.id } }) : null,
    hasRole(actor, 'manager') && worker.teamId !== null ? managesTeam(actor, worker.teamId) : false,
    worker.lineSupervisorId === actor.id ? (hasRole(actor, 'supervisor') ? actor.id : null) : effectiveLineSupervisorId(worker),
  ]);
  return {
    worker: {
      id: worker.id,
      name: worker.name,
      organisationId: worker.organisationId,
      teamId: worker.teamId,
      lineSupervisorId,
    },
    relationship: {
      self: worker.id === actor.id,
      lineSupervisor: isLineSupervisorOf(actor, worker),
      assessor: assessorLink !== null,
      manager: managesWorker,
    },
  };
}

/** Line supervision counts only while the actor holds the supervisor role. */
export function isLineSupervisorOf(actor: Actor, worker: { lineSupervisorId: number | null }): boolean {
  return hasRole(actor, 'supervisor') && worker.lineSupervisorId === actor.id;
}

/** Of these people, the active ones who hold the supervisor role: those whose line supervision counts. */
export async function supervisorsAmong(organisationId: number, personIds: (number | null)[]): Promise<Set<number>> {
  const ids = [...new Set(personIds.filter((id): id is number => id !== null))];
  if (!ids.length) return new Set();
  const rows = await Person.findAll({
    where: { id: { [Op.in]: ids }, organisationId, deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', where: { role: 'supervisor' }, attributes: [] }],
    attributes: ['id'],
  });
  return new Set(rows.map((row) => row.id));
}

/** The worker's line supervisor if the link still counts (active, holds the supervisor role), else null. */
export async function effectiveLineSupervisorId(worker: { organisationId: number; lineSupervisorId: number | null }): Promise<number | null> {
  if (worker.lineSupervisorId === null) return null;
  return (await supervisorsAmong(worker.organisationId, [worker.lineSupervisorId])).has(worker.lineSupervisorId) ? worker.lineSupervisorId : null;
}

/** Whether the manager manages this team directly or through its whole location. */
async function managesTeam(actor: Actor, teamId: number): Promise<boolean> {
  const team = await Team.findByPk(teamId, { attributes: ['id', 'locationId'] });
  if (!team) return false;
  const scopes = await ManagerScope.findAll({ where: { managerId: actor.id, organisationId: actor.organisationId } });
  return scopes.some((scope) => scope.teamId === team.id || (scope.locationId !== null && scope.locationId === team.locationId));
}

/** Evidence is seen by the worker, their assessors, their line supervisor and the managers above them. */
export function canReadEvidence(relationship: Relationship): boolean {
  return relationship.self || relationship.assessor || relationship.lineSupervisor || relationship.manager;
}

/** Supervision is confidential to its two parties and the managers above them: not assessors or colleagues. */
export function canReadSupervision(relationship: Relationship): boolean {
  return relationship.self || relationship.lineSupervisor || relationship.manager;
}

export async function requireEvidenceReader(actor: Actor, workerId: number) {
  const result = await relationshipTo(actor, workerId);
  if (!canReadEvidence(result.relationship)) throw new NotFound('Evidence');
  return result;
}

export async function requireSupervisionReader(actor: Actor, workerId: number) {
  const result = await relationshipTo(actor, workerId);
  if (!canReadSupervision(result.relationship)) throw new NotFound('Supervision record');
  return result;
}
