// Supervision home: your own supervision, an urgent debrief request, your calendar, and the people you supervise.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { TextArea } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { createCalendarLink, revokeCalendarLinks } from '#app/domain/supervision/calendar.server.ts';
import { DebriefSchema } from '#app/domain/supervision/forms.ts';
import { supervisionHome } from '#app/domain/supervision/overview.server.ts';
import { requestUrgentDebrief } from '#app/domain/supervision/sessions.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { absoluteUrl } from '#app/utils/public-url.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Supervision – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  return supervisionHome(actor);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:supervision');
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  switch (formData.get('intent')) {
    case 'debrief':
      return submitForm(formData, DebriefSchema, async (value) => {
        await requestUrgentDebrief(ctx, value.reason);
        return redirectWithFlash('/supervision', 'Your urgent debrief request has been sent to your supervisor.');
      });
    case 'link': {
      const token = await createCalendarLink(ctx);
      return { calendarUrl: absoluteUrl(`/calendar/${token}`) };
    }
    case 'revoke':
      await revokeCalendarLinks(ctx);
      return redirectWithFlash('/supervision', 'Your calendar link has been turned off.');
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

export default function SupervisionPage() {
  const { me, can, people, hasLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const calendarUrl = actionData && 'calendarUrl' in actionData ? actionData.calendarUrl : null;
  const lastResult = actionData && 'status' in actionData ? actionData : undefined;
  const [form, fields] = useSchemaForm('urgent-debrief', DebriefSchema, lastResult as never);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Supervision</h1>
        {can.requestDebrief ? (
          <>
            <h2 className="govuk-heading-m">Your supervision</h2>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/supervision/workers/${me}`}>Your agreement, sessions and records</Link>
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/development-plan">Your personal development plan</Link>
            </p>
            <h2 className="govuk-heading-m">Ask for an urgent debrief</h2>
            <SchemaForm form={form} fields={fields}>
              <input type="hidden" name="intent" value="debrief" />
              <TextArea field={fields.reason} label="What do you need to debrief about?" hint="Your supervisor will arrange a time. Keep personal details brief." rows={3} />
              <button type="submit" className="govuk-button">Ask for an urgent debrief</button>
            </SchemaForm>
          </>
        ) : null}
        {can.oversee ? (
          <>
            <h2 className="govuk-heading-m">People whose supervision you oversee</h2>
            <p className="govuk-body">
              <Link className="govuk-link" to="/supervision/overview">What is overdue</Link>
            </p>
            {people.length ? (
              <ul className="govuk-list">
                {people.map((person) => (
                  <li key={person.id}>
                    <Link className="govuk-link" to={`/supervision/workers/${person.id}`}>{person.name}</Link>
                    {person.mine ? ' (you supervise)' : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">Nobody yet.</p>
            )}
          </>
        ) : null}
        <h2 className="govuk-heading-m">Your calendar</h2>
        <p className="govuk-body">
          <a className="govuk-link" href="/supervision/calendar" download="supervision.ics">Download your sessions (.ics)</a>
        </p>
        {calendarUrl ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">Your private calendar link (copy it now; it will not be shown again):</p>
            <p className="govuk-body app-break-words"><code>{calendarUrl}</code></p>
          </div>
        ) : null}
        <div className="govuk-button-group">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="link" />
            <button type="submit" className="govuk-button govuk-button--secondary">
              {hasLink ? 'Replace your private calendar link' : 'Create a private calendar link'}
            </button>
          </Form>
          {hasLink ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="govuk-button govuk-button--warning">Turn off your calendar link</button>
            </Form>
          ) : null}
        </div>
      </div>
    </div>
  );
}
