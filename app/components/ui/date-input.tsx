// GOV.UK date input: day, month and year boxes under one legend, with one error message for the date. The field's
// schema is dateField() from app/utils/dates; the day box takes the field's id, so the error summary links to it.
import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

type Parts = { day?: string; month?: string; year?: string } | undefined;

export function DateInput({ field, legend, hint }: { field: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode }) {
  const error = field.errors?.[0];
  const initial = (field.initialValue ?? {}) as NonNullable<Parts>;
  const parts = [
    { part: 'day', id: field.id, label: 'Day', width: 2 },
    { part: 'month', id: `${field.id}-month`, label: 'Month', width: 2 },
    { part: 'year', id: `${field.id}-year`, label: 'Year', width: 4 },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        role="group"
        aria-describedby={[hint ? `${field.id}-hint` : null, error ? `${field.id}-error` : null].filter(Boolean).join(' ') || undefined}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <div id={`${field.id}-hint`} className="govuk-hint">{hint}</div> : null}
        {error ? (
          <p id={`${field.id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          {parts.map(({ part, id, label, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={id}>{label}</label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                  id={id}
                  name={`${field.name}.${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={initial[part]}
                  aria-invalid={error ? true : undefined}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
