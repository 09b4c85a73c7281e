// CASE 1.0 getCFItem: one section or item (P or K) of a published standard. No sign-in.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { findCaseItem } from '#app/domain/standards/case-publishing.server.ts';
import { caseJson, caseNotFound, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const item = await findCaseItem(params.sourcedId ?? '');
  return item ? caseJson(item) : caseNotFound('CFItem');
};

export const action = caseReadOnly;
