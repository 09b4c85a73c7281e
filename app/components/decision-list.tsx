// Decisions as everyone who reads the evidence sees them: outcome, method, feedback, who, when, on which revision,
// and the IQA's review.
import { Link } from '@remix-run/react';
import { DECISION_STANDING_LABELS, type DecisionStanding, type DecisionView } from '#app/domain/assessment/decision-types.ts';
import { ASSESSMENT_METHOD_LABELS, type AssessmentMethod } from '#app/domain/assessment/methods.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';

const TAG: Record<DecisionStanding, string> = {
  met: 'govuk-tag--green',
  not_yet_met: 'govuk-tag--orange',
  awaiting_countersign: 'govuk-tag--blue',
  challenged: 'govuk-tag--red',
};

export function StandingTag({ standing }: { standing: DecisionStanding }) {
  return <strong className={`govuk-tag ${TAG[standing]}`}>{DECISION_STANDING_LABELS[standing]}</strong>;
}

export const methodLabel = (method: string) => ASSESSMENT_METHOD_LABELS[method as AssessmentMethod] ?? method;

/** One line: outcome, by whom, when, on which revisions. */
export function DecisionLine({ decision, prefix = '' }: { decision: DecisionView; prefix?: string }) {
  return (
    <>
      {prefix}{decision.outcome === 'met' ? 'met' : 'not yet met'} by {decision.assessorName}, {formatDateTime(decision.at)}, on{' '}
      {decision.basis.map((piece) => `${piece.title} revision ${piece.revisionNumber}`).join(', ')}
    </>
  );
}

/** The full record of each decision, newest first; `itemLabel` names the item when the list spans several. */
export function DecisionList({ decisions, itemLabel, empty }: { decisions: DecisionView[]; itemLabel?: (itemId: number) => string; empty: string }) {
  if (!decisions.length) return <p className="govuk-body">{empty}</p>;
  return (
    <ol className="govuk-list app-decision-list" reversed>
      {decisions.map((decision) => (
        <li key={decision.id} className="govuk-!-margin-bottom-4">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {itemLabel ? `${itemLabel(decision.itemId)}: ` : ''}<StandingTag standing={decision.standing} />
          </h3>
          <p className="govuk-body govuk-!-margin-bottom-1">
            Judged {decision.outcome === 'met' ? 'met' : 'not yet met'} by {decision.assessorName} on {formatDateTime(decision.at)}, by {methodLabel(decision.method).toLowerCase()}
            {decision.answersChallenge ? ', answering an IQA challenge' : ''}.
          </p>
          <p className="govuk-body govuk-!-margin-bottom-1">
            On{' '}
            {decision.basis.map((piece, index) => (
              <span key={piece.evidenceId}>
                {index ? ', ' : ''}
                <Link className="govuk-link" to={`/evidence/${piece.evidenceId}?revision=${piece.revisionNumber}`}>{piece.title}, revision {piece.revisionNumber}</Link>
              </span>
            ))}
          </p>
          {decision.feedback ? <p className="govuk-body govuk-!-margin-bottom-1">Feedback: {decision.feedback}</p> : null}
          {decision.review ? (
            <p className="govuk-body govuk-!-margin-bottom-1">
              {decision.review.outcome === 'agreed' ? 'Countersigned' : 'Challenged'} by {decision.review.iqaName}, IQA, on {formatDateTime(decision.review.at)}
              {decision.review.note ? `: ${decision.review.note}` : '.'}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
