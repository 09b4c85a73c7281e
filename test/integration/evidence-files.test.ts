// Evidence files on disk never outlive their rows: staged until the transaction commits, and swept when orphaned.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { sweepOrphanFiles } from '#app/domain/evidence/file-sweep.server.ts';
import { getEvidence, recordEvidence, type EvidenceInput } from '#app/domain/evidence.server.ts';
import { env } from '#app/utils/env.server.ts';
import { fileStore } from '#app/utils/file-store.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { EvidenceFile, EvidenceItemLink } from '#db/models/index.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const input: EvidenceInput = {
  type: 'reflective_account',
  title: 'Supporting Mrs A to rejoin her lunch club',
  activityDate: '2026-10-14',
  description: 'I agreed with Mrs A how often we would meet.',
  links: [],
};
const HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);

/** Every file under the upload directory, as paths relative to it. */
function filesOnDisk(): string[] {
  const root = env().uploadDir;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Files in the store proper, where downloads are read from (not the staging folder). */
function filesInStore(): string[] {
  return filesOnDisk().filter((file) => !file.startsWith(`.staging${path.sep}`));
}

describe('evidence files on disk', () => {
  it('keeps a new file out of the store until the transaction commits, and leaves nothing when it fails', async () => {
    const { worker } = await createStaffedOrganisation();
    const before = filesOnDisk();
    const original = EvidenceItemLink.bulkCreate.bind(EvidenceItemLink);
    let inStoreDuringTransaction: string[] = [];
    EvidenceItemLink.bulkCreate = (async () => {
      inStoreDuringTransaction = filesInStore().filter((file) => !before.includes(file));
      throw new Error('The database went away');
    }) as typeof EvidenceItemLink.bulkCreate;
    try {
      const error = await recordEvidence(contextFor(worker), input, [{ name: 'notes.pdf', bytes: PDF }], { submissionToken: unique('t'), submit: false }).catch((caught: unknown) => caught);
      expect((error as Error).message).to.equal('The database went away');
    } finally {
      EvidenceItemLink.bulkCreate = original as typeof EvidenceItemLink.bulkCreate;
    }
    expect(inStoreDuringTransaction, 'a crash here would leave these without a row').to.deep.equal([]);
    expect(filesOnDisk()).to.deep.equal(before);
  });

  it('moves the file into the store once the evidence is saved', async () => {
    const { worker } = await createStaffedOrganisation();
    const id = await recordEvidence(contextFor(worker), input, [{ name: 'notes.pdf', bytes: PDF }], { submissionToken: unique('t'), submit: false });
    const row = await EvidenceFile.findByPk((await getEvidence(worker, id)).files[0]!.id);
    expect(Buffer.from(await fileStore().read(row!.storedName)).equals(Buffer.from(PDF))).to.equal(true);
    expect(filesOnDisk().filter((file) => file.includes(row!.storedName))).to.deep.equal([path.relative(env().uploadDir, fileStore().path(row!.storedName))]);
  });

  it('sweeps old files that have no row, finishes an interrupted move, and keeps referenced and recent files', async () => {
    const { worker } = await createStaffedOrganisation();
    const store = fileStore();
    const id = await recordEvidence(contextFor(worker), input, [{ name: 'kept.pdf', bytes: PDF }], { submissionToken: unique('t'), submit: false });
    const kept = (await EvidenceFile.findByPk((await getEvidence(worker, id)).files[0]!.id))!.storedName;
    await utimes(store.path(kept), HOUR_AGO, HOUR_AGO);

    const orphan = await store.write(PDF, 'pdf');
    await utimes(store.path(orphan), HOUR_AGO, HOUR_AGO);
    const recent = await store.write(PDF, 'pdf');
    const stagedOrphan = await store.stage(PDF, 'pdf');
    await utimes(store.stagedPath(stagedOrphan), HOUR_AGO, HOUR_AGO);
    // A crash after the commit but before the move: the row exists, the bytes are still staged.
    const interrupted = await store.stage(PDF, 'pdf');
    await utimes(store.stagedPath(interrupted), HOUR_AGO, HOUR_AGO);
    const row = await EvidenceFile.findOne({ where: { storedName: kept } });
    await EvidenceFile.create({ ...row!.get({ plain: true }), id: undefined as never, storedName: interrupted });
    // A partly received upload left by a crash.
    await mkdir(store.stagingDir, { recursive: true });
    const leftover = path.join(store.stagingDir, 'upload-0123456789abcdef');
    await writeFile(leftover, 'partial');
    await utimes(leftover, HOUR_AGO, HOUR_AGO);

    const result = await sweepOrphanFiles({ olderThanMs: 10 * 60 * 1000 });

    expect(existsSync(store.path(orphan)), 'old orphan').to.equal(false);
    expect(existsSync(store.stagedPath(stagedOrphan)), 'old staged orphan').to.equal(false);
    expect(existsSync(leftover), 'old partial upload').to.equal(false);
    expect(existsSync(store.path(kept)), 'referenced file').to.equal(true);
    expect(existsSync(store.path(recent)), 'recent file').to.equal(true);
    expect(existsSync(store.path(interrupted)), 'interrupted move finished').to.equal(true);
    expect(existsSync(store.stagedPath(interrupted))).to.equal(false);
    expect(result).to.include({ removed: 3, moved: 1 });
    await store.remove(recent);
  });
});
