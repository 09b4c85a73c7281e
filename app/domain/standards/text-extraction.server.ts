// Turns an uploaded NOS document (plain text, PDF or Word) into text the parser can read.
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { wordHtmlToText } from './word-html-text.ts';

export const MAX_STANDARD_FILE_BYTES = 5 * 1024 * 1024;

export class UnreadableDocument extends Error {}

/** No check: reads text out of a file; nothing is stored. */
export async function extractDocumentText(file: { name: string; bytes: Uint8Array }): Promise<string> {
  if (file.bytes.byteLength === 0) throw new UnreadableDocument('The selected file is empty');
  if (file.bytes.byteLength > MAX_STANDARD_FILE_BYTES) throw new UnreadableDocument('The selected file must be smaller than 5 MB');
  const head = Buffer.from(file.bytes.subarray(0, 5)).toString('latin1');
  try {
    if (head.startsWith('%PDF-')) {
      const pdf = await getDocumentProxy(file.bytes);
      const { text } = await extractText(pdf, { mergePages: false });
      return (text as string[]).join('\n');
    }
    if (head.startsWith('PK')) {
      // Raw text would drop manual line breaks, which a NOS's lines often are; the HTML keeps them.
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
      return wordHtmlToText(value);
    }
  } catch {
    throw new UnreadableDocument('The selected file could not be read. Save it again as a PDF, Word or text file');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
  if (text.includes('\u0000')) throw new UnreadableDocument('The selected file must be a text, PDF or Word document');
  return text.replace(/^\uFEFF/, '');
}
