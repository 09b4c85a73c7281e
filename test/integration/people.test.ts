// Admins manage people, roles and access; other roles and other organisations cannot.
import { expect } from 'chai';
import { listAuditEvents } from '#app/domain/audit.server.ts';
import { createPerson as addPerson, getPerson, listPeople, setPersonActive, updatePerson } from '#app/domain/people.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import { AuditEvent, PersonRole } from '#db/models/index.ts';
import { createPerson, createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

describe('people', () => {
  it('an admin adds a person with several roles, a team and a line supervisor, and it is audited', async () => {
    const { admin, team, supervisor } = await createStaffedOrganisation();
    const email = `${unique('new')}@example.org`;
    const id = await addPerson(
      contextFor(admin, { ipAddress: '127.0.0.1' }),
      { name: 'Jo Bloggs', email: email.toUpperCase(), roles: ['worker', 'assessor'], teamId: team.id, lineSupervisorId: supervisor.id },
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
    const duplicate = await expectRejection(addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'Copy', email: worker.email, roles: ['worker'] }), ValidationError);
    expect(duplicate).to.be.instanceOf(ValidationError);
    expect((duplicate as ValidationError).fieldErrors).to.have.property('email');
    const foreignTeam = await expectRejection(addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'X', email: `${unique('x')}@example.org`, roles: [], teamId: other.team.id }), ValidationError);
    expect((foreignTeam as ValidationError).fieldErrors).to.have.property('teamId');
    expect((await listPeople(admin)).length).to.equal(before);
  });

  it('refuses a person without any role, next to the roles field, when adding and when changing', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const before = (await listPeople(admin)).length;
    const added = await expectRejection(addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'No Role', email: `${unique('none')}@example.org`, roles: [] }), ValidationError);
    expect(added.fieldErrors.roles).to.deep.equal(['Select at least one role']);
    const person = await getPerson(admin, worker.id);
    const changed = await expectRejection(updatePerson(contextFor(admin, { ipAddress: 'ip' }), worker.id, { name: person.name, email: person.email, roles: [] }), ValidationError);
    expect(changed.fieldErrors.roles).to.deep.equal(['Select at least one role']);
    expect((await listPeople(admin)).length).to.equal(before);
    expect((await getPerson(admin, worker.id)).roles).to.deep.equal(['worker']);
  });

  it('an email used in another organisation is refused with the same words as any unusable address, revealing nothing', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const ownDuplicate = await expectRejection(addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'Copy', email: worker.email, roles: ['worker'] }), ValidationError);
    const elsewhere = await expectRejection(addPerson(contextFor(other.admin, { ipAddress: 'ip' }), { name: 'Copy', email: worker.email.toUpperCase(), roles: ['worker'] }), ValidationError);
    const target = await getPerson(other.admin, other.worker.id);
    const edited = await expectRejection(updatePerson(contextFor(other.admin, { ipAddress: 'ip' }), other.worker.id, { name: target.name, email: worker.email, roles: target.roles }), ValidationError);
    for (const error of [elsewhere, edited]) {
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.fieldErrors.email).to.deep.equal(ownDuplicate.fieldErrors.email);
    }
    const words = elsewhere.fieldErrors.email!.join(' ');
    expect(words).not.to.match(/already|exists|another organisation|account/i);
    expect((await getPerson(other.admin, other.worker.id)).email).to.equal(target.email);
  });

  it('changes roles and records who changed them from what to what', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const person = await getPerson(admin, worker.id);
    await updatePerson(contextFor(admin, { ipAddress: 'ip' }), worker.id, { name: person.name, email: person.email, roles: ['worker', 'supervisor'] });
    expect((await PersonRole.findAll({ where: { personId: worker.id } })).map((row) => row.role).sort()).to.deep.equal([
      'supervisor',
      'worker',
    ]);
    const event = await AuditEvent.findOne({ where: { subjectId: worker.id, action: 'person.roles_changed' } });
    expect(event?.summary).to.contain('from Worker to Worker, Supervisor');
    expect(event?.actorId).to.equal(admin.id);
  });

  it('accepts as line supervisor only an active person of the organisation with the supervisor role, not the person themself', async () => {
    const { admin, worker, supervisor } = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const retired = await createPerson(admin.organisationId, { roles: ['supervisor'], deactivated: true });
    const details = await getPerson(admin, worker.id);
    const base = { name: details.name, email: details.email, roles: details.roles };
    const cases: [string, number, number][] = [
      ['a plain worker', (await createPerson(admin.organisationId, { roles: ['worker'] })).id, worker.id],
      ['the admin herself, without the supervisor role', admin.id, worker.id],
      ['a deactivated supervisor', retired.id, worker.id],
      ['another organisation’s supervisor', other.supervisor.id, worker.id],
      ['the person themself', supervisor.id, supervisor.id],
    ];
    for (const [what, lineSupervisorId, personId] of cases) {
      const person = await getPerson(admin, personId);
      const error = await expectRejection(updatePerson(contextFor(admin, { ipAddress: 'ip' }), personId, { ...base, name: person.name, email: person.email, roles: person.roles, lineSupervisorId }), ValidationError);
      expect(error, what).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.lineSupervisorId, what).to.have.length(1);
    }
    const created = await expectRejection(addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'New', email: `${unique('n')}@example.org`, roles: ['worker'], lineSupervisorId: admin.id }), ValidationError);
    expect((created as ValidationError).fieldErrors.lineSupervisorId).to.deep.equal(['Select a line supervisor from the list: only active people with the supervisor role can be one']);
    expect((await getPerson(admin, worker.id)).lineSupervisorId).to.equal(supervisor.id);
  });

  it('audits who became whose line supervisor and which roles were added or removed', async () => {
    const { admin, worker, supervisor, team } = await createStaffedOrganisation();
    const second = await createPerson(admin.organisationId, { roles: ['supervisor', 'worker'], name: unique('Sam Second') });
    const details = await getPerson(admin, worker.id);
    await updatePerson(contextFor(admin, { ipAddress: 'ip' }), worker.id, { name: details.name, email: details.email, teamId: team.id, lineSupervisorId: second.id, roles: ['worker', 'assessor'] });
    const summaries = (await AuditEvent.findAll({ where: { subjectId: worker.id, organisationId: admin.organisationId } })).map((event) => event.summary).join('\n');
    expect(summaries).to.contain(`${second.name} became the line supervisor of ${worker.name} (was ${supervisor.name})`);
    expect(summaries).to.contain('added Assessor');
    const id = await addPerson(contextFor(admin, { ipAddress: 'ip' }), { name: 'Jo New', email: `${unique('jo')}@example.org`, roles: ['worker'], lineSupervisorId: supervisor.id });
    const created = await AuditEvent.findOne({ where: { subjectId: id, action: 'person.created' } });
    expect(created?.summary).to.contain(`line supervisor ${supervisor.name}`);
  });

  it('an admin cannot remove their own admin role or deactivate themselves', async () => {
    const { admin } = await createStaffedOrganisation();
    const self = await getPerson(admin, admin.id);
    const demote = await expectRejection(updatePerson(contextFor(admin, { ipAddress: 'ip' }), admin.id, { name: self.name, email: self.email, roles: ['worker'] }), ValidationError);
    expect(demote).to.be.instanceOf(ValidationError);
    await expectRejection(setPersonActive(contextFor(admin, { ipAddress: 'ip' }), admin.id, false), ValidationError);
  });

  it('other roles are forbidden and another organisation gets not found', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    for (const actor of [one.worker, one.supervisor, one.manager]) {
      await expectRejection(listPeople(actor), Forbidden);
      await expectRejection(getPerson(actor, one.worker.id), Forbidden);
    }
    await expectRejection(getPerson(other.admin, one.worker.id), NotFound);
    await expectRejection(setPersonActive(contextFor(other.admin, { ipAddress: 'ip' }), one.worker.id, false), NotFound);
    expect((await listPeople(other.admin)).map((person) => person.id)).not.to.include(one.worker.id);
  });

  it('keeps the audit log append-only', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    await setPersonActive(contextFor(admin, { ipAddress: 'ip' }), worker.id, false);
    const event = await AuditEvent.findOne({ where: { subjectId: worker.id, action: 'person.deactivated' } });
    expect(event).not.to.equal(null);
    const original = event!.summary;
    await expectRejection(event!.update({ summary: 'rewritten' }), AppendOnlyViolation);
    await expectRejection(event!.destroy(), AppendOnlyViolation);
    await expectRejection(AuditEvent.destroy({ where: { id: event!.id } }), AppendOnlyViolation);
    expect((await AuditEvent.findByPk(event!.id))?.summary).to.equal(original);
  });

  it('shows admins only their own organisation’s audit log', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    await setPersonActive(contextFor(one.admin, { ipAddress: 'ip' }), one.worker.id, false);
    const otherLog = await listAuditEvents(other.admin, 1);
    expect(otherLog.events.map((event) => event.summary).join('\n')).not.to.contain(one.worker.name);
    await expectRejection(listAuditEvents(one.manager, 1), Forbidden);
  });
});
