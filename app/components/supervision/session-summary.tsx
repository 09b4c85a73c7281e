// When and with whom a supervision session is, its status and, for a requested debrief, why it was asked for.
import { formatDateTime } from '#app/utils/dates/index.ts';
import { StatusTag } from './status-tag.tsx';

type Session = { startsAt: string | Date; endsAt: string | Date; status: string; requested: boolean; place: string | null; cancelReason: string | null; requestReason: string | null };

export function SessionSummary({ session, workerName, supervisorName }: { session: Session; workerName: string; supervisorName: string }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">When</dt>
        <dd className="govuk-summary-list__value">{session.requested ? `Requested ${formatDateTime(session.startsAt)}; not arranged yet` : `${formatDateTime(session.startsAt)} to ${formatDateTime(session.endsAt)}`}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">With</dt>
        <dd className="govuk-summary-list__value">{workerName} and {supervisorName}{session.place ? `, ${session.place}` : ''}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Status</dt>
        <dd className="govuk-summary-list__value"><StatusTag kind="session" status={session.status} />{session.cancelReason ? ` ${session.cancelReason}` : ''}</dd>
      </div>
      {session.requestReason ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Reason for the request</dt>
          <dd className="govuk-summary-list__value">{session.requestReason}</dd>
        </div>
      ) : null}
    </dl>
  );
}
