// Evidence on the real database: recording with files, mapping, revisions, who may see it, and bad input.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { getEvidence, getEvidenceFile, listEvidence, recordEvidence, submitEvidence, updateEvidence, type EvidenceInput } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { env } from '#app/utils/env.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { fileStore } from '#app/utils/file-store.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { Evidence, EvidenceFile } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { actorFor, createPerson, createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** An organisation whose worker holds ASTH325 and HSC3331, with an assessor assigned. */
async function setUp() {
  const org = await createStaffedOrganisation();
  const held = { ASTH325: await giveStandard(org.admin, 'ASTH325', [org.worker]), HSC3331: await giveStandard(org.admin, 'HSC3331', [org.worker]) };
  const item = (urn: 'ASTH325' | 'HSC3331', code: string) => held[urn].items.find((row) => row.code === code)!.id;
  const assessorPerson = await createPerson(org.organisation.id, { roles: ['assessor'] });
  const assessor = actorFor(assessorPerson, ['assessor']);
  await setWorkerAssessors(contextFor(org.admin, { ipAddress: 'test' }), org.worker.id, [assessor.id]);
  return { ...org, assessor, item };
}

function input(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    type: 'reflective_account',
    title: 'Supporting Mrs A to rejoin her lunch club',
    activityDate: '2026-10-14',
    description: 'I agreed with Mrs A how often we would meet and what I could help with.',
    links: [],
    ...overrides,
  };
}

function storedFileCount(): number {
  const root = env().uploadDir;
  if (!existsSync(root)) return 0;
  const walk = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((count, entry) => count + (entry.isDirectory() ? walk(path.join(dir, entry.name)) : 1), 0);
  return walk(root);
}

