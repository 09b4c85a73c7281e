// Turns a parsed evidence form (and its multipart body) into the domain's input: links with notes, and files.
import type { z } from 'zod';
import type { EvidenceSchema } from '#app/components/evidence-schema.ts';
import type { EvidenceInput, UploadedFile } from '../evidence.server.ts';

/** Requests larger than this are refused before the body is read. */
export const MAX_EVIDENCE_REQUEST_BYTES = 110 * 1024 * 1024;

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

export function requestTooLarge(request: Request): boolean {
  return Number(request.headers.get('Content-Length') ?? 0) > MAX_EVIDENCE_REQUEST_BYTES;
}
