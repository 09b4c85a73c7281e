// A worker's progress against each standard they hold: counts, sections, every item with its state, what is missing.
import type { SubmissionResult } from '@conform-to/react';
import { Link } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import type { DecisionView } from '#app/domain/assessment/decision-types.ts';
import { ITEM_STATE_LABELS, type ItemState } from '#app/domain/evidence-types.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { achievementStatement, type AchievementEvent } from './achievement-status.tsx';
import { methodLabel, StandingTag } from './decision-list.tsx';
import { ReopenForm } from './reopen-form.tsx';
import { kindLabel } from './standard-items.tsx';

type Item = {
  id: number;
  code: string;
  kind: 'P' | 'K';
  section: string;
  text: string;
  state: ItemState;
  evidenceCount: number;
  evidence: { id: number; title: string }[];
  decision: Pick<DecisionView, 'standing' | 'method' | 'feedback' | 'assessorName' | 'at'> | null;
};
type Standard = {
  standardVersionId: number;
  achievement: AchievementEvent | null;
  urn: string;
  version: string;
  title: string;
  targetDate: string;
  total: number;
  covered: number;
  submitted: number;
  met: number;
  percent: number;
  sections: { kind: 'P' | 'K'; section: string; total: number; covered: number; percent: number }[];
  items: Item[];
  missing: Item[];
};

const TAG: Record<ItemState, string> = { none: 'govuk-tag--grey', mapped: 'govuk-tag--yellow', submitted: 'govuk-tag--blue', met: 'govuk-tag--green', not_yet_met: 'govuk-tag--orange' };

/** The item's tag: its decision's standing once judged (awaiting countersign and challenged included), else its state. */
function ItemTag({ item }: { item: Item }) {
  if (item.decision) return <StandingTag standing={item.decision.standing} />;
  return <strong className={`govuk-tag ${TAG[item.state]}`}>{ITEM_STATE_LABELS[item.state]}</strong>;
}

/** The server's reply to a reopen form, and which standard's form sent it. */
type Reopening = { standardVersionId: number; lastResult: SubmissionResult<string[]> };

export function ProgressView({
  standards,
  isOwn,
  workerId,
  mayReopen = false,
  reopening,
}: {
  standards: Standard[];
  isOwn: boolean;
  workerId: number;
  mayReopen?: boolean;
  reopening?: Reopening | undefined;
}) {
  if (standards.length === 0) return <p className="govuk-body">No standards are assigned yet. They come with a role profile.</p>;
  return (
    <>
      {standards.map((standard) => (
        <section key={standard.urn} className="govuk-!-margin-bottom-9" aria-labelledby={`progress-${standard.urn}`}>
          <h2 className="govuk-heading-m" id={`progress-${standard.urn}`}>
            <span className="govuk-caption-m">{standard.urn} version {standard.version}, target {formatDate(standard.targetDate)}</span>
            {standard.title}
          </h2>
          {standard.achievement ? (
            <div className={standard.achievement.event === 'achieved' ? 'govuk-panel govuk-panel--confirmation app-achieved' : 'govuk-inset-text'}>
              {/* On the green panel the text takes the panel's own (white) colour, as GOV.UK's confirmation panel does. */}
              <p className={standard.achievement.event === 'achieved' ? 'govuk-panel__body govuk-!-font-size-24' : 'govuk-body govuk-!-margin-bottom-0'}>
                {achievementStatement(standard.achievement)}
              </p>
            </div>
          ) : null}
          {mayReopen && standard.achievement?.event === 'achieved' ? (
            <ReopenForm standard={standard} action={`/workers/${workerId}`} lastResult={reopening?.standardVersionId === standard.standardVersionId ? reopening.lastResult : undefined} />
          ) : null}
          <div className="app-progress-bar" aria-hidden="true">
            <div className="app-progress-bar__value" style={{ width: `${standard.percent}%` }} />
          </div>
          <p className="govuk-body">
            <strong>{standard.percent}%</strong> of items have evidence: {standard.covered} of {standard.total}; {standard.submitted} submitted for assessment, {standard.met} met.
          </p>
          <TableRegion label="By section">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">By section</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Section</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items with evidence</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Per cent</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {standard.sections.map((section) => (
                  <tr className="govuk-table__row" key={`${section.kind}-${section.section}`}>
                    <th scope="row" className="govuk-table__header">{section.section === kindLabel(section.kind) ? section.section : `${kindLabel(section.kind)}: ${section.section}`}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{section.covered} of {section.total}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{section.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h3 className="govuk-heading-s">What is missing ({standard.missing.length})</h3>
          {standard.missing.length === 0 ? (
            <p className="govuk-body">Every item has evidence.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {standard.missing.map((item) => (
                <li key={item.id}>
                  <strong>{item.code}</strong> {item.text}
                </li>
              ))}
            </ul>
          )}
          {isOwn && standard.missing.length ? (
            <Link to="/evidence/new" className="govuk-button govuk-button--secondary" role="button">Record evidence for these</Link>
          ) : null}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Every item of {standard.urn} and the evidence behind it</span>
            </summary>
            <div className="govuk-details__text">
              <TableRegion label={`Items of ${standard.urn}`}>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Items of {standard.urn}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Item</th>
                      <th scope="col" className="govuk-table__header">State</th>
                      <th scope="col" className="govuk-table__header">Evidence</th>
                      <th scope="col" className="govuk-table__header">Decision</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {standard.items.map((item) => (
                      <tr className="govuk-table__row" key={item.id}>
                        <th scope="row" className="govuk-table__header"><strong>{item.code}</strong> <span className="govuk-body-s">{item.text}</span></th>
                        <td className="govuk-table__cell"><ItemTag item={item} /></td>
                        <td className="govuk-table__cell">
                          {item.evidence.map((evidence) => (
                            <Link key={evidence.id} className="govuk-link govuk-!-display-block" to={`/evidence/${evidence.id}`}>{evidence.title}</Link>
                          ))}
                          {item.evidenceCount > item.evidence.length ? (
                            <span className="govuk-body-s govuk-!-display-block">and {item.evidenceCount - item.evidence.length} earlier</span>
                          ) : null}
                        </td>
                        <td className="govuk-table__cell">
                          {item.decision ? (
                            <>
                              <span className="govuk-!-display-block">{methodLabel(item.decision.method)}, {item.decision.assessorName}, {formatDate(item.decision.at)}</span>
                              {item.decision.feedback ? <span className="govuk-!-display-block">Feedback: {item.decision.feedback}</span> : null}
                            </>
                          ) : null}
                          <Link className="govuk-link govuk-body-s" to={`/workers/${workerId}/items/${item.id}`}>History<span className="govuk-visually-hidden"> of {standard.urn} {item.code}</span></Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </div>
          </details>
        </section>
      ))}
    </>
  );
}
