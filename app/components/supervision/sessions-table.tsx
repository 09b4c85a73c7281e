// A worker's supervision sessions, soonest first, each linking to its page, with its record's state.
import { Link } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { SESSION_TYPE_LABELS, type SessionType } from '#app/domain/supervision/statuses.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { StatusTag } from './status-tag.tsx';

export type SessionRow = { id: number; startsAt: string | Date; type: string; status: string; recordStatus: string | null; recordOverdue: boolean };

export function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  if (!sessions.length) return <p className="govuk-body">No sessions yet.</p>;
  return (
    <TableRegion label="Sessions">
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Type</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Record</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sessions.map((session) => (
            <tr className="govuk-table__row" key={session.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/supervision/sessions/${session.id}`}>
                  {session.status === 'requested' ? `Requested ${formatDateTime(session.startsAt)}` : formatDateTime(session.startsAt)}
                </Link>
              </td>
              <td className="govuk-table__cell">{SESSION_TYPE_LABELS[session.type as SessionType] ?? session.type}</td>
              <td className="govuk-table__cell"><StatusTag kind="session" status={session.status} /></td>
              <td className="govuk-table__cell">
                {session.recordStatus ? <StatusTag kind="record" status={session.recordStatus} /> : '—'}
                {session.recordOverdue ? <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
