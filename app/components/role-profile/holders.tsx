// The people who hold a role profile now (with "End assignment" for those who may end it) and those who used to.
import { Form } from '@remix-run/react';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { formatDate } from '#app/utils/dates/index.ts';

type Holder = { id: number; personName: string; startedOn: string; targetDate: string; endedOn: string | null; isWorker?: boolean };

/** Holders without the worker role cannot record evidence towards the role's standards; the admin is told so. */
function NotWorkersWarning({ holders }: { holders: Holder[] }) {
  const names = holders.filter((holder) => holder.isWorker === false).map((holder) => holder.personName);
  if (!names.length) return null;
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {names.join(', ')} {names.length === 1 ? 'does' : 'do'} not have the worker role, so they cannot record
        evidence towards this role’s standards. Give the worker role on their page in People, or end the assignment.
      </div>
    </div>
  );
}

export function HoldersTable({ holders, canEnd }: { holders: Holder[]; canEnd: boolean }) {
  if (!holders.length) return <p className="govuk-body">Nobody holds this role at the moment.</p>;
  return (
    <>
      <NotWorkersWarning holders={holders} />
      <TableRegion label="People who hold this role">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Started</th>
              <th scope="col" className="govuk-table__header">Target date</th>
              {canEnd ? <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {holders.map((holder) => (
              <tr className="govuk-table__row" key={holder.id}>
                <th scope="row" className="govuk-table__header">{holder.personName}</th>
                <td className="govuk-table__cell">{formatDate(holder.startedOn)}</td>
                <td className="govuk-table__cell">{formatDate(holder.targetDate)}</td>
                {canEnd ? (
                  <td className="govuk-table__cell">
                    <Form method="post" className="app-inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="end" />
                      <input type="hidden" name="assignmentId" value={holder.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        End assignment<span className="govuk-visually-hidden"> of {holder.personName}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

export function PastHolders({ holders }: { holders: Holder[] }) {
  if (!holders.length) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">People who used to hold this role ({holders.length})</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {holders.map((holder) => (
            <li key={holder.id}>
              {holder.personName}: {formatDate(holder.startedOn)} to {holder.endedOn ? formatDate(holder.endedOn) : ''}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
