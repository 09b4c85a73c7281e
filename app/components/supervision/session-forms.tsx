// The supervisor's forms for a session itself: move (or arrange a requested debrief), cancel with a reason, mark missed.
import type { SubmissionResult } from '@conform-to/react';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { replyFor } from '#app/components/ui/reply-for.ts';
import { CancelSchema, MissedSchema, MoveSchema } from '#app/domain/supervision/forms.ts';

export function MoveSessionForm({ requested, lastResult }: { requested: boolean; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm('move', MoveSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">{requested ? 'Arrange this debrief' : 'Move this session'}</h2>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="move" />
        <DateInput field={fields.date} legend="Date" hint="For example, 27 3 2026" />
        <TextField field={fields.startTime} label="Start time" hint="For example, 10:00" width="5" />
        <TextField field={fields.endTime} label="End time" hint="For example, 11:00" width="5" />
        <button type="submit" className="govuk-button">{requested ? 'Arrange' : 'Move'}</button>
      </SchemaForm>
    </>
  );
}

export function CancelSessionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm('cancel', CancelSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">Cancel this session</h2>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="cancel" />
        <TextArea field={fields.reason} label="Reason" rows={2} />
        <button type="submit" className="govuk-button govuk-button--warning">Cancel session</button>
      </SchemaForm>
    </>
  );
}

export function MissedSessionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm('missed', MissedSchema, lastResult);
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="missed" />
      <button type="submit" className="govuk-button govuk-button--secondary">Mark as missed</button>
    </SchemaForm>
  );
}

/** The forms the person may use, in the page's order. */
export function SessionChangeForms({ can, requested, actionData }: { can: { move: boolean; cancel: boolean; miss: boolean }; requested: boolean; actionData: unknown }) {
  return (
    <>
      {can.move ? <MoveSessionForm requested={requested} lastResult={replyFor(actionData, 'move')} /> : null}
      {can.cancel ? <CancelSessionForm lastResult={replyFor(actionData, 'cancel')} /> : null}
      {can.miss ? <MissedSessionForm lastResult={replyFor(actionData, 'missed')} /> : null}
    </>
  );
}
