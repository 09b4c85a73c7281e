// CASE 1.0 getAllCFDocuments: the published standards' CFDocuments, paged with limit and offset. No sign-in.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { listCaseDocuments } from '#app/domain/standards/case-publishing.server.ts';
import { caseJson, casePage, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const page = casePage(request);
  if (page instanceof Response) return page;
  const { total, documents } = await listCaseDocuments(page);
  return caseJson({ CFDocuments: documents }, { 'X-Total-Count': String(total) });
};

export const action = caseReadOnly;
