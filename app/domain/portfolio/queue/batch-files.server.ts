// Where a batch's files live: each worker's PDF until the batch is assembled, then its ZIP or merged PDF. They are kept
// in DATA_DIR/portfolio-batches (never under anything served), written atomically like evidence files. With workers on
// other machines, DATA_DIR is shared storage, as it already is for the evidence files the renderer reads.
import path from 'node:path';
import { env } from '#app/utils/env.server.ts';
import { createFileStore, type FileStore } from '#app/utils/file-store.server.ts';
import { makePrivateFolder } from '#app/utils/private-files.server.ts';

let store: FileStore | undefined;

export function batchFileStore(): FileStore {
  if (!store) {
    const root = path.join(env().dataDir, 'portfolio-batches');
    makePrivateFolder(root);
    store = createFileStore(root);
  }
  return store;
}

/** Removes stored files, ignoring those already gone; a failure to remove one is not a reason to fail a step. */
export async function removeBatchFiles(storedNames: (string | null)[]): Promise<void> {
  await Promise.all(storedNames.map((name) => (name ? batchFileStore().remove(name).catch(() => undefined) : undefined)));
}
