// Reads a multipart form as it streams in: fields into FormData, files onto disk in the store's staging folder, each
// cut off at its size limit, so no upload is ever held in memory whole.
import { randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fileStore } from './file-store.server.ts';

/** What a form with files accepts; forms without this option take fields only. */
export type UploadLimits = { field: string; maxFileBytes: number; maxFiles: number; tooManyMessage: string };

/** The largest text field of any form (the standards import's preview of a whole standard). */
export const MAX_FIELD_BYTES = 5 * 1024 * 1024;

/** Raised for a body that is not a readable form; the status says whether it was malformed or too large. */
export class UnreadableForm extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

const uploadsOf = new WeakMap<Request, string[]>();
const problemsOf = new WeakMap<FormData, Record<string, string[]>>();

/** Files the person sent that were refused while streaming (too large, too many), by field, for the form to show. */
export function uploadProblems(formData: FormData): Record<string, string[]> {
  return problemsOf.get(formData) ?? {};
}

/** Deletes the request's received files; anything the domain kept it has copied into the store by then. */
export async function releaseUploads(request: Request): Promise<void> {
  const files = uploadsOf.get(request);
  uploadsOf.delete(request);
  await Promise.all((files ?? []).map((file) => unlink(file).catch(() => undefined)));
}

export async function readMultipartForm(request: Request, limits: UploadLimits | undefined): Promise<FormData> {
  const formData = new FormData();
  const problems: Record<string, string[]> = {};
  const received: string[] = [];
  uploadsOf.set(request, received);
  const addProblem = (field: string, message: string) => (problems[field] ??= []).push(message);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('Content-Type') ?? '' },
      limits: { fileSize: limits?.maxFileBytes ?? 0, files: limits?.maxFiles ?? 0, fieldSize: MAX_FIELD_BYTES, fields: 5_000, parts: 5_100 },
    });
  } catch {
    throw new UnreadableForm('The form could not be read: it is not valid multipart/form-data.', 400);
  }

  let tooLongField = false;
  const writes: Promise<void>[] = [];
  const staging = fileStore().stagingDir;
  await mkdir(staging, { recursive: true });

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) tooLongField = true;
    else formData.append(name, value);
  });
  parser.on('filesLimit', () => limits && addProblem(limits.field, limits.tooManyMessage));
  parser.on('file', (name, stream, info) => {
    // A file input left empty still sends a part with no name; files in fields that take none are ignored.
    const filename = info.filename;
    if (!limits || name !== limits.field || !filename) {
      stream.resume();
      return;
    }
    const file = path.join(staging, `upload-${randomBytes(16).toString('hex')}`);
    received.push(file);
    writes.push(
      pipeline(stream, createWriteStream(file, { flags: 'wx', mode: 0o600 })).then(async () => {
        if ((stream as { truncated?: boolean }).truncated) {
          await unlink(file);
          addProblem(name, `${filename}: The selected file must be smaller than ${limits.maxFileBytes / (1024 * 1024)} MB`);
          return;
        }
        formData.append(name, new File([await openAsBlob(file)], filename, { type: info.mimeType }));
      }),
    );
  });

  try {
    if (request.body) await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
    else throw new Error('No body');
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    await releaseUploads(request);
    if ((error as { status?: number }).status === 413) throw new UnreadableForm('The request is too large.', 413);
    throw new UnreadableForm('The form could not be read: the multipart body is incomplete or malformed.', 400);
  }
  if (tooLongField) {
    await releaseUploads(request);
    throw new UnreadableForm('The form could not be read: a field is too long.', 400);
  }
  problemsOf.set(formData, problems);
  return formData;
}
