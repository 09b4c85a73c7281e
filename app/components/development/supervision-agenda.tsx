// The PDP part of a supervision session's agenda, pulled automatically: the plan's open areas for development and
// learning opportunities, the worker's open gaps per standard and section (counts, not every item), and the
// opportunities this session's record added to the plan.
import { Link } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { OPPORTUNITY_STATUS_LABELS } from '#app/domain/development/plan-forms.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { plural } from '#app/utils/words.ts';
import { kindLabel } from './plan-content.tsx';

type Opportunity = { id: number; kind: string; description: string; targetDate: string; status: string };
export type AgendaData = {
  hasPlan: boolean;
  goals: { id: number; description: string; targetDate: string | null }[];
  opportunities: Opportunity[];
  gaps: { standardId: number; title: string; open: number; total: number; sections: { section: string; open: number; notYetMet: number; total: number }[] }[];
  addedHere: Opportunity[];
};

export function PdpAgenda({ agenda, planPath, carriedForward }: { agenda: AgendaData; planPath: string; carriedForward: number }) {
  return (
    <>
      <h2 className="govuk-heading-m">Agenda: development plan and gaps</h2>
      <p className="govuk-body">
        Pulled from the <Link to={planPath} className="govuk-link">personal development plan</Link> and the standards held, as they stand now.
        {carriedForward ? ` ${plural(carriedForward, 'action is', 'actions are')} carried forward from earlier sessions (listed under Actions).` : ''}
      </p>
      {!agenda.hasPlan ? <p className="govuk-body">There is no development plan yet.</p> : null}
      <h3 className="govuk-heading-s">Open areas for development</h3>
      {agenda.goals.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {agenda.goals.map((goal) => <li key={goal.id}>{goal.description}{goal.targetDate ? `, by ${formatDate(goal.targetDate)}` : ''}</li>)}
        </ul>
      ) : (
        <p className="govuk-body">None open.</p>
      )}
      <h3 className="govuk-heading-s">Learning opportunities still to happen</h3>
      {agenda.opportunities.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {agenda.opportunities.map((row) => (
            <li key={row.id}>
              {kindLabel(row.kind)}: {row.description}, by {formatDate(row.targetDate)} ({OPPORTUNITY_STATUS_LABELS[row.status] ?? row.status})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None planned.</p>
      )}
      <h3 className="govuk-heading-s">Open gaps in the standards held</h3>
      {agenda.gaps.length ? (
        <TableRegion label="Open gaps">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Items not yet met, per standard and section</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Standard and section</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not met</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Judged not yet met</th>
              </tr>
            </thead>
            {agenda.gaps.map((standard) => (
              <tbody className="govuk-table__body" key={standard.standardId}>
                <tr className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{standard.title}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><strong>{standard.open} of {standard.total}</strong></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{standard.sections.reduce((sum, section) => sum + section.notYetMet, 0)}</td>
                </tr>
                {standard.sections.map((section) => (
                  <tr className="govuk-table__row" key={section.section}>
                    <td className="govuk-table__cell govuk-!-padding-left-4">{section.section}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{section.open} of {section.total}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{section.notYetMet}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableRegion>
      ) : (
        <p className="govuk-body">No open gaps: every item of the standards held is met, or no standard is held.</p>
      )}
    </>
  );
}

export function AddedToPlan({ rows, planPath }: { rows: Opportunity[]; planPath: string }) {
  if (!rows.length) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Added to the development plan from this record</h3>
      <ul className="govuk-list govuk-list--bullet">
        {rows.map((row) => (
          <li key={row.id}>
            {kindLabel(row.kind)}: {row.description}, by {formatDate(row.targetDate)}
          </li>
        ))}
      </ul>
      <p className="govuk-body"><Link to={planPath} className="govuk-link">See the development plan</Link></p>
    </>
  );
}
