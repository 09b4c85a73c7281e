// One worker's supervision: the written agreement (draft, sign, versions), the policy check and the schedule.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { Checkboxes, SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { draftAgreement, signAgreement } from '#app/domain/supervision/agreements.server.ts';
import { AgreementSchema, ScheduleSchema, SessionSchema, SignSchema } from '#app/domain/supervision/forms.ts';
import { workerSupervision } from '#app/domain/supervision/overview.server.ts';
import { planSchedule, planSession } from '#app/domain/supervision/sessions.server.ts';
import { SESSION_TYPE_LABELS, type SessionType } from '#app/domain/supervision/statuses.ts';
import { everyWeeks } from '#app/domain/supervision/statuses.ts';
import { toUkDateInput } from '#app/domain/supervision/uk-date.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { SuccessBanner } from '#app/components/ui/success-banner.tsx';
import { requestContext } from '#app/utils/request-context.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Supervision: ${data?.worker.name ?? 'worker'} – NOSfolio` }];

const workerIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  return { me: actor.id, ...(await workerSupervision(actor, workerId.data)) };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  const back = (notice: string) => redirect(`/supervision/workers/${workerId.data}?${notice}=1`);
  switch (formData.get('intent')) {
    case 'draft':
      return submitForm(formData, AgreementSchema, async ({ intent: _intent, ...value }) => {
        await draftAgreement(ctx, workerId.data, { ...value, probation: value.probation ?? false });
        return back('drafted');
      });
    case 'sign':
      return submitForm(formData, SignSchema, async (value) => {
        const { active } = await signAgreement(ctx, value.agreementId);
        return back(active ? 'active' : 'signed');
      });
    case 'schedule':
      return submitForm(formData, ScheduleSchema, async (value) => {
        await planSchedule(ctx, workerId.data, value.until);
        return back('scheduled');
      });
    case 'session':
      return submitForm(formData, SessionSchema, async ({ intent: _intent, ...value }) => {
        await planSession(ctx, workerId.data, value);
        return back('planned');
      });
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

const NOTICES: Record<string, string> = {
  drafted: 'Agreement drafted. Both of you now sign it.',
  signed: 'Signed. The agreement becomes current when the other person signs too.',
  active: 'Signed by both of you: this is now the current agreement.',
  scheduled: 'Sessions planned from the agreement.',
  planned: 'Session planned.',
};

type AgreementData = ReturnType<typeof useLoaderData<typeof loader>>['draft'];

function AgreementSummary({ agreement }: { agreement: NonNullable<AgreementData> }) {
  const rows: [string, string][] = [
    ['How often', `${everyWeeks(agreement.frequencyWeeks)}${agreement.probation ? ' (probation)' : ''}, ${agreement.durationMinutes} minutes, usually at ${agreement.sessionTime}`],
    ['From', formatDate(agreement.startsOn)],
    ['Place or format', agreement.place],
    ['Confidentiality and its limits', agreement.confidentiality],
    ['What supervision covers', agreement.scope],
    ['How records are kept', `${agreement.recordKeeping} Both agree a record within ${agreement.agreeWithinDays} days.`],
    ['Review date', formatDate(agreement.reviewOn)],
    [
      'Signed',
      agreement.signatures.length
        ? agreement.signatures.map((row) => `${row.name} (${row.party}) on ${formatDateTime(row.signedAt)}`).join('; ')
        : 'Not signed yet',
    ],
  ];
  return (
    <>
      {agreement.policy.message ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span> Below policy: {agreement.policy.message}.
          </strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

const TYPE_OPTIONS = Object.entries(SESSION_TYPE_LABELS).map(([value, label]) => ({ value, label }));

export default function WorkerSupervisionPage() {
  const data = useLoaderData<typeof loader>();
  const { worker, current, draft, history, sessions, canManage, isSelf, overdue } = data;
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && 'status' in actionData ? actionData : undefined;
  const resultFor = (intent: string) =>
    lastResult && (lastResult as { initialValue?: Record<string, unknown> }).initialValue?.intent === intent ? (lastResult as never) : undefined;
  const [searchParams] = useSearchParams();
  const notice = Object.keys(NOTICES).find((key) => searchParams.get(key));
  const base = draft ?? current;
  const [agreementForm, agreementFields] = useSchemaForm('agreement', AgreementSchema, resultFor('draft'), base ? {
    frequencyWeeks: String(base.frequencyWeeks),
    durationMinutes: String(base.durationMinutes),
    sessionTime: base.sessionTime,
    startsOn: toUkDateInput(base.startsOn),
    place: base.place,
    confidentiality: base.confidentiality,
    scope: base.scope,
    recordKeeping: base.recordKeeping,
    agreeWithinDays: String(base.agreeWithinDays),
    reviewOn: toUkDateInput(base.reviewOn),
    probation: base.probation ? 'on' : '',
  } : { durationMinutes: '60', sessionTime: '10:00', agreeWithinDays: '7' });
  const [scheduleForm, scheduleFields] = useSchemaForm('schedule', ScheduleSchema, resultFor('schedule'));
  const [sessionForm, sessionFields] = useSchemaForm('plan-session', SessionSchema, resultFor('session'));
  const [signForm, signFields] = useSchemaForm('sign', SignSchema, resultFor('sign'));
  const mySignatureNeeded = draft && (isSelf || canManage) && !draft.signatures.some((row) => (isSelf ? row.party === 'worker' : row.party === 'supervisor'));
  const heading = isSelf ? 'Your supervision' : `Supervision: ${worker.name}`;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/supervision" className="govuk-back-link">Back to supervision</Link>
        {notice ? (
          <SuccessBanner id="notice-title">{NOTICES[notice]}</SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">{heading}</h1>
        {overdue.sessions.length ? <p className="govuk-body"><strong className="govuk-tag govuk-tag--red">Overdue</strong> Supervision was due by {formatDate(overdue.sessions[0]!.dueBy)}.</p> : null}

        <h2 className="govuk-heading-m">Current agreement</h2>
        {current ? <AgreementSummary agreement={current} /> : <p className="govuk-body">There is no signed agreement yet.</p>}

        {draft ? (
          <>
            <h2 className="govuk-heading-m">Draft agreement (version {draft.version}), waiting for signatures</h2>
            <AgreementSummary agreement={draft} />
            {mySignatureNeeded ? (
              <SchemaForm form={signForm} fields={signFields}>
                <input type="hidden" name="intent" value="sign" />
                <input type="hidden" name="agreementId" value={draft.id} />
                <p className="govuk-body">Signing records your name ({isSelf ? 'as the worker' : 'as the supervisor'}) and the time.</p>
                <button type="submit" className="govuk-button">Sign this agreement</button>
              </SchemaForm>
            ) : null}
          </>
        ) : null}

        {history.length ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Earlier versions ({history.length})</span>
            </summary>
            <div className="govuk-details__text">
              {history.map((agreement) => (
                <div key={agreement.id}>
                  <h3 className="govuk-heading-s">Version {agreement.version}</h3>
                  <AgreementSummary agreement={agreement} />
                </div>
              ))}
            </div>
          </details>
        ) : null}

        <h2 className="govuk-heading-m">Sessions</h2>
        {sessions.length ? (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">When</th>
                <th scope="col" className="govuk-table__header">Type</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Record</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {sessions.map((session) => (
                <tr className="govuk-table__row" key={session.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/supervision/sessions/${session.id}`}>
                      {session.status === 'requested' ? `Requested ${formatDateTime(session.startsAt)}` : formatDateTime(session.startsAt)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{SESSION_TYPE_LABELS[session.type as SessionType] ?? session.type}</td>
                  <td className="govuk-table__cell">{session.status}</td>
                  <td className="govuk-table__cell">
                    {session.recordStatus ?? '—'}
                    {session.recordOverdue ? <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">No sessions yet.</p>
        )}

        {canManage ? (
          <>
            {current ? (
              <>
                <h2 className="govuk-heading-m">Plan sessions from the agreement</h2>
                <SchemaForm form={scheduleForm} fields={scheduleFields}>
                  <input type="hidden" name="intent" value="schedule" />
                  <TextField field={scheduleFields.until} label="Plan until (optional)" hint={`For example, 27 3 2026. Leave empty to plan until the review date, ${formatDate(current.reviewOn)}.`} width="10" />
                  <button type="submit" className="govuk-button">Plan sessions</button>
                </SchemaForm>
              </>
            ) : null}

            <h2 className="govuk-heading-m">Plan one session</h2>
            <SchemaForm form={sessionForm} fields={sessionFields}>
              <input type="hidden" name="intent" value="session" />
              <SelectField field={sessionFields.type} label="Type" emptyLabel="Select the type" options={TYPE_OPTIONS} />
              <TextField field={sessionFields.date} label="Date" hint="For example, 27 3 2026" width="10" />
              <TextField field={sessionFields.startTime} label="Start time" hint="For example, 10:00" width="5" />
              <TextField field={sessionFields.endTime} label="End time" hint="For example, 11:00" width="5" />
              <TextField field={sessionFields.place} label="Place or format (optional)" maxLength={200} />
              <button type="submit" className="govuk-button">Plan session</button>
            </SchemaForm>

            <h2 className="govuk-heading-m">{current || draft ? 'Write a new version of the agreement' : 'Write the agreement'}</h2>
            <SchemaForm form={agreementForm} fields={agreementFields}>
              <input type="hidden" name="intent" value="draft" />
              <TextField field={agreementFields.frequencyWeeks} label="Supervision every (weeks)" width="5" />
              <Checkboxes field={agreementFields.probation} legend="Probation" options={[{ value: 'on', label: 'The worker is on probation' }]} />
              <TextField field={agreementFields.durationMinutes} label="Length of each session (minutes)" width="5" />
              <TextField field={agreementFields.sessionTime} label="Usual start time" hint="For example, 10:00" width="5" />
              <TextField field={agreementFields.startsOn} label="First session date" hint="For example, 27 3 2026" width="10" />
              <TextField field={agreementFields.place} label="Place or format" maxLength={200} />
              <TextArea field={agreementFields.confidentiality} label="Confidentiality and its limits" rows={3} />
              <TextArea field={agreementFields.scope} label="What supervision covers" rows={3} />
              <TextArea field={agreementFields.recordKeeping} label="How records are kept" rows={2} />
              <TextField field={agreementFields.agreeWithinDays} label="Both agree each record within (days)" width="5" />
              <TextField field={agreementFields.reviewOn} label="Review date" hint="For example, 27 3 2027" width="10" />
              <button type="submit" className="govuk-button govuk-button--secondary">Save draft for signing</button>
            </SchemaForm>
          </>
        ) : null}
      </div>
    </div>
  );
}
