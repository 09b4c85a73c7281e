// Who a manager manages: the people in their teams, directly or through a whole location.
import { Op } from 'sequelize';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { Person, PersonRole, Team } from '#db/models/index.ts';
import { supervisorsAmong, managedTeamIds } from './relationships.server.ts';
import { passedTargetsOf } from './role-targets.server.ts';
import { isRole } from './roles.ts';

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
  const [supervisors, passedTargets] = await Promise.all([
    supervisorsAmong(actor.organisationId, people.map((person) => person.lineSupervisorId)),
    passedTargetsOf(people.map((person) => person.id)),
  ]);
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
        passedTargets: passedTargets.get(person.id) ?? [],
      })),
  }));
}
