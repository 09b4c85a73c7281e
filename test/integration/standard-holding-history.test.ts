// Moving holders to a new version of a standard keeps the history of which version they held, and evidence links keep
// the exact item (of the exact version) they were mapped to.
import { expect } from 'chai';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AppendOnlyViolation } from '#db/models/append-only.ts';
import { EvidenceItemLink, PersonStandard, PersonStandardHistory, StandardItem, StandardVersion } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

describe('holding a standard across versions', () => {
  it('records each move from one version to the next, by whom and when; links keep the items they were mapped to', async () => {
    const org = await createStaffedOrganisation();
    const original = loadSeedStandard('ASTH325');
    await saveStandardVersions(contextFor(org.admin), [original]);
    const first = (await StandardVersion.findOne({ where: { organisationId: org.organisation.id } }))!;
    const holding = await PersonStandard.create({ organisationId: org.organisation.id, personId: org.worker.id, standardVersionId: first.id, roleAssignmentId: null, targetDate: '2027-06-30' });
    const p1 = (await StandardItem.findOne({ where: { standardVersionId: first.id, code: 'P1' } }))!;
    await recordEvidence(
      contextFor(org.worker),
      { type: 'reflective_account', title: 'A visit', activityDate: '2026-01-14', description: 'What I did', links: [{ itemId: p1.id, note: 'Shows P1' }] },
      [],
      { submissionToken: unique('token'), submit: true },
    );

    const movedAt = new Date('2026-11-02T10:00:00Z');
    const [saved] = await saveStandardVersions(contextFor(org.admin, { now: movedAt }), [{ ...original, version: '3' }], { moveHolders: true });

    expect((await holding.reload()).standardVersionId).to.equal(saved!.standardVersionId);
    const history = await PersonStandardHistory.findAll({ where: { personStandardId: holding.id } });
    expect(history.map((row) => [row.personId, row.fromStandardVersionId, row.toStandardVersionId, row.movedById, row.movedAt.toISOString()])).to.deep.equal([
      [org.worker.id, first.id, saved!.standardVersionId, org.admin.id, movedAt.toISOString()],
    ]);
    const links = await EvidenceItemLink.findAll({ where: { organisationId: org.organisation.id } });
    expect(links.map((link) => link.standardItemId)).to.deep.equal([p1.id]);
  });

  it('never rewrites the item of a link, nor a line of the history', async () => {
    const org = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(org.admin), [loadSeedStandard('ASTH325')]);
    const version = (await StandardVersion.findOne({ where: { organisationId: org.organisation.id } }))!;
    const [p1, p2] = await StandardItem.findAll({ where: { standardVersionId: version.id }, order: [['position', 'ASC']], limit: 2 });
    const holding = await PersonStandard.create({ organisationId: org.organisation.id, personId: org.worker.id, standardVersionId: version.id, roleAssignmentId: null, targetDate: '2027-06-30' });
    await recordEvidence(
      contextFor(org.worker),
      { type: 'reflective_account', title: 'A visit', activityDate: '2026-01-14', description: 'What I did', links: [{ itemId: p1!.id, note: 'Shows P1' }] },
      [],
      { submissionToken: unique('token'), submit: false },
    );
    const link = (await EvidenceItemLink.findOne({ where: { organisationId: org.organisation.id } }))!;
    await expectRejection(link.update({ standardItemId: p2!.id }), AppendOnlyViolation);
    await expectRejection(EvidenceItemLink.update({ standardItemId: p2!.id }, { where: { id: link.id } }), AppendOnlyViolation);
    expect((await link.reload()).standardItemId).to.equal(p1!.id);
    await link.update({ note: 'A clearer note' }); // the worker's note on a draft may still change

    const row = await PersonStandardHistory.create({
      organisationId: org.organisation.id,
      personStandardId: holding.id,
      personId: org.worker.id,
      fromStandardVersionId: version.id,
      toStandardVersionId: version.id,
      movedById: null,
      movedAt: new Date(),
    });
    await expectRejection(row.update({ toStandardVersionId: version.id }), AppendOnlyViolation);
    await expectRejection(row.destroy(), AppendOnlyViolation);
  });
});
