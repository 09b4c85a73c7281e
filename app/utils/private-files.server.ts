// Files that hold the portal's data or secrets are readable and writable by the portal's own user only.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the file empty at mode 600 if it is missing, or narrows it to 600 if an older version made it wider. */
export function keepPrivate(file: string): void {
  // The mode given to open is reduced by the umask, so set it exactly afterwards either way.
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows the file to mode 600 when it exists; a missing one stays missing. */
export function narrowIfPresent(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** A new folder for data is the owner's only; an existing one is the operator's choice and is left as it is. */
export function makePrivateFolder(folder: string): void {
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/**
 * Run before SQLite opens the database: SQLite gives its -wal, -shm and -journal files the database file's own
 * mode, so a database created at 600 keeps its log private too; files left wider by an older version are narrowed.
 */
export function keepSqlitePrivate(storage: string): void {
  keepPrivate(storage);
  for (const suffix of ['-wal', '-shm', '-journal']) narrowIfPresent(`${storage}${suffix}`);
}
