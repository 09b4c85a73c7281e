// The one write path: the permission first, one transaction with the audit event in it, and the audit event of
// evidence and supervision writes naming what happened, from the request's address, without confidential text.
import { expect } from 'chai';
import { AUDIT_ACTIONS } from '#app/domain/audit.server.ts';
import { recordEvidence, submitEvidence, updateEvidence } from '#app/domain/evidence.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { write } from '#app/domain/write.server.ts';
import { Forbidden, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, Location, PersonStandard, StandardItem, StandardVersion } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

async function eventsOf(organisationId: number) {
  return (await AuditEvent.findAll({ where: { organisationId }, order: [['id', 'ASC']] })).map((event) => ({
    action: event.action,
    summary: event.summary,
    subjectType: event.subjectType,
    ipAddress: event.ipAddress,
  }));
}

describe('the write path', () => {
  it('checks the permission before anything runs, and commits the audit event with the write or not at all', async () => {
    const org = await createStaffedOrganisation();
    let ran = false;
    await expectRejection(
      write(contextFor(org.worker), { permission: 'manage:organisation:org', run: async () => void (ran = true) }),
      Forbidden,
    );
    expect(ran).to.equal(false);

    const name = unique('Depot');
    await expectRejection(
      write(contextFor(org.admin, { ipAddress: '203.0.113.9' }), {
        permission: 'manage:organisation:org',
        run: async (_, transaction, record) => {
          await Location.create({ organisationId: org.organisation.id, name, address: null }, { transaction });
          record({ action: AUDIT_ACTIONS.organisationChanged, summary: 'added a depot' });
          throw new ValidationError({ name: ['refused after writing'] });
        },
      }),
      ValidationError,
    );
    expect(await Location.count({ where: { name } })).to.equal(0);
    expect(await eventsOf(org.organisation.id)).to.deep.equal([]);

    await write(contextFor(org.admin, { ipAddress: '203.0.113.9' }), {
      permission: 'manage:organisation:org',
      run: (_, transaction) => Location.create({ organisationId: org.organisation.id, name, address: null }, { transaction }),
      audit: (_, location) => ({ action: AUDIT_ACTIONS.organisationChanged, summary: `added ${location.name}`, subject: { type: 'location', id: location.id } }),
    });
    expect(await eventsOf(org.organisation.id)).to.deep.equal([
      { action: 'organisation.changed', summary: `added ${name}`, subjectType: 'location', ipAddress: '203.0.113.9' },
    ]);
  });

  it('audits evidence recorded, submitted and revised, without its title or text', async () => {
    const org = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(org.admin), [loadSeedStandard('ASTH325')]);
    const version = (await StandardVersion.findOne({ where: { organisationId: org.organisation.id } }))!;
    await PersonStandard.create({ organisationId: org.organisation.id, personId: org.worker.id, standardVersionId: version.id, roleAssignmentId: null, targetDate: '2027-06-30' });
    const [p1, p2] = await StandardItem.findAll({ where: { standardVersionId: version.id }, order: [['position', 'ASC']], limit: 2 });
    const input = (itemIds: number[]) => ({
      type: 'reflective_account' as const,
      title: 'Mrs B’s fall on Tuesday',
      activityDate: '2026-01-14',
      description: 'What happened at Mrs B’s home',
      links: itemIds.map((itemId) => ({ itemId, note: 'About Mrs B' })),
    });
    const worker = contextFor(org.worker, { ipAddress: '198.51.100.4' });
    const id = await recordEvidence(worker, input([p1!.id]), [], { submissionToken: unique('token'), submit: false });
    await updateEvidence(worker, id, input([p1!.id, p2!.id]), [], []); // a draft changing is not an event
    await submitEvidence(worker, id);
    await updateEvidence(worker, id, input([p1!.id]), [], []);
    const events = (await eventsOf(org.organisation.id)).filter((event) => event.subjectType === 'evidence');
    expect(events.map((event) => [event.action, event.ipAddress])).to.deep.equal([
      [AUDIT_ACTIONS.evidenceCreated, '198.51.100.4'],
      [AUDIT_ACTIONS.evidenceSubmitted, '198.51.100.4'],
      [AUDIT_ACTIONS.evidenceRevised, '198.51.100.4'],
    ]);
    expect(events.map((event) => event.summary)).to.deep.equal([
      `${org.worker.name} recorded a draft of a piece of evidence mapped to 1 item`,
      `${org.worker.name} submitted a piece of evidence mapped to 2 items`,
      `${org.worker.name} revised a piece of submitted evidence (revision 2), mapped to 1 item`,
    ]);
    expect(events.filter((event) => event.summary.includes('Mrs B'))).to.deep.equal([]);
  });
});
