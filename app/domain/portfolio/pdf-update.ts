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

const digitsAt = (bytes: Uint8Array, at: number, count: number) => {
  let value = 0;
  for (let index = at; index < at + count; index += 1) value = value * 10 + bytes[index]! - 48;
  return value;
};

/** The table's entries, straight from the bytes (each entry is 20 of them): offsets by object number, -1 for free ones. */
function readTable(bytes: Uint8Array, from: number, to: number): number[] {
  const offsets: number[] = [];
  const text = latin1(bytes.subarray(from, to));
  const heading = /(\d+)[ ]+(\d+)[ ]*\r?\n/y;
  let at = /^\s*/.exec(text)![0].length;
  while (at < text.length) {
    heading.lastIndex = at;
    const match = heading.exec(text);
    if (!match) break;
    const first = Number(match[1]);
    const count = Number(match[2]);
    at = heading.lastIndex;
    if (at + count * 20 > text.length) throw new UnsupportedPdf('A cross-reference section runs past the trailer');
    for (let entry = 0; entry < count; entry += 1, at += 20) {
      offsets[first + entry] = bytes[from + at + 17] === 0x6e ? digitsAt(bytes, from + at, 10) : -1;
    }
    at += /^\s*/.exec(text.slice(at, at + 8))![0].length;
  }
  for (let number = 0; number < offsets.length; number += 1) offsets[number] ??= -1;
  return offsets;
}

/** Reads the trailer and the cross-reference table of a PDF with one classic table (no object streams). */
export function openPdf(bytes: Uint8Array): UpdatablePdf {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.byteLength - 1024)));
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new UnsupportedPdf('No startxref at the end of the file');
  const xrefAt = Number(start[1]);
  const trailerAt = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('trailer', xrefAt, 'latin1');
  if (trailerAt < 0 || latin1(bytes.subarray(xrefAt, xrefAt + 4)) !== 'xref') throw new UnsupportedPdf('No classic cross-reference table');
  const offsets = readTable(bytes, xrefAt + 4, trailerAt);
  const context = PDFContext.create();
  const parse = (from: number) => PDFObjectParser.forBytes(bytes.subarray(from), context).parseObject();
  const trailer = parse(trailerAt + 'trailer'.length);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Encrypt'))) throw new UnsupportedPdf('Unreadable or encrypted trailer');
  const size = trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
  context.largestObjectNumber = size - 1;

  const read = (ref: PDFRef): PDFObject => {
    const offset = offsets[ref.objectNumber] ?? -1;
    if (offset < 0) throw new UnsupportedPdf(`No object ${ref.objectNumber}`);
    const header = /^\s*\d+\s+\d+\s+obj/.exec(latin1(bytes.subarray(offset, offset + 40)));
    if (!header) throw new UnsupportedPdf(`Object ${ref.objectNumber} is not where the table says`);
    return parse(offset + header[0].length);
  };
  // Every object's offset and number in one number (offset × 2^20 + number), sorted by offset.
  const sorted = new Float64Array(offsets.length);
  offsets.forEach((offset, number) => (sorted[number] = offset < 0 ? -1 : offset * 2 ** 20 + number));
  sorted.sort();
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
      const key = (offset + 1) * 2 ** 20;
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle]! < key) low = middle + 1;
        else high = middle;
      }
      const found = sorted[low - 1];
      return found !== undefined && found >= 0 ? PDFRef.of(found % 2 ** 20) : undefined;
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
