// Decisions as everyone who reads the evidence sees them: outcome, method, feedback, who, when, on which revision,
// and the IQA's review.
import { Link } from '@remix-run/react';
import { ASSESSMENT_METHOD_LABELS, type AssessmentMethod } from '#app/domain/assessment/methods.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';

export type ShownDecision = {
  id: number;
  itemId: number;
  outcome: 'met' | 'not_yet_met';
  method: string;
  feedback: string;
  at: string;
  assessorName: string;
  standing: 'met' | 'not_yet_met' | 'awaiting_countersign' | 'challenged';
  answersChallenge: boolean;
  review: { outcome: 'agreed' | 'challenged'; note: string; iqaName: string; at: string } | null;
  basis: { evidenceId: number; title: string; revisionNumber: number }[];
};

const STANDING: Record<ShownDecision['standing'], [string, string]> = {
  met: ['Met', 'govuk-tag--green'],
  not_yet_met: ['Not yet met', 'govuk-tag--orange'],
  awaiting_countersign: ['Met, awaiting countersign', 'govuk-tag--blue'],
  challenged: ['Challenged', 'govuk-tag--red'],
};

export function StandingTag({ standing }: { standing: ShownDecision['standing'] }) {
  const [label, tag] = STANDING[standing];
  return <strong className={`govuk-tag ${tag}`}>{label}</strong>;
}

export const methodLabel = (method: string) => ASSESSMENT_METHOD_LABELS[method as AssessmentMethod] ?? method;

/** One line: outcome, by whom, when, on which revisions. */
export function DecisionLine({ decision, prefix = '' }: { decision: ShownDecision; prefix?: string }) {
  return (
    <>
      {prefix}{decision.outcome === 'met' ? 'met' : 'not yet met'} by {decision.assessorName}, {formatDateTime(decision.at)}, on{' '}
      {decision.basis.map((piece) => `${piece.title} revision ${piece.revisionNumber}`).join(', ')}
    </>
  );
}

/** The full record of each decision, newest first; `itemLabel` names the item when the list spans several. */
export function DecisionList({ decisions, itemLabel, empty }: { decisions: ShownDecision[]; itemLabel?: (itemId: number) => string; empty: string }) {
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
