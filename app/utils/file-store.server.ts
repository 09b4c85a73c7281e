// Evidence files: checking an upload by its content, and keeping the bytes on disk under random names.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { env } from '#app/utils/env.server.ts';

export const FILE_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxPersonBytes: 200 * 1024 * 1024,
  maxFilesPerEvidence: 10,
} as const;

/** A file the person cannot upload; the message is shown to them next to the file field. */
export class FileRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRejected';
  }
}

export const WRONG_TYPE_MESSAGE =
  'The selected file must be a PDF, Word document, image (JPG, PNG or WEBP) or text file';

/** Media types accepted, as file-type reports them from the bytes, with the extension we store them under. */
const ALLOWED_TYPES: ReadonlyMap<string, { extension: string; aliases: readonly string[] }> = new Map([
  ['application/pdf', { extension: 'pdf', aliases: ['pdf'] }],
  ['image/jpeg', { extension: 'jpg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'] }],
  ['image/png', { extension: 'png', aliases: ['png'] }],
  ['image/webp', { extension: 'webp', aliases: ['webp'] }],
  [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    { extension: 'docx', aliases: ['docx'] },
  ],
  ['application/vnd.oasis.opendocument.text', { extension: 'odt', aliases: ['odt'] }],
  ['text/plain', { extension: 'txt', aliases: ['txt', 'text'] }],
]);

export type InspectedUpload = {
  mediaType: string;
  extension: string;
  safeName: string;
  sizeBytes: number;
  sha256: string;
};

/**
 * Checks an upload before it is stored: not empty, within the size limit and the person's quota, and of an
 * allowed type judged by its content (never by its name). Throws FileRejected with a message for the person.
 */
