// The workforce report's figures as a CSV file, for the same period as the page (a period that does not read: 400).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { periodAsked } from '#app/domain/team/report-period.server.ts';
import { workforceReportCsv } from '#app/domain/team/workforce-report-csv.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  const { period } = periodAsked(new URL(request.url).searchParams);
  if (!period) throw new Response('Choose a period whose end date is on or after its start date', { status: 400 });
  const csv = await workforceReportCsv(actor, period);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="workforce-report-${period.from}-to-${period.to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
