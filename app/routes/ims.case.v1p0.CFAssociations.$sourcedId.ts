// CASE 1.0 getCFAssociation: one isChildOf link of a published standard. No sign-in.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { findCaseAssociation } from '#app/domain/standards/case-publishing.server.ts';
import { caseJson, caseNotFound, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const association = await findCaseAssociation(params.sourcedId ?? '');
  return association ? caseJson(association) : caseNotFound('CFAssociation');
};

export const action = caseReadOnly;
