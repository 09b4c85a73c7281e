// Issuing a worker's portfolio: read it (permission first), render the templates, then print, append the evidence PDFs
// and record the issued file (its code and SHA-256) with the audit event (internal/issue.server.ts). The one way a
// portfolio is made, for the pages and for `npm run portfolio`.
import { today } from '#app/utils/dates/index.ts';
import { fileStore } from '#app/utils/file-store.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { absoluteUrl } from '#app/utils/public-url.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { slugFor } from '#app/utils/words.ts';
import { ISSUED_DOCUMENT_KINDS } from '#db/models/issued-document.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { loadAppendable, type Appendix } from './assemble.server.ts';
import { groupedCode, newVerificationCode } from './codes.ts';
import { issueDocument, timed, type IssueStages } from './internal/issue.server.ts';
import { loadPortfolioData, type PortfolioEvidence } from './portfolio-data.server.ts';
import { toPortfolioView, type Attachment, type PortfolioView } from './portfolio-view.ts';
import { renderDocument } from './templates.server.ts';

export type { IssueStages };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export type IssuedPortfolio = {
  bytes: Uint8Array;
  code: string;
  verifyUrl: string;
  fileName: string;
  sha256: string;
  pages: number;
  /** Requests the print page tried to make and was refused (none for a sound document). */
  refused: string[];
};

/** Each evidence file as the portfolio shows it: PDFs appended (numbered in index order), images embedded, the rest listed. */
async function prepareAttachments(evidence: PortfolioEvidence[]): Promise<{ attachments: Map<number, Attachment>; appendices: Appendix[] }> {
  const files = evidence.flatMap((piece) => piece.files);
  const loaded = await Promise.all(
    files.map(async (file) => {
      if (file.mediaType !== 'application/pdf' && !IMAGE_TYPES.has(file.mediaType)) return null;
      try {
        return await fileStore().read(file.storedName);
      } catch {
        return undefined;
      }
    }),
  );
  const attachments = new Map<number, Attachment>();
  const appendices: Appendix[] = [];
  for (const [index, file] of files.entries()) {
    const bytes = loaded[index];
    if (bytes === undefined) {
      attachments.set(file.id, { kind: 'listed', reason: 'The file could not be read from the store' });
    } else if (bytes === null) {
      attachments.set(file.id, { kind: 'listed', reason: 'Not reproduced here: kept in the portal' });
    } else if (IMAGE_TYPES.has(file.mediaType)) {
      attachments.set(file.id, { kind: 'image', dataUri: `data:${file.mediaType};base64,${bytes.toString('base64')}` });
    } else {
      const document = await loadAppendable(new Uint8Array(bytes));
      if (!document) {
        attachments.set(file.id, { kind: 'listed', reason: 'Not appended: the PDF is protected or cannot be read' });
        continue;
      }
      const number = appendices.length + 1;
      appendices.push({ number, document });
      attachments.set(file.id, { kind: 'appendix', number, pages: document.getPageCount() });
    }
  }
  return { attachments, appendices };
}

function fileNameFor(name: string, date: string): string {
  return `portfolio-${slugFor(name, 'worker')}-${date}.pdf`;
}

/** The HTML of a portfolio view, as printed (the bench prints the same HTML bare). */
export function renderPortfolio(view: PortfolioView) {
  return { html: renderDocument('portfolio', view) };
}

/**
 * Reads and renders the worker's portfolio for the actor, ready to print: the permission check first (whoever may read
 * the worker's evidence, or an admin of the organisation, docs/decisions/034; NotFound otherwise), a new code, the
 * view, its HTML, and the evidence PDFs to append. Nothing is recorded until it is issued.
 */
export async function composePortfolio(actor: Actor, workerId: number, issuedAt: Date, stages?: IssueStages) {
  const data = await timed(stages, 'read', () => loadPortfolioData(actor, workerId, today(issuedAt)));
  const code = newVerificationCode();
  const verifyUrl = absoluteUrl(`/verify/${code}`);
  const { attachments, appendices } = await timed(stages, 'attachments', () => prepareAttachments(data.evidence));
  return timed(stages, 'render', () => {
    const view = toPortfolioView(data, { code, verifyUrl, issuedAt, issuedByName: actor.name }, attachments);
    return { data, code, verifyUrl, view, appendices, ...renderPortfolio(view) };
  });
}

/**
 * Makes and issues the worker's portfolio for the actor (see composePortfolio for who may). Drafts are never printed.
 * Every print is recorded (issued_documents) and audited in one transaction; the audit summary names the worker and the
 * code, never evidence.
 */
export async function issuePortfolio(ctx: DomainContext, workerId: number, stages?: IssueStages): Promise<IssuedPortfolio> {
  const { actor } = ctx;
  const { data, code, verifyUrl, view, appendices, html } = await composePortfolio(actor, workerId, ctx.now, stages);
  const { bytes, sha256, pages, refused } = await issueDocument(
    ctx,
    {
      html,
      code,
      appendices,
      facts: { title: view.title, author: view.author, subject: view.subject, keywords: ['portfolio', 'National Occupational Standards', groupedCode(code)] },
      record: { kind: ISSUED_DOCUMENT_KINDS.portfolio, subjectPersonId: data.worker.id, subjectName: data.worker.name },
      audit: (pages) => ({
        action: AUDIT_ACTIONS.portfolioPrinted,
        summary: `${actor.name} printed the portfolio of ${data.worker.name} (${pages} pages, verification code ${groupedCode(code)})`,
        subject: { type: 'person', id: data.worker.id },
      }),
    },
    stages,
  );
  return { bytes, code, verifyUrl, fileName: fileNameFor(data.worker.name, today(ctx.now)), sha256, pages, refused };
}
