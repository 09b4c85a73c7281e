// The actions agreed in a session and those carried forward, each open one with its "Mark done" button; the add form.
import type { SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { SelectField, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { ActionSchema } from '#app/domain/supervision/forms.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { StatusTag } from './status-tag.tsx';

export type ActionRow = { id: number; description: string; status: string; ownerName: string; dueOn: string; overdue: boolean; canComplete: boolean };

function CompleteActionForm({ row }: { row: ActionRow }) {
  return (
    <Form method="post" className="app-inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="complete" />
      <input type="hidden" name="actionId" value={row.id} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Mark done<span className="govuk-visually-hidden">: {row.description}</span>
      </button>
    </Form>
  );
}

export function ActionsTable({ caption, rows }: { caption: string; rows: ActionRow[] }) {
  if (!rows.length) return null;
  return (
    <TableRegion label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Owner</th>
            <th scope="col" className="govuk-table__header">Due</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id}>
              <td className="govuk-table__cell">{row.description}</td>
              <td className="govuk-table__cell">{row.ownerName}</td>
              <td className="govuk-table__cell">
                {formatDate(row.dueOn)}
                {row.overdue ? <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></> : null}
              </td>
              <td className="govuk-table__cell">{row.canComplete ? <CompleteActionForm row={row} /> : <StatusTag kind="action" status={row.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type Person = { id: number; name: string };

export function AddActionForm({ worker, supervisor, lastResult }: { worker: Person; supervisor: Person; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useSchemaForm('add-action', ActionSchema, lastResult);
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="action" />
      <TextField field={fields.description} label="What is to be done" />
      <SelectField
        field={fields.ownerId}
        label="Owner"
        emptyLabel="Select who owns it"
        options={[
          { value: String(worker.id), label: worker.name },
          { value: String(supervisor.id), label: supervisor.name },
        ]}
      />
      <DateInput field={fields.dueOn} legend="Due date" hint="For example, 27 3 2026" />
      <button type="submit" className="govuk-button govuk-button--secondary">Add action</button>
    </SchemaForm>
  );
}
