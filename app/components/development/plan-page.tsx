// The PDP page, the worker's own or a supervisee's: standing, strengths, areas for development, learning opportunities,
// the forms of whoever may change it, and the versions put forward and agreed.
import { Link } from '@remix-run/react';
import { replyFor } from '#app/components/ui/reply-for.ts';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { PLAN_STATE_LABELS } from '#app/domain/development/standing.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { plural } from '#app/utils/words.ts';
import { GoalsTable, OpportunitiesTable, agreedBy } from './plan-content.tsx';
import { AgreeVersionForm, GoalForm, GoalStatusControl, OpportunityForm, OpportunityStatusControl, ProposeForm, StrengthsForm } from './plan-forms.tsx';

type Standing = { state: 'missing' | 'draft' | 'current' | 'stale'; agreedAt: string | Date | null; reviewDue: string | null };
type Version = { versionNumber: number; proposedBy: string; proposedAt: string | Date; workerAgreedAt: string | Date | null; supervisorAgreedAt: string | Date | null; supervisorName: string | null; agreed: boolean };
export type PlanPageData = {
  worker: { id: number; name: string };
  isSelf: boolean;
  canChange: boolean;
  canPropose: boolean;
  standing: Standing;
  flagged: boolean;
  openGaps: number;
  content: { strengths: string; goals: Parameters<typeof GoalsTable>[0]['goals']; opportunities: Parameters<typeof OpportunitiesTable>[0]['rows'] };
  linkOptions: { value: string; label: string }[];
  versions: Version[];
  pending: { versionNumber: number; awaiting: string; mayAgree: boolean } | null;
};

const STANDING_TAG: Record<Standing['state'], string> = { missing: 'red', draft: 'yellow', current: 'green', stale: 'red' };

function StandingText({ standing, flagged, openGaps }: { standing: Standing; flagged: boolean; openGaps: number }) {
  return (
    <p className="govuk-body">
      <strong className={`govuk-tag govuk-tag--${STANDING_TAG[standing.state]}`}>{PLAN_STATE_LABELS[standing.state]}</strong>{' '}
      {standing.agreedAt && standing.reviewDue ? `Last agreed on ${formatDate(standing.agreedAt)}; review ${standing.state === 'stale' ? 'was due' : 'due'} by ${formatDate(standing.reviewDue)}.` : null}
      {standing.state === 'draft' ? 'No version has been agreed by both the worker and the supervisor yet.' : null}
      {flagged ? ` No PDP yet, with ${plural(openGaps, 'item', 'items')} of the held standards not yet met.` : null}
    </p>
  );
}

export function PlanPage({ data, actionData, versionsPath }: { data: PlanPageData; actionData: unknown; versionsPath: string }) {
  const { worker, isSelf, canChange, content, pending, versions } = data;
  const party = isSelf ? 'worker' : 'supervisor';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{isSelf ? 'Your personal development plan' : `${worker.name}’s personal development plan`}</h1>
        <StandingText standing={data.standing} flagged={data.flagged} openGaps={data.openGaps} />

        <h2 className="govuk-heading-m">Strengths</h2>
        {canChange ? <StrengthsForm strengths={content.strengths} lastResult={replyFor(actionData, 'strengths')} /> : <p className="govuk-body">{content.strengths || 'None written yet.'}</p>}

        <h2 className="govuk-heading-m">Areas for development</h2>
        <GoalsTable goals={content.goals} control={canChange ? (goal) => <GoalStatusControl goal={goal} /> : undefined} />
        {canChange ? <GoalForm key={content.goals.length} linkOptions={data.linkOptions} lastResult={replyFor(actionData, 'goal')} /> : null}

        <h2 className="govuk-heading-m">Learning opportunities</h2>
        <OpportunitiesTable rows={content.opportunities} goals={content.goals} control={canChange ? (row) => <OpportunityStatusControl row={row} /> : undefined} />
        {canChange ? <OpportunityForm key={content.opportunities.length} intent="opportunity" heading="Add a learning opportunity" goals={content.goals} lastResult={replyFor(actionData, 'opportunity')} /> : null}

        <h2 className="govuk-heading-m">Agreement</h2>
        {pending ? (
          <p className="govuk-body">
            Version {pending.versionNumber} is put forward and waits for {pending.awaiting === 'worker' ? worker.name : 'the supervisor'} to agree it.
          </p>
        ) : null}
        {pending?.mayAgree ? <AgreeVersionForm versionNumber={pending.versionNumber} /> : null}
        {data.canPropose ? <ProposeForm party={party} /> : null}
        {canChange && !data.canPropose && !pending && versions[0]?.agreed ? <p className="govuk-body">The plan is agreed as it stands. Change it to put it forward again; unchanged, it can be put forward again once its review date has passed.</p> : null}

        <h2 className="govuk-heading-m">Versions</h2>
        {versions.length ? (
          <TableRegion label="Versions">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Versions put forward and agreed</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Version</th>
                  <th scope="col" className="govuk-table__header">Put forward</th>
                  <th scope="col" className="govuk-table__header">Agreed by</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {versions.map((version) => (
                  <tr className="govuk-table__row" key={version.versionNumber}>
                    <td className="govuk-table__cell">
                      <Link to={`${versionsPath}/${version.versionNumber}`} className="govuk-link">Version {version.versionNumber}</Link>
                      {version.agreed ? null : <p className="govuk-body-s govuk-!-margin-bottom-0">Not agreed by both</p>}
                    </td>
                    <td className="govuk-table__cell">{version.proposedBy}, {formatDateTime(version.proposedAt)}</td>
                    <td className="govuk-table__cell">{agreedBy(version, worker.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p className="govuk-body">No version has been put forward yet.</p>
        )}
      </div>
    </div>
  );
}
