// Admins define role profiles and assign them; the person gets each required standard at its current version.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  assignRoleProfile,
  createRoleProfile,
  endRoleAssignment,
  getRoleProfile,
  listRoleProfiles,
  roleHistory,
  updateRoleProfile,
  type RoleProfileInput,
} from '#app/domain/role-profiles.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { addMonths } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, PersonStandard, RoleAssignment, StandardVersion } from '#db/models/index.ts';
import type { NosStandard } from '#standards/schema.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const template = JSON.parse(readFileSync(new URL('../../standards/parsed/ASTH325.json', import.meta.url), 'utf8')) as NosStandard;

/** Imports a standard into the admin's library; returns its id and the id of its current version. */
async function addStandard(admin: Actor, version = '1', urn = unique('TEST').toUpperCase()) {
  const [saved] = await saveStandardVersions(contextFor(admin, { ipAddress: 'ip' }), [{ ...template, urn, version, title: `Standard ${urn}` }]);
  const row = await StandardVersion.findByPk(saved!.standardVersionId);
  return { urn, standardId: row!.standardId, standardVersionId: row!.id };
}

function profileInput(standardIds: number[], overrides: Partial<RoleProfileInput> = {}): RoleProfileInput {
  return {
    name: unique('Care worker'),
    description: 'Provides personal care',
    standardIds,
    supervisionFrequencyWeeks: 8,
    probationSupervisionFrequencyWeeks: 4,
    urgentDebriefOnRequest: true,
    targetMonths: 12,
    ...overrides,
  };
}

