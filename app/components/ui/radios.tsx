// GOV.UK radios in a fieldset, bound to a Conform field: one choice of a few, each with an optional hint.
import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { ChoiceFieldset } from './fields.tsx';

export type RadioOption = { value: string; label: string; hint?: string };

/** The first radio carries the field id, so the error summary can link to it. */
export function Radios({ field, legend, hint, options }: { field: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode; options: RadioOption[] }) {
  return (
    <ChoiceFieldset field={field} legend={legend} hint={hint}>
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
    </ChoiceFieldset>
  );
}
