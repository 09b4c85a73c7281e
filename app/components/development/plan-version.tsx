// One version of a PDP as it was put forward and agreed, read only.
import { Link } from '@remix-run/react';
import type { PlanContent } from '#app/domain/development/plans.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { GoalsTable, OpportunitiesTable, agreedBy } from './plan-content.tsx';

export type PlanVersionData = {
  worker: { id: number; name: string };
  isSelf: boolean;
  versionNumber: number;
  content: PlanContent;
  proposedBy: string;
  proposedAt: string | Date;
  workerAgreedAt: string | Date | null;
  supervisorAgreedAt: string | Date | null;
  supervisorName: string | null;
  agreed: boolean;
};

export function PlanVersion({ data, planPath }: { data: PlanVersionData; planPath: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={planPath} className="govuk-back-link">Back to the plan</Link>
        <span className="govuk-caption-l">{data.isSelf ? 'Your personal development plan' : `${data.worker.name}’s personal development plan`}</span>
        <h1 className="govuk-heading-l">Version {data.versionNumber}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Put forward</dt>
            <dd className="govuk-summary-list__value">{data.proposedBy}, {formatDateTime(data.proposedAt)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agreed by</dt>
            <dd className="govuk-summary-list__value">{agreedBy(data, data.worker.name)}</dd>
          </div>
        </dl>
        <h2 className="govuk-heading-m">Strengths</h2>
        <p className="govuk-body">{data.content.strengths || 'None written.'}</p>
        <h2 className="govuk-heading-m">Areas for development</h2>
        <GoalsTable goals={data.content.goals} />
        <h2 className="govuk-heading-m">Learning opportunities</h2>
        <OpportunitiesTable rows={data.content.opportunities} goals={data.content.goals} />
      </div>
    </div>
  );
}
