// How the actor stands to a worker (self, line supervisor, assessor, manager above them), loaded from the stored links
// in a fixed number of queries. What each relationship allows is decided in the policy module
// (app/utils/permissions.server.ts), which combines the link with the role whose permission has its scope.
// Another organisation's person is "not found".
import { Op, QueryTypes } from 'sequelize';
import { memoPerActor } from '#app/utils/actor-memo.server.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { hasRole, type Actor, canReadEvidence, canReadSupervision, type Relationship } from '#app/utils/permissions.server.ts';
import { Location, ManagerScope, Person, PersonRole, Team, WorkerAssessor, sequelize } from '#db/models/index.ts';
import { teamsWithin } from './team-tree.ts';

export type { Relationship };

/** `lineSupervisorId` is the line supervisor whose link counts (active, with the supervisor role), else null. */
export type WorkerSummary = { id: number; name: string; organisationId: number; teamId: number | null; lineSupervisorId: number | null };

/** Loads the worker and the actor's relationship to them in a fixed number of queries. Loads, never decides: another organisation's person is not found; the policy's predicates decide what the links allow. */
export async function relationshipTo(actor: Actor, workerId: number): Promise<{ worker: WorkerSummary; relationship: Relationship }> {
  const worker = await Person.findOne({
    where: { id: workerId, organisationId: actor.organisationId },
    attributes: ['id', 'name', 'organisationId', 'teamId', 'lineSupervisorId'],
  });
  if (!worker) throw new NotFound('Person');
  // A link is looked up only when the actor holds the role that could use it: without the role it grants nothing.
  const [assessorLink, managesWorker, lineSupervisorId] = await Promise.all([
    hasRole(actor, 'assessor') ? WorkerAssessor.findOne({ where: { workerId, assessorId: actor.id } }) : null,
    hasRole(actor, 'manager') && worker.teamId !== null ? managedTeamIds(actor).then((ids) => ids.includes(worker.teamId!)) : false,
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
      lineSupervisor: worker.lineSupervisorId === actor.id,
      assessor: assessorLink !== null,
      manager: managesWorker,
      qualityAssured: hasRole(actor, 'iqa') && worker.id !== actor.id,
    },
  };
}

/** Of these people, the active ones who hold the supervisor role: those whose line supervision counts. No check: a fact about people the caller has already scoped to the actor's organisation. */
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

/** The worker's line supervisor if the link still counts (active, holds the supervisor role), else null. No check: a fact about a worker the caller has already loaded for the actor. */
export async function effectiveLineSupervisorId(worker: { organisationId: number; lineSupervisorId: number | null }): Promise<number | null> {
  if (worker.lineSupervisorId === null) return null;
  return (await supervisorsAmong(worker.organisationId, [worker.lineSupervisorId])).has(worker.lineSupervisorId) ? worker.lineSupervisorId : null;
}

/** One of the organisation's teams as the manager's pages name it: where it is and what it is part of. */
export type OrganisationTeam = { id: number; name: string; locationId: number | null; locationName: string | null; parentTeamId: number | null };

/**
 * What a manager reaches, once per request: the ids of the teams they manage (their own teams, every team at a
 * location they manage, and the teams below all of these), the whole locations named in their scopes, and every team
 * of the organisation to name them with. No check: the actor's own scope, empty for anyone who manages nothing.
 */
export type ManagerReach = { teamIds: number[]; locationIds: number[]; organisationTeams: OrganisationTeam[] };

export const managerReach = memoPerActor([ManagerScope, Team, Location], loadManagerReach);

/** Ids of the teams a manager manages (managerReach). */
export async function managedTeamIds(actor: Actor): Promise<number[]> {
  return (await managerReach(actor)).teamIds;
}

// The actor's scopes and the organisation's teams (with where each is and what it is part of) in one statement:
// `kind` tells them apart.
const SCOPES_AND_TEAMS_SQL = `
SELECT 'scope' AS "kind", team_id AS "id", location_id AS "locationId", NULL AS "parentTeamId", NULL AS "name", NULL AS "locationName"
FROM manager_scopes WHERE organisation_id = :organisationId AND manager_id = :managerId
UNION ALL
SELECT 'team', t.id, t.location_id, t.parent_team_id, t.name, l.name
FROM teams t LEFT JOIN locations l ON l.id = t.location_id WHERE t.organisation_id = :organisationId`;

type ScopeOrTeam = { kind: 'scope' | 'team'; id: number | null; locationId: number | null; parentTeamId: number | null; name: string | null; locationName: string | null };

async function loadManagerReach(actor: Actor): Promise<ManagerReach> {
  const rows = await sequelize.query<ScopeOrTeam>(SCOPES_AND_TEAMS_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { organisationId: actor.organisationId, managerId: actor.id },
  });
  const number = (value: number | string | null) => (value === null ? null : Number(value));
  const organisationTeams = rows
    .filter((row) => row.kind === 'team')
    .map((row) => ({ id: Number(row.id), name: String(row.name), locationId: number(row.locationId), locationName: row.locationName, parentTeamId: number(row.parentTeamId) }));
  const scopes = rows.filter((row) => row.kind === 'scope').map((row) => ({ teamId: number(row.id), locationId: number(row.locationId) }));
  const locationIds = [...new Set(scopes.flatMap((scope) => (scope.locationId ? [scope.locationId] : [])))];
  const roots = [
    ...scopes.flatMap((scope) => (scope.teamId ? [scope.teamId] : [])),
    ...organisationTeams.filter((team) => team.locationId !== null && locationIds.includes(team.locationId)).map((team) => team.id),
  ];
  return { teamIds: scopes.length ? teamsWithin(organisationTeams, roots) : [], locationIds, organisationTeams };
}

export async function requireEvidenceReader(actor: Actor, workerId: number) {
  const result = await relationshipTo(actor, workerId);
  if (!canReadEvidence(actor, { id: workerId, relationship: result.relationship })) throw new NotFound('Evidence');
  return result;
}

export async function requireSupervisionReader(actor: Actor, workerId: number) {
  const result = await relationshipTo(actor, workerId);
  if (!canReadSupervision(actor, { id: workerId, relationship: result.relationship })) throw new NotFound('Supervision record');
  return result;
}
