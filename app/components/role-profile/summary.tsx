// What a role profile asks for: supervision frequency, urgent debriefs, target period and the required standards.
import { Link } from '@remix-run/react';
import { everyWeeks } from '#app/domain/supervision/statuses.ts';
import { formatMonths } from '#app/utils/dates/index.ts';

type Profile = {
  supervisionFrequencyWeeks: number;
  probationSupervisionFrequencyWeeks: number | null;
  urgentDebriefOnRequest: boolean;
  targetMonths: number;
  pdpReviewMonths: number;
  requiredStandards: { standardId: number; urn: string; title: string; version: string }[];
};

export function RoleProfileSummary({ profile }: { profile: Profile }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Supervision</dt>
          <dd className="govuk-summary-list__value">
            {everyWeeks(profile.supervisionFrequencyWeeks)}
            {profile.probationSupervisionFrequencyWeeks ? `; ${everyWeeks(profile.probationSupervisionFrequencyWeeks).toLowerCase()} during probation` : ''}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Urgent debrief</dt>
          <dd className="govuk-summary-list__value">{profile.urgentDebriefOnRequest ? 'On request' : 'Not offered'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Target period</dt>
          <dd className="govuk-summary-list__value">{formatMonths(profile.targetMonths)} from the start date</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">PDP review</dt>
          <dd className="govuk-summary-list__value">Every {formatMonths(profile.pdpReviewMonths)}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Required standards</h2>
      {profile.requiredStandards.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {profile.requiredStandards.map((standard) => (
            <li key={standard.standardId}>
              <Link className="govuk-link" to={`/standards/${encodeURIComponent(standard.urn)}`}>
                {standard.urn} {standard.title}
              </Link>{' '}
              <span className="govuk-body-s">(version {standard.version})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No standards are required yet.</p>
      )}
    </>
  );
}
