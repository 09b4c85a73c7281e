// Issuing a document the portal prints (a portfolio, an inspection pack): Chromium prints the HTML (running header and
// footer in the page margin boxes, bookmarks), a small incremental update finishes it (appendices, page numbers,
// metadata), and the issued file (its code and SHA-256) is recorded with the audit event in one transaction.
// Unchecked: each caller has read what it prints as the actor may.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { IssuedDocument } from '#db/models/index.ts';
import type { IssuedDocumentKind } from '#db/models/issued-document.ts';
import { write, type AuditEntry } from '../../write.server.ts';
import { assemblePortfolio, type Appendix, type DocumentFacts } from '../assemble.server.ts';
import { printPdf } from '../browser.server.ts';

/** Milliseconds spent in each step of one issue, for whoever asks (the bench prints them). */
export type IssueStages = Partial<Record<'read' | 'attachments' | 'render' | 'setContent' | 'pdf' | 'finish' | 'hash' | 'record', number>>;

export async function timed<T>(stages: IssueStages | undefined, step: keyof IssueStages, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    if (stages) stages[step] = (stages[step] ?? 0) + performance.now() - start;
  }
}

export type DocumentToIssue = {
  html: string;
  code: string;
  appendices: Appendix[];
  facts: Omit<DocumentFacts, 'createdAt'>;
  /** What issued_documents says it is: its kind, the person it is about (none for a team's), and the name it prints. */
  record: { kind: IssuedDocumentKind; subjectPersonId: number | null; subjectName: string };
  /** The audit event, once the number of pages is known. */
  audit: (pages: number) => AuditEntry;
};

export type IssuedFile = {
  bytes: Uint8Array;
  sha256: string;
  pages: number;
  /** Requests the print page tried to make and was refused (none for a sound document). */
  refused: string[];
};

export async function issueDocument(ctx: DomainContext, document: DocumentToIssue, stages?: IssueStages): Promise<IssuedFile> {
  const { pdf, refused, setContentMs, pdfMs } = await printPdf(document.html);
  if (stages) Object.assign(stages, { setContent: setContentMs, pdf: pdfMs });
  const { bytes, pages } = await timed(stages, 'finish', () => assemblePortfolio(pdf, document.appendices, { ...document.facts, createdAt: ctx.now }));
  const sha256 = await timed(stages, 'hash', () => createHash('sha256').update(bytes).digest('hex'));
  await timed(stages, 'record', () =>
    write(ctx, {
      run: async (_subject, transaction) => {
        await IssuedDocument.create(
          {
            organisationId: ctx.actor.organisationId,
            code: document.code,
            ...document.record,
            issuedById: ctx.actor.id,
            sha256,
            byteSize: bytes.byteLength,
            createdAt: ctx.now,
          },
          { transaction },
        );
      },
      audit: () => document.audit(pages),
    }),
  );
  return { bytes, sha256, pages, refused };
}
