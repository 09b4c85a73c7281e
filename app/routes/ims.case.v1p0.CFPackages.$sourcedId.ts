// CASE 1.0 getCFPackage: a published standard's document, items and associations at once. No sign-in.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { findCasePackage } from '#app/domain/standards/case-publishing.server.ts';
import { caseJson, caseNotFound, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const pkg = await findCasePackage(params.sourcedId ?? '');
  return pkg ? caseJson(pkg) : caseNotFound('CFPackage');
};

export const action = caseReadOnly;
