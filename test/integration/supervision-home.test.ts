// The supervision home page: a line supervisor sees the people they supervise there, a manager the people in
// their teams, whatever else either of them holds.
import { expect } from 'chai';
import { supervisionHome } from '#app/domain/supervision/overview.server.ts';
import { actorFor, createPerson, createStaffedOrganisation } from '#test/factories/index.ts';

describe('supervision home', () => {
  it('lists a supervisor’s supervisees, including one who holds only the supervisor role', async () => {
    const org = await createStaffedOrganisation();
    const home = await supervisionHome(org.supervisor);
    expect(home.can.oversee).to.equal(true);
    expect(home.people.map((person) => person.id)).to.include(org.worker.id);

    const onlySupervisor = actorFor(await createPerson(org.organisation.id, { roles: ['supervisor'], teamId: org.team.id }), ['supervisor']);
    const supervisee = await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: onlySupervisor.id });
    const theirs = await supervisionHome(onlySupervisor);
    expect(theirs.people.map((person) => person.id)).to.deep.equal([supervisee.id]);
  });

  it('lists a manager’s team', async () => {
    const org = await createStaffedOrganisation();
    const home = await supervisionHome(org.manager);
    expect(home.people.map((person) => person.id)).to.include.members([org.worker.id, org.supervisor.id]);
  });
});
