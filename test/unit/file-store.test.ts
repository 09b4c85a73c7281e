// Evidence uploads: types judged by content, names made safe, limits enforced, and files stored atomically.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { env } from '#app/utils/env.server.ts';
import {
  FILE_LIMITS,
  FileRejected,
  createFileStore,
  fileStore,
  inspectUpload,
  safeFileName,
  writeFileAtomic,
} from '#app/utils/file-store.server.ts';

const WRONG_TYPE = 'The selected file must be a PDF, Word document, image (JPG, PNG or WEBP) or text file';

// ---- Minimal samples, built in code -------------------------------------------------------------------------

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const PDF = ascii(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
// A valid 1x1 transparent PNG.
const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
// JPEG start of image + APP0 JFIF header.
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);
// RIFF....WEBPVP8 header.
const WEBP = new Uint8Array([
  ...Buffer.from('RIFF'), 0x1a, 0x00, 0x00, 0x00, ...Buffer.from('WEBPVP8 '), 0x0e, 0x00, 0x00, 0x00,
  0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x34, 0x25,
]);
// A Windows executable starts "MZ".
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0, 0]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip with stored (uncompressed) entries, in order. */
function zip(entries: Array<[name: string, content: string]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const DOCX = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  ],
  ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
]);
const ODT = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
]);
const PLAIN_ZIP = zip([['notes.txt', 'hello']]);

async function rejection(promise: Promise<unknown>): Promise<FileRejected> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FileRejected);
    return error as FileRejected;
  }
  throw new Error('expected the upload to be rejected');
}

async function rejects(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a rejection');
}

// ---- inspectUpload -------------------------------------------------------------------------------------------

