// Whom a demo team's portfolios are for: the active workers of the team and of the teams within it, by name.
import { teamsWithin } from '#app/domain/team-tree.ts';
import { Person, PersonRole, Team } from '#db/models/index.ts';

export async function workersOfTeam(teamName: string): Promise<string[]> {
  const team = await Team.findOne({ where: { name: teamName } });
  if (!team) throw new Error(`The demo team ${teamName} is missing (was the demo organisation seeded?)`);
  const teams = await Team.findAll({ where: { organisationId: team.organisationId }, attributes: ['id', 'parentTeamId'] });
  const people = await Person.findAll({
    where: { teamId: teamsWithin(teams, [team.id]), deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', where: { role: 'worker' }, attributes: [] }],
    attributes: ['name'],
  });
  return people.map((person) => person.name);
}
