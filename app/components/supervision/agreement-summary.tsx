// A supervision agreement's terms and signatures, with a warning when it is less frequent than policy requires.
import { everyWeeks } from '#app/domain/supervision/statuses.ts';
import { formatClock, formatDate, formatDateTime } from '#app/utils/dates/index.ts';

export type AgreementSummaryData = {
  frequencyWeeks: number;
  probation: boolean;
  durationMinutes: number;
  sessionTime: string;
  startsOn: string;
  place: string;
  confidentiality: string;
  scope: string;
  recordKeeping: string;
  agreeWithinDays: number;
  reviewOn: string;
  signatures: { party: string; name: string; signedAt: string | Date }[];
  policy: { message: string | null };
};

export function AgreementSummary({ agreement }: { agreement: AgreementSummaryData }) {
  const rows: [string, string][] = [
    ['How often', `${everyWeeks(agreement.frequencyWeeks)}${agreement.probation ? ' (probation)' : ''}, ${agreement.durationMinutes} minutes, usually at ${formatClock(agreement.sessionTime)}`],
    ['From', formatDate(agreement.startsOn)],
    ['Place or format', agreement.place],
    ['Confidentiality and its limits', agreement.confidentiality],
    ['What supervision covers', agreement.scope],
    ['How records are kept', `${agreement.recordKeeping} Both agree a record within ${agreement.agreeWithinDays} days.`],
    ['Review date', formatDate(agreement.reviewOn)],
    [
      'Signed',
      agreement.signatures.length
        ? agreement.signatures.map((row) => `${row.name} (${row.party}) on ${formatDateTime(row.signedAt)}`).join('; ')
        : 'Not signed yet',
    ],
  ];
  return (
    <>
      {agreement.policy.message ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span> Below policy: {agreement.policy.message}.
          </strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
