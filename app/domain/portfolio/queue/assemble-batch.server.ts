// Putting a finished batch together (docs/decisions/035): a ZIP of every portfolio made, each PDF exactly as issued (so
// each still verifies), written as it is read, one file at a time; or one PDF of them all with a bookmark per person,
// which pdf-lib builds in memory (hence the cap on merged batches in ../batches.server.ts).
import { stat } from 'node:fs/promises';
import { Zip, ZipPassThrough } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { today } from '#app/utils/dates/index.ts';
import { logger } from '#app/utils/logger.server.ts';
import { slugFor } from '#app/utils/words.ts';
import { Organisation, Person, PortfolioBatch, PortfolioBatchItem } from '#db/models/index.ts';
import { BATCH_ITEM_STATUS, BATCH_OUTPUT } from '../batch-statuses.ts';
import { batchFileStore, removeBatchFiles } from './batch-files.server.ts';
import { endBatch, readyToAssemble } from './steps.server.ts';

type MadeItem = { storedName: string; fileName: string; workerName: string };

/** The names inside the ZIP: each item's own, with " (2)" and so on where two people's would be the same. */
export function uniqueEntryNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}-${count}${name.slice(dot)}` : `${name}-${count}`;
  });
}

/** The ZIP's bytes, chunk by chunk: each PDF is read only when its turn comes and stored as it is (PDFs are compressed already). */
export async function* zipChunks(entries: { name: string; read: () => Promise<Uint8Array> }[], modified = new Date()): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  for (const entry of entries) {
    const file = new ZipPassThrough(entry.name);
    file.mtime = modified;
    zip.add(file);
    file.push(await entry.read(), true);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  zip.end();
  if (failure) throw failure;
  yield* ready.splice(0);
}

/** One bookmark per person at their first page, shown when the document opens. */
function addOutline(document: PDFDocument, entries: { title: string; pageIndex: number }[]): void {
  if (!entries.length) return;
  const { context } = document;
  const outlineRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlineRef,
      Dest: [document.getPage(entry.pageIndex).ref, 'XYZ', null, null, null],
    });
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < entries.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
    context.assign(refs[index]!, item);
  });
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: entries.length }));
  document.catalog.set(PDFName.of('Outlines'), outlineRef);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

async function mergedPdf(items: MadeItem[], meta: { title: string; author: string; now: Date }): Promise<Uint8Array> {
  const store = batchFileStore();
  const merged = await PDFDocument.create();
  merged.setTitle(meta.title, { showInWindowTitleBar: true });
  merged.setAuthor(meta.author);
  merged.setLanguage('en-GB');
  merged.setCreator('NOSfolio');
  merged.setCreationDate(meta.now);
  merged.setModificationDate(meta.now);
  const outline: { title: string; pageIndex: number }[] = [];
  for (const item of items) {
    const source = await PDFDocument.load(await store.read(item.storedName), { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    outline.push({ title: item.workerName, pageIndex: merged.getPageCount() });
    for (const page of pages) merged.addPage(page);
  }
  addOutline(merged, outline);
  return merged.save();
}

/**
 * Assembles the batch once every item is finished: its file is stored, the batch is done and the items' own PDFs are
 * removed. A batch with nothing made, or whose file cannot be made, is failed with the reason. Does nothing for a
 * batch still being made or already ended; run twice, the second run's file is removed and the first one stands.
 */
export async function assembleBatch(batchId: number, now = new Date()): Promise<void> {
  if (!(await readyToAssemble(batchId))) return;
  const batch = await PortfolioBatch.findByPk(batchId, { attributes: ['id', 'organisationId', 'output', 'scopeName'] });
  if (!batch) return;
  const [rows, organisation] = await Promise.all([
    PortfolioBatchItem.findAll({
      where: { batchId, status: BATCH_ITEM_STATUS.done },
      include: [{ model: Person, as: 'worker', attributes: ['name'] }],
      attributes: ['id', 'resultStoredName', 'resultFileName'],
      order: [['id', 'ASC']],
    }),
    Organisation.findByPk(batch.organisationId, { attributes: ['name'] }),
  ]);
  const items: MadeItem[] = rows
    .filter((row) => row.resultStoredName)
    .map((row) => ({ storedName: row.resultStoredName!, fileName: row.resultFileName ?? `portfolio-${row.id}.pdf`, workerName: row.worker?.name ?? '' }));
  if (!items.length) {
    await endBatch(batchId, { failed: 'None of the portfolios could be made' }, now);
    return;
  }

  const store = batchFileStore();
  const zip = batch.output === BATCH_OUTPUT.zip;
  const fileName = `portfolios-${slugFor(batch.scopeName, 'team')}-${today(now)}.${zip ? 'zip' : 'pdf'}`;
  let storedName: string;
  try {
    if (zip) {
      const names = uniqueEntryNames(items.map((item) => item.fileName));
      storedName = await store.write(
        zipChunks(items.map((item, index) => ({ name: names[index]!, read: async () => new Uint8Array(await store.read(item.storedName)) })), now),
        'zip',
      );
    } else {
      storedName = await store.write(await mergedPdf(items, { title: `Portfolios: ${batch.scopeName}`, author: organisation?.name ?? 'NOSfolio', now }), 'pdf');
    }
  } catch (error) {
    logger.error({ err: error, batchId }, 'portfolio batch could not be assembled');
    await endBatch(batchId, { failed: zip ? 'The ZIP file could not be made' : 'The combined PDF could not be made' }, now);
    return;
  }
  const { size: byteSize } = await stat(store.path(storedName));
  const { ended, releasedFiles } = await endBatch(batchId, { made: { storedName, fileName, byteSize } }, now);
  await removeBatchFiles(ended ? releasedFiles : [storedName]);
}
