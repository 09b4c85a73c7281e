// The role profile page's view and commands: what an admin and a reader are offered, and each form's command.
import { expect } from 'chai';
import { actOnRoleProfile, roleProfilePage } from '#app/domain/role-profile-page.server.ts';
import { createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { today as todayInLondon } from '#app/utils/dates/index.ts';
import { InvalidTransition, ValidationError } from '#app/utils/errors.server.ts';
import { AuditEvent, RoleAssignment } from '#db/models/index.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('role profile page', () => {
  it('offers an admin the forms with the profile as it is and only people not in the role; a reader gets none', async () => {
    const org = await createStaffedOrganisation();
    const name = unique('Care worker');
    const id = await createRoleProfile(
      org.admin,
      { name, description: undefined, standardIds: [], supervisionFrequencyWeeks: 8, probationSupervisionFrequencyWeeks: undefined, urgentDebriefOnRequest: false, targetMonths: 12 },
      'ip',
    );
    const notice = await actOnRoleProfile(org.admin, id, { intent: 'assign', personId: org.worker.id, startedOn: todayInLondon() }, 'ip');
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
      org.admin,
      { name: unique('Team leader'), description: undefined, standardIds: [], supervisionFrequencyWeeks: 6, probationSupervisionFrequencyWeeks: undefined, urgentDebriefOnRequest: true, targetMonths: 6 },
      'ip',
    );
    await actOnRoleProfile(org.admin, id, { intent: 'assign', personId: org.worker.id, startedOn: todayInLondon() }, 'ip');
    const assignment = await RoleAssignment.findOne({ where: { roleProfileId: id } });
    expect(await actOnRoleProfile(org.admin, id, { intent: 'end', assignmentId: assignment!.id }, 'ip')).to.equal('ended');
    expect((await RoleAssignment.findByPk(assignment!.id))!.endedOn).to.equal(todayInLondon());
    const audits = await AuditEvent.count({ where: { organisationId: org.organisation.id } });
    const again = await caught(actOnRoleProfile(org.admin, id, { intent: 'end', assignmentId: assignment!.id }, 'ip'));
    expect(again).to.be.instanceOf(InvalidTransition);
    expect((again as ValidationError).fieldErrors).to.deep.equal({});
    expect(await AuditEvent.count({ where: { organisationId: org.organisation.id } })).to.equal(audits);
  });
});
