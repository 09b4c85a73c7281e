// Workers record evidence, attach files, map it to items and submit it; readers see it by relationship.
import { Op, QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { ItemNoteSchema } from '#app/components/evidence-schema.ts';
import { today } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { FILE_LIMITS, FileRejected, fileStore, inspectUpload } from '#app/utils/file-store.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { assertCan, type Actor, canChangeEvidence, canReadEvidence, type Permission } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural } from '#app/utils/words.ts';
import { Evidence, EvidenceFile, EvidenceItemLink, EvidenceRevision, sequelize } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { heldStandards } from './evidence/internal/held-items.server.ts';
import { refreshItemStates } from './evidence/item-states.server.ts';
import { EVIDENCE_STATUS, type EvidenceType } from './evidence-types.ts';
import { relationshipTo, requireEvidenceReader } from './relationships.server.ts';
import { EVIDENCE_WORKFLOW } from './workflows/evidence.server.ts';
import { assertTransition } from './workflows/workflow.server.ts';
import { locked, write } from './write.server.ts';

export type EvidenceInput = {
  type: EvidenceType;
  title: string;
  activityDate: string;
  description: string;
  witnessName?: string | undefined;
  witnessRole?: string | undefined;
  witnessStatement?: string | undefined;
  links: { itemId: number; note: string }[];
};
export type UploadedFile = { name: string; bytes: Uint8Array };
type StoredFile = { originalName: string; storedName: string; mediaType: string; sizeBytes: number; sha256: string };

/** Rules the form schema cannot check alone: the date, the witness, and that every item is one the worker holds. */
async function checkInput(workerId: number, input: EvidenceInput): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.activityDate > today()) errors.activityDate = ['The date of the activity must be today or in the past'];
  if (input.type === 'witness_testimony') {
    if (!input.witnessName) errors.witnessName = ['Enter the witness’s name'];
    if (!input.witnessRole) errors.witnessRole = ['Enter the witness’s role'];
    if (!input.witnessStatement) errors.witnessStatement = ['Enter the witness’s statement'];
  }
  const held = new Set((await heldStandards(workerId)).flatMap((standard) => standard.items.map((item) => item.id)));
  if (input.links.some((link) => !held.has(link.itemId))) {
    errors.links = ['Evidence can only be mapped to items of the standards you hold'];
  }
  for (const link of input.links) {
    const note = ItemNoteSchema.safeParse(link.note);
    if (!note.success) {
      errors[`note-${link.itemId}`] = [note.error.issues[0]!.message];
      break;
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/**
 * Checks uploaded files and stages them before the database is touched. The caller commits them into the store after its
 * transaction commits, or discards them if it fails; a crash in between leaves only staged files, which the sweep removes.
 */
async function stageFiles(ownerId: number, files: UploadedFile[], alreadyAttached: number): Promise<StoredFile[]> {
  if (files.length + alreadyAttached > FILE_LIMITS.maxFilesPerEvidence) {
    throw new ValidationError({ files: [`A piece of evidence can have up to ${FILE_LIMITS.maxFilesPerEvidence} files`] });
  }
  let used = await storedBytesOf(ownerId);
  const inspected = [];
  for (const file of files) {
    try {
      const result = await inspectUpload(file, used);
      used += result.sizeBytes;
      inspected.push({ file, result });
    } catch (error) {
      if (error instanceof FileRejected) throw new ValidationError({ files: [`${file.name}: ${error.message}`] });
      throw error;
    }
  }
  const stored: StoredFile[] = [];
  try {
    for (const { file, result } of inspected) {
      const storedName = await fileStore().stage(file.bytes, result.extension);
      stored.push({ originalName: result.safeName, storedName, mediaType: result.mediaType, sizeBytes: result.sizeBytes, sha256: result.sha256 });
    }
  } catch (error) {
    await discardStaged(stored);
    throw error;
  }
  return stored;
}

async function discardStaged(files: { storedName: string }[]): Promise<void> {
  await Promise.all(files.map((file) => fileStore().discard(file.storedName)));
}

/** After the rows are committed. A move that fails is finished by the sweep, which finds the row, so it is only logged. */
async function commitStaged(files: { storedName: string }[]): Promise<void> {
  await Promise.all(
    files.map((file) =>
      fileStore().commit(file.storedName).catch((error: unknown) => logger.error({ err: error, storedName: file.storedName }, 'evidence file stays staged')),
    ),
  );
}

/** Bytes the person's files take on disk: a file kept through several revisions has several rows but is stored once. */
async function storedBytesOf(ownerId: number): Promise<number> {
  const [row] = await sequelize.query<{ total: number | string | null }>(
    `SELECT SUM(size_bytes) AS total FROM (
       SELECT MAX(size_bytes) AS size_bytes FROM evidence_files WHERE owner_id = :ownerId GROUP BY stored_name
     ) AS distinct_files`,
    { replacements: { ownerId }, type: QueryTypes.SELECT },
  );
  return Number(row?.total ?? 0);
}

async function removeStored(files: { storedName: string }[]): Promise<void> {
  await Promise.all(files.map((file) => fileStore().remove(file.storedName)));
}

async function writeRevisionParts(
  actor: Actor,
  ownerId: number,
  revisionId: number,
  input: EvidenceInput,
  files: StoredFile[],
  transaction: Transaction,
): Promise<void> {
  await EvidenceItemLink.bulkCreate(
    input.links.map((link) => ({ organisationId: actor.organisationId, evidenceRevisionId: revisionId, standardItemId: link.itemId, note: link.note.trim() })),
    { transaction },
  );
  await EvidenceFile.bulkCreate(
    files.map((file) => ({ ...file, organisationId: actor.organisationId, evidenceRevisionId: revisionId, ownerId })),
    { transaction },
  );
}

function revisionFields(input: EvidenceInput) {
  const witness = input.type === 'witness_testimony';
  return {
    type: input.type,
    title: input.title,
    activityDate: input.activityDate,
    description: input.description,
    witnessName: witness ? (input.witnessName ?? null) : null,
    witnessRole: witness ? (input.witnessRole ?? null) : null,
    witnessStatement: witness ? (input.witnessStatement ?? null) : null,
  };
}

/** Records a new piece of evidence as a draft (or submitted at once). The same form sent twice records it once. */
export async function recordEvidence(
  ctx: DomainContext,
  input: EvidenceInput,
  files: UploadedFile[],
  options: { submissionToken: string; submit: boolean },
): Promise<number> {
  const { actor } = ctx;
  assertCan(actor, 'create:evidence:own');
  return insertEvidence(ctx, { workerId: actor.id, recordedById: null, input, files, ...options, permission: 'create:evidence:own' });
}

type NewEvidence = {
  workerId: number;
  /** The assessor recording evidence they witnessed; null when the worker records their own. */
  recordedById: number | null;
  input: EvidenceInput;
  files: UploadedFile[];
  submissionToken: string;
  submit: boolean;
  permission: Permission;
};

/**
 * The one write path of new evidence, the worker's own or witnessed by their assessor: checks the input, stages the
 * files, writes the evidence and its first revision, and refreshes the worker's item states. Unchecked: callers
 * (recordEvidence, recordWitnessedEvidence) have decided the actor may record it.
 */
export async function insertEvidence(ctx: DomainContext, evidence: NewEvidence): Promise<number> {
  const { actor, now } = ctx;
  const { workerId, input, submissionToken, submit } = evidence;
  const existing = await Evidence.findOne({ where: { workerId, submissionToken } });
  if (existing) return existing.id;
  await checkInput(workerId, input);
  if (submit && input.links.length === 0) throw new ValidationError({ links: ['Map the evidence to at least one item before you submit it'] });
  const stored = await stageFiles(workerId, evidence.files, 0);
  let evidenceId: number;
  try {
    evidenceId = await write(ctx, {
      permission: evidence.permission,
      run: async (_, transaction) => {
        const row = await Evidence.create(
          {
            organisationId: actor.organisationId,
            workerId,
            recordedById: evidence.recordedById,
            status: submit ? EVIDENCE_STATUS.submitted : EVIDENCE_STATUS.draft,
            currentRevisionId: null,
            submissionToken,
          },
          { transaction },
        );
        const revision = await EvidenceRevision.create(
          {
            organisationId: actor.organisationId,
            evidenceId: row.id,
            revisionNumber: 1,
            ...revisionFields(input),
            createdById: actor.id,
            submittedAt: submit ? now : null,
          },
          { transaction },
        );
        await writeRevisionParts(actor, workerId, revision.id, input, stored, transaction);
        await row.update({ currentRevisionId: revision.id }, { transaction });
        await refreshItemStates([workerId], transaction);
        return row.id;
      },
      audit: (_, id) => ({
        action: submit ? AUDIT_ACTIONS.evidenceSubmitted : AUDIT_ACTIONS.evidenceCreated,
        summary: evidence.recordedById
          ? `${actor.name} recorded evidence they witnessed, mapped to ${items(input.links.length)}`
          : `${actor.name} ${submit ? 'recorded and submitted' : 'recorded a draft of'} a piece of evidence mapped to ${items(input.links.length)}`,
        subject: { type: 'evidence', id },
      }),
    });
  } catch (error) {
    await discardStaged(stored);
    if (error instanceof UniqueConstraintError) {
      const raced = await Evidence.findOne({ where: { workerId, submissionToken } });
      if (raced) return raced.id;
    }
    throw error;
  }
  await commitStaged(stored);
  return evidenceId;
}

const items = (count: number) => plural(count, 'item', 'items');

/** The worker's own evidence, for changing; a reader who is not the worker may look but not change it. */
async function ownEvidence(actor: Actor, evidenceId: number, transaction?: Transaction) {
  const evidence = await Evidence.findOne({
    where: { id: evidenceId, organisationId: actor.organisationId },
    ...(transaction ? locked(transaction) : {}),
  });
  if (!evidence) throw new NotFound('Evidence');
  if (!canChangeEvidence(actor, evidence)) {
    const { relationship } = await relationshipTo(actor, evidence.workerId);
    if (canReadEvidence(actor, { id: evidence.workerId, relationship })) throw new Forbidden('Only the worker can change their evidence');
    throw new NotFound('Evidence');
  }
  return evidence;
}

/**
 * Changes evidence. A draft changes in place; submitted evidence gets a new revision, so the earlier one,
 * and any decision that points at it, stays as it was.
 */
export async function updateEvidence(
  ctx: DomainContext,
  evidenceId: number,
  input: EvidenceInput,
  newFiles: UploadedFile[],
  keepFileIds: number[],
): Promise<void> {
  const { actor, now } = ctx;
  assertCan(actor, 'create:evidence:own');
  // Read once before the transaction to check the form and stage the files; read again, locked, inside it.
  const before = await ownEvidence(actor, evidenceId);
  assertTransition(EVIDENCE_WORKFLOW, before.status, 'change');
  await checkInput(actor.id, input);
  const keptBefore = await EvidenceFile.count({ where: { evidenceRevisionId: before.currentRevisionId!, id: { [Op.in]: keepFileIds } } });
  const stored = await stageFiles(actor.id, newFiles, keptBefore);
  let dropped: EvidenceFile[] = [];
  let wasDraft = false;
  try {
    await write(ctx, {
      permission: 'create:evidence:own',
      load: async (transaction) => {
        const evidence = await ownEvidence(actor, evidenceId, transaction);
        const current = await EvidenceRevision.findByPk(evidence.currentRevisionId!, locked(transaction));
        if (!current) throw new NotFound('Evidence');
        const currentFiles = await EvidenceFile.findAll({ where: { evidenceRevisionId: current.id }, transaction });
        return { evidence, current, currentFiles };
      },
      check: ({ evidence }) => {
        assertTransition(EVIDENCE_WORKFLOW, evidence.status, 'change');
      },
      run: async ({ evidence, current, currentFiles }, transaction) => {
        const kept = currentFiles.filter((file) => keepFileIds.includes(file.id));
        dropped = currentFiles.filter((file) => !keepFileIds.includes(file.id));
        wasDraft = evidence.status === EVIDENCE_STATUS.draft;
        if (wasDraft) {
          await current.update(revisionFields(input), { transaction });
          await EvidenceItemLink.destroy({ where: { evidenceRevisionId: current.id }, transaction });
          await EvidenceFile.destroy({ where: { id: { [Op.in]: dropped.map((file) => file.id) } }, transaction });
          await writeRevisionParts(actor, actor.id, current.id, input, stored, transaction);
          await refreshItemStates([evidence.workerId], transaction);
          return current.revisionNumber;
        }
        const revision = await EvidenceRevision.create(
          {
            organisationId: actor.organisationId,
            evidenceId: evidence.id,
            revisionNumber: current.revisionNumber + 1,
            ...revisionFields(input),
            createdById: actor.id,
            submittedAt: now,
          },
          { transaction },
        );
        // Kept files are shared with the earlier revision: the stored file is the same, the row is the new revision's.
        const keptRows = kept.map(({ originalName, storedName, mediaType, sizeBytes, sha256 }) => ({ originalName, storedName, mediaType, sizeBytes, sha256 }));
        await writeRevisionParts(actor, actor.id, revision.id, input, [...keptRows, ...stored], transaction);
        await evidence.update({ currentRevisionId: revision.id }, { transaction });
        await refreshItemStates([evidence.workerId], transaction);
        return revision.revisionNumber;
      },
      // A draft's changes are the worker's own work in progress; a submitted piece changing is a new revision on record.
      audit: ({ evidence }, revisionNumber) =>
        wasDraft
          ? null
          : {
              action: AUDIT_ACTIONS.evidenceRevised,
              summary: `${actor.name} revised a piece of submitted evidence (revision ${revisionNumber}), mapped to ${items(input.links.length)}`,
              subject: { type: 'evidence', id: evidence.id },
            },
    });
  } catch (error) {
    await discardStaged(stored);
    throw error;
  }
  await commitStaged(stored);
  // A draft's removed files belong to no revision any more.
  if (wasDraft) await removeUnreferenced(dropped.map((file) => file.storedName));
}

async function removeUnreferenced(storedNames: string[]): Promise<void> {
  if (storedNames.length === 0) return;
  const stillUsed = await EvidenceFile.findAll({ where: { storedName: { [Op.in]: storedNames } }, attributes: ['storedName'] });
  await removeStored(storedNames.filter((name) => !stillUsed.some((row) => row.storedName === name)).map((storedName) => ({ storedName })));
}

export async function submitEvidence(ctx: DomainContext, evidenceId: number): Promise<void> {
  const { actor, now } = ctx;
  await write(ctx, {
    permission: 'create:evidence:own',
    load: async (transaction) => {
      const evidence = await ownEvidence(actor, evidenceId, transaction);
      const links = await EvidenceItemLink.count({ where: { evidenceRevisionId: evidence.currentRevisionId! }, transaction });
      return { evidence, links };
    },
    check: ({ evidence, links }) => {
      assertTransition(EVIDENCE_WORKFLOW, evidence.status, 'submit');
      if (links === 0) throw new ValidationError({ links: ['Map the evidence to at least one item before you submit it'] });
    },
    run: async ({ evidence }, transaction) => {
      await EvidenceRevision.update({ submittedAt: now }, { where: { id: evidence.currentRevisionId! }, transaction });
      await evidence.update({ status: assertTransition(EVIDENCE_WORKFLOW, evidence.status, 'submit') }, { transaction });
      await refreshItemStates([evidence.workerId], transaction);
    },
    audit: ({ evidence, links }) => ({
      action: AUDIT_ACTIONS.evidenceSubmitted,
      summary: `${actor.name} submitted a piece of evidence mapped to ${items(links)}`,
      subject: { type: 'evidence', id: evidence.id },
    }),
  });
}

export { getEvidence, getEvidenceFile, listEvidence } from './evidence/read-evidence.server.ts';
export { requireEvidenceReader };
