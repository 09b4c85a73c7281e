// What is overdue for the people a supervisor or manager oversees: sessions against the agreed frequency, records
// not agreed in time, actions past due, requested debriefs, and workers without a current agreement.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { StatusTag } from '#app/components/supervision/status-tag.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { workersWithoutAgreement } from '#app/domain/supervision/agreements.server.ts';
import { overdueOverview } from '#app/domain/supervision/overdue.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Overdue supervision – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision-overview');
  const [overview, withoutAgreement] = await Promise.all([overdueOverview(actor), workersWithoutAgreement(actor)]);
  return { ...overview, withoutAgreement };
});

export default function SupervisionOverviewPage() {
  const { sessions, records, actions, debriefs, withoutAgreement } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to="/supervision" className="govuk-back-link">Back to supervision</Link>
        <h1 className="govuk-heading-l">Overdue supervision</h1>
        {debriefs.length ? (
          <>
            <h2 className="govuk-heading-m">Urgent debriefs requested and not yet arranged ({debriefs.length})</h2>
            <ul className="govuk-list">
              {debriefs.map((debrief) => (
                <li key={debrief.sessionId}>
                  <Link className="govuk-link" to={`/supervision/sessions/${debrief.sessionId}`}>{debrief.workerName}, asked on {formatDateTime(debrief.requestedAt)}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="govuk-heading-m">Sessions overdue against the agreed frequency ({sessions.length})</h2>
        {sessions.length ? (
          <TableRegion label="Sessions overdue">
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Worker</th>
                  <th scope="col" className="govuk-table__header">Last held</th>
                  <th scope="col" className="govuk-table__header">Was due by</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {sessions.map((row) => (
                  <tr className="govuk-table__row" key={row.workerId}>
                    <td className="govuk-table__cell"><Link className="govuk-link" to={`/supervision/workers/${row.workerId}`}>{row.workerName}</Link></td>
                    <td className="govuk-table__cell">{row.lastHeld ? formatDate(row.lastHeld) : 'Never'}</td>
                    <td className="govuk-table__cell">{formatDate(row.dueBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : <p className="govuk-body">None.</p>}

        <h2 className="govuk-heading-m">Records not agreed in time ({records.length})</h2>
        {records.length ? (
          <ul className="govuk-list">
            {records.map((row) => (
              <li key={row.sessionId}>
                <Link className="govuk-link" to={`/supervision/sessions/${row.sessionId}`}>{row.workerName}</Link>: due {formatDate(row.dueOn)} <StatusTag kind="record" status={row.status} />
              </li>
            ))}
          </ul>
        ) : <p className="govuk-body">None.</p>}

        <h2 className="govuk-heading-m">Actions past due ({actions.length})</h2>
        {actions.length ? (
          <ul className="govuk-list">
            {actions.map((row, index) => (
              <li key={`${row.sessionId}-${index}`}>
                {row.sessionId ? <Link className="govuk-link" to={`/supervision/sessions/${row.sessionId}`}>{row.workerName}</Link> : row.workerName}: {row.description} (owner {row.ownerName}, due {formatDate(row.dueOn)})
              </li>
            ))}
          </ul>
        ) : <p className="govuk-body">None.</p>}

        <h2 className="govuk-heading-m">Without a current agreement ({withoutAgreement.length})</h2>
        {withoutAgreement.length ? (
          <ul className="govuk-list">
            {withoutAgreement.map((row) => (
              <li key={row.id}><Link className="govuk-link" to={`/supervision/workers/${row.id}`}>{row.name}</Link></li>
            ))}
          </ul>
        ) : <p className="govuk-body">None.</p>}
      </div>
    </div>
  );
}
