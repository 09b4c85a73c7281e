// Reading evidence: a worker's list, one piece with any of its revisions, and its files — by relationship only.
import { Op } from 'sequelize';
import { NotFound } from '#app/utils/errors.server.ts';
import { canDecide, canReadEvidence, readsDraftsOf, type Actor } from '#app/utils/permissions.server.ts';
import { Evidence, EvidenceFile, EvidenceItemLink, EvidenceRevision, Person, Standard, StandardItem, StandardVersion, sequelize } from '#db/models/index.ts';
import { decisionsOnEvidence } from '../assessment/decision-views.server.ts';
import { judgingOf } from '../assessment/judging.server.ts';
import { EVIDENCE_STATUS } from '../evidence-types.ts';
import { requireEvidenceReader } from '../relationships.server.ts';
import { EVIDENCE_WORKFLOW } from '../workflows/evidence.server.ts';
import { isAllowed } from '../workflows/workflow.server.ts';

export async function listEvidence(actor: Actor, workerId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  const drafts = readsDraftsOf(actor, { id: workerId, relationship });
  const evidence = await Evidence.findAll({
    where: { workerId, organisationId: actor.organisationId, ...(drafts ? {} : { status: { [Op.ne]: EVIDENCE_STATUS.draft } }) },
    include: [
      { model: EvidenceRevision, as: 'currentRevision', attributes: ['id', 'type', 'title', 'activityDate', 'revisionNumber'] },
      // Evidence an assessor witnessed names them in the list, as it does on its own page.
      { model: Person, as: 'recordedBy', attributes: ['name'], required: false },
    ],
    order: [['updatedAt', 'DESC']],
  });
  const revisionIds = evidence.map((row) => row.currentRevisionId).filter((id): id is number => id !== null);
  const counts = revisionIds.length
    ? ((await EvidenceItemLink.findAll({
        attributes: ['evidenceRevisionId', [sequelize.fn('COUNT', sequelize.col('id')), 'count']],
        where: { evidenceRevisionId: { [Op.in]: revisionIds } },
        group: ['evidenceRevisionId'],
        raw: true,
      })) as unknown as { evidenceRevisionId: number; count: number | string }[])
    : [];
  return {
    worker: { id: worker.id, name: worker.name },
    isOwn: relationship.self,
    evidence: evidence.map((row) => {
      const revision = row.get('currentRevision') as EvidenceRevision | null;
      return {
        id: row.id,
        status: row.status,
        type: revision?.type ?? 'other',
        title: revision?.title ?? '',
        activityDate: revision?.activityDate ?? '',
        revisionNumber: revision?.revisionNumber ?? 1,
        itemCount: Number(counts.find((count) => count.evidenceRevisionId === row.currentRevisionId)?.count ?? 0),
        recordedBy: (row.get('recordedBy') as Person | null)?.name ?? null,
      };
    }),
  };
}

