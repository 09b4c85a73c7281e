// Finishing a printed portfolio with pdf-lib: the evidence files that are PDFs appended after it (each page marked with
// its appendix and page number), the page numbers the contents and the evidence index point at written into their
// slots (page-slots.ts), which become links to those pages, bookmarks for the appendices, and the document's metadata.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  StandardFonts,
  beginMarkedContent,
  endMarkedContent,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { isSlot, parseSlot } from './page-slots.ts';

export type Appendix = { number: number; document: PDFDocument; label: string };

export type DocumentFacts = {
  title: string;
  author: string;
  subject: string;
  language: string;
  keywords: string[];
  createdAt: Date;
  /** The running header, left and right, on every page (the right side names the appendix on appended pages). */
  header: { left: string; right: string };
  /** The footer of every page, before its page number. */
  footer: string;
};

/** Loads an evidence file for appending; null when pdf-lib cannot read it (encrypted, damaged), so it is listed instead. */
export async function loadAppendable(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
    return document.getPageCount() > 0 ? document : null;
  } catch {
    return null;
  }
}

const INK = rgb(0.043, 0.047, 0.047);
const MUTED = rgb(0.31, 0.35, 0.37);
const RULE = rgb(0.69, 0.71, 0.71);

/**
 * Text the standard font can draw (Windows-1252): accents it lacks are dropped (ő → o), anything else becomes "?". Only
 * the running header and footer are drawn this way; everything else on the page is Chromium's, in any script.
 */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((character) => {
      if (supported.has(character.codePointAt(0)!)) return character;
      const bare = character.normalize('NFKD').replace(/\p{M}/gu, '');
      return bare && [...bare].every((part) => supported.has(part.codePointAt(0)!)) ? bare : '?';
    })
    .join('');
}

const MM = 72 / 25.4;
const MARGIN_X = 16 * MM;

/**
 * The running header and the footer with "Page N of M", drawn on every page once the appendices are in, so the count
 * includes them; marked as artifacts, as page furniture is in a tagged PDF. (Chromium's own header and footer templates
 * lay out two more documents per page, which made printing a third slower: docs/decisions/034.)
 */
function drawMargins(document: PDFDocument, font: PDFFont, facts: DocumentFacts, appendixOf: (index: number) => string | null): void {
  const pages = document.getPages();
  const size = 7.5;
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    const right = drawable(font, appendixOf(index) ?? facts.header.right);
    const pageText = `Page ${index + 1} of ${pages.length}`;
    const footer = drawable(font, facts.footer);
    const top = height - 12 * MM;
    const bottom = 10 * MM;
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawText(drawable(font, facts.header.left), { x: MARGIN_X, y: top, size, font, color: MUTED, maxWidth: width / 2 - MARGIN_X });
    page.drawText(right, { x: width - MARGIN_X - font.widthOfTextAtSize(right, size), y: top, size, font, color: MUTED });
    page.drawLine({ start: { x: MARGIN_X, y: top - 2 * MM }, end: { x: width - MARGIN_X, y: top - 2 * MM }, thickness: 0.5, color: RULE });
    page.drawLine({ start: { x: MARGIN_X, y: bottom + size + 2 * MM }, end: { x: width - MARGIN_X, y: bottom + size + 2 * MM }, thickness: 0.5, color: RULE });
    page.drawText(footer, { x: MARGIN_X, y: bottom, size, font, color: MUTED });
    page.drawText(pageText, { x: width - MARGIN_X - font.widthOfTextAtSize(pageText, size), y: bottom, size, font, color: MUTED });
    page.pushOperators(endMarkedContent());
  });
}

function numbers(array: PDFArray): number[] {
  return array.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
}

/** Named destinations (Chromium writes one per element id that a link points at) to the page they are on. */
function namedDestinations(document: PDFDocument): Map<string, PDFRef> {
  const found = new Map<string, PDFRef>();
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return found;
  for (const [name, value] of dests.entries()) {
    let destination = document.context.lookup(value);
    if (destination instanceof PDFDict) destination = destination.lookup(PDFName.of('D'));
    const target = destination instanceof PDFArray ? destination.get(0) : undefined;
    if (target instanceof PDFRef) found.set(name.decodeText(), target);
  }
  return found;
}

/** Writes each slot's page number into its box and turns the slot into a link to that page; slots are never left behind. */
function fillSlots(document: PDFDocument, pages: PDFPage[], appendixStarts: Map<number, PDFRef>, font: PDFFont): number {
  const pageNumberOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const destinations = namedDestinations(document);
  let filled = 0;
  for (const page of pages) {
    const annotations = page.node.Annots();
    if (!annotations) continue;
    for (const reference of annotations.asArray()) {
      const annotation = document.context.lookup(reference);
      if (!(annotation instanceof PDFDict)) continue;
      const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!uri || !isSlot(uri)) continue;
      annotation.delete(PDFName.of('A'));
      const slot = parseSlot(uri);
      const target = slot?.kind === 'page-of' ? destinations.get(slot.anchor) : slot?.kind === 'appendix' ? appendixStarts.get(slot.number) : undefined;
      if (!target) continue;
      const pageNumber = pageNumberOf.get(target.toString());
      if (!pageNumber) continue;
      annotation.set(PDFName.of('Dest'), document.context.obj([target, PDFName.of('Fit')]));
      const [x1, y1, x2, y2] = numbers(annotation.lookup(PDFName.of('Rect'), PDFArray));
      const height = y2! - y1!;
      // The slot's box is one line high: the text's size follows from the template's line height (1.4).
      const size = Math.max(6, Math.min(11, Math.round((height / 1.4) * 10) / 10));
      const text = String(pageNumber);
      page.drawText(text, { x: slot!.align === 'start' ? x1! : x2! - font.widthOfTextAtSize(text, size), y: y1! + (height - size) / 2 + size * 0.22, size, font, color: INK });
      filled += 1;
    }
  }
  return filled;
}

