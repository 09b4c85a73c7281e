// A PDP's content as a reader sees it: strengths, areas for development and learning opportunities, as real tables.
// Shared by the plan page (with its change controls) and an agreed version (read only).
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { GOAL_STATUS_LABELS, OPPORTUNITY_KINDS, OPPORTUNITY_STATUS_LABELS } from '#app/domain/development/plan-forms.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';

export type GoalRow = { id: number; description: string; link: string | null; targetDate?: string | null; status: string };
export type OpportunityRow = {
  id: number;
  kind: string;
  description: string;
  targetDate: string;
  status: string;
  outcome: string;
  goalId: number | null;
  agreedInSupervision?: { heldOn: string | Date; sessionId: number | null } | null;
};

export const kindLabel = (kind: string) => OPPORTUNITY_KINDS[kind as keyof typeof OPPORTUNITY_KINDS] ?? kind;

export function GoalsTable({ goals, control }: { goals: GoalRow[]; control?: (goal: GoalRow) => ReactNode }) {
  if (!goals.length) return <p className="govuk-body">No areas for development yet.</p>;
  return (
    <TableRegion label="Areas for development">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Areas for development</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Area for development</th>
            <th scope="col" className="govuk-table__header">Linked to</th>
            <th scope="col" className="govuk-table__header">Target date</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {goals.map((goal) => (
            <tr className="govuk-table__row" key={goal.id}>
              <td className="govuk-table__cell">{goal.description}</td>
              <td className="govuk-table__cell">{goal.link ?? 'Free text'}</td>
              <td className="govuk-table__cell">{goal.targetDate ? formatDate(goal.targetDate) : 'Not set'}</td>
              <td className="govuk-table__cell">{control ? control(goal) : (GOAL_STATUS_LABELS[goal.status] ?? goal.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function AgreedIn({ row }: { row: OpportunityRow }) {
  const agreed = row.agreedInSupervision;
  if (!agreed) return null;
  const text = `Agreed in supervision on ${formatDate(agreed.heldOn)}`;
  return (
    <p className="govuk-body-s govuk-!-margin-bottom-0">
      {agreed.sessionId ? <Link to={`/supervision/sessions/${agreed.sessionId}`} className="govuk-link">{text}</Link> : text}
    </p>
  );
}

export function OpportunitiesTable({ rows, goals, control }: { rows: OpportunityRow[]; goals: GoalRow[]; control?: (row: OpportunityRow) => ReactNode }) {
  if (!rows.length) return <p className="govuk-body">No learning opportunities yet.</p>;
  const goalOf = new Map(goals.map((goal) => [goal.id, goal.description]));
  return (
    <TableRegion label="Learning opportunities">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Learning opportunities</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Opportunity</th>
            <th scope="col" className="govuk-table__header">Target date</th>
            <th scope="col" className="govuk-table__header">Status and outcome</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id}>
              <td className="govuk-table__cell">
                <strong>{kindLabel(row.kind)}</strong>: {row.description}
                {row.goalId && goalOf.has(row.goalId) ? <p className="govuk-body-s govuk-!-margin-bottom-0">For: {goalOf.get(row.goalId)}</p> : null}
                <AgreedIn row={row} />
              </td>
              <td className="govuk-table__cell">{formatDate(row.targetDate)}</td>
              <td className="govuk-table__cell">
                {control ? (
                  control(row)
                ) : (
                  <>
                    {OPPORTUNITY_STATUS_LABELS[row.status] ?? row.status}
                    {row.outcome ? <p className="govuk-body-s govuk-!-margin-bottom-0">{row.outcome}</p> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type Agreement = { workerAgreedAt: string | Date | null; supervisorAgreedAt: string | Date | null; supervisorName: string | null };

/** "Sarah Ahmed on 3 March 2026 at 10:00am; David Price (supervisor) on ...", or who has yet to agree. */
export function agreedBy(version: Agreement, workerName: string): string {
  const parts = [
    version.workerAgreedAt ? `${workerName} on ${formatDateTime(version.workerAgreedAt)}` : `${workerName}: not yet`,
    version.supervisorAgreedAt ? `${version.supervisorName ?? 'Supervisor'} (supervisor) on ${formatDateTime(version.supervisorAgreedAt)}` : 'Supervisor: not yet',
  ];
  return parts.join('; ');
}
