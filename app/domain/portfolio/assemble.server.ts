// Finishing a printed portfolio: Chromium has printed every page (the running header and footer, the bookmarks, the
// tags and an appendix page with an empty frame for each page of each evidence PDF); this writes the page numbers the
// contents and the evidence index point at into their slots (page-slots.ts), which become links to those pages, draws
// each evidence page into its frame, and sets the document's metadata, all as an incremental update (pdf-update.ts).
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPageEmbedder,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
  type PDFPageLeaf,
} from 'pdf-lib';
import { parseSlot, SLOT_ORIGIN } from './page-slots.ts';
import { openPdf, withUpdate, type UpdatablePdf } from './pdf-update.ts';

export type Appendix = { number: number; document: PDFDocument };

export type DocumentFacts = { title: string; author: string; subject: string; keywords: string[]; createdAt: Date };

/** Loads an evidence file for appending; null when pdf-lib cannot read it (encrypted, damaged), so it is listed instead. */
export async function loadAppendable(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
    return document.getPageCount() > 0 ? document : null;
  } catch {
    return null;
  }
}

const name = (key: string) => PDFName.of(key);
const num = (value: number) => Math.round(value * 1000) / 1000;

/** The pages in order, from the page tree. */
function pageRefs(pdf: UpdatablePdf, node: PDFRef): PDFRef[] {
  const dict = pdf.lookupDict(node)!;
  if (dict.lookup(name('Type')) !== name('Pages')) return [node];
  return dict.lookup(name('Kids'), PDFArray).asArray().flatMap((kid) => pageRefs(pdf, kid as PDFRef));
}

/** Named destinations (Chromium writes one per element id that a link points at) to the page they are on. */
function namedDestinations(pdf: UpdatablePdf, catalog: PDFDict): Map<string, PDFRef> {
  const found = new Map<string, PDFRef>();
  const dests = pdf.lookupDict(catalog.get(name('Dests')));
  for (const [key, value] of dests?.entries() ?? []) {
    let destination: PDFObject | undefined = value instanceof PDFRef ? pdf.read(value) : value;
    if (destination instanceof PDFDict) destination = destination.get(name('D'));
    const target = destination instanceof PDFArray ? destination.get(0) : undefined;
    if (target instanceof PDFRef) found.set(key.decodeText(), target);
  }
  return found;
}

/** Where the slot addresses are (a byte search), and the objects (annotations) they are in. */
function slotAnnotations(pdf: UpdatablePdf): { objects: Set<number>; offsets: number[] } {
  const haystack = Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength);
  const objects = new Set<number>();
  const offsets: number[] = [];
  for (let at = haystack.indexOf(SLOT_ORIGIN, 0, 'latin1'); at >= 0; at = haystack.indexOf(SLOT_ORIGIN, at + 1, 'latin1')) {
    offsets.push(at);
    const ref = pdf.objectContaining(at);
    if (ref) objects.add(ref.objectNumber);
  }
  return { objects, offsets };
}

/**
 * Blanks each slot address in the original's (superseded) annotations, to the string's closing parenthesis, so none is
 * left in the issued file; the lengths stay, so every offset does.
 */
function blankAddresses(bytes: Uint8Array, offsets: number[]): void {
  for (const start of offsets) {
    for (let at = start; at < bytes.byteLength && bytes[at] !== 0x29; at += 1) bytes[at] = 0x20;
  }
}

/** A resource dictionary of the page's own (Font, XObject), made inline so it can be added to. */
function ownSubDict(pdf: UpdatablePdf, resources: PDFDict, key: string): PDFDict {
  const existing = pdf.lookupDict(resources.get(name(key)));
  const own = existing ? existing.clone(pdf.context) : pdf.context.obj({});
  resources.set(name(key), own);
  return own;
}

type PageWork = { ops: string[]; xObjects: Map<string, PDFRef> };

type Frame = { x1: number; y1: number; x2: number; y2: number };

/**
 * Where a page of `width` × `height` (its own units, turned `rotation` degrees clockwise when shown, as its /Rotate says)
 * goes in the frame: scaled to fit, centred across it and at its top. `matrix` is the `cm` that draws it there.
 */
