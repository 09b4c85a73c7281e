// Later changes to a locked record: the addenda so far and the form to add one (either party or a manager above).
import type { SubmissionResult } from '@conform-to/react';
import { TextArea } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { AddendumSchema } from '#app/domain/supervision/forms.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';

type Addendum = { id: number; author: string; createdAt: string | Date; text: string };

export function Addenda({ addenda, lastResult }: { addenda: Addendum[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm('addendum', AddendumSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">Addenda</h2>
      {addenda.length ? (
        <ul className="govuk-list">
          {addenda.map((row) => (
            <li key={row.id}>
              <strong>{row.author}, {formatDateTime(row.createdAt)}:</strong> {row.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None.</p>
      )}
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="addendum" />
        <TextArea field={fields.text} label="Add an addendum" rows={3} />
        <button type="submit" className="govuk-button govuk-button--secondary">Add addendum</button>
      </SchemaForm>
    </>
  );
}
