// The forms of a worker's supervision page: sign the draft agreement, plan sessions, and write a new version.
import type { SubmissionResult } from '@conform-to/react';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { Checkboxes, SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { AgreementSchema, HeldSessionSchema, ScheduleSchema, SessionSchema, SignSchema } from '#app/domain/supervision/forms.ts';
import { SESSION_TYPE_LABELS } from '#app/domain/supervision/statuses.ts';
import { formatDate } from '#app/utils/dates/index.ts';

type Reply = SubmissionResult<string[]> | undefined;

export function SignAgreementForm({ agreementId, as, lastResult }: { agreementId: number; as: 'worker' | 'supervisor'; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('sign', SignSchema, lastResult);
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="agreementId" value={agreementId} />
      <p className="govuk-body">Signing records your name ({as === 'worker' ? 'as the worker' : 'as the supervisor'}) and the time.</p>
      <button type="submit" className="govuk-button">Sign this agreement</button>
    </SchemaForm>
  );
}

export function ScheduleForm({ reviewOn, lastResult }: { reviewOn: string; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('schedule', ScheduleSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">Plan sessions from the agreement</h2>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="schedule" />
        <DateInput field={fields.until} legend="Plan until (optional)" hint={`For example, 27 3 2026. Leave empty to plan until the review date, ${formatDate(reviewOn)}.`} />
        <button type="submit" className="govuk-button">Plan sessions</button>
      </SchemaForm>
    </>
  );
}

const TYPE_OPTIONS = Object.entries(SESSION_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** Plan one session ahead, or (tookPlace) add one that already happened, to write its record next. */
export function PlanSessionForm({ tookPlace = false, lastResult }: { tookPlace?: boolean; lastResult: Reply }) {
  const [form, fields] = useSchemaForm(tookPlace ? 'held-session' : 'plan-session', tookPlace ? HeldSessionSchema : SessionSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">{tookPlace ? 'Record a session that took place' : 'Plan one session'}</h2>
      {tookPlace ? <p className="govuk-body">For supervision that happened but was not planned here. You write its record next.</p> : null}
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value={tookPlace ? 'held' : 'session'} />
        <SelectField field={fields.type} label="Type" emptyLabel="Select the type" options={TYPE_OPTIONS} />
        <DateInput field={fields.date} legend="Date" hint={tookPlace ? 'For example, 27 3 2026 (today or earlier)' : 'For example, 27 3 2026'} />
        <TextField field={fields.startTime} label="Start time" hint="For example, 10:00" width="5" />
        <TextField field={fields.endTime} label="End time" hint="For example, 11:00" width="5" />
        <TextField field={fields.place} label="Place or format (optional)" />
        <button type="submit" className="govuk-button">{tookPlace ? 'Record session' : 'Plan session'}</button>
      </SchemaForm>
    </>
  );
}

export function AgreementForm({ heading, defaultValue, lastResult }: { heading: string; defaultValue: Record<string, unknown>; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('agreement', AgreementSchema, lastResult, defaultValue);
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="draft" />
        <TextField field={fields.frequencyWeeks} label="Supervision every (weeks)" width="5" />
        <Checkboxes field={fields.probation} legend="Probation" options={[{ value: 'on', label: 'The worker is on probation' }]} />
        <TextField field={fields.durationMinutes} label="Length of each session (minutes)" width="5" />
        <TextField field={fields.sessionTime} label="Usual start time" hint="For example, 10:00" width="5" />
        <DateInput field={fields.startsOn} legend="First session date" hint="For example, 27 3 2026" />
        <TextField field={fields.place} label="Place or format" />
        <TextArea field={fields.confidentiality} label="Confidentiality and its limits" rows={3} />
        <TextArea field={fields.scope} label="What supervision covers" rows={3} />
        <TextArea field={fields.recordKeeping} label="How records are kept" rows={2} />
        <TextField field={fields.agreeWithinDays} label="Both agree each record within (days)" width="5" />
        <DateInput field={fields.reviewOn} legend="Review date" hint="For example, 27 3 2027" />
        <button type="submit" className="govuk-button govuk-button--secondary">Save draft for signing</button>
      </SchemaForm>
    </>
  );
}