export async function inspectUpload(
  file: { name: string; bytes: Uint8Array },
  alreadyStoredBytesForPerson: number,
): Promise<InspectedUpload> {
  if (!Number.isFinite(alreadyStoredBytesForPerson) || alreadyStoredBytesForPerson < 0) {
    throw new TypeError(`alreadyStoredBytesForPerson must be a non-negative number, got ${alreadyStoredBytesForPerson}`);
  }
  const { bytes } = file;
  const sizeBytes = bytes.byteLength;
  if (sizeBytes === 0) throw new FileRejected('The selected file is empty');
  if (sizeBytes > FILE_LIMITS.maxFileBytes) {
    throw new FileRejected(`The selected file must be smaller than ${megabytes(FILE_LIMITS.maxFileBytes)}`);
  }
  if (alreadyStoredBytesForPerson + sizeBytes > FILE_LIMITS.maxPersonBytes) {
    const left = FILE_LIMITS.maxPersonBytes - alreadyStoredBytesForPerson;
    const quota = `You have used your ${megabytes(FILE_LIMITS.maxPersonBytes)} of storage`;
    throw new FileRejected(
      left <= 0
        ? `${quota}. Delete some files before uploading more`
        : `${quota} – the selected file is ${megabytes(sizeBytes)} but you have ${megabytes(left)} left. Delete some files or choose a smaller file`,
    );
  }

  const mediaType = await sniffMediaType(bytes, file.name);
  const type = mediaType ? ALLOWED_TYPES.get(mediaType) : undefined;
  if (!mediaType || !type) throw new FileRejected(WRONG_TYPE_MESSAGE);

  return {
    mediaType,
    extension: type.extension,
    safeName: safeFileName(file.name, type.extension, type.aliases),
    sizeBytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

async function sniffMediaType(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  // Plain text has no magic bytes: only a .txt name whose bytes are valid UTF-8 without NULs counts as text.
  if (!/\.txt$/i.test(name.trim())) return undefined;
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return 'text/plain';
}

const MAX_NAME_LENGTH = 120;
const FALLBACK_STEM = 'evidence';

/**
 * The original name made safe to show and to put in Content-Disposition: no directories, control or
 * direction-changing characters, quotes or characters Windows forbids; whitespace collapsed; at most 120
 * characters; ending with the extension the content was sniffed as.
 */
export function safeFileName(original: string, extension: string, aliases: readonly string[] = [extension]): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // Line breaks and tabs separate words; the other control characters simply go.
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    // C0/C1 controls, zero-width and bidirectional formatting characters (which can disguise "exe.pdf").
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/["'`\u2018\u2019\u201c\u201d]/g, '')
    .replace(/[<>:|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  let stem = cleaned;
  let given = '';
  const dot = cleaned.lastIndexOf('.');
  if (dot !== -1) {
    const candidate = cleaned.slice(dot + 1).trim();
    // Something like "2024" in "Minutes 12.03.2024" is part of the name, not an extension.
    if (/^(?=.*[a-z])[a-z0-9]{1,5}$/i.test(candidate)) {
      stem = cleaned.slice(0, dot);
      given = candidate;
    }
  }
  const suffix = aliases.includes(given.toLowerCase()) ? given : extension;

  const room = MAX_NAME_LENGTH - suffix.length - 1;
  stem = trimDotsAndSpaces(Array.from(trimDotsAndSpaces(stem)).slice(0, room).join(''));
  return `${stem || FALLBACK_STEM}.${suffix}`;
}

function trimDotsAndSpaces(value: string): string {
  return value.replace(/^[\s.]+|[\s.]+$/g, '');
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// Storage on disk

const STORED_NAME = /^[0-9a-f]{32}\.[a-z0-9]{1,5}$/;
const EXTENSION = /^[a-z0-9]{1,5}$/;

/** What a file is written from: its bytes, or its chunks one after another (a ZIP made as it is written). */
export type FileContent = Uint8Array | AsyncIterable<Uint8Array>;

export type FileStore = {
  /** Stores the bytes atomically under a new random name, which is returned (stage, then commit). */
  write(bytes: FileContent, extension: string): Promise<string>;
  /**
   * Writes the bytes into the staging folder under a new stored name, not yet readable from the store. Commit it
   * once the row that refers to it is committed, or discard it, so a crash never leaves a stored file without a row.
   */
  stage(bytes: FileContent, extension: string): Promise<string>;
  /** Moves a staged file into the store with one rename. */
  commit(storedName: string): Promise<void>;
  /** Deletes a staged file; a file already gone is not an error. */
  discard(storedName: string): Promise<void>;
  read(storedName: string): Promise<Buffer>;
  /** Where a stored file lives; throws for anything that is not a stored name. */
  path(storedName: string): string;
  stagedPath(storedName: string): string;
  /** Deletes a stored file; a file already gone is not an error. */
  remove(storedName: string): Promise<void>;
  /** Staged files, partial uploads and stored files, for the sweep of orphans. */
  entries(): Promise<StoreEntry[]>;
  /** Where files wait before they are committed, and where uploads are received; inside the store's root. */
  readonly stagingDir: string;
};

export type StoreEntry = {
  place: 'store' | 'staging';
  /** The stored name, or null for anything else (a partial upload or an atomic write's temporary file). */
  storedName: string | null;
  path: string;
  modifiedMs: number;
};

export function isStoredName(value: string): boolean {
  return STORED_NAME.test(value);
}

const STAGING = '.staging';

/** Files live in rootDir/ab/cd/abcd….ext, which must be outside anything served statically; staged ones in rootDir/.staging. */
export function createFileStore(rootDir: string): FileStore {
  const root = path.resolve(rootDir);
  const stagingDir = path.join(root, STAGING);

  function checkName(storedName: string): void {
    if (typeof storedName !== 'string' || !STORED_NAME.test(storedName)) {
      throw new Error(`Not a stored file name: ${JSON.stringify(storedName)}`);
    }
  }
  function pathOf(storedName: string): string {
    checkName(storedName);
    return path.join(root, storedName.slice(0, 2), storedName.slice(2, 4), storedName);
  }
  function stagedPathOf(storedName: string): string {
    checkName(storedName);
    return path.join(stagingDir, storedName);
  }
  async function unlinkIfThere(file: string): Promise<void> {
    try {
      await unlink(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  const store: FileStore = {
    stagingDir,
    async stage(bytes, extension) {
      if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
        throw new Error(`Not a file extension that can be stored: ${JSON.stringify(extension)}`);
      }
      const storedName = `${randomBytes(16).toString('hex')}.${extension}`;
      await mkdir(stagingDir, { recursive: true });
      await writeFileAtomic(stagedPathOf(storedName), bytes);
      return storedName;
    },
    async commit(storedName) {
      const target = pathOf(storedName);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(stagedPathOf(storedName), target);
      await syncDirectory(path.dirname(target));
    },
    async discard(storedName) {
      await unlinkIfThere(stagedPathOf(storedName));
    },
    async write(bytes, extension) {
      const storedName = await store.stage(bytes, extension);
      await store.commit(storedName);
      return storedName;
    },
    async read(storedName) {
      return readFile(pathOf(storedName));
    },
    path: pathOf,
    stagedPath: stagedPathOf,
    async remove(storedName) {
      await unlinkIfThere(pathOf(storedName));
    },
    async entries() {
      let found;
      try {
        found = await readdir(root, { recursive: true, withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const entries: StoreEntry[] = [];
      for (const entry of found) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const place = path.dirname(file) === stagingDir ? 'staging' : 'store';
        const named = STORED_NAME.test(entry.name) && (place === 'staging' || file === pathOf(entry.name));
        const modifiedMs = await stat(file).then((info) => info.mtimeMs, () => undefined);
        if (modifiedMs !== undefined) entries.push({ place, storedName: named ? entry.name : null, path: file, modifiedMs });
      }
      return entries;
    },
  };
  return store;
}

/**
 * Writes to `.tmp-<random>` beside the target, flushes it to disk, then renames it into place, so readers see
 * either nothing or the whole file. Chunks are written as they come, so a large file is never whole in memory. On any
 * failure the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(target: string, bytes: FileContent): Promise<void> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.tmp-${randomBytes(8).toString('hex')}`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', 0o600);
    if (bytes instanceof Uint8Array) {
      await handle.writeFile(bytes);
    } else {
      for await (const chunk of bytes) await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable; not every platform can fsync a directory, so failures are ignored. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close().catch(() => {});
  }
}

let defaultStore: FileStore | undefined;

/** The portal's store, in the configured upload directory (UPLOAD_DIR, or DATA_DIR/uploads). */
export function fileStore(): FileStore {
  defaultStore ??= createFileStore(env().uploadDir);
  return defaultStore;
}
