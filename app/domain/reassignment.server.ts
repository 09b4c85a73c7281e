// What an admin must reassign when a person loses the role behind a relationship, or is deactivated: the links
// stay on record but give no access (see relationships.server.ts), so the people they covered need someone new.
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import { Location, ManagerScope, Person, PersonRole, Team, WorkerAssessor } from '#db/models/index.ts';
import type { Role } from './roles.ts';

type PersonRef = { id: number; name: string };

export async function relationshipsToReassign(actor: Actor, personId: number) {
  assertCan(actor, 'manage:people:org');
  const person = assertSameOrganisation(
    actor,
    await Person.findByPk(personId, { include: [{ model: PersonRole, as: 'roles', attributes: ['role'] }] }),
    'Person',
  );
  const active = person.deactivatedAt === null;
  const holds = (role: Role) => active && (person.roles ?? []).some((row) => row.role === role);
  const organisationId = actor.organisationId;
  const [supervisees, scopes, assessed] = await Promise.all([
    holds('supervisor')
      ? []
      : Person.findAll({ where: { organisationId, lineSupervisorId: person.id, deactivatedAt: null }, attributes: ['id', 'name'], order: [['name', 'ASC'], ['id', 'ASC']] }),
    holds('manager')
      ? []
      : ManagerScope.findAll({
          where: { organisationId, managerId: person.id },
          include: [
            { model: Team, as: 'team', attributes: ['name'], required: false },
            { model: Location, as: 'location', attributes: ['name'], required: false },
          ],
          order: [['id', 'ASC']],
        }),
    holds('assessor')
      ? []
      : WorkerAssessor.findAll({
          where: { organisationId, assessorId: person.id },
          include: [{ model: Person, as: 'worker', attributes: ['id', 'name'], where: { deactivatedAt: null } }],
        }),
  ]);
  const ref = (row: Person): PersonRef => ({ id: row.id, name: row.name });
  return {
    supervisees: supervisees.map(ref),
    managerScopes: scopes.map((scope) => {
      const team = scope.get('team') as Team | null | undefined;
      const location = scope.get('location') as Location | null | undefined;
      return { scopeId: scope.id, label: scope.teamId ? `Team: ${team?.name ?? ''}` : `Location: ${location?.name ?? ''}` };
    }),
    assessedWorkers: assessed.map((row) => ref(row.get('worker') as Person)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
