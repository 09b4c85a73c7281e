// CASE 1.0 getCFDocument: one published standard's CFDocument. No sign-in; unknown or unpublished is 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { findCaseDocument } from '#app/domain/standards/case-publishing.server.ts';
import { caseJson, caseNotFound, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const document = await findCaseDocument(params.sourcedId ?? '');
  return document ? caseJson(document) : caseNotFound('CFDocument');
};

export const action = caseReadOnly;
