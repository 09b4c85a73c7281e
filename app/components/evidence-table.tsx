// A list of evidence with its type, date, status and how many items it is mapped to.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { EVIDENCE_TYPE_LABELS, type EvidenceType } from '#app/domain/evidence-types.ts';
import { formatDate } from '#app/utils/dates/index.ts';

type Row = { id: number; status: string; type: EvidenceType; title: string; activityDate: string; itemCount: number; revisionNumber: number; recordedBy: string | null };

const STATUS: Record<string, [string, string]> = {
  draft: ['Draft', 'govuk-tag--grey'],
  submitted: ['Submitted', 'govuk-tag--blue'],
};

/** The table, or when there is no evidence, `empty`: what is missing and what to do, never a header row with nothing under it. */
export function EvidenceTable({ evidence, caption, empty }: { evidence: Row[]; caption: string; empty: ReactNode }) {
  if (evidence.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <TableRegion label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Evidence</th>
            <th scope="col" className="govuk-table__header">Type</th>
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {evidence.map((row) => {
            const [label, tag] = STATUS[row.status] ?? [row.status, ''];
            return (
              <tr className="govuk-table__row" key={row.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/evidence/${row.id}`}>{row.title}</Link>
                  {row.recordedBy ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Recorded by {row.recordedBy}, assessor</span> : null}
                  {row.revisionNumber > 1 ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Revision {row.revisionNumber}</span> : null}
                </th>
                <td className="govuk-table__cell">{EVIDENCE_TYPE_LABELS[row.type]}</td>
                <td className="govuk-table__cell">{row.activityDate ? formatDate(row.activityDate) : ''}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.itemCount}</td>
                <td className="govuk-table__cell"><strong className={`govuk-tag ${tag}`}>{label}</strong></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