describe('evidence', () => {
  it('a worker records evidence with a file, maps it to items of two standards, submits it, and progress changes', async () => {
    const { worker, item } = await setUp();
    const before = await workerProgress(worker, worker.id);
    expect(before.standards.map((standard) => standard.covered)).to.deep.equal([0, 0]);
    const links = [
      { itemId: item('ASTH325', 'P6'), note: 'We agreed the purpose of our contact.' },
      { itemId: item('HSC3331', 'P1'), note: 'I found out which relationships matter to her.' },
    ];
    const id = await recordEvidence(contextFor(worker), input({ links }), [{ name: 'notes.pdf', bytes: PDF }], { submissionToken: unique('token'), submit: false });
    const draft = await workerProgress(worker, worker.id);
    const asth = draft.standards.find((standard) => standard.urn === 'ASTH325')!;
    expect(asth.items.find((row) => row.code === 'P6')?.state).to.equal('mapped');
    expect(asth.covered).to.equal(1);
    expect(asth.missing).to.have.length(30);

    await submitEvidence(contextFor(worker), id);
    const after = await workerProgress(worker, worker.id);
    expect(after.standards.map((standard) => [standard.urn, standard.submitted])).to.deep.equal([
      ['ASTH325', 1],
      ['HSC3331', 1],
    ]);
    const evidence = await getEvidence(worker, id);
    expect(evidence.status).to.equal('submitted');
    expect(evidence.files.map((file) => [file.name, file.mediaType])).to.deep.equal([['notes.pdf', 'application/pdf']]);
    const file = await getEvidenceFile(worker, evidence.files[0]!.id);
    expect(Buffer.from(await fileStore().read(file.storedName)).equals(Buffer.from(PDF))).to.equal(true);
  });

  it('is seen by the worker, their assessor, supervisor and manager; anyone else gets not found', async () => {
    const org = await setUp();
    const id = await recordEvidence(contextFor(org.worker), input({ links: [{ itemId: org.item('ASTH325', 'P1'), note: 'Shows P1' }] }), [{ name: 'notes.pdf', bytes: PDF }], { submissionToken: unique('token'), submit: true });
    const fileId = (await getEvidence(org.worker, id)).files[0]!.id;
    for (const reader of [org.worker, org.assessor, org.supervisor, org.manager]) {
      expect((await getEvidence(reader, id)).id).to.equal(id);
      expect((await getEvidenceFile(reader, fileId)).mediaType).to.equal('application/pdf');
    }
    const colleague = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id }), ['worker']);
    const otherAssessor = actorFor(await createPerson(org.organisation.id, { roles: ['assessor'] }), ['assessor']);
    const other = await createStaffedOrganisation();
    for (const stranger of [colleague, otherAssessor, org.admin, other.admin, other.manager] as Actor[]) {
      await expectRejection(getEvidence(stranger, id), NotFound);
      await expectRejection(getEvidenceFile(stranger, fileId), NotFound);
      await expectRejection(listEvidence(stranger, org.worker.id), NotFound);
    }
    await expectRejection(updateEvidence(contextFor(org.supervisor), id, input(), [], []), Forbidden);
  });

  it('a draft is the worker’s own: their assessor, supervisor and manager see and count submitted evidence only', async () => {
    const org = await setUp();
    const p1 = org.item('ASTH325', 'P1');
    const draft = { ...input({ title: 'Still writing', links: [{ itemId: p1, note: 'Shows P1' }] }) };
    const id = await recordEvidence(contextFor(org.worker), draft, [{ name: 'draft.pdf', bytes: PDF }], { submissionToken: unique('token'), submit: false });
    const fileId = (await getEvidence(org.worker, id)).files[0]!.id;
    const p1Count = async (reader: Actor) =>
      (await workerProgress(reader, org.worker.id)).standards.flatMap((standard) => standard.items).find((item) => item.id === p1)!.evidenceCount;

    expect((await listEvidence(org.worker, org.worker.id)).evidence.map((row) => row.id)).to.deep.equal([id]);
    expect(await p1Count(org.worker)).to.equal(1);
    for (const reader of [org.assessor, org.supervisor, org.manager]) {
      expect((await listEvidence(reader, org.worker.id)).evidence, reader.roles.join()).to.deep.equal([]);
      await expectRejection(getEvidence(reader, id), NotFound);
      await expectRejection(getEvidenceFile(reader, fileId), NotFound);
      expect(await p1Count(reader), reader.roles.join()).to.equal(0);
    }

    await submitEvidence(contextFor(org.worker), id);
    for (const reader of [org.assessor, org.supervisor, org.manager]) {
      expect((await listEvidence(reader, org.worker.id)).evidence.map((row) => row.id), reader.roles.join()).to.deep.equal([id]);
      expect((await getEvidence(reader, id)).id).to.equal(id);
      expect((await getEvidenceFile(reader, fileId)).name).to.equal('draft.pdf');
      expect(await p1Count(reader)).to.equal(1);
    }
  });

  it('refuses a forbidden file renamed to .pdf, a future date and items the worker does not hold, writing nothing', async () => {
    const { worker, organisation } = await setUp();
    const other = await setUp();
    const filesBefore = storedFileCount();
    const executable = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const badFile = await expectRejection(recordEvidence(contextFor(worker), input(), [{ name: 'report.pdf', bytes: executable }], { submissionToken: unique('t'), submit: false }), ValidationError);
    expect((badFile as ValidationError).fieldErrors).to.have.property('files');
    const future = await expectRejection(recordEvidence(contextFor(worker), input({ activityDate: '2099-01-01' }), [], { submissionToken: unique('t'), submit: false }), ValidationError);
    expect((future as ValidationError).fieldErrors).to.have.property('activityDate');
    const foreign = await expectRejection(
      recordEvidence(contextFor(worker), input({ links: [{ itemId: other.item('ASTH325', 'P1'), note: 'x' }] }), [], { submissionToken: unique('t'), submit: false }),
      ValidationError,
    );
    expect((foreign as ValidationError).fieldErrors).to.have.property('links');
    const witness = await expectRejection(recordEvidence(contextFor(worker), input({ type: 'witness_testimony' }), [], { submissionToken: unique('t'), submit: false }), ValidationError);
    expect((witness as ValidationError).fieldErrors).to.include.keys('witnessName', 'witnessRole', 'witnessStatement');
    expect(await Evidence.count({ where: { organisationId: organisation.id } })).to.equal(0);
    expect(storedFileCount()).to.equal(filesBefore);
  });

  it('records the same form sent twice only once', async () => {
    const { worker } = await setUp();
    const token = unique('token');
    const [first, second] = await Promise.all([
      recordEvidence(contextFor(worker), input(), [{ name: 'a.pdf', bytes: PDF }], { submissionToken: token, submit: false }),
      recordEvidence(contextFor(worker), input(), [{ name: 'a.pdf', bytes: PDF }], { submissionToken: token, submit: false }),
    ]);
    expect(first).to.equal(second);
    expect(await Evidence.count({ where: { workerId: worker.id } })).to.equal(1);
    expect(await EvidenceFile.count({ where: { ownerId: worker.id } })).to.equal(1);
  });

  it('changes a draft in place, but a submitted piece gets a new revision and the old one stays readable', async () => {
    const { worker, item } = await setUp();
    const p1 = { itemId: item('ASTH325', 'P1'), note: 'First note' };
    const id = await recordEvidence(contextFor(worker), input({ links: [p1] }), [{ name: 'a.pdf', bytes: PDF }], { submissionToken: unique('t'), submit: false });
    const fileId = (await getEvidence(worker, id)).files[0]!.id;
    await updateEvidence(contextFor(worker), id, input({ title: 'Draft retitled', links: [p1] }), [], [fileId]);
    expect((await getEvidence(worker, id)).revision).to.include({ number: 1, title: 'Draft retitled' });

    await submitEvidence(contextFor(worker), id);
    const p3 = { itemId: item('ASTH325', 'P3'), note: 'Added later' };
    await updateEvidence(contextFor(worker), id, input({ title: 'Revised', links: [p1, p3] }), [], [fileId]);
    const current = await getEvidence(worker, id);
    expect(current.revision).to.include({ number: 2, title: 'Revised' });
    expect(current.links.map((link) => link.code)).to.deep.equal(['P1', 'P3']);
    expect(current.files).to.have.length(1);
    const first = await getEvidence(worker, id, 1);
    expect(first.revision.title).to.equal('Draft retitled');
    expect(first.links.map((link) => link.code)).to.deep.equal(['P1']);
    expect(first.isCurrent).to.equal(false);
    const progress = await workerProgress(worker, worker.id);
    expect(progress.standards.find((standard) => standard.urn === 'ASTH325')!.items.find((row) => row.code === 'P3')?.state).to.equal('submitted');
  });

  it('builds the progress page with the same number of queries for 1 or 25 pieces of evidence', async () => {
    const { worker, item } = await setUp();
    const record = (index: number) =>
      recordEvidence(contextFor(worker), input({ title: `Evidence ${index}`, links: [{ itemId: item('ASTH325', `P${(index % 12) + 1}`), note: 'n' }] }), [], {
        submissionToken: unique('t'),
        submit: true,
      });
    await record(0);
    queryCounter.count = 0;
    await workerProgress(worker, worker.id);
    const few = queryCounter.count;
    for (let index = 1; index < 25; index += 1) await record(index);
    queryCounter.count = 0;
    const progress = await workerProgress(worker, worker.id);
    expect(queryCounter.count).to.equal(few);
    expect(progress.standards.find((standard) => standard.urn === 'ASTH325')!.submitted).to.equal(12);
  });

  it('a new version of a standard keeps old maps intact and carries evidence for unchanged items to people moved to it', async () => {
    const { admin, worker, item } = await setUp();
    const links = [
      { itemId: item('ASTH325', 'P1'), note: 'Explored expectations' },
      { itemId: item('ASTH325', 'P2'), note: 'Acted promptly' },
    ];
    const id = await recordEvidence(contextFor(worker), input({ links }), [], { submissionToken: unique('t'), submit: true });
    const original = loadSeedStandard('ASTH325');
    const revised = {
      ...original,
      version: '3',
      items: original.items.map((row) => (row.code === 'P2' ? { code: 'P2', kind: 'P' as const, section: row.section, text: `${row.text} attention` } : row)),
    };
    await saveStandardVersions(contextFor(admin, { ipAddress: 'test' }), [revised], { moveHolders: true });

    const progress = await workerProgress(worker, worker.id);
    const asth = progress.standards.find((standard) => standard.urn === 'ASTH325')!;
    expect(asth.version).to.equal('3');
    expect(asth.items.find((row) => row.code === 'P1')?.state).to.equal('submitted');
    expect(asth.items.find((row) => row.code === 'P2')?.state).to.equal('none');

    const evidence = await getEvidence(worker, id);
    expect(evidence.links.map((link) => [link.code, link.version, link.text])).to.deep.equal([
      ['P1', '2', original.items[0]!.text],
      ['P2', '2', original.items[1]!.text],
    ]);
  });
  it('counts a file kept through revisions once against the storage quota', async () => {
    const { worker, item } = await setUp();
    const links = [{ itemId: item('ASTH325', 'P1'), note: 'Shown in the notes' }];
    const nineMegabytes = new Uint8Array(9 * 1024 * 1024);
    nineMegabytes.set(PDF);
    const id = await recordEvidence(contextFor(worker), input({ links }), [{ name: 'big.pdf', bytes: nineMegabytes }], { submissionToken: unique('t'), submit: true });
    // 24 revisions each keeping the 9 MB file would be 216 MB if every row counted.
    for (let revision = 2; revision <= 24; revision += 1) {
      const keep = (await getEvidence(worker, id)).files.map((file) => file.id);
      await updateEvidence(contextFor(worker), id, input({ title: `Revision ${revision}`, links }), [], keep);
    }
    expect(await EvidenceFile.count({ where: { ownerId: worker.id } })).to.equal(24);
    const keep = (await getEvidence(worker, id)).files.map((file) => file.id);
    await updateEvidence(contextFor(worker), id, input({ title: 'With a note', links }), [{ name: 'note.txt', bytes: new TextEncoder().encode('hello') }], keep);
    expect((await getEvidence(worker, id)).files.map((file) => file.name).sort()).to.deep.equal(['big.pdf', 'note.txt']);
  });
});
