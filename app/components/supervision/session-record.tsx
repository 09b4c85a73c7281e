// A session's record: its state and content, the supervisor's form to write and share it, the worker's to agree it.
import type { SubmissionResult } from '@conform-to/react';
import { TextArea } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { AgreeSchema, RecordSchema, ShareSchema } from '#app/domain/supervision/forms.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { StatusTag } from './status-tag.tsx';

type Reply = SubmissionResult<string[]> | undefined;

export const RECORD_FIELD_LABELS = [
  ['attendance', 'Attendance'],
  ['discussion', 'Discussion'],
  ['wellbeing', 'Wellbeing'],
  ['workload', 'Workload and caseload'],
  ['practiceIssues', 'Practice issues'],
  ['learning', 'Learning and PDP review'],
  ['pdpReview', 'PDP review'],
] as const;

type RecordField = (typeof RECORD_FIELD_LABELS)[number][0];
type Record_ = { [field in RecordField]: string | null } & {
  status: string;
  lockedAt: string | Date | null;
  dueOn: string;
  overdue: boolean;
  workerComments: string | null;
};

type Parties = { workerName: string; supervisorName: string };

export function RecordSummary({ record, readable, agreements, parties }: { record: Record_ | null; readable: boolean; agreements: { party: string; agreedAt: string | Date }[]; parties: Parties }) {
  // Who agreed, by name and part, as the agreement's signatures read: "David Price (supervisor)".
  const agreedBy = (party: string) => `${party === 'worker' ? parties.workerName : parties.supervisorName} (${party})`;
  if (!record) return <p className="govuk-body">No record yet.</p>;
  return (
    <>
      <p className="govuk-body">
        Status: <StatusTag kind="record" status={record.status} />{' '}
        {record.lockedAt ? `Locked on ${formatDateTime(record.lockedAt)}.` : `To be agreed by ${formatDate(record.dueOn)}.`}
        {record.overdue && !record.lockedAt ? <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></> : null}
      </p>
      {readable ? (
        <dl className="govuk-summary-list">
          {RECORD_FIELD_LABELS.map(([key, label]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{label}</dt>
              <dd className="govuk-summary-list__value">{record[key] || '—'}</dd>
            </div>
          ))}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Worker’s comments</dt>
            <dd className="govuk-summary-list__value">{record.workerComments ?? '—'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agreed</dt>
            <dd className="govuk-summary-list__value">
              {agreements.length ? agreements.map((row) => `${agreedBy(row.party)} on ${formatDateTime(row.agreedAt)}`).join('; ') : 'Not yet'}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="govuk-body">Your supervisor is still writing this record.</p>
      )}
    </>
  );
}

export function RecordForm({ exists, defaultValue, lastResult }: { exists: boolean; defaultValue: Record<string, unknown> | undefined; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('record', RecordSchema, lastResult, defaultValue);
  return (
    <>
      <h3 className="govuk-heading-s">{exists ? 'Change the record' : 'Write the record'}</h3>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="record" />
        {RECORD_FIELD_LABELS.map(([key, label]) => (
          <TextArea
            key={key}
            field={fields[key]}
            label={key === 'pdpReview' ? 'PDP review (optional)' : label}
            hint={key === 'pdpReview' ? 'How the plan’s goals and learning are going, and what changes were agreed. The agenda above lists them.' : undefined}
            rows={key === 'attendance' ? 2 : 4}
          />
        ))}
        <button type="submit" className="govuk-button">Save record</button>
      </SchemaForm>
    </>
  );
}

export function ShareRecordForm({ workerName, lastResult }: { workerName: string; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('share', ShareSchema, lastResult);
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="share" />
      <button type="submit" className="govuk-button govuk-button--secondary">Agree and share with {workerName}</button>
    </SchemaForm>
  );
}

export function AgreeRecordForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useSchemaForm('agree', AgreeSchema, lastResult);
  return (
    <>
      <h3 className="govuk-heading-s">Your comments and agreement</h3>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="agree" />
        <TextArea field={fields.comments} label="Your comments (optional)" hint="Once you agree, the record is locked; later changes are added as addenda." rows={4} />
        <button type="submit" className="govuk-button">Agree this record</button>
      </SchemaForm>
    </>
  );
}
