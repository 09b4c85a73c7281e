// A worker's portfolio as a PDF download, for whoever may read their evidence and the organisation's admins.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { issuePortfolio } from '#app/domain/portfolio/portfolios.server.ts';
import { requireActor } from '#app/utils/auth.server.ts';
import { pdfDownload } from '#app/utils/pdf-response.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const workerId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  return pdfDownload(await issuePortfolio(requestContext(context, actor), workerId.data));
});
