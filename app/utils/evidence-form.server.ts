// The HTTP side of the evidence forms: the limits their files stream in under, and turning the parsed form (with its
// multipart body) into the domain's input: links with their notes, and the received files' bytes.
import type { z } from 'zod';
import type { EvidenceSchema } from '#app/components/evidence-schema.ts';
import type { EvidenceInput, UploadedFile } from '#app/domain/evidence.server.ts';
import { FILE_LIMITS } from './file-store.server.ts';
import type { UploadLimits } from './multipart.server.ts';

/** The evidence form's files, checked as they stream in; the whole request is bounded in server/request-limits.js. */
export const EVIDENCE_UPLOADS: UploadLimits = {
  field: 'files',
  maxFileBytes: FILE_LIMITS.maxFileBytes,
  maxFiles: FILE_LIMITS.maxFilesPerEvidence,
  tooManyMessage: `A piece of evidence can have up to ${FILE_LIMITS.maxFilesPerEvidence} files`,
};

/** No check: turns a parsed form into input; recordEvidence and updateEvidence check. What the evidence form asks for; `submit` when the person pressed the submit button rather than saving a draft. */
export async function evidenceInputFrom(value: z.output<typeof EvidenceSchema>, formData: FormData) {
  const input: EvidenceInput = {
    type: value.type,
    title: value.title,
    activityDate: value.activityDate,
    description: value.description,
    witnessName: value.witnessName,
    witnessRole: value.witnessRole,
    witnessStatement: value.witnessStatement,
    links: [...new Set(value.item)].map((itemId) => ({ itemId, note: String(formData.get(`note-${itemId}`) ?? '') })),
  };
  const files: UploadedFile[] = await Promise.all(
    formData
      .getAll('files')
      .filter((entry): entry is File => entry instanceof File && entry.name !== '' && entry.size >= 0)
      .filter((file) => file.size > 0 || file.name !== '')
      .map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return { input, files, submit: value.intent === 'submit', keepFileIds: value.keepFile };
}
