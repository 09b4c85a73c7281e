// The longest value each form accepts saves on SQLite and MariaDB alike; € is the widest a character gets per UTF-16 unit.
import { expect } from 'chai';
import { POLICY_BODY_CHARACTERS } from '#app/components/policy-schema.ts';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { addLocation, addTeam } from '#app/domain/organisation.server.ts';
import { createPerson as addPerson } from '#app/domain/people.server.ts';
import { addPolicy } from '#app/domain/policies.server.ts';
import { createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { utf8Bytes } from '#app/utils/text-limits.ts';
import { EvidenceItemLink, EvidenceRevision, Location, Person, PolicyVersion, RoleProfile, StandardItem, StandardVersion, Team } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';

const wide = (characters: number) => '€'.repeat(characters);

describe('the longest accepted text saves', () => {
  it('a policy whose text is 100,000 characters (300 KB of UTF-8)', async () => {
    const { admin } = await createStaffedOrganisation();
    const body = wide(POLICY_BODY_CHARACTERS);
    expect(utf8Bytes(body)).to.be.above(65_535);
    const policyId = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), { title: wide(200), version: wide(40), adoptedOn: '2026-01-01', nextReviewOn: '2027-01-01', body });
    const saved = await PolicyVersion.findOne({ where: { policyId } });
    expect(saved?.body).to.equal(body);
  });

  it('a standard with a 40-character URN, and its longest title, version, overview, sections and item text', async () => {
    const { admin, organisation } = await createStaffedOrganisation();
    const seed = loadSeedStandard('ASTH325');
    const urn = `U${'9'.repeat(39)}`;
    const items = seed.items.map((item, index) => (index === 0 ? { ...item, section: wide(300), text: wide(5000) } : item));
    await saveStandardVersions(contextFor(admin, { ipAddress: 'ip' }), [{ ...seed, urn, title: wide(300), version: wide(40), overview: wide(20_000), items }], { sourceName: 'f'.repeat(255) });
    const version = await StandardVersion.findOne({ where: { organisationId: organisation.id } });
    expect([version?.title.length, version?.version.length, version?.overview?.length]).to.deep.equal([300, 40, 20_000]);
    const first = await StandardItem.findOne({ where: { standardVersionId: version!.id, code: 'P1' } });
    expect([first?.section.length, first?.text.length]).to.deep.equal([300, 5000]);
  });

  it('evidence with its longest title, description, witness fields and a 2,000-character note for an item', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const item = items.find((row) => row.code === 'P1');
    const id = await recordEvidence(
      contextFor(org.worker),
      {
        type: 'witness_testimony',
        title: wide(200),
        activityDate: '2026-01-14',
        description: wide(20_000),
        witnessName: wide(200),
        witnessRole: wide(200),
        witnessStatement: wide(20_000),
        links: [{ itemId: item!.id, note: wide(2000) }],
      },
      [],
      { submissionToken: unique('token'), submit: true },
    );
    const revision = await EvidenceRevision.findOne({ where: { evidenceId: id } });
    expect([revision?.description.length, revision?.witnessStatement?.length]).to.deep.equal([20_000, 20_000]);
    const link = await EvidenceItemLink.findOne({ where: { evidenceRevisionId: revision!.id } });
    expect(link?.note.length).to.equal(2000);
  });

  it('a location, a team, a person and a role profile with their longest names', async () => {
    const { admin, organisation } = await createStaffedOrganisation();
    await addLocation(contextFor(admin, { ipAddress: 'ip' }), { name: wide(200), address: wide(500) });
    await addTeam(contextFor(admin, { ipAddress: 'ip' }), { name: wide(200) });
    await addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: wide(200), email: `${'e'.repeat(242)}@example.org`, jobTitle: wide(200), roles: ['worker'] });
    await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { name: wide(200), description: wide(2000), standardIds: [], supervisionFrequencyWeeks: 4, urgentDebriefOnRequest: false, targetMonths: 12 });
    const where = { organisationId: organisation.id };
    expect((await Location.findOne({ where: { ...where, name: wide(200) } }))?.address).to.equal(wide(500));
    expect(await Team.count({ where: { ...where, name: wide(200) } })).to.equal(1);
    expect((await Person.findOne({ where: { ...where, name: wide(200) } }))?.email).to.have.length(254);
    expect((await RoleProfile.findOne({ where: { ...where, name: wide(200) } }))?.description).to.equal(wide(2000));
  });

  it('one over is refused by the domain with the message, not a database error: an item note and a URN', async () => {
    const org = await createStaffedOrganisation();
    const seed = loadSeedStandard('ASTH325');
    const urnError = await saveStandardVersions(contextFor(org.admin, { ipAddress: 'ip' }), [{ ...seed, urn: 'U'.repeat(41) }]).catch((error: unknown) => error);
    expect(urnError).to.be.instanceOf(ValidationError);
    expect((urnError as ValidationError).fieldErrors.standard?.[0]).to.match(/The URN must be 40 characters or fewer$/);
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const item = items.find((row) => row.code === 'P1');
    const noteError = await recordEvidence(
      contextFor(org.worker),
      { type: 'reflective_account', title: 'T', activityDate: '2026-01-14', description: 'D', links: [{ itemId: item!.id, note: 'n'.repeat(2001) }] },
      [],
      { submissionToken: unique('token'), submit: false },
    ).catch((error: unknown) => error);
    expect((noteError as ValidationError).fieldErrors).to.deep.equal({ [`note-${item!.id}`]: ['Note must be 2,000 characters or fewer'] });
  });
});
