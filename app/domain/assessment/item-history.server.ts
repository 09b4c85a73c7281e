// One item of one worker's standard: every decision on it (never edited, each superseding the last), the standard's
// achievement history, and for an assessor of the worker what a holistic judgement needs. A fixed number of queries.
import { Op } from 'sequelize';
import { NotFound } from '#app/utils/errors.server.ts';
import { canDecide, type Actor } from '#app/utils/permissions.server.ts';
import { Evidence, EvidenceItemLink, EvidenceRevision, Person, StandardAchievement, StandardVersion } from '#db/models/index.ts';
import { heldStandards } from '../evidence/internal/held-items.server.ts';
import { EVIDENCE_STATUS } from '../evidence-types.ts';
import { requireEvidenceReader } from '../relationships.server.ts';
import { decisionsOnItem } from './decision-views.server.ts';
import { judgingOf } from './judging.server.ts';

export async function itemHistory(actor: Actor, workerId: number, itemId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  const standards = await heldStandards(workerId);
  const standard = standards.find((held) => held.items.some((item) => item.id === itemId));
  const item = standard?.items.find((held) => held.id === itemId);
  if (!standard || !item) throw new NotFound('Item');
  const [version, decisions, achievements, evidence] = await Promise.all([
    StandardVersion.findByPk(standard.standardVersionId, { attributes: ['standardId'] }),
    decisionsOnItem(workerId, itemId),
    StandardAchievement.findAll({
      where: { workerId, standardVersionId: standard.standardVersionId },
      include: [{ model: Person, as: 'person', attributes: ['name'] }],
      order: [['id', 'DESC']],
    }),
    // Submitted evidence whose current revision is mapped to the item: what a holistic judgement can rest on.
    Evidence.findAll({
      where: { workerId, organisationId: actor.organisationId, status: { [Op.ne]: EVIDENCE_STATUS.draft } },
      include: [
        {
          model: EvidenceRevision,
          as: 'currentRevision',
          attributes: ['id', 'title', 'revisionNumber'],
          required: true,
          include: [{ model: EvidenceItemLink, as: 'links', attributes: [], where: { standardItemId: itemId }, required: true }],
        },
      ],
      order: [['id', 'ASC']],
    }),
  ]);
  // An achieved standard is locked: its items are judged again only once it is reopened.
  const locked = achievements[0]?.event === 'achieved';
  const decides = canDecide(actor, { id: worker.id, relationship }) && !locked;
  const judging = decides ? await judgingOf(workerId, [{ id: item.id, code: item.code, kind: item.kind, standardId: version!.standardId }]) : null;
  return {
    worker: { id: worker.id, name: worker.name },
    isOwn: relationship.self,
    locked,
    standard: { urn: standard.urn, version: standard.version, title: standard.title },
    item: { id: item.id, code: item.code, kind: item.kind, section: item.section, text: item.text },
    decisions,
    achievements: achievements.map((row) => ({ id: row.id, event: row.event, at: row.createdAt.toISOString(), personName: row.person?.name ?? '', reason: row.reason })),
    evidence: evidence.map((piece) => {
      const revision = piece.get('currentRevision') as EvidenceRevision;
      return { id: piece.id, title: revision.title, revisionNumber: revision.revisionNumber };
    }),
    judging: judging ? { submissionKey: judging.submissionKey, hints: judging.items[0]!.hints, current: judging.items[0]!.current } : null,
  };
}
