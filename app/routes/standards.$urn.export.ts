// Downloads one version of a standard in an interchange format (our JSON, CSV, Moodle CSV, IMS CASE).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { caseOptionsFor } from '#app/domain/standards/case-publishing.server.ts';
import { exportStandards } from '#app/domain/standards/formats/index.ts';
import { exportableStandard } from '#app/domain/standards.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

const Query = z.object({
  format: z.enum(['nosfolio-json', 'csv', 'moodle-csv', 'case-json']),
  version: z.string().trim().max(40).optional(),
});

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:standards:org');
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response('Choose an export format', { status: 400 });
  const standard = await exportableStandard(actor, params.urn ?? '', query.data.version);
  const file = exportStandards([standard], query.data.format, {
    // CASE URIs point at the portal's public CASE API (PUBLIC_URL, never the Host header); they resolve once published.
    ...caseOptionsFor(actor.organisationId),
    frameworkIdNumber: `NOS-${standard.urn}`,
    frameworkName: `${standard.urn} ${standard.title}`,
  });
  const fileName = `${standard.urn}-v${standard.version ?? '1'}-${query.data.format}.${file.fileExtension}`.replace(/[^\w.-]/g, '_');
  return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
