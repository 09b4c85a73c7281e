// Downloads a finished batch's ZIP or merged PDF, streamed from the batch store, to its requester or an admin; each
// download is in the audit log.
import { createReadStream } from 'node:fs';
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { openPortfolioBatchFile } from '#app/domain/portfolio/batches.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formId } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'request:portfolio-batch');
  const batchId = formId().safeParse(params.batchId);
  if (!batchId.success) throw new Response('Not found', { status: 404 });
  const file = await openPortfolioBatchFile(requestContext(context, actor), batchId.data);
  return new Response(createReadableStreamFromReadable(createReadStream(file.path)), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.byteSize),
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
