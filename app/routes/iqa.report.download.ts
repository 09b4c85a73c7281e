// The sampling report for a period as a CSV file: the same figures as /iqa/report.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { periodFromQuery } from '#app/components/iqa/period.ts';
import { samplingReportCsv } from '#app/domain/assessment/sampling.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:iqa-report:org');
  const period = periodFromQuery(new URL(request.url).searchParams);
  if (period.errors.from || period.errors.to) throw new Response(period.errors.from ?? period.errors.to, { status: 400 });
  const body = await samplingReportCsv(actor, period);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="iqa-sampling-${period.from}-to-${period.to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
