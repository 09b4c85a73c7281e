// The worker the portfolio bench prints: the three seed standards (246 items), N pieces of evidence recorded through
// the domain API (five items each, so every item has some; every tenth with a PDF, which is appended, and every tenth
// with a PNG, which is embedded), half of them judged, and a signed supervision agreement.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PersonStandard, StandardItem } from '#db/models/index.ts';
import { simplePdf } from '#db/seed/evidence.ts';
import { SEED_STANDARD_URNS, loadSeedStandard } from '#db/seed/standards.ts';
import { createAssessor, createStaffedOrganisation, judge, judgement, signedAgreement } from '#test/factories/index.ts';

const PNG = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/seed/documents/call-notes.png');

export async function buildPortfolioWorker(evidence: number) {
  const org = await createStaffedOrganisation();
  const versions = await saveStandardVersions(contextFor(org.admin), SEED_STANDARD_URNS.map((urn) => loadSeedStandard(urn)), { sourceName: 'bench' });
  const versionIds = versions.map((version) => version.standardVersionId);
  await PersonStandard.bulkCreate(
    versionIds.map((standardVersionId) => ({ organisationId: org.organisation.id, personId: org.worker.id, standardVersionId, roleAssignmentId: null, targetDate: '2027-06-30' })),
  );
  const items = await StandardItem.findAll({ where: { standardVersionId: versionIds }, attributes: ['id'], order: [['standardVersionId', 'ASC'], ['position', 'ASC']] });
  const assessor = await createAssessor(org.admin, [org.worker]);
  const png = new Uint8Array(readFileSync(PNG));
  for (let index = 0; index < evidence; index += 1) {
    // Five items each, spread over the three standards, so every item has evidence once the 50 are in.
    const mapped = [0, 1, 2, 3, 4].map((offset) => items[(index * 5 + offset) % items.length]!.id);
    const files =
      index % 10 === 3
        ? [{ name: `Evidence ${index + 1}.pdf`, bytes: simplePdf([`Evidence file ${index + 1}`, 'Appended to the portfolio']) }]
        : index % 10 === 7
          ? [{ name: `Photo ${index + 1}.png`, bytes: png }]
          : [];
    const evidenceId = await recordEvidence(
      contextFor(org.worker),
      {
        type: 'reflective_account',
        title: `Reflective account ${index + 1}: a visit that needed care`,
        activityDate: '2026-06-01',
        description: 'What happened, what I did and why, what I would do differently next time, and what I learnt about the customer’s wishes. '.repeat(4),
        links: mapped.map((itemId) => ({ itemId, note: 'How this shows the item: what I did, with whom, and which procedure I followed.' })),
      },
      files,
      { submissionToken: `bench-portfolio-${index}`, submit: true },
    );
    if (index % 2 === 0) await judge(assessor, org.worker.id, [evidenceId], mapped.slice(0, 3).map((itemId) => judgement(itemId, 'met', { method: 'reflective_account' })));
  }
  await signedAgreement(org.supervisor, org.worker);
  return { org, versionIds, itemIds: items.map((item) => item.id) };
}