/** One bookmark, "Appendices", with one child per appended file, after Chromium's bookmarks of the headings. */
function bookmarkAppendices(document: PDFDocument, appendices: { label: string; start: PDFRef }[]): void {
  if (!appendices.length) return;
  const { context, catalog } = document;
  let outlinesRef = catalog.get(PDFName.of('Outlines'));
  if (!(outlinesRef instanceof PDFRef)) {
    outlinesRef = context.register(context.obj({ Type: 'Outlines', Count: 0 }));
    catalog.set(PDFName.of('Outlines'), outlinesRef);
  }
  const outlines = context.lookup(outlinesRef, PDFDict);
  const parentRef = context.nextRef();
  const childRefs = appendices.map(() => context.nextRef());
  appendices.forEach((appendix, index) => {
    const child = context.obj({});
    child.set(PDFName.of('Title'), PDFHexString.fromText(appendix.label));
    child.set(PDFName.of('Parent'), parentRef);
    child.set(PDFName.of('Dest'), context.obj([appendix.start, PDFName.of('Fit')]));
    if (index > 0) child.set(PDFName.of('Prev'), childRefs[index - 1]!);
    if (index < appendices.length - 1) child.set(PDFName.of('Next'), childRefs[index + 1]!);
    context.assign(childRefs[index]!, child);
  });
  const parent = context.obj({});
  parent.set(PDFName.of('Title'), PDFHexString.fromText('Appendices: evidence files'));
  parent.set(PDFName.of('Parent'), outlinesRef);
  parent.set(PDFName.of('Dest'), context.obj([appendices[0]!.start, PDFName.of('Fit')]));
  parent.set(PDFName.of('First'), childRefs[0]!);
  parent.set(PDFName.of('Last'), childRefs[childRefs.length - 1]!);
  parent.set(PDFName.of('Count'), PDFNumber.of(appendices.length));
  const last = outlines.get(PDFName.of('Last'));
  if (last instanceof PDFRef) {
    parent.set(PDFName.of('Prev'), last);
    context.lookup(last, PDFDict).set(PDFName.of('Next'), parentRef);
  } else {
    outlines.set(PDFName.of('First'), parentRef);
  }
  outlines.set(PDFName.of('Last'), parentRef);
  const count = outlines.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
  outlines.set(PDFName.of('Count'), PDFNumber.of(count >= 0 ? count + 1 + appendices.length : count - 1));
  context.assign(parentRef, parent);
}

/** The issued file: the printed portfolio, its appendices after it, page numbers filled in, bookmarks and metadata. */
export async function assemblePortfolio(printed: Uint8Array, appendices: Appendix[], facts: DocumentFacts): Promise<{ bytes: Uint8Array; pages: number; slotsFilled: number }> {
  // Parsed and written in one go rather than yielding every few objects: a portfolio takes a tenth of a second.
  const document = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  const portfolioPages = document.getPages();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const appendixStarts = new Map<number, PDFRef>();
  const bookmarks: { label: string; start: PDFRef }[] = [];
  const appendixPages: string[] = [];
  for (const appendix of [...appendices].sort((a, b) => a.number - b.number)) {
    const copied = await document.copyPages(appendix.document, appendix.document.getPageIndices());
    copied.forEach((page, index) => {
      document.addPage(page);
      appendixPages.push(`${appendix.label}, page ${index + 1} of ${copied.length}`);
    });
    appendixStarts.set(appendix.number, copied[0]!.ref);
    bookmarks.push({ label: appendix.label, start: copied[0]!.ref });
  }
  drawMargins(document, font, facts, (index) => (index < portfolioPages.length ? null : appendixPages[index - portfolioPages.length]!));
  const slotsFilled = fillSlots(document, portfolioPages, appendixStarts, font);
  bookmarkAppendices(document, bookmarks);

  document.setTitle(facts.title, { showInWindowTitleBar: true });
  document.setAuthor(facts.author);
  document.setSubject(facts.subject);
  document.setKeywords(facts.keywords);
  document.setLanguage(facts.language);
  document.setCreator('NOSfolio');
  document.setProducer('NOSfolio (Chromium and pdf-lib)');
  document.setCreationDate(facts.createdAt);
  document.setModificationDate(facts.createdAt);
  return { bytes: await document.save({ objectsPerTick: Infinity, useObjectStreams: false }), pages: document.getPageCount(), slotsFilled };
}
