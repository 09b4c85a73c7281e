// Admins manage people, roles and access; other roles and other organisations cannot.
import { expect } from 'chai';
import { listAuditEvents } from '#app/domain/audit.server.ts';
import { createPerson as addPerson, getPerson, listPeople, setPersonActive, updatePerson } from '#app/domain/people.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { AuditEvent, PersonRole } from '#db/models/index.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('people', () => {
  it('an admin adds a person with several roles, a team and a line supervisor, and it is audited', async () => {
    const { admin, team, supervisor } = await createStaffedOrganisation();
    const email = `${unique('new')}@example.org`;
    const id = await addPerson(
      admin,
      { name: 'Jo Bloggs', email: email.toUpperCase(), roles: ['worker', 'assessor'], teamId: team.id, lineSupervisorId: supervisor.id },
      '127.0.0.1',
    );
    const person = await getPerson(admin, id);
    expect(person).to.include({ name: 'Jo Bloggs', email, teamId: team.id, lineSupervisorId: supervisor.id, active: true });
    expect(person.roles.sort()).to.deep.equal(['assessor', 'worker']);
    const audit = await listAuditEvents(admin, 1);
    expect(audit.events.map((event) => event.action)).to.include('person.created');
  });

  it('refuses a duplicate email and a team from another organisation, writing nothing', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const before = (await listPeople(admin)).length;
    const duplicate = await caught(addPerson(admin, { name: 'Copy', email: worker.email, roles: ['worker'] }, 'ip'));
    expect(duplicate).to.be.instanceOf(ValidationError);
    expect((duplicate as ValidationError).fieldErrors).to.have.property('email');
    const foreignTeam = await caught(addPerson(admin, { name: 'X', email: `${unique('x')}@example.org`, roles: [], teamId: other.team.id }, 'ip'));
    expect((foreignTeam as ValidationError).fieldErrors).to.have.property('teamId');
    expect((await listPeople(admin)).length).to.equal(before);
  });

  it('changes roles and records who changed them from what to what', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const person = await getPerson(admin, worker.id);
    await updatePerson(admin, worker.id, { name: person.name, email: person.email, roles: ['worker', 'supervisor'] }, 'ip');
    expect((await PersonRole.findAll({ where: { personId: worker.id } })).map((row) => row.role).sort()).to.deep.equal([
      'supervisor',
      'worker',
    ]);
    const event = await AuditEvent.findOne({ where: { subjectId: worker.id, action: 'person.roles_changed' } });
    expect(event?.summary).to.contain('from Worker to Worker, Supervisor');
    expect(event?.actorId).to.equal(admin.id);
  });

  it('an admin cannot remove their own admin role or deactivate themselves', async () => {
    const { admin } = await createStaffedOrganisation();
    const self = await getPerson(admin, admin.id);
    const demote = await caught(updatePerson(admin, admin.id, { name: self.name, email: self.email, roles: ['worker'] }, 'ip'));
    expect(demote).to.be.instanceOf(ValidationError);
    expect(await caught(setPersonActive(admin, admin.id, false, 'ip'))).to.be.instanceOf(ValidationError);
  });

  it('other roles are forbidden and another organisation gets not found', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    for (const actor of [one.worker, one.supervisor, one.manager]) {
      expect(await caught(listPeople(actor))).to.be.instanceOf(Forbidden);
      expect(await caught(getPerson(actor, one.worker.id))).to.be.instanceOf(Forbidden);
    }
    expect(await caught(getPerson(other.admin, one.worker.id))).to.be.instanceOf(NotFound);
    expect(await caught(setPersonActive(other.admin, one.worker.id, false, 'ip'))).to.be.instanceOf(NotFound);
    expect((await listPeople(other.admin)).map((person) => person.id)).not.to.include(one.worker.id);
  });

  it('keeps the audit log append-only', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    await setPersonActive(admin, worker.id, false, 'ip');
    const event = await AuditEvent.findOne({ where: { subjectId: worker.id, action: 'person.deactivated' } });
    expect(event).not.to.equal(null);
    const original = event!.summary;
    expect(await caught(event!.update({ summary: 'rewritten' }))).to.be.instanceOf(AppendOnlyViolation);
    expect(await caught(event!.destroy())).to.be.instanceOf(AppendOnlyViolation);
    expect(await caught(AuditEvent.destroy({ where: { id: event!.id } }))).to.be.instanceOf(AppendOnlyViolation);
    expect((await AuditEvent.findByPk(event!.id))?.summary).to.equal(original);
  });

  it('shows admins only their own organisation’s audit log', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    await setPersonActive(one.admin, one.worker.id, false, 'ip');
    const otherLog = await listAuditEvents(other.admin, 1);
    expect(otherLog.events.map((event) => event.summary).join('\n')).not.to.contain(one.worker.name);
    expect(await caught(listAuditEvents(one.manager, 1))).to.be.instanceOf(Forbidden);
  });
});