export function placeInFrame(page: { width: number; height: number; rotation: number }, frame: Frame) {
  const turn = (((Math.round(page.rotation / 90) * 90) % 360) + 360) % 360;
  const [shownWidth, shownHeight] = turn % 180 ? [page.height, page.width] : [page.width, page.height];
  const s = Math.min((frame.x2 - frame.x1) / shownWidth, (frame.y2 - frame.y1) / shownHeight);
  const box = { x: frame.x1 + (frame.x2 - frame.x1 - shownWidth * s) / 2, y: frame.y2 - shownHeight * s, width: shownWidth * s, height: shownHeight * s };
  const { x, y } = box;
  const matrices: Record<number, number[]> = {
    0: [s, 0, 0, s, x, y],
    90: [0, -s, s, 0, x, y + s * page.width],
    180: [-s, 0, 0, -s, x + s * page.width, y + s * page.height],
    270: [0, s, -s, 0, x + s * page.height, y],
  };
  return { matrix: matrices[turn]!, box };
}

/**
 * Page `page` (1-based) of an evidence file as a form XObject in the update, with its size. A page with one content
 * stream lends it to the XObject as it is, still compressed; one with several is decoded and joined by pdf-lib.
 */
async function embedEvidencePage(pdf: UpdatablePdf, document: PDFDocument, page: number) {
  const source = document.getPage(page - 1);
  const node = source.node.clone() as PDFPageLeaf;
  // Links and beads of the evidence file point at its own pages: they are not carried over.
  node.delete(name('Annots'));
  node.delete(name('B'));
  const copied = PDFObjectCopier.for(document.context, pdf.context).copy(node);
  const contents = copied.get(name('Contents'));
  const stream = contents instanceof PDFRef ? pdf.context.lookup(contents) : undefined;
  const { x, y, width, height } = source.getMediaBox();
  if (contents instanceof PDFRef && stream instanceof PDFRawStream) {
    const dict = stream.dict.clone(pdf.context);
    dict.set(name('Type'), name('XObject'));
    dict.set(name('Subtype'), name('Form'));
    dict.set(name('BBox'), pdf.context.obj([x, y, x + width, y + height]));
    dict.set(name('Matrix'), pdf.context.obj([1, 0, 0, 1, -x, -y]));
    dict.set(name('Resources'), copied.get(name('Resources')) ?? pdf.context.obj({}));
    pdf.context.assign(contents, PDFRawStream.of(dict, stream.contents));
    return { ref: contents, width, height };
  }
  const embedder = await PDFPageEmbedder.for(copied);
  const ref = await embedder.embedIntoContext(pdf.context);
  // The copied content streams were decoded into the XObject: the copies themselves are not written.
  for (const part of contents instanceof PDFArray ? contents.asArray() : [contents]) if (part instanceof PDFRef) pdf.context.delete(part);
  return { ref, width: embedder.width, height: embedder.height };
}

