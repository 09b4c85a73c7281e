// The role profile page's view and commands: what an admin and a reader are offered, and each form's command.
import { expect } from 'chai';
import { actOnRoleProfile, roleProfilePage } from '#app/domain/role-profile-page.server.ts';
import { createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { today as todayInLondon } from '#app/utils/dates/index.ts';
import { InvalidTransition } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, RoleAssignment } from '#db/models/index.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

describe('role profile page', () => {
  it('offers an admin the forms with the profile as it is and only people not in the role; a reader gets none', async () => {
    const org = await createStaffedOrganisation();
    const name = unique('Care worker');
    const id = await createRoleProfile(
      contextFor(org.admin, { ipAddress: 'ip' }),
      { name, description: undefined, standardIds: [], supervisionFrequencyWeeks: 8, probationSupervisionFrequencyWeeks: undefined, urgentDebriefOnRequest: false, targetMonths: 12 },
    );
    const notice = await actOnRoleProfile(contextFor(org.admin, { ipAddress: 'ip' }), id, { intent: 'assign', personId: org.worker.id, startedOn: todayInLondon() });
    expect(notice).to.equal('assigned');

    const page = await roleProfilePage(org.admin, id);
    expect(page.can).to.deep.equal({ edit: true, assign: true, endAssignment: true });
    expect(page.editDefaults).to.deep.equal({
      name,
      description: '',
      standardIds: [],
      supervisionFrequencyWeeks: '8',
      probationSupervisionFrequencyWeeks: '',
      urgentDebriefOnRequest: '',
      targetMonths: '12',
      pdpReviewMonths: '6',
    });
    expect(page.assignable.map((person) => person.value)).to.include(String(org.supervisor.id)).and.not.include(String(org.worker.id));

    const reader = await roleProfilePage(org.manager, id);
    expect(reader.can).to.deep.equal({ edit: false, assign: false, endAssignment: false });
    expect(reader.assignable).to.deep.equal([]);
    expect(reader.profile.holders.map((holder) => holder.personId)).to.deep.equal([org.worker.id]);
  });

  it('ends an assignment today; ending it again is refused (409) and writes nothing', async () => {
    const org = await createStaffedOrganisation();
    const id = await createRoleProfile(
      contextFor(org.admin, { ipAddress: 'ip' }),
      { name: unique('Team leader'), description: undefined, standardIds: [], supervisionFrequencyWeeks: 6, probationSupervisionFrequencyWeeks: undefined, urgentDebriefOnRequest: true, targetMonths: 6 },
    );
    await actOnRoleProfile(contextFor(org.admin, { ipAddress: 'ip' }), id, { intent: 'assign', personId: org.worker.id, startedOn: todayInLondon() });
    const assignment = await RoleAssignment.findOne({ where: { roleProfileId: id } });
    expect(await actOnRoleProfile(contextFor(org.admin, { ipAddress: 'ip' }), id, { intent: 'end', assignmentId: assignment!.id })).to.equal('ended');
    expect((await RoleAssignment.findByPk(assignment!.id))!.endedOn).to.equal(todayInLondon());
    const audits = await AuditEvent.count({ where: { organisationId: org.organisation.id } });
    const again = await expectRejection(actOnRoleProfile(contextFor(org.admin, { ipAddress: 'ip' }), id, { intent: 'end', assignmentId: assignment!.id }), InvalidTransition);
    expect(again.fieldErrors).to.deep.equal({});
    expect(await AuditEvent.count({ where: { organisationId: org.organisation.id } })).to.equal(audits);
  });
});
