// Policies: admins adopt versions, everyone acknowledges the current one, admins and managers see who has not.
import { expect } from 'chai';
import {
  acknowledgePolicy,
  acknowledgementReport,
  addPolicy,
  addPolicyVersion,
  getPolicy,
  listPolicies,
  type PolicyInput,
} from '#app/domain/policies.server.ts';
import { today } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, PolicyAcknowledgement, PolicyVersion, Team } from '#db/models/index.ts';
import { actorFor, createPerson, createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

function policyInput(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    title: unique('Safeguarding adults'),
    version: '1.0',
    adoptedOn: '2026-01-01',
    nextReviewOn: '2099-01-01',
    body: 'First paragraph.\n\nSecond paragraph.',
    ...overrides,
  };
}

describe('policies', () => {
  it('a worker acknowledges the current version once; a new version asks again', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const id = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), policyInput());
    expect((await listPolicies(worker)).find((row) => row.id === id)).to.include({ version: '1.0', acknowledged: false, reviewOverdue: false });

    await acknowledgePolicy(contextFor(worker, { ipAddress: 'ip' }), id);
    await acknowledgePolicy(contextFor(worker, { ipAddress: 'ip' }), id);
    expect(await PolicyAcknowledgement.count({ where: { personId: worker.id } })).to.equal(1);
    expect(await AuditEvent.count({ where: { actorId: worker.id, action: 'policy.acknowledged' } })).to.equal(1);
    expect((await listPolicies(worker)).find((row) => row.id === id)?.acknowledged).to.equal(true);
    expect((await getPolicy(worker, id)).acknowledgedAt).to.be.a('string');

    await addPolicyVersion(contextFor(admin, { ipAddress: 'ip' }), id, { version: '2.0', adoptedOn: '2026-06-01', nextReviewOn: '2099-06-01', body: 'Revised.' });
    const policy = await getPolicy(worker, id);
    expect(policy.current).to.include({ version: '2.0', body: 'Revised.' });
    expect(policy.acknowledgedAt).to.equal(null);
    expect(policy.versions.map((version) => [version.version, version.isCurrent])).to.deep.equal([
      ['2.0', true],
      ['1.0', false],
    ]);
    expect(await PolicyVersion.count({ where: { policyId: id, isCurrent: true } })).to.equal(1);
    expect((await listPolicies(worker)).find((row) => row.id === id)?.acknowledged).to.equal(false);
    await acknowledgePolicy(contextFor(worker, { ipAddress: 'ip' }), id);
    expect((await getPolicy(worker, id)).acknowledgedAt).to.be.a('string');
  });

  it('refuses a review date that is not after adoption, a duplicate version and a duplicate title', async () => {
    const { admin } = await createStaffedOrganisation();
    const early = await expectRejection(addPolicy(contextFor(admin, { ipAddress: 'ip' }), policyInput({ nextReviewOn: '2026-01-01' })), ValidationError);
    expect((early as ValidationError).fieldErrors).to.have.property('nextReviewOn');
    const input = policyInput();
    const id = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), input);
    const title = await expectRejection(addPolicy(contextFor(admin, { ipAddress: 'ip' }), { ...input }), ValidationError);
    expect((title as ValidationError).fieldErrors).to.have.property('title');
    const version = await expectRejection(addPolicyVersion(contextFor(admin, { ipAddress: 'ip' }), id, { ...input }), ValidationError);
    expect((version as ValidationError).fieldErrors).to.have.property('version');
    expect((await getPolicy(admin, id)).versions).to.have.length(1);
  });

  it('flags a policy whose review date has passed', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const id = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), policyInput({ adoptedOn: '2020-01-01', nextReviewOn: '2021-01-01' }));
    expect((await listPolicies(admin)).find((row) => row.id === id)?.reviewOverdue).to.equal(true);
    expect((await getPolicy(worker, id)).current.reviewOverdue).to.equal(true);
    expect(today(new Date('2026-06-30T23:30:00Z'))).to.equal('2026-07-01');
    expect(today(new Date('2026-12-31T23:30:00Z'))).to.equal('2026-12-31');
  });

  it('reports who has not acknowledged: the whole organisation for admins, their teams for managers', async () => {
    const { organisation, admin, manager, supervisor, worker } = await createStaffedOrganisation();
    const elsewhere = await Team.create({ organisationId: organisation.id, name: unique('Night team'), locationId: null });
    const outsider = await createPerson(organisation.id, { roles: ['worker'], teamId: elsewhere.id });
    const id = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), policyInput());
    await acknowledgePolicy(contextFor(worker, { ipAddress: 'ip' }), id);
    await acknowledgePolicy(contextFor(actorFor(outsider, ['worker']), { ipAddress: 'ip' }), id);

    const full = await acknowledgementReport(admin, id);
    expect(full.scope).to.equal('organisation');
    expect(full.acknowledged.map((row) => row.personId).sort()).to.deep.equal([worker.id, outsider.id].sort());
    expect(full.notAcknowledged.map((row) => row.personId).sort()).to.deep.equal([admin.id, manager.id, supervisor.id].sort());

    const managed = await acknowledgementReport(manager, id);
    expect(managed.scope).to.equal('managed-teams');
    expect(managed.acknowledged.map((row) => row.personId)).to.deep.equal([worker.id]);
    expect(managed.notAcknowledged.map((row) => row.personId).sort()).to.deep.equal([manager.id, supervisor.id].sort());
  });

  it('only admins add policies and versions; workers and supervisors cannot see the report; other organisations get not found', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const id = await addPolicy(contextFor(one.admin, { ipAddress: 'ip' }), policyInput());
    const version = { version: '2', adoptedOn: '2026-02-01', nextReviewOn: '2027-02-01', body: 'x' };
    for (const actor of [one.worker, one.supervisor, one.manager]) {
      await expectRejection(addPolicy(contextFor(actor, { ipAddress: 'ip' }), policyInput()), Forbidden);
      await expectRejection(addPolicyVersion(contextFor(actor, { ipAddress: 'ip' }), id, version), Forbidden);
    }
    await expectRejection(acknowledgementReport(one.worker, id), Forbidden);
    await expectRejection(acknowledgementReport(one.supervisor, id), Forbidden);

    await expectRejection(getPolicy(other.admin, id), NotFound);
    await expectRejection(addPolicyVersion(contextFor(other.admin, { ipAddress: 'ip' }), id, version), NotFound);
    await expectRejection(acknowledgePolicy(contextFor(other.worker, { ipAddress: 'ip' }), id), NotFound);
    await expectRejection(acknowledgementReport(other.admin, id), NotFound);
    expect((await listPolicies(other.admin)).map((row) => row.id)).not.to.include(id);
  });
});