/** One piece of evidence at its current revision, or at an earlier one by number. */
export async function getEvidence(actor: Actor, evidenceId: number, revisionNumber?: number) {
  const evidence = await Evidence.findOne({ where: { id: evidenceId, organisationId: actor.organisationId } });
  if (!evidence) throw new NotFound('Evidence');
  const { worker, relationship } = await requireEvidenceReader(actor, evidence.workerId);
  // Someone else's draft does not exist for the reader, as another organisation's row does not.
  if (!canReadEvidence(actor, { id: worker.id, relationship }, evidence)) throw new NotFound('Evidence');
  const revisions = await EvidenceRevision.findAll({ where: { evidenceId }, order: [['revisionNumber', 'ASC']] });
  const revision = revisionNumber
    ? revisions.find((row) => row.revisionNumber === revisionNumber)
    : revisions.find((row) => row.id === evidence.currentRevisionId);
  if (!revision) throw new NotFound('Evidence revision');
  const [links, files] = await Promise.all([
    EvidenceItemLink.findAll({
      where: { evidenceRevisionId: revision.id },
      include: [
        {
          model: StandardItem,
          as: 'item',
          attributes: ['id', 'code', 'kind', 'text', 'position', 'standardVersionId'],
          include: [{ model: StandardVersion, as: 'standardVersion', attributes: ['version', 'standardId'], include: [{ model: Standard, as: 'standard', attributes: ['urn'] }] }],
        },
      ],
    }),
    EvidenceFile.findAll({ where: { evidenceRevisionId: revision.id }, order: [['id', 'ASC']] }),
  ]);
  const isOwn = relationship.self;
  const isCurrent = revision.id === evidence.currentRevisionId;
  const submitted = evidence.status !== EVIDENCE_STATUS.draft;
  const items = links.map((link) => link.get('item') as StandardItem & { standardVersion?: StandardVersion & { standard?: Standard } });
  // An assessor judges the current revision of submitted evidence; anyone who reads it sees the decisions on it.
  const judges = submitted && isCurrent && canDecide(actor, { id: worker.id, relationship });
  const [decisions, judging, recordedBy] = await Promise.all([
    submitted ? decisionsOnEvidence(worker.id, evidence.id) : [],
    judges ? judgingOf(worker.id, items.map((item) => ({ id: item.id, code: item.code, kind: item.kind, standardId: item.standardVersion!.standardId }))) : null,
    evidence.recordedById ? Person.findByPk(evidence.recordedById, { attributes: ['name'] }) : null,
  ]);
  return {
    id: evidence.id,
    status: evidence.status,
    worker: { id: worker.id, name: worker.name },
    isOwn,
    canEdit: isOwn && isAllowed(EVIDENCE_WORKFLOW, evidence.status, 'change') && revision.id === evidence.currentRevisionId,
    canSubmit: isOwn && isAllowed(EVIDENCE_WORKFLOW, evidence.status, 'submit'),
    /** A change to submitted evidence appends a revision; a draft changes in place. */
    changeMakesRevision: evidence.status !== EVIDENCE_STATUS.draft,
    isCurrent,
    /** The assessor who recorded it (evidence they witnessed), or null when the worker did. */
    recordedBy: recordedBy?.name ?? null,
    decisions,
    judging,
    revision: {
      number: revision.revisionNumber,
      type: revision.type,
      title: revision.title,
      activityDate: revision.activityDate,
      description: revision.description,
      witnessName: revision.witnessName,
      witnessRole: revision.witnessRole,
      witnessStatement: revision.witnessStatement,
      submittedAt: revision.submittedAt?.toISOString() ?? null,
    },
    revisions: revisions.map((row) => ({ number: row.revisionNumber, submittedAt: row.submittedAt?.toISOString() ?? null })),
    links: links
      .map((link, index) => {
        const item = items[index]!;
        return {
          itemId: item.id,
          urn: item.standardVersion?.standard?.urn ?? '',
          version: item.standardVersion?.version ?? '',
          code: item.code,
          text: item.text,
          position: item.position,
          note: link.note,
        };
      })
      .sort((a, b) => a.urn.localeCompare(b.urn) || a.position - b.position),
    files: files.map((file) => ({ id: file.id, name: file.originalName, mediaType: file.mediaType, sizeBytes: file.sizeBytes })),
  };
}

/** A file, for someone who may read the evidence it belongs to. */
export async function getEvidenceFile(actor: Actor, fileId: number) {
  const file = await EvidenceFile.findOne({ where: { id: fileId, organisationId: actor.organisationId } });
  if (!file) throw new NotFound('File');
  const revision = await EvidenceRevision.findByPk(file.evidenceRevisionId, { include: [{ model: Evidence, as: 'evidence' }] });
  const evidence = revision?.get('evidence') as Evidence | undefined;
  if (!evidence) throw new NotFound('File');
  const { relationship } = await requireEvidenceReader(actor, evidence.workerId);
  if (!canReadEvidence(actor, { id: evidence.workerId, relationship }, evidence)) throw new NotFound('File');
  return { storedName: file.storedName, mediaType: file.mediaType, name: file.originalName, sizeBytes: file.sizeBytes };
}
