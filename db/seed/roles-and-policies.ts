// The demo's role profiles (from the seed job description) and its customer care policy, loaded through the domain API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acknowledgePolicy, addPolicy } from '#app/domain/policies.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Person, Policy, RoleProfile, Standard } from '#db/models/index.ts';
import { DEMO_PEOPLE } from './people.ts';

const documents = path.join(path.dirname(fileURLToPath(import.meta.url)), 'documents');

/** Start dates count back from today, so that the demo never goes stale. */
const daysAgo = (days: number) => addDays(today(), -days);

const PROFILES = () => [
  {
    name: 'Adult Services Customer Contact Worker',
    description:
      'First point of contact for adult social care: information, advice and signposting, within appropriate boundaries. Regular supervision, an urgent debrief on request, and continuous professional development (from the council job description).',
    urns: ['ASTH325', 'HSC3331'],
    supervisionFrequencyWeeks: 6,
    probationSupervisionFrequencyWeeks: 2,
    holders: [
      { key: 'sarah', startedOn: daysAgo(320) },
      { key: 'liam', startedOn: daysAgo(56) },
      { key: 'david', startedOn: daysAgo(550) },
    ],
  },
  {
    name: 'Team Manager',
    description: 'Manages a dispersed workforce supporting individuals at home: supervision, development planning and workforce analysis.',
    urns: ['LMCA4'],
    supervisionFrequencyWeeks: 6,
    probationSupervisionFrequencyWeeks: undefined,
    holders: [{ key: 'grace', startedOn: daysAgo(450) }],
  },
];

function personId(key: string, people: Person[]): number {
  const email = DEMO_PEOPLE.find((person) => person.key === key)!.email;
  return people.find((person) => person.email === email)!.id;
}

export async function seedRoleProfiles(admin: Actor): Promise<void> {
  const [standards, people] = await Promise.all([
    Standard.findAll({ where: { organisationId: admin.organisationId } }),
    Person.findAll({ where: { organisationId: admin.organisationId } }),
  ]);
  for (const profile of PROFILES()) {
    const existing = await RoleProfile.findOne({ where: { organisationId: admin.organisationId, name: profile.name } });
    if (existing) continue;
    const roleProfileId = await createRoleProfile(
      contextFor(admin, { ipAddress: 'seed' }),
      {
        name: profile.name,
        description: profile.description,
        standardIds: standards.filter((standard) => profile.urns.includes(standard.urn)).map((standard) => standard.id),
        supervisionFrequencyWeeks: profile.supervisionFrequencyWeeks,
        probationSupervisionFrequencyWeeks: profile.probationSupervisionFrequencyWeeks,
        urgentDebriefOnRequest: true,
        targetMonths: 12,
      },
    );
    for (const holder of profile.holders) {
      await assignRoleProfile(contextFor(admin, { ipAddress: 'seed' }), { personId: personId(holder.key, people), roleProfileId, startedOn: holder.startedOn });
    }
  }
}

export async function seedPolicies(admin: Actor): Promise<void> {
  const title = 'Client/Customer Care Policy';
  if (await Policy.findOne({ where: { organisationId: admin.organisationId, title } })) return;
  const body = readFileSync(path.join(documents, 'customer-care-policy.txt'), 'utf8');
  // Adopted thirteen months ago with a yearly review that is now a month overdue, so the portal flags it (the source's
  // own dates, December 2010 and 2011, would make the demo look abandoned).
  const policyId = await addPolicy(contextFor(admin, { ipAddress: 'seed' }), { title, version: '1', adoptedOn: daysAgo(395), nextReviewOn: daysAgo(30), body });
  const people = await Person.findAll({ where: { organisationId: admin.organisationId } });
  const sarah = people.find((person) => person.id === personId('sarah', people))!;
  await acknowledgePolicy(contextFor({ ...admin, id: sarah.id, name: sarah.name, email: sarah.email, roles: ['worker'] }, { ipAddress: 'seed' }), policyId);
}
