// Teams and whole locations as a manager chooses them for team portfolios and the inspection pack ("team:12",
// "location:3"): the ones the actor manages, the ones they may be offered, and one named in a form as the actor's
// organisation holds it. Unchecked: each caller applies its own permission to the scope's `managed`.
import { Op } from 'sequelize';
import { hasRole, type Actor } from '#app/utils/permissions.server.ts';
import { Location } from '#db/models/index.ts';
import { BATCH_SCOPE, type BatchScope } from '../portfolio/batch-statuses.ts';
import { managerReach, type ManagerReach, type OrganisationTeam } from '../relationships.server.ts';
import { teamPath, teamsWithin } from '../team-tree.ts';

export type TeamScope = { type: BatchScope; id: number; name: string; teamIds: number[]; managed: boolean };

/** The teams and whole locations the actor manages (their scope as a manager), as ids, and the organisation's teams. */
async function reachOf(actor: Actor): Promise<ManagerReach> {
  const reach = await managerReach(actor);
  return hasRole(actor, 'manager') ? reach : { ...reach, teamIds: [], locationIds: [] };
}

/** The team or location a form named, with its teams and whether the actor manages it; null if the organisation has none such. */
export async function findTeamScope(actor: Actor, value: string): Promise<TeamScope | null> {
  const [type, rawId] = value.split(':') as [string, string];
  const id = Number(rawId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const managed = await reachOf(actor);
  const teams = managed.organisationTeams;
  if (type === BATCH_SCOPE.team) {
    const team = teams.find((candidate) => candidate.id === id);
    return team ? { type: BATCH_SCOPE.team, id: team.id, name: teamPath(teams, team.id), teamIds: teamsWithin(teams, [team.id]), managed: managed.teamIds.includes(team.id) } : null;
  }
  if (type === BATCH_SCOPE.location) {
    const location = await Location.findOne({ where: { id, organisationId: actor.organisationId }, attributes: ['id', 'name'] });
    if (!location) return null;
    return { type: BATCH_SCOPE.location, id: location.id, name: location.name, teamIds: teamsAt(teams, location.id), managed: managed.locationIds.includes(location.id) };
  }
  return null;
}

/** The teams and locations to offer: those the actor manages, or all of the organisation's (`everything`), by name, each with its teams. */
export async function scopesOffered(actor: Actor, everything: boolean): Promise<TeamScope[]> {
  const managed = await reachOf(actor);
  const teams = managed.organisationTeams;
  const locations = await Location.findAll({
    where: { organisationId: actor.organisationId, ...(everything ? {} : { id: { [Op.in]: managed.locationIds } }) },
    attributes: ['id', 'name'],
    order: [['name', 'ASC']],
  });
  const offeredTeams = everything ? teams : teams.filter((team) => managed.teamIds.includes(team.id));
  return [
    ...offeredTeams
      .map((team) => ({ type: BATCH_SCOPE.team, id: team.id, name: teamPath(teams, team.id), teamIds: teamsWithin(teams, [team.id]), managed: managed.teamIds.includes(team.id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    ...locations.map((location) => ({
      type: BATCH_SCOPE.location,
      id: location.id,
      name: location.name,
      teamIds: teamsAt(teams, location.id),
      managed: managed.locationIds.includes(location.id),
    })),
  ];
}

/** The teams at a location, with the teams within them. */
function teamsAt(teams: OrganisationTeam[], locationId: number): number[] {
  return teamsWithin(teams, teams.filter((team) => team.locationId === locationId).map((team) => team.id));
}

/** How a scope is named in a form's value. */
export function scopeValue(scope: Pick<TeamScope, 'type' | 'id'>): string {
  return `${scope.type}:${scope.id}`;
}
