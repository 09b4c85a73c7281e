// The signed-in worker's own portfolio as a PDF download.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { issuePortfolio } from '#app/domain/portfolio/portfolios.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { pdfDownload } from '#app/utils/pdf-response.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request, context }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:progress:own');
  return pdfDownload(await issuePortfolio(requestContext(context, actor), actor.id));
});
