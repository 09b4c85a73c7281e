// One supervision session: move, cancel or mark missed; its record (supervisor writes and shares, worker comments
// and agrees, then locked with addenda) and the actions agreed, with those carried forward from earlier sessions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { OpportunityForm } from '#app/components/development/plan-forms.tsx';
import { AddedToPlan, PdpAgenda } from '#app/components/development/supervision-agenda.tsx';
import { Addenda } from '#app/components/supervision/addenda.tsx';
import { ActionsTable, AddActionForm } from '#app/components/supervision/session-actions.tsx';
import { SessionChangeForms } from '#app/components/supervision/session-forms.tsx';
import { AgreeRecordForm, RecordForm, RecordSummary, ShareRecordForm } from '#app/components/supervision/session-record.tsx';
import { SessionSummary } from '#app/components/supervision/session-summary.tsx';
import { replyFor } from '#app/components/ui/reply-for.ts';
import { actOnSession } from '#app/domain/supervision/commands.server.ts';
import { SESSION_INTENTS, SessionCommandSchema } from '#app/domain/supervision/forms.ts';
import { sessionPage } from '#app/domain/supervision/session-page.server.ts';
import { SESSION_TYPE_LABELS, type SessionType } from '#app/domain/supervision/statuses.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Supervision session – NOSfolio' }];

const sessionIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const sessionId = sessionIdParam.safeParse(params.sessionId);
  if (!sessionId.success) throw new Response('Not found', { status: 404 });
  return sessionPage(actor, sessionId.data);
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const sessionId = sessionIdParam.safeParse(params.sessionId);
  if (!sessionId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  if (!(SESSION_INTENTS as unknown[]).includes(formData.get('intent'))) throw new Response('Unknown action', { status: 400 });
  return submitForm(formData, SessionCommandSchema, async (command) => {
    const outcome = await actOnSession(requestContext(context, actor), sessionId.data, command);
    const message =
      typeof outcome === 'string'
        ? (NOTICES[outcome] ?? 'Saved.')
        : `${outcome.notice === 'arranged' ? 'Debrief arranged for' : 'Session moved to'} ${formatDateTime(outcome.startsAt)}.`;
    return redirectWithFlash(`/supervision/sessions/${sessionId.data}`, message);
  });
});

const NOTICES: Record<string, string> = {
  cancelled: 'Session cancelled.',
  missed: 'Session marked as missed.',
  saved: 'Record saved.',
  shared: 'Record agreed by you and shared with the worker.',
  agreed: 'Record agreed. It is now locked; later changes are addenda.',
  addendum: 'Addendum added.',
  action: 'Action added.',
  completed: 'Action marked as done.',
  opportunity: 'Learning opportunity added to the development plan.',
};

export default function SessionPage() {
  const { session, record, agreements, addenda, actions, carriedForward, worker, supervisor, isSelf, can, recordDefaults, agenda } = useLoaderData<typeof loader>();
  const planPath = isSelf ? '/development-plan' : `/workers/${worker.id}/development-plan`;
  const actionData = useActionData<typeof action>();
  const typeLabel = SESSION_TYPE_LABELS[session.type as SessionType] ?? session.type;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/supervision/workers/${worker.id}`} className="govuk-back-link">Back to {isSelf ? 'your supervision' : `${worker.name}’s supervision`}</Link>
        <h1 className="govuk-heading-l">{typeLabel}: {worker.name}</h1>
        <SessionSummary session={session} workerName={worker.name} supervisorName={supervisor.name} />
        <SessionChangeForms can={can} requested={session.requested} actionData={actionData} />

        <PdpAgenda agenda={agenda} planPath={planPath} carriedForward={carriedForward.length} />

        <h2 className="govuk-heading-m">Record</h2>
        <RecordSummary record={record} readable={can.readRecord} agreements={agreements} parties={{ workerName: worker.name, supervisorName: supervisor.name }} />
        {can.record ? <RecordForm exists={record !== null} defaultValue={recordDefaults} lastResult={replyFor(actionData, 'record')} /> : null}
        {can.share ? <ShareRecordForm workerName={worker.name} lastResult={replyFor(actionData, 'share')} /> : null}
        {can.agree ? <AgreeRecordForm lastResult={replyFor(actionData, 'agree')} /> : null}

        {record ? (
          <>
            <h2 className="govuk-heading-m">Actions</h2>
            <ActionsTable caption="Agreed in this session" rows={actions} />
            <ActionsTable caption="Carried forward from earlier sessions" rows={carriedForward} />
            {!actions.length && !carriedForward.length ? <p className="govuk-body">No actions.</p> : null}
            {can.addAction ? <AddActionForm worker={worker} supervisor={supervisor} lastResult={replyFor(actionData, 'action')} /> : null}
            <AddedToPlan rows={agenda.addedHere} planPath={planPath} />
            {can.addOpportunity ? (
              <OpportunityForm key={agenda.addedHere.length} intent="pdp-opportunity" heading="Add a learning opportunity agreed in this session to the development plan" goals={agenda.goals.map((goal) => ({ ...goal, link: null, status: 'open' }))} lastResult={replyFor(actionData, 'pdp-opportunity')} />
            ) : null}
          </>
        ) : null}

        {can.addAddendum ? <Addenda addenda={addenda} lastResult={replyFor(actionData, 'addendum')} /> : null}
      </div>
    </div>
  );
}
