// The organisation's audit log, newest first, for admins.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { listAuditEvents } from '#app/domain/audit.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Audit log – NOSfolio' }];

const Query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:audit:org');
  const { page } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listAuditEvents(actor, page);
});

export default function AuditPage() {
  const { events, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every sign-in, change of role and change of access, newest first. Entries cannot be changed or removed.</p>
      <TableRegion label="Audit log">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {plural(total, 'entry', 'entries')}. Page {page} of {pageCount}.
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">When</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">From</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((event) => (
              <tr className="govuk-table__row" key={event.id}>
                <td className="govuk-table__cell">{formatDateTime(event.at)}</td>
                <td className="govuk-table__cell">{event.actorName ?? 'Not signed in'}</td>
                <td className="govuk-table__cell">{event.summary}</td>
                <td className="govuk-table__cell">{event.ipAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <nav className="govuk-pagination" aria-label="Audit log pages">
        {page > 1 ? (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to={`?page=${page - 1}`} rel="prev">
              <span className="govuk-pagination__link-title">Newer entries</span>
            </Link>
          </div>
        ) : null}
        {page < pageCount ? (
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to={`?page=${page + 1}`} rel="next">
              <span className="govuk-pagination__link-title">Older entries</span>
            </Link>
          </div>
        ) : null}
      </nav>
    </>
  );
}