describe('role profiles', () => {
  it('an admin creates a profile with two standards and assigns it: the person gets each current version with the target date', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const one = await addStandard(admin);
    const two = await addStandard(admin, '1');
    // A second version of the first standard: the assignment must use the current one.
    await saveStandardVersions(contextFor(admin, { ipAddress: 'ip' }), [{ ...template, urn: one.urn, version: '2', title: 'Updated' }]);
    const currentOne = await StandardVersion.findOne({ where: { standardId: one.standardId, isCurrent: true } });

    const profileId = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), profileInput([one.standardId, two.standardId]));
    const profile = await getRoleProfile(admin, profileId);
    expect(profile.requiredStandards.map((standard) => standard.urn).sort()).to.deep.equal([one.urn, two.urn].sort());

    const assignmentId = await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: profileId, startedOn: '2026-01-31' });
    const assignment = await RoleAssignment.findByPk(assignmentId);
    expect(assignment).to.deep.include({ startedOn: '2026-01-31', targetDate: '2027-01-31', endedOn: null, assignedById: admin.id });

    const rows = await PersonStandard.findAll({ where: { personId: worker.id }, order: [['standardVersionId', 'ASC']] });
    expect(rows.map((row) => row.standardVersionId).sort()).to.deep.equal([currentOne!.id, two.standardVersionId].sort());
    for (const row of rows) expect(row).to.deep.include({ targetDate: '2027-01-31', roleAssignmentId: assignmentId, organisationId: admin.organisationId });

    expect((await getRoleProfile(admin, profileId)).holders.map((holder) => holder.personId)).to.deep.equal([worker.id]);
    expect((await listRoleProfiles(admin)).find((row) => row.id === profileId)).to.include({ requiredStandards: 2, holders: 1 });
    expect(await AuditEvent.count({ where: { organisationId: admin.organisationId, action: 'role_profile.assigned' } })).to.equal(1);
  });

  it('tells the admin which holders lack the worker role and so cannot record evidence for it', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const { standardId } = await addStandard(admin);
    const profileId = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), profileInput([standardId]));
    for (const person of [worker, admin]) {
      await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: person.id, roleProfileId: profileId, startedOn: '2026-01-31' });
    }
    const holders = (await getRoleProfile(admin, profileId)).holders;
    expect(holders.map((holder) => [holder.personId, holder.isWorker]).sort()).to.deep.equal([[worker.id, true], [admin.id, false]].sort());
  });

  it('adds months to date-only strings without time-zone drift', () => {
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2026-03-29', 6)).to.equal('2026-09-29');
    expect(addMonths('2026-10-25', 18)).to.equal('2028-04-25');
  });

  it('refuses to assign a role the person already holds, allows another role, and keeps ended assignments as history', async () => {
    const { admin, worker, supervisor } = await createStaffedOrganisation();
    const standard = await addStandard(admin);
    const first = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), profileInput([standard.standardId]));
    const second = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), profileInput([standard.standardId], { targetMonths: 6 }));
    const assignmentId = await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: first, startedOn: '2026-03-01' });

    const again = await expectRejection(assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: first, startedOn: '2026-04-01' }), ValidationError);
    expect(again).to.be.instanceOf(ValidationError);
    expect((again as ValidationError).fieldErrors).to.have.property('personId');

    // A second role is fine; the standard the worker already has keeps its first target.
    await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: second, startedOn: '2026-03-01' });
    const rows = await PersonStandard.findAll({ where: { personId: worker.id } });
    expect(rows).to.have.length(1);
    expect(rows[0]!.targetDate).to.equal('2027-03-01');

    await expectRejection(endRoleAssignment(contextFor(admin, { ipAddress: 'ip' }), assignmentId, '2026-02-01'), ValidationError);
    await endRoleAssignment(contextFor(admin, { ipAddress: 'ip' }), assignmentId, '2026-06-30');
    const history = await roleHistory(admin, worker.id);
    expect(history).to.have.length(2);
    expect(history.find((row) => row.id === assignmentId)).to.include({ endedOn: '2026-06-30', open: false });
    expect((await getRoleProfile(admin, first)).pastHolders.map((row) => row.personId)).to.deep.equal([worker.id]);

    // Once ended, the role can be given again.
    await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: first, startedOn: '2026-07-01' });
    expect(await roleHistory(admin, worker.id)).to.have.length(3);
    // A supervisor (read permission) sees the history too.
    expect(await roleHistory(supervisor, worker.id)).to.have.length(3);
  });

  it('refuses a standard from another organisation and a duplicate name, writing nothing', async () => {
    const { admin } = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const ours = await addStandard(admin);
    const theirs = await addStandard(other.admin);
    const before = (await listRoleProfiles(admin)).length;
    const foreign = await expectRejection(createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), profileInput([ours.standardId, theirs.standardId])), ValidationError);
    expect(foreign).to.be.instanceOf(ValidationError);
    expect((foreign as ValidationError).fieldErrors).to.have.property('standardIds');

    const input = profileInput([ours.standardId]);
    const id = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), input);
    const duplicate = await expectRejection(createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { ...input, standardIds: [] }), ValidationError);
    expect((duplicate as ValidationError).fieldErrors).to.have.property('name');
    expect((await listRoleProfiles(admin)).length).to.equal(before + 1);

    const update = await expectRejection(updateRoleProfile(contextFor(admin, { ipAddress: 'ip' }), id, { ...input, standardIds: [theirs.standardId] }), ValidationError);
    expect((update as ValidationError).fieldErrors).to.have.property('standardIds');
    expect((await getRoleProfile(admin, id)).standardIds).to.deep.equal([ours.standardId]);
  });

  it('updates a profile’s standards and expectations', async () => {
    const { admin } = await createStaffedOrganisation();
    const one = await addStandard(admin);
    const two = await addStandard(admin);
    const input = profileInput([one.standardId]);
    const id = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), input);
    await updateRoleProfile(contextFor(admin, { ipAddress: 'ip' }), id, { ...input, standardIds: [two.standardId], targetMonths: 3, probationSupervisionFrequencyWeeks: undefined });
    const profile = await getRoleProfile(admin, id);
    expect(profile).to.include({ targetMonths: 3, probationSupervisionFrequencyWeeks: null });
    expect(profile.standardIds).to.deep.equal([two.standardId]);
  });

  it('other roles cannot change profiles, workers cannot read them, and another organisation gets not found', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const standard = await addStandard(one.admin);
    const id = await createRoleProfile(contextFor(one.admin, { ipAddress: 'ip' }), profileInput([standard.standardId]));
    const assignmentId = await assignRoleProfile(contextFor(one.admin, { ipAddress: 'ip' }), { personId: one.worker.id, roleProfileId: id, startedOn: '2026-01-01' });

    for (const actor of [one.worker, one.supervisor, one.manager]) {
      await expectRejection(createRoleProfile(contextFor(actor, { ipAddress: 'ip' }), profileInput([])), Forbidden);
      await expectRejection(assignRoleProfile(contextFor(actor, { ipAddress: 'ip' }), { personId: one.worker.id, roleProfileId: id, startedOn: '2026-01-01' }), Forbidden);
      await expectRejection(endRoleAssignment(contextFor(actor, { ipAddress: 'ip' }), assignmentId, '2026-02-01'), Forbidden);
    }
    await expectRejection(listRoleProfiles(one.worker), Forbidden);
    expect((await getRoleProfile(one.manager, id)).name).to.be.a('string');

    await expectRejection(getRoleProfile(other.admin, id), NotFound);
    await expectRejection(updateRoleProfile(contextFor(other.admin, { ipAddress: 'ip' }), id, profileInput([])), NotFound);
    await expectRejection(endRoleAssignment(contextFor(other.admin, { ipAddress: 'ip' }), assignmentId, '2026-02-01'), NotFound);
    await expectRejection(roleHistory(other.admin, one.worker.id), NotFound);
    await expectRejection(assignRoleProfile(contextFor(other.admin, { ipAddress: 'ip' }), { personId: other.worker.id, roleProfileId: id, startedOn: '2026-01-01' }), NotFound);
    // Their own profile cannot be given to one of our people.
    const theirs = await createRoleProfile(contextFor(other.admin, { ipAddress: 'ip' }), profileInput([]));
    const crossPerson = await expectRejection(assignRoleProfile(contextFor(other.admin, { ipAddress: 'ip' }), { personId: one.worker.id, roleProfileId: theirs, startedOn: '2026-01-01' }), ValidationError);
    expect((crossPerson as ValidationError).fieldErrors).to.have.property('personId');
    expect((await listRoleProfiles(other.admin)).map((row) => row.id)).not.to.include(id);
  });
});
