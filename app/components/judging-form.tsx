// The assessor's judging form: per item met, not yet met or not judged now, the method and feedback, with the
// organisation's rules as hints and the item's current decision; for a holistic judgement, the evidence to rest on.
import type { SubmissionResult } from '@conform-to/react';
import type { DecisionView } from '#app/domain/assessment/decision-types.ts';
import { ASSESSMENT_METHODS, ASSESSMENT_METHOD_LABELS } from '#app/domain/assessment/methods.ts';
import { DecisionLine } from './decision-list.tsx';
import { judgementField, judgingSchema, NOT_JUDGED } from './judging-schema.ts';
import { Checkboxes, SelectField, TextArea } from './ui/fields.tsx';
import { SchemaForm, useSchemaForm } from './ui/form.tsx';

export type JudgingItem = { id: number; label: string; text: string; hints: string[]; current: DecisionView | null };

const OUTCOMES = [
  { value: NOT_JUDGED, label: 'Not judged now' },
  { value: 'met', label: 'Met' },
  { value: 'not_yet_met', label: 'Not yet met' },
];

export function JudgingForm({
  items,
  submissionKey,
  workerId,
  lastResult,
  evidence,
  heading,
  answersReviewId,
}: {
  items: JudgingItem[];
  submissionKey: string;
  workerId: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** Holistic: the pieces of evidence to choose from. */
  evidence?: { id: number; title: string; revisionNumber: number }[];
  heading: string;
  /** The IQA challenge this judgement answers. */
  answersReviewId?: number | undefined;
}) {
  const holistic = evidence !== undefined;
  const [form, fields] = useSchemaForm('judge', judgingSchema(items.map((item) => item.id), holistic), lastResult);
  const named = fields as unknown as Record<string, Parameters<typeof TextArea>[0]['field']>;
  const initial = (form.initialValue ?? {}) as Record<string, unknown>;
  return (
    <SchemaForm form={form} fields={fields}>
      <h2 className="govuk-heading-m">{heading}</h2>
      <input type="hidden" name="intent" value="judge" />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="workerId" value={workerId} />
      {answersReviewId ? <input type="hidden" name="answersReviewId" value={answersReviewId} /> : null}
      {holistic ? (
        <Checkboxes
          field={fields.evidenceId as never}
          legend="The evidence this decision rests on"
          hint="Each piece is judged at its current revision."
          options={evidence.map((piece) => ({ value: String(piece.id), label: `${piece.title} (revision ${piece.revisionNumber})` }))}
        />
      ) : null}
      {items.map((item) => {
        const outcome = named[judgementField(item.id, 'outcome')]!;
        const chosen = String(initial[outcome.name] ?? NOT_JUDGED);
        const outcomeError = outcome.errors?.[0];
        return (
          <div key={item.id} className="app-judged-item govuk-!-margin-bottom-6">
            <div className={`govuk-form-group${outcomeError ? ' govuk-form-group--error' : ''}`}>
              <fieldset className="govuk-fieldset" aria-describedby={[`${outcome.id}-about`, outcomeError ? outcome.errorId : null].filter(Boolean).join(' ')}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{item.label}</legend>
                <div id={`${outcome.id}-about`} className="govuk-hint">
                  {item.text}
                  {item.hints.map((hint) => <strong key={hint} className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">{hint}</strong>)}
                  <span className="govuk-!-display-block">{item.current ? <DecisionLine decision={item.current} prefix="Current decision: " /> : 'Not judged yet.'}</span>
                </div>
                {outcomeError ? <p id={outcome.errorId} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {outcomeError}</p> : null}
                <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                  {OUTCOMES.map((option, index) => {
                    const id = index === 0 ? outcome.id : `${outcome.id}-${option.value}`;
                    return (
                      <div className="govuk-radios__item" key={option.value}>
                        <input className="govuk-radios__input" id={id} name={outcome.name} type="radio" value={option.value} defaultChecked={chosen === option.value} />
                        <label className="govuk-label govuk-radios__label" htmlFor={id}>{option.label}</label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
            <SelectField
              field={named[judgementField(item.id, 'method')]!}
              label={`How you assessed ${item.label}`}
              emptyLabel="Choose a method"
              options={ASSESSMENT_METHODS.map((method) => ({ value: method, label: ASSESSMENT_METHOD_LABELS[method] }))}
            />
            <TextArea
              field={named[judgementField(item.id, 'feedback')]!}
              label={`Feedback on ${item.label}`}
              hint="Required for not yet met: what the worker needs to show."
              rows={3}
            />
          </div>
        );
      })}
      <button type="submit" className="govuk-button">Record {holistic ? 'the decision' : 'decisions'}</button>
    </SchemaForm>
  );
}
