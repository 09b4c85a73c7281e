// The people a manager plans development for and reports on: the active people of the teams they manage (directly or
// through a location), themselves excepted, in one query after the memoised team scope.
import { Op } from 'sequelize';
import type { Actor } from '#app/utils/permissions.server.ts';
import { Person, Team } from '#db/models/index.ts';
import { managedTeamIds } from '../../relationships.server.ts';

export type ManagedPerson = { id: number; name: string; teamName: string };

/** Unchecked: the caller has asserted the manager's permission. */
export async function managedPeople(actor: Actor): Promise<ManagedPerson[]> {
  return peopleOfTeams(actor, await managedTeamIds(actor));
}

/** The active people of these teams of the actor's organisation, the actor excepted, by name. Unchecked: the caller chose the teams. */
export async function peopleOfTeams(actor: Actor, teamIds: number[]): Promise<ManagedPerson[]> {
  if (!teamIds.length) return [];
  const people = await Person.findAll({
    where: { organisationId: actor.organisationId, teamId: { [Op.in]: teamIds }, deactivatedAt: null, id: { [Op.ne]: actor.id } },
    attributes: ['id', 'name', 'teamId'],
    include: [{ model: Team, as: 'team', attributes: ['name'] }],
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  return people.map((person) => ({ id: person.id, name: person.name, teamName: (person.get('team') as Team | undefined)?.name ?? '' }));
}
