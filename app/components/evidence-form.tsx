// The form a worker uses to record or change evidence: what it is, when, what it shows, files and items.
import type { SubmissionResult } from '@conform-to/react';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type EvidenceType } from '#app/domain/evidence-types.ts';
import { EvidenceSchema } from './evidence-schema.ts';
import { ItemPicker, type PickableStandard } from './item-picker.tsx';
import { DateInput } from './ui/date-input.tsx';
import { TextArea, TextField } from './ui/fields.tsx';
import { SchemaForm, useSchemaForm } from './ui/form.tsx';

type ExistingFile = { id: number; name: string; mediaType: string };

export function EvidenceForm({
  lastResult,
  defaultValue,
  standards,
  submissionToken,
  existingFiles = [],
  isDraft,
  witnessed = false,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Record<string, unknown>;
  standards: PickableStandard[];
  submissionToken: string;
  existingFiles?: ExistingFile[];
  isDraft: boolean;
  /** An assessor recording what they witnessed: an observation or a professional discussion, submitted at once. */
  witnessed?: boolean;
}) {
  const types: readonly EvidenceType[] = witnessed ? ['observation', 'professional_discussion'] : EVIDENCE_TYPES;
  const [form, fields] = useSchemaForm('evidence', EvidenceSchema, lastResult, defaultValue);
  const initial = (form.initialValue ?? {}) as Record<string, unknown>;
  const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(Number);
  const selected = new Set(asList(initial.item));
  const keep = new Set(asList(initial.keepFile ?? existingFiles.map((file) => file.id)));
  const notes = Object.fromEntries(
    Object.entries(initial)
      .filter(([key]) => key.startsWith('note-'))
      .map(([key, value]) => [Number(key.slice(5)), String(value ?? '')]),
  );
  const errors = form.allErrors;
  const noteErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith('note-'))
      .map(([key, messages]) => [Number(key.slice(5)), messages[0] ?? '']),
  );
  const typeError = fields.type.errors?.[0];
  const filesError = errors.files?.[0];
  const errorTargets: Record<string, string> = { links: 'links', files: 'files' };
  for (const key of Object.keys(noteErrors)) errorTargets[`note-${key}`] = `note-${key}`;

  return (
    <SchemaForm form={form} fields={fields} encType="multipart/form-data" errorTargets={errorTargets}>
      <input type="hidden" name="submissionToken" value={submissionToken} />
      <div className={`govuk-form-group${typeError ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={typeError ? `${fields.type.id}-error` : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Type of evidence</legend>
          {typeError ? <p className="govuk-error-message" id={`${fields.type.id}-error`}><span className="govuk-visually-hidden">Error:</span> {typeError}</p> : null}
          <div className="govuk-radios govuk-radios--small">
            {types.map((type, index) => (
              <div className="govuk-radios__item" key={type}>
                <input className="govuk-radios__input" id={index === 0 ? fields.type.id : `${fields.type.id}-${type}`} name="type" type="radio" value={type} defaultChecked={initial.type === type} />
                <label className="govuk-label govuk-radios__label" htmlFor={index === 0 ? fields.type.id : `${fields.type.id}-${type}`}>{EVIDENCE_TYPE_LABELS[type]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <TextField field={fields.title} label="Title" hint="For example, Supporting Mrs A to rejoin her lunch club" width="two-thirds" />
      <DateInput field={fields.activityDate} legend="Date of the activity" hint="For example, 27 3 2026" />
      <TextArea field={fields.description} label={witnessed ? "What you saw and discussed" : "What you did, or your reflection"} rows={8} />
      {witnessed ? null : <details className="govuk-details" open={initial.type === 'witness_testimony'}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Witness testimony details</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Fill these in when the type is witness testimony.</p>
          <TextField field={fields.witnessName} label="Witness’s name" width="two-thirds" />
          <TextField field={fields.witnessRole} label="Witness’s role" width="two-thirds" />
          <TextArea field={fields.witnessStatement} label="Witness’s statement" rows={6} />
        </div>
      </details>}

      {existingFiles.length ? (
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Files already attached</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {existingFiles.map((file) => (
                <div className="govuk-checkboxes__item" key={file.id}>
                  <input className="govuk-checkboxes__input" id={`keep-${file.id}`} name="keepFile" type="checkbox" value={file.id} defaultChecked={keep.has(file.id)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`keep-${file.id}`}>Keep {file.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
      <div className={`govuk-form-group${filesError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="files">Add files (optional)</label>
        <div className="govuk-hint" id="files-hint">
          PDF, Word, JPG, PNG, WEBP or text files, each smaller than 10 MB. {lastResult ? 'If the form came back with a problem, select your files again.' : ''}
        </div>
        {filesError ? <p className="govuk-error-message" id="files-error"><span className="govuk-visually-hidden">Error:</span> {filesError}</p> : null}
        <input className={`govuk-file-upload${filesError ? ' govuk-file-upload--error' : ''}`} id="files" name="files" type="file" multiple aria-describedby={filesError ? 'files-hint files-error' : 'files-hint'} />
      </div>

      <ItemPicker standards={standards} selected={selected} notes={notes} error={errors.links?.[0]} noteErrors={noteErrors} />

      <div className="govuk-button-group">
        {witnessed ? (
          <button type="submit" name="intent" value="submit" className="govuk-button">Record and submit</button>
        ) : isDraft ? (
          <>
            <button type="submit" name="intent" value="submit" className="govuk-button">Save and submit for assessment</button>
            <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary">Save as draft</button>
          </>
        ) : (
          <button type="submit" name="intent" value="submit" className="govuk-button">Save as a new revision</button>
        )}
      </div>
    </SchemaForm>
  );
}
