// Removes evidence files that no row refers to (left by a crash mid-save), so no personal file outlives its record.
import { unlink } from 'node:fs/promises';
import { Op } from 'sequelize';
import { fileStore, type StoreEntry } from '#app/utils/file-store.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { EvidenceFile } from '#db/models/index.ts';

/** Younger files may belong to a save or an upload still in progress. */
export const ORPHAN_AGE_MS = 15 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const BATCH = 500;

/**
 * Deletes old files with no row: stored or staged evidence files, partial uploads and temporary files. A staged file
 * that has a row was committed just before a crash, so its move into the store is finished instead.
 * No check: maintenance run by the server, never by a request.
 */
export async function sweepOrphanFiles({ olderThanMs = ORPHAN_AGE_MS, now = Date.now() } = {}): Promise<{ removed: number; moved: number }> {
  const store = fileStore();
  const old = (await store.entries()).filter((entry) => now - entry.modifiedMs >= olderThanMs);
  const referenced = await referencedNames(old.flatMap((entry) => (entry.storedName ? [entry.storedName] : [])));
  let removed = 0;
  let moved = 0;
  for (const entry of old) {
    const hasRow = entry.storedName !== null && referenced.has(entry.storedName);
    if (hasRow && entry.place === 'staging') {
      await store.commit(entry.storedName!);
      moved += 1;
    } else if (!hasRow && (await removeQuietly(entry))) {
      removed += 1;
    }
  }
  return { removed, moved };
}

async function referencedNames(names: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < names.length; start += BATCH) {
    const rows = await EvidenceFile.findAll({ where: { storedName: { [Op.in]: names.slice(start, start + BATCH) } }, attributes: ['storedName'], raw: true });
    for (const row of rows) found.add(row.storedName);
  }
  return found;
}

async function removeQuietly(entry: StoreEntry): Promise<boolean> {
  try {
    await unlink(entry.path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

const SCHEDULED = Symbol.for('nosfolio.orphan-file-sweep');

/** Sweeps once soon after start-up and then every hour; once per process, however often the module is loaded. No check: maintenance run by the server, never by a request. */
export function scheduleOrphanFileSweep(): void {
  const holder = globalThis as Record<symbol, unknown>;
  if (holder[SCHEDULED]) return;
  holder[SCHEDULED] = true;
  const run = () => {
    sweepOrphanFiles().then(
      ({ removed, moved }) => {
        if (removed || moved) logger.info({ removed, moved }, 'evidence file sweep');
      },
      (error: unknown) => logger.error({ err: error }, 'evidence file sweep failed'),
    );
  };
  setTimeout(run, 10_000).unref();
  setInterval(run, SWEEP_EVERY_MS).unref();
}
