// A private calendar subscription: no session, only the random token in the link; unknown or revoked → 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { calendarForToken } from '#app/domain/supervision/calendar.server.ts';
import { publicHost } from '#app/utils/public-url.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ params }: LoaderFunctionArgs) => {
  const body = await calendarForToken((params.token ?? '').replace(/\.ics$/, ''), publicHost());
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
});
