// The GET form that chooses an IQA page's period (and, on the sample, its filters): works without JavaScript.
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { PeriodQuery } from './period.ts';

function DateBox({ name, label, value, error }: { name: 'from' | 'to'; label: string; value: string; error: string | undefined }) {
  const id = `period-${name}`;
  return (
    <div className={`govuk-form-group app-filter__field${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      <div id={`${id}-hint`} className="govuk-hint">For example, 1/3/2026</div>
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name}
        type="text"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
    </div>
  );
}

export function PeriodFilter({ period, children, submitLabel = 'Show' }: { period: PeriodQuery; children?: ReactNode; submitLabel?: string }) {
  return (
    <Form method="get" className="app-filter">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <DateBox name="from" label="From" value={period.typed.from} error={period.errors.from} />
          <DateBox name="to" label="To" value={period.typed.to} error={period.errors.to} />
          {children}
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">{submitLabel}</button>
    </Form>
  );
}

/** A filter beside the dates: one choice, or all. */
export function FilterSelect({ name, label, all, value, options }: { name: string; label: string; all: string; value: number | undefined; options: { id: number; label: string }[] }) {
  return (
    <div className="govuk-form-group app-filter__field">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${name}`}>{label}</label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
      </select>
    </div>
  );
}
