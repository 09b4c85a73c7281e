// Changing a few objects of a large PDF without reading or rewriting the rest: the objects asked for are parsed from
// their offsets in the cross-reference table, and what changes is appended as an incremental update (ISO 32000-1,
// 7.5.6): the new versions of those objects, a cross-reference section for them and a trailer pointing back at the
// original's. Chromium's file is kept byte for byte; a portfolio's update is a few kilobytes where parsing and saving
// the whole tagged document (thousands of structure objects) cost pdf-lib most of the finishing time
// (docs/decisions/034). It reads classic cross-reference tables, which Chromium (Skia) writes.
import { PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRef, type PDFObject } from 'pdf-lib';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

export class UnsupportedPdf extends Error {}

export type UpdatablePdf = {
  bytes: Uint8Array;
  /** Parses objects into this context; new objects are registered in it, numbered after the original's. */
  context: PDFContext;
  trailer: PDFDict;
  /** Where the original's cross-reference table starts (the update's /Prev). */
  xrefAt: number;
  /** The object with this number, parsed from the original (not any change made since). */
  read: (ref: PDFRef) => PDFObject;
  lookupDict: (value: PDFObject | undefined) => PDFDict | undefined;
  /** The number of the object whose bytes contain this offset (to find the object a byte search landed in). */
  objectContaining: (offset: number) => PDFRef | undefined;
};

/** Reads the trailer and the cross-reference table of a PDF with one classic table (no object streams). */
export function openPdf(bytes: Uint8Array): UpdatablePdf {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.byteLength - 1024)));
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new UnsupportedPdf('No startxref at the end of the file');
  const xrefAt = Number(start[1]);
  const trailerAt = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('trailer', xrefAt, 'latin1');
  const table = latin1(bytes.subarray(xrefAt, trailerAt));
  if (trailerAt < 0 || !table.startsWith('xref')) throw new UnsupportedPdf('No classic cross-reference table');
  const offsets = new Map<number, number>();
  const lines = table.slice(4).trim().split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; ) {
    const [first, count] = lines[index]!.trim().split(/\s+/).map(Number) as [number, number];
    for (let entry = 0; entry < count; entry += 1) {
      const [offset, , kind] = lines[index + 1 + entry]!.trim().split(/\s+/);
      if (kind === 'n') offsets.set(first + entry, Number(offset));
    }
    index += 1 + count;
  }
  const context = PDFContext.create();
  const parse = (from: number) => PDFObjectParser.forBytes(bytes.subarray(from), context).parseObject();
  const trailer = parse(trailerAt + 'trailer'.length);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Encrypt'))) throw new UnsupportedPdf('Unreadable or encrypted trailer');
  const size = trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
  context.largestObjectNumber = size - 1;

  const read = (ref: PDFRef): PDFObject => {
    const offset = offsets.get(ref.objectNumber);
    if (offset === undefined) throw new UnsupportedPdf(`No object ${ref.objectNumber}`);
    const header = /^\s*\d+\s+\d+\s+obj/.exec(latin1(bytes.subarray(offset, offset + 40)));
    if (!header) throw new UnsupportedPdf(`Object ${ref.objectNumber} is not where the table says`);
    return parse(offset + header[0].length);
  };
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  return {
    bytes,
    context,
    trailer,
    xrefAt,
    read,
    lookupDict: (value) => {
      const object = value instanceof PDFRef ? read(value) : value;
      return object instanceof PDFDict ? object : undefined;
    },
    objectContaining: (offset) => {
      let low = 0;
      let high = sorted.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (sorted[middle]![1] <= offset) low = middle;
        else high = middle - 1;
      }
      const found = sorted[low];
      return found && found[1] <= offset ? PDFRef.of(found[0]) : undefined;
    },
  };
}

function objectBytes(ref: PDFRef, object: PDFObject): Buffer {
  const body = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
}

/**
 * The original followed by an incremental update holding `changed` (new versions of original objects) and every object
 * registered in the context since opening (new ones), with the trailer's Root and Info as given.
 */
export function withUpdate(pdf: UpdatablePdf, changed: Map<PDFRef, PDFObject>, info: PDFRef): Uint8Array {
  const originalSize = pdf.trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
  const objects = new Map<number, [PDFRef, PDFObject]>();
  for (const [ref, object] of changed) objects.set(ref.objectNumber, [ref, object]);
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) if (ref.objectNumber >= originalSize) objects.set(ref.objectNumber, [ref, object]);
  const numbers = [...objects.keys()].sort((a, b) => a - b);

  const endsWithNewline = pdf.bytes[pdf.bytes.byteLength - 1] === 0x0a;
  const chunks: Buffer[] = endsWithNewline ? [] : [Buffer.from('\n')];
  let position = pdf.bytes.byteLength + (endsWithNewline ? 0 : 1);
  const offsetOf = new Map<number, number>();
  for (const number of numbers) {
    const [ref, object] = objects.get(number)!;
    const chunk = objectBytes(ref, object);
    offsetOf.set(number, position);
    chunks.push(chunk);
    position += chunk.byteLength;
  }
  // One subsection per run of consecutive numbers; each entry exactly 20 bytes.
  let table = 'xref\n';
  for (let index = 0; index < numbers.length; ) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end += 1;
    table += `${numbers[index]} ${end - index + 1}\n`;
    for (let at = index; at <= end; at += 1) table += `${String(offsetOf.get(numbers[at]!)).padStart(10, '0')} 00000 n \n`;
    index = end + 1;
  }
  const size = Math.max(originalSize, (numbers.at(-1) ?? 0) + 1);
  const root = pdf.trailer.get(PDFName.of('Root'))!;
  table += `trailer\n<< /Size ${size} /Root ${root.toString()} /Info ${info.toString()} /Prev ${pdf.xrefAt} >>\nstartxref\n${position}\n%%EOF\n`;
  chunks.push(Buffer.from(table, 'latin1'));
  const update = Buffer.concat(chunks);
  const result = new Uint8Array(pdf.bytes.byteLength + update.byteLength);
  result.set(pdf.bytes, 0);
  result.set(update, pdf.bytes.byteLength);
  return result;
}