/** The issued file: the printed portfolio with its page numbers, appended evidence pages and metadata. */
export async function assemblePortfolio(printed: Uint8Array, appendices: Appendix[], facts: DocumentFacts): Promise<{ bytes: Uint8Array; pages: number; slotsFilled: number }> {
  const pdf = openPdf(printed);
  const { context } = pdf;
  const catalog = pdf.lookupDict(pdf.trailer.get(name('Root')))!;
  const pages = pageRefs(pdf, catalog.get(name('Pages')) as PDFRef);
  const pageNumberOf = new Map(pages.map((ref, index) => [ref.objectNumber, index + 1]));
  const destinations = namedDestinations(pdf, catalog);
  const slots = slotAnnotations(pdf);
  const appendixByNumber = new Map(appendices.map((appendix) => [appendix.number, appendix.document]));
  const changed = new Map<PDFRef, PDFObject>();
  // Digits in Helvetica (the metrics of the Liberation Sans the document is set in), every one 0.556 em wide.
  const font = context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  const saveState = context.register(context.stream('q\n'));
  let slotsFilled = 0;

  for (const pageRef of pages) {
    const page = pdf.lookupDict(pageRef)!;
    const annotations = page.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? [];
    const work: PageWork = { ops: [], xObjects: new Map() };
    for (const annotationRef of annotations) {
      if (!(annotationRef instanceof PDFRef) || !slots.objects.has(annotationRef.objectNumber)) continue;
      const annotation = pdf.lookupDict(annotationRef)!;
      const uri = annotation.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString, PDFHexString)?.decodeText();
      const slot = uri ? parseSlot(uri) : null;
      if (!slot) continue;
      annotation.delete(name('A'));
      changed.set(annotationRef, annotation);
      const [x1, y1, x2, y2] = annotation.lookup(name('Rect'), PDFArray).asArray().map((value) => (value as PDFNumber).asNumber()) as [number, number, number, number];
      if (slot.kind === 'frame') {
        const document = appendixByNumber.get(slot.number);
        if (!document || slot.page > document.getPageCount()) continue;
        const { ref, width, height } = await embedEvidencePage(pdf, document, slot.page);
        const key = `EvidencePage${work.xObjects.size + 1}`;
        work.xObjects.set(key, ref);
        const rotation = document.getPage(slot.page - 1).getRotation().angle;
        const { matrix, box } = placeInFrame({ width, height, rotation }, { x1, y1, x2, y2 });
        // The page, then a hairline round its edge (page furniture, so an artifact).
        work.ops.push(`q ${matrix.map(num).join(' ')} cm /${key} Do Q`);
        work.ops.push(`/Artifact BMC q 0.69 0.71 0.71 RG 0.5 w ${[box.x, box.y, box.width, box.height].map(num).join(' ')} re S Q EMC`);
        if (slot.backTo && destinations.has(slot.backTo)) annotation.set(name('Dest'), name(slot.backTo));
        continue;
      }
      const target = destinations.get(slot.anchor);
      const pageNumber = target ? pageNumberOf.get(target.objectNumber) : undefined;
      if (!target || !pageNumber) continue;
      annotation.set(name('Dest'), context.obj([target, name('Fit')]));
      // The slot's box is one line high: the text's size follows from the template's line height (1.4).
      const height = y2 - y1;
      const size = Math.max(6, Math.min(11, Math.round((height / 1.4) * 10) / 10));
      const text = String(pageNumber);
      const x = slot.align === 'start' ? x1 : x2 - text.length * 0.556 * size;
      work.ops.push(`/Artifact BMC BT /PageNumberFont ${num(size)} Tf 0.043 0.047 0.047 rg ${num(x)} ${num(y1 + (height - size) / 2 + size * 0.22)} Td (${text}) Tj ET EMC`);
      slotsFilled += 1;
    }
    if (!work.ops.length) continue;
    // Chromium's content may leave the graphics state changed: it is wrapped in q … Q and drawn on after.
    const resources = (pdf.lookupDict(page.get(name('Resources'))) ?? context.obj({})).clone(context);
    page.set(name('Resources'), resources);
    ownSubDict(pdf, resources, 'Font').set(name('PageNumberFont'), font);
    if (work.xObjects.size) {
      const xObjects = ownSubDict(pdf, resources, 'XObject');
      for (const [key, ref] of work.xObjects) xObjects.set(name(key), ref);
    }
    const contents = page.get(name('Contents'));
    const original = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const drawn = context.register(context.stream(`Q\n${work.ops.join('\n')}\n`));
    page.set(name('Contents'), context.obj([saveState, ...original, drawn]));
    changed.set(pageRef, page);
  }

  const info = pdf.trailer.get(name('Info'));
  const infoRef = info instanceof PDFRef ? info : context.nextRef();
  changed.set(
    infoRef,
    context.obj({
      Title: PDFHexString.fromText(facts.title),
      Author: PDFHexString.fromText(facts.author),
      Subject: PDFHexString.fromText(facts.subject),
      Keywords: PDFHexString.fromText(facts.keywords.join(' ')),
      Creator: PDFHexString.fromText('NOSfolio'),
      Producer: PDFHexString.fromText('NOSfolio (Chromium and pdf-lib)'),
      CreationDate: PDFString.fromDate(facts.createdAt),
      ModDate: PDFString.fromDate(facts.createdAt),
    }),
  );
  const bytes = withUpdate(pdf, changed, infoRef);
  blankAddresses(bytes, slots.offsets);
  return { bytes, pages: pages.length, slotsFilled };
}
