// One supervision session: move, cancel or mark missed; its record (supervisor writes and shares, worker comments
// and agrees, then locked with addenda) and the actions agreed, with those carried forward from earlier sessions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import {
  ActionSchema,
  AddendumSchema,
  AgreeSchema,
  CancelSchema,
  CompleteSchema,
  MissedSchema,
  MoveSchema,
  RecordSchema,
  ShareSchema,
} from '#app/domain/supervision/forms.ts';
import {
  addAction,
  addAddendum,
  agreeRecord,
  completeAction,
  saveRecord,
  sessionRecord,
  shareRecord,
  startRecord,
} from '#app/domain/supervision/records.server.ts';
import { cancelSession, markSessionMissed, moveSession } from '#app/domain/supervision/sessions.server.ts';
import { SESSION_TYPE_LABELS, type SessionType } from '#app/domain/supervision/statuses.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { SuccessBanner } from '#app/components/ui/success-banner.tsx';
import { requestContext } from '#app/utils/request-context.server.ts';

export const meta: MetaFunction = () => [{ title: 'Supervision session – NOSfolio' }];

const sessionIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const sessionId = sessionIdParam.safeParse(params.sessionId);
  if (!sessionId.success) throw new Response('Not found', { status: 404 });
  const view = await sessionRecord(actor, sessionId.data);
  const { access, ...rest } = view;
  return { ...rest, worker: access.worker, isSelf: access.relationship.self, canManage: access.canManage, now: new Date().toISOString() };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const sessionId = sessionIdParam.safeParse(params.sessionId);
  if (!sessionId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  const back = (notice: string) => redirect(`/supervision/sessions/${sessionId.data}?${notice}=1`);
  const recordId = async () => {
    const view = await sessionRecord(actor, sessionId.data);
    if (!view.record) throw new Response('This session has no record yet', { status: 409 });
    return view.record.id;
  };
  switch (formData.get('intent')) {
    case 'move':
      return submitForm(formData, MoveSchema, async ({ intent: _intent, ...value }) => {
        await moveSession(ctx, sessionId.data, value);
        return back('moved');
      });
    case 'cancel':
      return submitForm(formData, CancelSchema, async (value) => {
        await cancelSession(ctx, sessionId.data, value.reason);
        return back('cancelled');
      });
    case 'missed':
      return submitForm(formData, MissedSchema, async () => {
        await markSessionMissed(ctx, sessionId.data);
        return back('missed');
      });
    case 'record':
      return submitForm(formData, RecordSchema, async ({ intent: _intent, ...value }) => {
        const view = await sessionRecord(actor, sessionId.data);
        if (view.record) await saveRecord(ctx, view.record.id, value);
        else await startRecord(ctx, sessionId.data, value);
        return back('saved');
      });
    case 'share':
      return submitForm(formData, ShareSchema, async () => {
        await shareRecord(ctx, await recordId());
        return back('shared');
      });
    case 'agree':
      return submitForm(formData, AgreeSchema, async (value) => {
        await agreeRecord(ctx, await recordId(), value.comments ?? '');
        return back('agreed');
      });
    case 'addendum':
      return submitForm(formData, AddendumSchema, async (value) => {
        await addAddendum(ctx, await recordId(), value.text);
        return back('addendum');
      });
    case 'action':
      return submitForm(formData, ActionSchema, async ({ intent: _intent, ...value }) => {
        await addAction(ctx, await recordId(), value);
        return back('action');
      });
    case 'complete':
      return submitForm(formData, CompleteSchema, async (value) => {
        await completeAction(ctx, value.actionId);
        return back('completed');
      });
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

const NOTICES: Record<string, string> = {
  moved: 'Session moved.',
  cancelled: 'Session cancelled.',
  missed: 'Session marked as missed.',
  saved: 'Record saved.',
  shared: 'Record agreed by you and shared with the worker.',
  agreed: 'Record agreed. It is now locked; later changes are addenda.',
  addendum: 'Addendum added.',
  action: 'Action added.',
  completed: 'Action marked as done.',
};

const RECORD_FIELDS = [
  ['attendance', 'Attendance'],
  ['discussion', 'Discussion'],
  ['wellbeing', 'Wellbeing'],
  ['workload', 'Workload and caseload'],
  ['practiceIssues', 'Practice issues'],
  ['learning', 'Learning and PDP review'],
] as const;

type ActionRow = { id: number; description: string; ownerName: string; dueOn: string; status: string; overdue: boolean };

function ActionsTable({ caption, rows, completeForm }: { caption: string; rows: ActionRow[]; completeForm: (row: ActionRow) => React.ReactNode }) {
  if (!rows.length) return null;
  return (
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
            <td className="govuk-table__cell">{row.status === 'open' ? completeForm(row) : 'Done'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SessionPage() {
  const { session, record, agreements, addenda, actions, carriedForward, worker, supervisor, isSelf, canManage, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && typeof actionData === 'object' && 'status' in actionData ? actionData : undefined;
  const resultFor = (intent: string) =>
    lastResult && (lastResult as { initialValue?: Record<string, unknown> }).initialValue?.intent === intent ? (lastResult as never) : undefined;
  const [searchParams] = useSearchParams();
  const notice = Object.keys(NOTICES).find((key) => searchParams.get(key));
  const [moveForm, moveFields] = useSchemaForm('move', MoveSchema, resultFor('move'));
  const [cancelForm, cancelFields] = useSchemaForm('cancel', CancelSchema, resultFor('cancel'));
  const [missedForm, missedFields] = useSchemaForm('missed', MissedSchema, resultFor('missed'));
  const [recordForm, recordFields] = useSchemaForm('record', RecordSchema, resultFor('record'), record ?? undefined);
  const [shareForm, shareFields] = useSchemaForm('share', ShareSchema, resultFor('share'));
  const [agreeForm, agreeFields] = useSchemaForm('agree', AgreeSchema, resultFor('agree'));
  const [addendumForm, addendumFields] = useSchemaForm('addendum', AddendumSchema, resultFor('addendum'));
  const [actionForm, actionFields] = useSchemaForm('add-action', ActionSchema, resultFor('action'));
  const started = new Date(session.startsAt).getTime() <= new Date(now).getTime();
  const changeable = session.status === 'planned' || session.status === 'requested';
  const locked = Boolean(record?.lockedAt);
  const typeLabel = SESSION_TYPE_LABELS[session.type as SessionType] ?? session.type;
  const complete = (row: ActionRow) => (
    <Form method="post" className="app-inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="complete" />
      <input type="hidden" name="actionId" value={row.id} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Mark done<span className="govuk-visually-hidden">: {row.description}</span>
      </button>
    </Form>
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/supervision/workers/${worker.id}`} className="govuk-back-link">Back to {isSelf ? 'your supervision' : `${worker.name}’s supervision`}</Link>
        {notice ? (
          <SuccessBanner id="notice-title">{NOTICES[notice]}</SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">{typeLabel}: {worker.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">When</dt>
            <dd className="govuk-summary-list__value">{session.status === 'requested' ? `Requested ${formatDateTime(session.startsAt)}; not arranged yet` : `${formatDateTime(session.startsAt)} to ${formatDateTime(session.endsAt)}`}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">With</dt>
            <dd className="govuk-summary-list__value">{worker.name} and {supervisor.name}{session.place ? `, ${session.place}` : ''}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">{session.status}{session.cancelReason ? `: ${session.cancelReason}` : ''}</dd>
          </div>
          {session.requestReason ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Reason for the request</dt>
              <dd className="govuk-summary-list__value">{session.requestReason}</dd>
            </div>
          ) : null}
        </dl>

        {canManage && changeable ? (
          <>
            <h2 className="govuk-heading-m">{session.status === 'requested' ? 'Arrange this debrief' : 'Move this session'}</h2>
            <SchemaForm form={moveForm} fields={moveFields}>
              <input type="hidden" name="intent" value="move" />
              <TextField field={moveFields.date} label="Date" hint="For example, 27 3 2026" width="10" />
              <TextField field={moveFields.startTime} label="Start time" hint="For example, 10:00" width="5" />
              <TextField field={moveFields.endTime} label="End time" hint="For example, 11:00" width="5" />
              <button type="submit" className="govuk-button">{session.status === 'requested' ? 'Arrange' : 'Move'}</button>
            </SchemaForm>
            <h2 className="govuk-heading-m">Cancel this session</h2>
            <SchemaForm form={cancelForm} fields={cancelFields}>
              <input type="hidden" name="intent" value="cancel" />
              <TextArea field={cancelFields.reason} label="Reason" rows={2} />
              <button type="submit" className="govuk-button govuk-button--warning">Cancel session</button>
            </SchemaForm>
            {session.status === 'planned' && started && !record ? (
              <SchemaForm form={missedForm} fields={missedFields}>
                <input type="hidden" name="intent" value="missed" />
                <button type="submit" className="govuk-button govuk-button--secondary">Mark as missed</button>
              </SchemaForm>
            ) : null}
          </>
        ) : null}

        <h2 className="govuk-heading-m">Record</h2>
        {record ? (
          <>
            <p className="govuk-body">
              Status: {record.status === 'agreed' ? `agreed and locked on ${formatDateTime(record.lockedAt!)}` : record.status === 'shared' ? 'shared with the worker for comments and agreement' : 'draft (the supervisor is writing it)'}
              . To be agreed by {formatDate(record.dueOn)}.
              {record.overdue ? <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></> : null}
            </p>
            {(record.status !== 'draft' || canManage) ? (
              <dl className="govuk-summary-list">
                {RECORD_FIELDS.map(([key, label]) => (
                  <div className="govuk-summary-list__row" key={key}>
                    <dt className="govuk-summary-list__key">{label}</dt>
                    <dd className="govuk-summary-list__value">{record[key]}</dd>
                  </div>
                ))}
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Worker’s comments</dt>
                  <dd className="govuk-summary-list__value">{record.workerComments ?? '—'}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Agreed</dt>
                  <dd className="govuk-summary-list__value">
                    {agreements.length ? agreements.map((row) => `${row.party} on ${formatDateTime(row.agreedAt)}`).join('; ') : 'Not yet'}
                  </dd>
                </div>
              </dl>
            ) : (
              <p className="govuk-body">Your supervisor is still writing this record.</p>
            )}
          </>
        ) : (
          <p className="govuk-body">No record yet.</p>
        )}

        {canManage && !locked && (record || (started && (session.status === 'planned' || session.status === 'held'))) ? (
          <>
            <h3 className="govuk-heading-s">{record ? 'Change the record' : 'Write the record'}</h3>
            <SchemaForm form={recordForm} fields={recordFields}>
              <input type="hidden" name="intent" value="record" />
              {RECORD_FIELDS.map(([key, label]) => (
                <TextArea key={key} field={recordFields[key]} label={label} rows={key === 'attendance' ? 2 : 4} />
              ))}
              <button type="submit" className="govuk-button">Save record</button>
            </SchemaForm>
            {record && record.status === 'draft' ? (
              <SchemaForm form={shareForm} fields={shareFields}>
                <input type="hidden" name="intent" value="share" />
                <button type="submit" className="govuk-button govuk-button--secondary">Agree and share with {worker.name}</button>
              </SchemaForm>
            ) : null}
          </>
        ) : null}

        {isSelf && record?.status === 'shared' ? (
          <>
            <h3 className="govuk-heading-s">Your comments and agreement</h3>
            <SchemaForm form={agreeForm} fields={agreeFields}>
              <input type="hidden" name="intent" value="agree" />
              <TextArea field={agreeFields.comments} label="Your comments (optional)" hint="Once you agree, the record is locked; later changes are added as addenda." rows={4} />
              <button type="submit" className="govuk-button">Agree this record</button>
            </SchemaForm>
          </>
        ) : null}

        {record ? (
          <>
            <h2 className="govuk-heading-m">Actions</h2>
            <ActionsTable caption="Agreed in this session" rows={actions} completeForm={complete} />
            <ActionsTable caption="Carried forward from earlier sessions" rows={carriedForward} completeForm={complete} />
            {!actions.length && !carriedForward.length ? <p className="govuk-body">No actions.</p> : null}
            {canManage && !locked ? (
              <SchemaForm form={actionForm} fields={actionFields}>
                <input type="hidden" name="intent" value="action" />
                <TextField field={actionFields.description} label="What is to be done" maxLength={1000} />
                <SelectField
                  field={actionFields.ownerId}
                  label="Owner"
                  emptyLabel="Select who owns it"
                  options={[
                    { value: String(worker.id), label: worker.name },
                    { value: String(supervisor.id), label: supervisor.name },
                  ]}
                />
                <TextField field={actionFields.dueOn} label="Due date" hint="For example, 27 3 2026" width="10" />
                <button type="submit" className="govuk-button govuk-button--secondary">Add action</button>
              </SchemaForm>
            ) : null}
          </>
        ) : null}

        {locked ? (
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
            <SchemaForm form={addendumForm} fields={addendumFields}>
              <input type="hidden" name="intent" value="addendum" />
              <TextArea field={addendumFields.text} label="Add an addendum" rows={3} />
              <button type="submit" className="govuk-button govuk-button--secondary">Add addendum</button>
            </SchemaForm>
          </>
        ) : null}
      </div>
    </div>
  );
}
