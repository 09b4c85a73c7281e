// Downloads the signed-in person's supervision sessions as an .ics file.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { calendarFor } from '#app/domain/supervision/calendar.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { publicHost } from '#app/utils/public-url.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision:own');
  const body = await calendarFor(actor, publicHost());
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="supervision.ics"',
      'Cache-Control': 'private, no-store',
    },
  });
});
