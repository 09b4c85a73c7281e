// Bench data: evidence for a worker inserted in bulk, as the domain API would have written it.
import type { Transaction } from 'sequelize';
import { EVIDENCE_STATUS, EVIDENCE_TYPES } from '#app/domain/evidence-types.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { Evidence, EvidenceItemLink, EvidenceRevision, sequelize } from '#db/models/index.ts';

export type ItemRef = { id: number; standardVersionId: number };

/** Inserts evidence [from, to) for one worker in one transaction: evidence, revision 1, links, current revision. */
export async function insertEvidence(worker: Actor, itemsByStandard: ItemRef[][], from: number, to: number, linksPerEvidence: number) {
  await sequelize.transaction(async (transaction: Transaction) => {
    const tokens: string[] = [];
    for (let index = from; index < to; index += 1) tokens.push(`bench-${worker.id}-${index}`);
    await Evidence.bulkCreate(
      tokens.map((submissionToken) => ({
        organisationId: worker.organisationId,
        workerId: worker.id,
        status: EVIDENCE_STATUS.submitted,
        currentRevisionId: null,
        submissionToken,
      })),
      { transaction },
    );
    const rows = await Evidence.findAll({ where: { workerId: worker.id, submissionToken: tokens }, attributes: ['id', 'submissionToken'], transaction });
    const evidenceIds = new Map(rows.map((row) => [row.submissionToken, row.id]));
    const day = 24 * 60 * 60 * 1000;
    await EvidenceRevision.bulkCreate(
      tokens.map((token, offset) => {
        const index = from + offset;
        const type = EVIDENCE_TYPES[index % EVIDENCE_TYPES.length]!;
        const witness = type === 'witness_testimony';
        return {
          organisationId: worker.organisationId,
          evidenceId: evidenceIds.get(token)!,
          revisionNumber: 1,
          type,
          title: `Bench evidence ${index + 1}: supporting a person with their care plan`,
          activityDate: new Date(Date.UTC(2025, 0, 1) + (index % 600) * day).toISOString().slice(0, 10),
          description: `What I did, what the person said and what I learned (${index + 1}). `.repeat(8),
          witnessName: witness ? 'A. Witness' : null,
          witnessRole: witness ? 'Senior carer' : null,
          witnessStatement: witness ? 'I saw this happen and it was done well.' : null,
          createdById: worker.id,
          submittedAt: new Date(),
        };
      }),
      { transaction },
    );
    const revisions = await EvidenceRevision.findAll({
      where: { evidenceId: [...evidenceIds.values()], revisionNumber: 1 },
      attributes: ['id', 'evidenceId'],
      transaction,
    });
    const revisionOf = new Map(revisions.map((revision) => [revision.evidenceId, revision.id]));
    // Link k of evidence e goes to standard (e + k) mod 3, walking through its items, so each evidence spans
    // several standards and no evidence links the same item twice.
    const standards = itemsByStandard.length;
    const links = [];
    for (let index = from; index < to; index += 1) {
      const revisionId = revisionOf.get(evidenceIds.get(`bench-${worker.id}-${index}`)!)!;
      for (let k = 0; k < linksPerEvidence; k += 1) {
        const items = itemsByStandard[(index + k) % standards]!;
        const item = items[Math.floor((index * linksPerEvidence + k) / standards) % items.length]!;
        links.push({ organisationId: worker.organisationId, evidenceRevisionId: revisionId, standardItemId: item.id, note: `Shows ${item.id} because of what I did.` });
      }
    }
    await EvidenceItemLink.bulkCreate(links, { transaction });
    for (const [evidenceId, revisionId] of revisionOf) {
      await Evidence.update({ currentRevisionId: revisionId }, { where: { id: evidenceId }, transaction });
    }
  });
}

