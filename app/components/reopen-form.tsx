// Reopening an achieved standard (admin or lead IQA): a written reason, recorded, and the standard can be judged again.
import type { SubmissionResult } from '@conform-to/react';
import { ReopenSchema, reopenFormId } from './reopen-schema.ts';
import { TextArea } from './ui/fields.tsx';
import { SchemaForm, useSchemaForm } from './ui/form.tsx';

/** One achieved standard's reopen form, posting to the page (`action`) that shows it. */
export function ReopenForm({ standard, action, lastResult }: { standard: { standardVersionId: number; urn: string }; action: string; lastResult?: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm(reopenFormId(standard.standardVersionId), ReopenSchema, lastResult);
  return (
    <SchemaForm form={form} fields={fields} action={action}>
      <input type="hidden" name="intent" value="reopen" />
      <input type="hidden" name="standardVersionId" value={standard.standardVersionId} />
      <TextArea
        field={fields.reason}
        label={`Why reopen ${standard.urn}?`}
        hint="Reopening unlocks the standard so its items can be judged again. The reason is recorded."
        rows={3}
      />
      <button type="submit" className="govuk-button govuk-button--warning">Reopen {standard.urn}</button>
    </SchemaForm>
  );
}
