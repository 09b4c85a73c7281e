// Who a manager manages: the people in their teams, directly or through a whole location.
import { Op } from 'sequelize';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { ManagerScope, Person, PersonRole, Team } from '#db/models/index.ts';
import { supervisorsAmong } from './relationships.server.ts';
import { isRole } from './roles.ts';

/** Ids of the teams a manager manages (their own teams plus every team at a location they manage). */
export async function managedTeamIds(actor: Actor): Promise<number[]> {
  const scopes = await ManagerScope.findAll({ where: { organisationId: actor.organisationId, managerId: actor.id } });
  const teamIds = scopes.flatMap((scope) => (scope.teamId ? [scope.teamId] : []));
  const locationIds = scopes.flatMap((scope) => (scope.locationId ? [scope.locationId] : []));
  if (locationIds.length) {
    const teams = await Team.findAll({
      where: { organisationId: actor.organisationId, locationId: { [Op.in]: locationIds } },
      attributes: ['id'],
    });
    teamIds.push(...teams.map((team) => team.id));
  }
  return [...new Set(teamIds)];
}

export async function listManagedTeam(actor: Actor) {
  assertCan(actor, 'read:team:managed');
  const teamIds = await managedTeamIds(actor);
  const [teams, people] = await Promise.all([
    Team.findAll({ where: { id: { [Op.in]: teamIds } }, order: [['name', 'ASC']] }),
    Person.findAll({
      where: { organisationId: actor.organisationId, teamId: { [Op.in]: teamIds }, deactivatedAt: null },
      include: [
        { model: PersonRole, as: 'roles', attributes: ['role'] },
        { model: Person, as: 'lineSupervisor', attributes: ['name'] },
      ],
      order: [['name', 'ASC']],
    }),
  ]);
  // A line supervisor who lost the supervisor role (or was deactivated) supervises nobody: shown as none.
  const supervisors = await supervisorsAmong(actor.organisationId, people.map((person) => person.lineSupervisorId));
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    members: people
      .filter((person) => person.teamId === team.id)
      .map((person) => ({
        id: person.id,
        name: person.name,
        jobTitle: person.jobTitle,
        lineSupervisorName: supervisors.has(person.lineSupervisorId ?? 0) ? (person.lineSupervisor?.name ?? null) : null,
        roles: (person.roles ?? []).map((row) => row.role).filter(isRole),
      })),
  }));
}
