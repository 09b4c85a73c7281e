// The demo's role profiles (from the seed job description) and its customer care policy, loaded through the domain API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acknowledgePolicy, addPolicy } from '#app/domain/policies.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Person, Policy, RoleProfile, Standard } from '#db/models/index.ts';
import { DEMO_PEOPLE } from './people.ts';

const documents = path.join(path.dirname(fileURLToPath(import.meta.url)), 'documents');

const PROFILES = [
  {
    name: 'Adult Services Customer Contact Worker',
    description:
      'First point of contact for adult social care: information, advice and signposting, within appropriate boundaries. Regular supervision, an urgent debrief on request, and continuous professional development (from the council job description).',
    urns: ['ASTH325', 'HSC3331'],
    supervisionFrequencyWeeks: 6,
    probationSupervisionFrequencyWeeks: 2,
    holders: [
      { key: 'sarah', startedOn: '2026-01-12' },
      { key: 'liam', startedOn: '2026-10-05' },
      { key: 'david', startedOn: '2025-06-02' },
    ],
  },
  {
    name: 'Team Manager',
    description: 'Manages a dispersed workforce supporting individuals at home: supervision, development planning and workforce analysis.',
    urns: ['LMCA4'],
    supervisionFrequencyWeeks: 6,
    probationSupervisionFrequencyWeeks: undefined,
    holders: [{ key: 'grace', startedOn: '2025-09-01' }],
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
  for (const profile of PROFILES) {
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
  // The source was adopted in December 2010 with its review due December 2011: the portal flags it as overdue.
  const policyId = await addPolicy(contextFor(admin, { ipAddress: 'seed' }), { title, version: '1', adoptedOn: '2010-12-01', nextReviewOn: '2011-12-01', body });
  const people = await Person.findAll({ where: { organisationId: admin.organisationId } });
  const sarah = people.find((person) => person.id === personId('sarah', people))!;
  await acknowledgePolicy(contextFor({ ...admin, id: sarah.id, name: sarah.name, email: sarah.email, roles: ['worker'] }, { ipAddress: 'seed' }), policyId);
}
