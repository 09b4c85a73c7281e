// Reads an uploaded standards file in any supported format into standards plus the parser's warnings.
import type { NosStandard } from '#standards/schema.ts';
import { importStandards, StandardFormatError, type StandardFormat } from './formats/index.ts';
import { NosParseError, parseNosText } from './parse-nos-text.ts';
import { extractDocumentText, UnreadableDocument } from './text-extraction.server.ts';
import type { UploadFormat } from './upload-formats.ts';


export type ReadStandard = { standard: NosStandard; warnings: string[] };

/** A message for the person who uploaded the file, shown next to the file field. */
export class UploadProblem extends Error {}

/** No check: reads an uploaded file into standards; saving them checks. */
export async function readStandardsUpload(file: { name: string; bytes: Uint8Array }, format: UploadFormat): Promise<ReadStandard[]> {
  try {
    const text = await extractDocumentText(file);
    if (!text.trim()) throw new UploadProblem('The selected file is empty');
    if (format === 'document') {
      const sourceName = file.name.replace(/\.[^.]+$/, '');
      const { standard, warnings } = parseNosText(text, { sourceName });
      return [{ standard, warnings }];
    }
    return importStandards(text, format satisfies StandardFormat).map((standard) => ({ standard, warnings: [] }));
  } catch (error) {
    if (error instanceof UnreadableDocument || error instanceof UploadProblem) throw new UploadProblem(error.message);
    if (error instanceof NosParseError) throw new UploadProblem(`This file does not look like a National Occupational Standard: ${error.message}`);
    if (error instanceof StandardFormatError) throw new UploadProblem(error.message);
    throw error;
  }
}
