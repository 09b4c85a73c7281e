// The organisation's audit log, newest first, for admins, and on request the check that its record is whole.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { checkAuditRecord, type RecordCheck } from '#app/domain/audit-chain.server.ts';
import { listAuditEvents } from '#app/domain/audit.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Audit log – NOSfolio' }];

const Query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // The check walks the whole record, so it runs when asked, not on every page of the log.
  check: z.literal('record').optional().catch(undefined),
});

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:audit:org');
  const { page, check } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...(await listAuditEvents(actor, page)), check: check ? await checkAuditRecord(actor) : null };
});

export default function AuditPage() {
  const { events, page, pageCount, total, check } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every sign-in, change of role and change of access, newest first. Entries cannot be changed or removed.</p>
      <section aria-labelledby="record-check-heading">
        <h2 className="govuk-heading-m" id="record-check-heading">Is the record whole?</h2>
        <p className="govuk-body">
          Every entry, decision and countersign carries a hash of its content and of the entry before it, so a change made
          behind the portal’s back shows here.
        </p>
        {check ? <RecordCheckResult check={check} /> : null}
        <Form method="get">
          <input type="hidden" name="check" value="record" />
          <button type="submit" className="govuk-button govuk-button--secondary">Check the record</button>
        </Form>
      </section>
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

function RecordCheckResult({ check }: { check: RecordCheck }) {
  if (check.problem) {
    return (
      <div className="govuk-warning-text" role="alert">
        <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          The record is not whole at {check.problem}. {plural(check.entries, 'entry was', 'entries were')} whole before it.
        </strong>
      </div>
    );
  }
  return (
    <div role="status">
      <p className="govuk-body govuk-!-font-weight-bold">The record is whole: {plural(check.entries, 'entry', 'entries')} checked.</p>
      {check.head && check.head.seq > 0 ? (
        <>
          <p className="govuk-body">
            The hash of its last entry, number {check.head.seq}, is below. Keep a note of it somewhere else: a record rewritten
            later would no longer end with it.
          </p>
          <p className="app-copy-box">{check.head.hash}</p>
        </>
      ) : null}
    </div>
  );
}
