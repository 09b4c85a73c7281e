// One worker's supervision: the written agreement (draft, sign, versions), the policy check and the schedule.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { AgreementForm, PlanSessionForm, ScheduleForm, SignAgreementForm } from '#app/components/supervision/agreement-forms.tsx';
import { AgreementSummary } from '#app/components/supervision/agreement-summary.tsx';
import { SessionsTable } from '#app/components/supervision/sessions-table.tsx';
import { replyFor } from '#app/components/ui/reply-for.ts';
import { actOnWorkerSupervision } from '#app/domain/supervision/commands.server.ts';
import { WORKER_SUPERVISION_INTENTS, WorkerSupervisionCommandSchema } from '#app/domain/supervision/forms.ts';
import { workerSupervision } from '#app/domain/supervision/overview.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Supervision: ${data?.worker.name ?? 'worker'} – NOSfolio` }];

const workerIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  return workerSupervision(actor, workerId.data);
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  if (!(WORKER_SUPERVISION_INTENTS as unknown[]).includes(formData.get('intent'))) throw new Response('Unknown action', { status: 400 });
  return submitForm(formData, WorkerSupervisionCommandSchema, async (command) => {
    const { notice, sessionId } = await actOnWorkerSupervision(requestContext(context, actor), workerId.data, command);
    // A session recorded after it took place is written up next, on its own page.
    const next = sessionId ? `/supervision/sessions/${sessionId}` : `/supervision/workers/${workerId.data}`;
    return redirectWithFlash(next, NOTICES[notice] ?? 'Saved.');
  });
});

const NOTICES: Record<string, string> = {
  drafted: 'Agreement drafted. Both of you now sign it.',
  signed: 'Signed. The agreement becomes current when the other person signs too.',
  active: 'Signed by both of you: this is now the current agreement.',
  scheduled: 'Sessions planned from the agreement.',
  planned: 'Session planned.',
  recorded: 'Session added as held. Now write its record.',
};

export default function WorkerSupervisionPage() {
  const { worker, current, draft, history, sessions, isSelf, overdue, can, signing, agreementDefaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/supervision" className="govuk-back-link">Back to supervision</Link>
        <h1 className="govuk-heading-l">{isSelf ? 'Your supervision' : `Supervision: ${worker.name}`}</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={isSelf ? '/development-plan' : `/workers/${worker.id}/development-plan`}>{isSelf ? 'Your personal development plan' : `${worker.name}’s personal development plan`}</Link>
        </p>
        {overdue.sessions.length ? <p className="govuk-body"><strong className="govuk-tag govuk-tag--red">Overdue</strong> Supervision was due by {formatDate(overdue.sessions[0]!.dueBy)}.</p> : null}

        <h2 className="govuk-heading-m">Current agreement</h2>
        {current ? <AgreementSummary agreement={current} /> : <p className="govuk-body">There is no signed agreement yet.</p>}

        {draft ? (
          <>
            <h2 className="govuk-heading-m">Draft agreement (version {draft.version}), waiting for signatures</h2>
            <AgreementSummary agreement={draft} />
            {can.sign && signing.as ? <SignAgreementForm agreementId={draft.id} as={signing.as} lastResult={replyFor(actionData, 'sign')} /> : null}
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
        <SessionsTable sessions={sessions} />

        {can.schedule && current ? <ScheduleForm reviewOn={current.reviewOn} lastResult={replyFor(actionData, 'schedule')} /> : null}
        {can.planSession ? <PlanSessionForm lastResult={replyFor(actionData, 'session')} /> : null}
        {can.recordPastSession ? <PlanSessionForm tookPlace lastResult={replyFor(actionData, 'held')} /> : null}
        {can.draft ? (
          <AgreementForm
            heading={current || draft ? 'Write a new version of the agreement' : 'Write the agreement'}
            defaultValue={agreementDefaults}
            lastResult={replyFor(actionData, 'draft')}
          />
        ) : null}
      </div>
    </div>
  );
}
