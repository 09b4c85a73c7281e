// People and organisations, built through the models: each test makes its own organisation, so none depends on another's leftovers.
import { randomUUID } from 'node:crypto';
import type { Role } from '#app/domain/roles.ts';
import { hashPassword } from '#app/utils/password.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { Location, ManagerScope, Organisation, Person, PersonRole, Team } from '#db/models/index.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createOrganisation(name = unique('Organisation')) {
  const organisation = await Organisation.create({ name, slug: unique('org') });
  const location = await Location.create({ organisationId: organisation.id, name: unique('Location'), address: null });
  const team = await Team.create({ organisationId: organisation.id, name: unique('Team'), locationId: location.id });
  return { organisation, location, team };
}

export async function createPerson(
  organisationId: number,
  options: { roles?: Role[]; teamId?: number | null; lineSupervisorId?: number | null; name?: string; deactivated?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const name = options.name ?? unique('Person');
  const person = await Person.create({
    organisationId,
    name,
    email: `${unique('person')}@example.org`.toLowerCase(),
    jobTitle: null,
    passwordHash: await passwordHash,
    teamId: options.teamId ?? null,
    lineSupervisorId: options.lineSupervisorId ?? null,
    deactivatedAt: options.deactivated ? new Date() : null,
  });
  await PersonRole.bulkCreate((options.roles ?? ['worker']).map((role) => ({ organisationId, personId: person.id, role })));
  return person;
}

export async function makeManagerOf(managerId: number, organisationId: number, scope: { teamId?: number; locationId?: number }) {
  return ManagerScope.create({
    organisationId,
    managerId,
    teamId: scope.teamId ?? null,
    locationId: scope.locationId ?? null,
  });
}

export function actorFor(person: Person, roles: Role[]): Actor {
  return {
    id: person.id,
    organisationId: person.organisationId,
    organisationName: 'Test organisation',
    name: person.name,
    email: person.email,
    roles,
    teamId: person.teamId,
    lineSupervisorId: person.lineSupervisorId,
  };
}

/** An organisation with an admin, a manager of its team, a supervisor and a worker. */
export async function createStaffedOrganisation() {
  const { organisation, location, team } = await createOrganisation();
  const organisationId = organisation.id;
  const admin = await createPerson(organisationId, { roles: ['admin'] });
  const manager = await createPerson(organisationId, { roles: ['manager', 'worker'], teamId: team.id });
  const supervisor = await createPerson(organisationId, { roles: ['supervisor', 'worker'], teamId: team.id, lineSupervisorId: manager.id });
  const worker = await createPerson(organisationId, { roles: ['worker'], teamId: team.id, lineSupervisorId: supervisor.id });
  await makeManagerOf(manager.id, organisationId, { teamId: team.id });
  return {
    organisation,
    location,
    team,
    admin: actorFor(admin, ['admin']),
    manager: actorFor(manager, ['manager', 'worker']),
    supervisor: actorFor(supervisor, ['supervisor', 'worker']),
    worker: actorFor(worker, ['worker']),
  };
}
