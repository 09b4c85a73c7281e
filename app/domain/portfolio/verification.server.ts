// Checking an issued document by its code (docs/decisions/034), for anyone who holds a copy: no sign-in. It tells who
// issued the document, for whom (their name only), when and what kind it is, and whether an uploaded copy is identical
// to the byte; nothing else about the worker or the organisation's records.
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { sequelize } from '#db/models/index.ts';
import { normaliseCode } from './codes.ts';

const KIND_LABELS: Record<string, string> = { portfolio: 'Portfolio', inspection_pack: 'Inspection pack' };

export type IssuedDocumentFacts = {
  code: string;
  kind: string;
  kindLabel: string;
  subjectName: string;
  issuedByName: string;
  organisationName: string;
  issuedAt: Date;
};

type Stored = IssuedDocumentFacts & { sha256: string; byteSize: number };

const DOCUMENT_SQL = `
SELECT d.code, d.kind, d.subject_name AS "subjectName", p.name AS "issuedByName", o.name AS "organisationName",
       d.created_at AS "issuedAt", d.sha256, d.byte_size AS "byteSize"
FROM issued_documents d
JOIN people p ON p.id = d.issued_by_id
JOIN organisations o ON o.id = d.organisation_id
WHERE d.code = :code`;

async function stored(input: string): Promise<Stored | null> {
  const code = normaliseCode(input);
  if (!code) return null;
  const [row] = await sequelize.query<Record<string, unknown>>(DOCUMENT_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { code } });
  if (!row) return null;
  return {
    code,
    kind: String(row.kind),
    kindLabel: KIND_LABELS[String(row.kind)] ?? String(row.kind),
    subjectName: String(row.subjectName),
    issuedByName: String(row.issuedByName),
    organisationName: String(row.organisationName),
    issuedAt: new Date(row.issuedAt as string | Date),
    sha256: String(row.sha256),
    byteSize: Number(row.byteSize),
  };
}

/** What the portal says about the document with this code, or null for a code it never issued. Public: no check. */
export async function describeIssuedDocument(code: string): Promise<IssuedDocumentFacts | null> {
  const document = await stored(code);
  if (!document) return null;
  const { sha256: _sha256, byteSize: _byteSize, ...facts } = document;
  return facts;
}

/**
 * Whether the uploaded copy is the document the portal issued under this code: the same length and the same SHA-256.
 * Null for an unknown code. Public: no check; the answer is yes or no, never what differs.
 */
export async function compareCopy(code: string, copy: Blob): Promise<{ document: IssuedDocumentFacts; identical: boolean } | null> {
  const document = await stored(code);
  if (!document) return null;
  const { sha256, byteSize, ...facts } = document;
  if (copy.size !== byteSize) return { document: facts, identical: false };
  const hash = createHash('sha256');
  for await (const chunk of copy.stream() as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return { document: facts, identical: hash.digest('hex') === sha256 };
}
