// GOV.UK date input: day, month and year boxes under one legend, with one error message for the date.
import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

export function DateInput({
  id,
  legend,
  hint,
  day,
  month,
  year,
  date,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  day: FieldMetadata<unknown>;
  month: FieldMetadata<unknown>;
  year: FieldMetadata<unknown>;
  /** Errors about the date as a whole (for example, one in the future). */
  date?: FieldMetadata<unknown>;
}) {
  const error = date?.errors?.[0] ?? day.errors?.[0] ?? month.errors?.[0] ?? year.errors?.[0];
  const parts = [
    { field: day, label: 'Day', width: 2 },
    { field: month, label: 'Month', width: 2 },
    { field: year, label: 'Year', width: 4 },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <div id={`${id}-hint`} className="govuk-hint">{hint}</div> : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          {parts.map(({ field, label, width }) => (
            <div className="govuk-date-input__item" key={label}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={field.id}>{label}</label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                  id={field.id}
                  name={field.name}
                  type="text"
                  inputMode="numeric"
                  defaultValue={field.initialValue as string | undefined}
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
