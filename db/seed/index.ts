// Loads the demo organisation; safe to run again (it finds what exists rather than duplicating it).
import { fileURLToPath } from 'node:url';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { hashPassword } from '#app/utils/password.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Location, ManagerScope, Organisation, Person, PersonRole, Team, sequelize, Standard } from '#db/models/index.ts';
import { actorByKey } from './actors.ts';
import { seedAssessment } from './assessment.ts';
import { seedEvidence } from './evidence.ts';
import { DEMO_LOCATIONS, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './people.ts';
import { seedPolicies, seedRoleProfiles } from './roles-and-policies.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from './standards.ts';
import { seedSupervision } from './supervision.ts';
import { seedTeam } from './team.ts';

export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await sequelize.transaction(async (transaction) => {
    const [organisation] = await Organisation.findOrCreate({
      where: { slug: DEMO_ORGANISATION.slug },
      defaults: { name: DEMO_ORGANISATION.name, slug: DEMO_ORGANISATION.slug },
      transaction,
    });
    const organisationId = organisation.id;

    const locationIds = new Map<string, number>();
    for (const location of DEMO_LOCATIONS) {
      const [row] = await Location.findOrCreate({
        where: { organisationId, name: location.name },
        defaults: { organisationId, name: location.name, address: location.address },
        transaction,
      });
      locationIds.set(location.key, row.id);
    }
    const teamIds = new Map<string, number>();
    for (const team of DEMO_TEAMS) {
      const [row] = await Team.findOrCreate({
        where: { organisationId, name: team.name },
        defaults: { organisationId, name: team.name, locationId: locationIds.get(team.location) ?? null },
        transaction,
      });
      teamIds.set(team.key, row.id);
    }
    for (const team of DEMO_TEAMS) {
      if (!('partOf' in team)) continue;
      await Team.update({ parentTeamId: teamIds.get(team.partOf)! }, { where: { id: teamIds.get(team.key)!, parentTeamId: null }, transaction });
    }

    const personIds = new Map<string, number>();
    for (const person of DEMO_PEOPLE) {
      const [row, created] = await Person.findOrCreate({
        where: { email: person.email },
        defaults: {
          organisationId,
          email: person.email,
          name: person.name,
          jobTitle: person.jobTitle,
          passwordHash: person.noPassword ? null : passwordHash,
          teamId: person.team ? (teamIds.get(person.team) ?? null) : null,
          lineSupervisorId: null,
          deactivatedAt: person.deactivated ? new Date() : null,
        },
        transaction,
      });
      personIds.set(person.key, row.id);
      if (created) {
        await PersonRole.bulkCreate(
          person.roles.map((role) => ({ organisationId, personId: row.id, role })),
          { transaction },
        );
      }
    }
    // Supervisors are linked once everyone exists.
    for (const person of DEMO_PEOPLE) {
      if (!person.supervisor) continue;
      await Person.update(
        { lineSupervisorId: personIds.get(person.supervisor) ?? null },
        { where: { id: personIds.get(person.key)!, lineSupervisorId: null }, transaction },
      );
    }
    for (const person of DEMO_PEOPLE) {
      for (const locationKey of person.manages?.locations ?? []) {
        await ManagerScope.findOrCreate({
          where: { organisationId, managerId: personIds.get(person.key)!, teamId: null, locationId: locationIds.get(locationKey)! },
          transaction,
        });
      }
      for (const teamKey of person.manages?.teams ?? []) {
        await ManagerScope.findOrCreate({
          where: { organisationId, managerId: personIds.get(person.key)!, teamId: teamIds.get(teamKey)!, locationId: null },
          transaction,
        });
      }
    }
  });
  // The demo admin, through whom the library, role profiles and policies are loaded with the portal's own API.
  const admin = await actorByKey(DEMO_PEOPLE[0]!.key);
  await seedStandards(admin);
  await seedRoleProfiles(admin);
  await seedPolicies(admin);
  await seedEvidence(admin);
  await seedAssessment(admin);
  await seedSupervision();
  await seedTeam(admin);
}

async function seedStandards(admin: Actor): Promise<void> {
  const present = await Standard.findAll({ where: { organisationId: admin.organisationId }, attributes: ['urn'] });
  const missing = SEED_STANDARD_URNS.filter((urn) => !present.some((row) => row.urn === urn));
  if (missing.length === 0) return;
  await saveStandardVersions(contextFor(admin, { ipAddress: 'seed' }), missing.map(loadSeedStandard), { sourceName: 'seed documents' });
}

export function demoLogins() {
  return DEMO_PEOPLE.filter((person) => person.loginFor).map((person) => ({
    role: person.loginFor!,
    name: person.name,
    email: person.email,
    password: DEMO_PASSWORD,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await seedDemo();
  console.log('Demo organisation loaded.');
  await sequelize.close();
}
