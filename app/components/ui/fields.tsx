// GOV.UK form fields bound to Conform fields: label, hint, error message, and what was typed.
import type { FieldMetadata } from '@conform-to/react';
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { CharacterCount, characterCountId } from './character-count.tsx';
import { ServerReplyContext } from './form-core.tsx';

type BaseProps = {
  field: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  labelIsHeading?: boolean;
};

function describedBy(field: FieldMetadata<unknown>, hint: ReactNode, counted = false) {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null, counted ? characterCountId(field.id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ field, label, hint, children }: BaseProps & { children: ReactNode }) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={`govuk-form-group${invalid ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={field.id}>
        {label}
      </label>
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
      {children}
    </div>
  );
}

type TextFieldProps = BaseProps & {
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number';
  autoComplete?: string;
  width?: 'full' | 'two-thirds' | 'one-half' | 'one-third' | '20' | '10' | '5';
  maxLength?: number;
  spellCheck?: boolean;
};

export function TextField({ type = 'text', autoComplete, width, maxLength, spellCheck, ...base }: TextFieldProps) {
  const { field, hint } = base;
  // A limited text field shows its limit (from the schema); email and password limits are never near.
  const counted = type === 'text' && field.maxLength !== undefined;
  const invalid = Boolean(field.errors?.length);
  const input = useRef<HTMLInputElement>(null);
  const serverReply = useContext(ServerReplyContext);
  // A rejected form never shows a password again, even when the page is not reloaded.
  useEffect(() => {
    if (type === 'password' && serverReply && input.current) input.current.value = '';
  }, [type, serverReply]);
  const widthClass = width ? (/^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`) : '';
  return (
    <FieldShell {...base}>
      <input
        ref={input}
        className={`govuk-input${invalid ? ' govuk-input--error' : ''}${widthClass}`}
        id={field.id}
        name={field.name}
        type={type}
        defaultValue={type === 'password' ? undefined : (field.initialValue as string | undefined)}
        autoComplete={autoComplete}
        maxLength={maxLength}
        spellCheck={spellCheck}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(field, hint, counted)}
      />
      {counted ? <CharacterCount fieldId={field.id} maxLength={field.maxLength!} input={input} /> : null}
    </FieldShell>
  );
}

export function TextArea({ rows = 5, ...base }: BaseProps & { rows?: number }) {
  const { field, hint } = base;
  const invalid = Boolean(field.errors?.length);
  const input = useRef<HTMLTextAreaElement>(null);
  const counted = field.maxLength !== undefined;
  return (
    <FieldShell {...base}>
      <textarea
        ref={input}
        className={`govuk-textarea${invalid ? ' govuk-textarea--error' : ''}`}
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={field.initialValue as string | undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(field, hint, counted)}
      />
      {counted ? <CharacterCount fieldId={field.id} maxLength={field.maxLength!} input={input} /> : null}
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ options, emptyLabel, ...base }: BaseProps & { options: Option[]; emptyLabel?: string }) {
  const { field, hint } = base;
  const invalid = Boolean(field.errors?.length);
  return (
    <FieldShell {...base}>
      <select
        className={`govuk-select${invalid ? ' govuk-select--error' : ''}`}
        id={field.id}
        name={field.name}
        defaultValue={(field.initialValue as string | undefined) ?? ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(field, hint)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * The fieldset of a set of choices (checkboxes, radios): legend, hint and error message, described by both, with the
 * choices inside. Each set gives its first input the field id, so the error summary can link to it.
 */
export function ChoiceFieldset({ field, legend, hint, children }: { field: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={`govuk-form-group${invalid ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(field, hint)}>
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
        {children}
      </fieldset>
    </div>
  );
}

/** A set of checkboxes in a fieldset; the first box carries the field id so the error summary can link to it. */
export function Checkboxes({ options, legend, hint, field }: { field: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode; options: Option[] }) {
  const initial = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? (initial as string[]) : initial ? [initial as string] : []);
  return (
    <ChoiceFieldset field={field} legend={legend} hint={hint}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((option, index) => {
            const id = index === 0 ? field.id : `${field.id}-${index}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={field.name}
                  type="checkbox"
                  value={option.value}
                  defaultChecked={checked.has(option.value)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
    </ChoiceFieldset>
  );
}