describe('inspectUpload', () => {
  it('accepts PDF, PNG, JPEG, WebP, Word and ODT files by their content', async () => {
    const cases: Array<[string, Uint8Array, string, string]> = [
      ['report.pdf', PDF, 'application/pdf', 'pdf'],
      ['photo.png', PNG, 'image/png', 'png'],
      ['photo.jpg', JPEG, 'image/jpeg', 'jpg'],
      ['photo.webp', WEBP, 'image/webp', 'webp'],
      ['reflection.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
      ['reflection.odt', ODT, 'application/vnd.oasis.opendocument.text', 'odt'],
    ];
    for (const [name, bytes, mediaType, extension] of cases) {
      const result = await inspectUpload({ name, bytes }, 0);
      expect(result, name).to.deep.equal({
        mediaType,
        extension,
        safeName: name,
        sizeBytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  });

  it('judges by content, not name: the extension is corrected to the sniffed type', async () => {
    expect((await inspectUpload({ name: 'holiday.jpg', bytes: PNG }, 0)).safeName).to.equal('holiday.png');
    expect((await inspectUpload({ name: 'scan', bytes: PDF }, 0)).safeName).to.equal('scan.pdf');
    expect((await inspectUpload({ name: 'evil.exe', bytes: PDF }, 0)).safeName).to.equal('evil.pdf');
    // A JPEG's own aliases are kept as the person wrote them.
    expect((await inspectUpload({ name: 'Scan.JPEG', bytes: JPEG }, 0)).safeName).to.equal('Scan.JPEG');
  });

  it('refuses an executable renamed .pdf', async () => {
    const error = await rejection(inspectUpload({ name: 'invoice.pdf', bytes: EXE }, 0));
    expect(error.message).to.equal(WRONG_TYPE);
  });

  it('refuses a plain zip renamed .pdf or .docx', async () => {
    for (const name of ['invoice.pdf', 'report.docx']) {
      const error = await rejection(inspectUpload({ name, bytes: PLAIN_ZIP }, 0));
      expect(error.message).to.equal(WRONG_TYPE);
    }
  });

  it('refuses other recognised types, such as a GIF', async () => {
    const gif = ascii('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;');
    expect((await rejection(inspectUpload({ name: 'a.gif', bytes: gif }, 0))).message).to.equal(WRONG_TYPE);
  });

  it('accepts UTF-8 text only with a .txt name', async () => {
    const text = ascii('Reflective account – supervision on 3 March.\nWent well.\n');
    const result = await inspectUpload({ name: 'notes.TXT', bytes: text }, 0);
    expect(result.mediaType).to.equal('text/plain');
    expect(result.extension).to.equal('txt');
    expect(result.safeName).to.equal('notes.TXT');
    // The same bytes under another name are unrecognisable.
    expect((await rejection(inspectUpload({ name: 'notes.pdf', bytes: text }, 0))).message).to.equal(WRONG_TYPE);
    expect((await rejection(inspectUpload({ name: 'notes', bytes: text }, 0))).message).to.equal(WRONG_TYPE);
  });

  it('refuses text containing NUL bytes or invalid UTF-8', async () => {
    const withNul = ascii('hello\u0000world');
    expect((await rejection(inspectUpload({ name: 'a.txt', bytes: withNul }, 0))).message).to.equal(WRONG_TYPE);
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in Latin-1
    expect((await rejection(inspectUpload({ name: 'a.txt', bytes: latin1 }, 0))).message).to.equal(WRONG_TYPE);
  });

  it('refuses an empty file', async () => {
    const error = await rejection(inspectUpload({ name: 'a.pdf', bytes: new Uint8Array() }, 0));
    expect(error.message).to.equal('The selected file is empty');
  });

  it('refuses a file over 10 MB and accepts one of exactly 10 MB', async () => {
    const big = new Uint8Array(FILE_LIMITS.maxFileBytes + 1);
    big.set(PDF);
    const error = await rejection(inspectUpload({ name: 'big.pdf', bytes: big }, 0));
    expect(error.message).to.equal('The selected file must be smaller than 10 MB');
    const limit = big.subarray(0, FILE_LIMITS.maxFileBytes);
    expect((await inspectUpload({ name: 'limit.pdf', bytes: limit }, 0)).sizeBytes).to.equal(FILE_LIMITS.maxFileBytes);
  });

  it('refuses a file that would take the person over their 200 MB', async () => {
    const full = await rejection(inspectUpload({ name: 'a.pdf', bytes: PDF }, FILE_LIMITS.maxPersonBytes));
    expect(full.message).to.match(/^You have used your 200 MB of storage/);
    const nearlyFull = FILE_LIMITS.maxPersonBytes - PDF.byteLength + 1;
    const over = await rejection(inspectUpload({ name: 'a.pdf', bytes: PDF }, nearlyFull));
    expect(over.message).to.match(/^You have used your 200 MB of storage/);
    // Filling the quota exactly is allowed.
    const exact = FILE_LIMITS.maxPersonBytes - PDF.byteLength;
    expect((await inspectUpload({ name: 'a.pdf', bytes: PDF }, exact)).sizeBytes).to.equal(PDF.byteLength);
  });

  it('treats a nonsense stored total as a programming error, not a quota pass', async () => {
    const error = await rejects(inspectUpload({ name: 'a.pdf', bytes: PDF }, Number.NaN));
    expect(error).to.be.instanceOf(TypeError);
  });
});

// ---- safe names ----------------------------------------------------------------------------------------------

describe('safe file names', () => {
  const safe = async (name: string, bytes: Uint8Array = PDF) => (await inspectUpload({ name, bytes }, 0)).safeName;

  it('strips directories, both / and \\', async () => {
    expect(await safe('../../etc/passwd.txt', ascii('root:x:0:0'))).to.equal('passwd.txt');
    expect(await safe('C:\\Users\\x\\report.pdf')).to.equal('report.pdf');
    expect(await safe('/var/www/../..\\a/b\\c.pdf')).to.equal('c.pdf');
  });

  it('removes control characters and quotes and collapses whitespace', async () => {
    expect(await safe('my "best"\r\nreport\t\t 2024.pdf')).to.equal('my best report 2024.pdf');
    expect(await safe("Sam's   care\u0000plan.pdf")).to.equal('Sams careplan.pdf');
    expect(await safe('a"; filename="evil.exe')).to.equal('a; filename=evil.pdf');
    // A right-to-left override would make "fdp.exe" look like "exe.pdf".
    expect(await safe('invoice\u202Efdp.exe')).to.equal('invoicefdp.pdf');
  });

  it('keeps a name to 120 characters with the extension intact', async () => {
    const name = await safe(`${'a'.repeat(300)}.pdf`);
    expect(name).to.have.length(120);
    expect(name).to.equal(`${'a'.repeat(116)}.pdf`);
    const emoji = safeFileName(`${'😀'.repeat(200)}.pdf`, 'pdf');
    expect(Array.from(emoji)).to.have.length(120);
    expect(emoji.endsWith('.pdf')).to.equal(true);
    // Cut between characters, never inside a surrogate pair.
    expect(emoji).to.not.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('falls back to "evidence" when nothing usable is left', async () => {
    expect(await safe('')).to.equal('evidence.pdf');
    expect(await safe('..')).to.equal('evidence.pdf');
    expect(await safe('.pdf')).to.equal('evidence.pdf');
    expect(await safe('../../')).to.equal('evidence.pdf');
    expect(await safe('"\u0007"')).to.equal('evidence.pdf');
  });

  it('does not mistake dotted dates for an extension', () => {
    expect(safeFileName('Minutes 12.03.2024', 'pdf')).to.equal('Minutes 12.03.2024.pdf');
  });
});

// ---- storage -------------------------------------------------------------------------------------------------

describe('file store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nosfolio-files-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function allFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }

  it('writes under a random name in ab/cd/ and reads the same bytes back', async () => {
    const store = createFileStore(root);
    const storedName = await store.write(PNG, 'png');
    expect(storedName).to.match(/^[0-9a-f]{32}\.png$/);
    expect(store.path(storedName)).to.equal(
      path.join(root, storedName.slice(0, 2), storedName.slice(2, 4), storedName),
    );
    expect(Buffer.compare(await store.read(storedName), Buffer.from(PNG))).to.equal(0);
    expect(await allFiles(root)).to.deep.equal([storedName]);
  });

  it('gives two writes of the same bytes different names and leaves no temporary files', async () => {
    const store = createFileStore(root);
    const first = await store.write(PDF, 'pdf');
    const second = await store.write(PDF, 'pdf');
    expect(first).to.not.equal(second);
    const files = await allFiles(root);
    expect(files.sort()).to.deep.equal([first, second].sort());
    expect(files.some((name) => name.startsWith('.tmp-'))).to.equal(false);
  });

  it('writes a file chunk by chunk as they come, and leaves nothing behind when the chunks fail part way', async () => {
    const store = createFileStore(root);
    async function* chunks(fail: boolean) {
      yield PDF.subarray(0, 10);
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw new Error('the source went away');
      yield PDF.subarray(10);
    }
    const storedName = await store.write(chunks(false), 'pdf');
    expect(Buffer.compare(await store.read(storedName), Buffer.from(PDF))).to.equal(0);
    const error = await rejects(store.write(chunks(true), 'pdf'));
    expect((error as Error).message).to.equal('the source went away');
    expect(await allFiles(root)).to.deep.equal([storedName]);
  });

  it('removes the temporary file when the final rename fails', async () => {
    // Renaming a file over a non-empty directory fails, after the temporary file has been written.
    const target = path.join(root, 'occupied');
    await mkdir(target);
    await writeFile(path.join(target, 'keep'), 'x');
    const error = await rejects(writeFileAtomic(target, PDF));
    expect((error as NodeJS.ErrnoException).code).to.be.oneOf(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'EPERM']);
    expect(await readdir(root)).to.deep.equal(['occupied']);
    expect((await stat(target)).isDirectory()).to.equal(true);
  });

  it('refuses to write with an unsafe extension', async () => {
    const store = createFileStore(root);
    for (const extension of ['', 'PDF', '../x', 'pdf/..', 'toolong']) {
      await rejects(store.write(PDF, extension));
    }
    expect(await allFiles(root)).to.deep.equal([]);
  });

  it('refuses any name that is not a stored name', async () => {
    const store = createFileStore(root);
    const bad = [
      '../x',
      '../../etc/passwd',
      'ab/../../x.pdf',
      `${'a'.repeat(32)}.pdf/../../x`,
      `${'A'.repeat(32)}.pdf`,
      `${'a'.repeat(31)}.pdf`,
      `${'a'.repeat(33)}.pdf`,
      `${'a'.repeat(32)}`,
      `${'a'.repeat(32)}.toolong`,
      `${'a'.repeat(32)}.pdf\n`,
      `/${'a'.repeat(32)}.pdf`,
      '',
    ];
    for (const name of bad) {
      expect(() => store.path(name), JSON.stringify(name)).to.throw(/Not a stored file name/);
      await rejects(store.read(name));
      await rejects(store.remove(name));
    }
  });

  it('removes a file, and removing it again is not an error', async () => {
    const store = createFileStore(root);
    const storedName = await store.write(JPEG, 'jpg');
    await store.remove(storedName);
    expect(await allFiles(root)).to.deep.equal([]);
    await store.remove(storedName);
    await store.remove(`${'0'.repeat(32)}.pdf`);
    const error = await rejects(store.read(storedName));
    expect((error as NodeJS.ErrnoException).code).to.equal('ENOENT');
  });

  it('the default store lives in the configured upload directory', () => {
    const store = fileStore();
    expect(fileStore()).to.equal(store);
    const name = `${'ab'.repeat(16)}.pdf`;
    expect(store.path(name)).to.equal(path.join(env().uploadDir, 'ab', 'ab', name));
  });
});
