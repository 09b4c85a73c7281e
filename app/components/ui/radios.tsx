// GOV.UK radios in a fieldset, bound to a Conform field: one choice of a few, each with an optional hint.
import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

export type RadioOption = { value: string; label: string; hint?: string };

/** The first radio carries the field id, so the error summary can link to it. */
export function Radios({ field, legend, hint, options }: { field: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode; options: RadioOption[] }) {
  const invalid = Boolean(field.errors?.length);
  const describedBy = [hint ? `${field.id}-hint` : null, invalid ? field.errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${invalid ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${field.id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {invalid ? (
          <p id={field.errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {field.errors?.[0]}
          </p>
        ) : null}
        <div className="govuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? field.id : `${field.id}-${index}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={field.name}
                  type="radio"
                  value={option.value}
                  defaultChecked={field.initialValue === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
