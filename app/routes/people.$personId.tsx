// One person, for admins: change details and roles, issue a password reset link, deactivate or reactivate.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { achievementStatement } from '#app/components/achievement-status.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { PersonForm, PersonSchema } from '#app/components/person-form.tsx';
import { ReopenForm } from '#app/components/reopen-form.tsx';
import { ReopenSchema } from '#app/components/reopen-schema.ts';
import { issuePasswordResetLink } from '#app/domain/accounts.server.ts';
import { reopenAchievement } from '#app/domain/assessment/achievements.server.ts';
import { reopenableStandards } from '#app/domain/assessment/reopenable.server.ts';
import { assessorOptions, setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { getPerson, personFormOptions, setPersonActive, updatePerson } from '#app/domain/people.server.ts';
import { relationshipsToReassign } from '#app/domain/reassignment.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { absoluteUrl } from '#app/utils/public-url.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? 'Person'} – NOSfolio` }];

const personIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:people:org');
  const personId = personIdParam.safeParse(params.personId);
  if (!personId.success) throw new Response('Not found', { status: 404 });
  const [person, options, assessors, toReassign, achieved] = await Promise.all([
    getPerson(actor, personId.data),
    personFormOptions(actor),
    assessorOptions(actor, personId.data),
    relationshipsToReassign(actor, personId.data),
    reopenableStandards(actor, personId.data),
  ]);
  return { person, ...options, assessors, toReassign, achieved };
});

const Intent = z.enum(['save', 'assessors', 'reset-link', 'deactivate', 'reactivate', 'reopen']);
const AssessorsSchema = z.object({ assessorIds: z.array(z.number().int().positive()).default([]) });

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:people:org');
  const personId = personIdParam.safeParse(params.personId);
  if (!personId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const intent = Intent.safeParse(formData.get('intent'));
  if (!intent.success) throw new Response('Unknown action', { status: 400 });
  const ctx = requestContext(context, actor);

  switch (intent.data) {
    case 'save':
      return submitForm(formData, PersonSchema, async (value) => {
        await updatePerson(ctx, personId.data, value);
        return redirectWithFlash(`/people/${personId.data}`, 'Changes saved.');
      });
    case 'assessors':
      return submitForm(formData, AssessorsSchema, async ({ assessorIds }) => {
        await setWorkerAssessors(ctx, personId.data, assessorIds);
        return redirectWithFlash(`/people/${personId.data}`, 'Changes saved.');
      });
    case 'reopen':
      return submitForm(formData, ReopenSchema, async (value) => {
        await reopenAchievement(ctx, { workerId: personId.data, standardVersionId: value.standardVersionId, reason: value.reason });
        return redirectWithFlash(`/people/${personId.data}`, 'Standard reopened: its items can be judged again');
      });
    case 'reset-link': {
      const { token, expiresAt } = await issuePasswordResetLink(ctx, personId.data);
      const link = absoluteUrl(`/reset-password/${token}`);
      return { resetLink: link, resetLinkExpiresAt: expiresAt.toISOString() };
    }
    case 'deactivate':
    case 'reactivate':
      try {
        await setPersonActive(ctx, personId.data, intent.data === 'reactivate');
      } catch (error) {
        if (error instanceof ValidationError) return data({ statusError: error.message }, { status: 400 });
        throw error;
      }
      return redirectWithFlash(`/people/${personId.data}`, intent.data === 'reactivate' ? 'Reactivated: they can sign in again.' : 'Deactivated: they can no longer sign in.');
  }
});

export default function PersonPage() {
  const { person, teams, supervisors, assessors, toReassign, achieved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resetLink = actionData && 'resetLink' in actionData ? actionData : null;
  const statusError = actionData && 'statusError' in actionData ? actionData.statusError : null;
  const reopenResult = actionData && 'status' in actionData && actionData.initialValue?.intent === 'reopen' ? actionData : undefined;
  const formResult = actionData && 'status' in actionData && !reopenResult ? actionData : undefined;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/people" className="govuk-back-link">Back to people</Link>
        <h1 className="govuk-heading-l">
          {person.name}{' '}
          {person.active ? null : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>}
        </h1>
        <ToReassign personName={person.name} {...toReassign} />
        <PersonForm
          lastResult={formResult}
          teams={teams}
          supervisors={supervisors.filter((option) => option.value !== String(person.id))}
          submitLabel="Save changes"
          defaultValue={{
            name: person.name,
            email: person.email,
            jobTitle: person.jobTitle ?? '',
            teamId: person.teamId ? String(person.teamId) : '',
            lineSupervisorId: person.lineSupervisorId ? String(person.lineSupervisorId) : '',
            roles: person.roles,
          }}
        />

        <h2 className="govuk-heading-m">Assessors</h2>
        {person.roles.includes('worker') ? (
          <Form method="post">
            <CsrfInput />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who assesses {person.name}’s evidence</legend>
                {assessors.options.length === 0 ? <p className="govuk-body">Nobody has the assessor role yet.</p> : null}
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {assessors.options.map((option) => (
                    <div className="govuk-checkboxes__item" key={option.value}>
                      <input className="govuk-checkboxes__input" id={`assessor-${option.value}`} name="assessorIds" type="checkbox" value={option.value} defaultChecked={assessors.selected.includes(option.value)} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`assessor-${option.value}`}>{option.label}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <button type="submit" name="intent" value="assessors" className="govuk-button govuk-button--secondary">Save assessors</button>
          </Form>
        ) : (
          <p className="govuk-body">Only workers have assessors.</p>
        )}

        {achieved.length ? (
          <>
            <h2 className="govuk-heading-m">Achieved standards</h2>
            {achieved.map((standard) => (
              <section key={standard.standardVersionId} aria-label={`${standard.urn} version ${standard.version}`}>
                <h3 className="govuk-heading-s">{standard.urn} version {standard.version}: {standard.title}</h3>
                <p className="govuk-body">{achievementStatement(standard.achievement)}</p>
                <ReopenForm
                  standard={standard}
                  action={`/people/${person.id}`}
                  lastResult={Number(reopenResult?.initialValue?.standardVersionId) === standard.standardVersionId ? reopenResult : undefined}
                />
              </section>
            ))}
          </>
        ) : null}

        <h2 className="govuk-heading-m">Password</h2>
        {resetLink ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">
              Give this link to {person.name}. It works once, until {formatDateTime(resetLink.resetLinkExpiresAt)}.
            </p>
            <p className="app-copy-box" data-testid="reset-link">{resetLink.resetLink}</p>
          </div>
        ) : (
          <p className="govuk-body">Create a single-use link that lets {person.name} choose a new password. Any earlier link stops working.</p>
        )}
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="reset-link" className="govuk-button govuk-button--secondary">
            Create a password reset link
          </button>
        </Form>

        <h2 className="govuk-heading-m">Access</h2>
        {statusError ? <p className="govuk-error-message">{statusError}</p> : null}
        {person.isSelf ? (
          <p className="govuk-body">You cannot deactivate your own account.</p>
        ) : person.active ? (
          <Form method="post">
            <CsrfInput />
            <p className="govuk-body">A deactivated person cannot sign in. Their records stay in the portal.</p>
            <button type="submit" name="intent" value="deactivate" className="govuk-button govuk-button--warning">
              Deactivate {person.name}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <CsrfInput />
            <p className="govuk-body">Deactivated on {person.deactivatedAt ? formatDate(person.deactivatedAt) : ''}.</p>
            <button type="submit" name="intent" value="reactivate" className="govuk-button govuk-button--secondary">
              Reactivate {person.name}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}

/** People and scopes whose link to this person no longer gives access, because of a removed role or deactivation. */
function ToReassign({
  personName,
  supervisees,
  managerScopes,
  assessedWorkers,
}: {
  personName: string;
  supervisees: { id: number; name: string }[];
  managerScopes: { scopeId: number; label: string }[];
  assessedWorkers: { id: number; name: string }[];
}) {
  if (!supervisees.length && !managerScopes.length && !assessedWorkers.length) return null;
  const people = (list: { id: number; name: string }[]) => (
    <ul className="govuk-list govuk-list--bullet">
      {list.map((row) => (
        <li key={row.id}>
          <Link className="govuk-link" to={`/people/${row.id}`}>Reassign {row.name}</Link>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="govuk-warning-text" data-testid="to-reassign">
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        <h2 className="govuk-heading-s">Reassign what {personName} no longer covers</h2>
        {supervisees.length ? (
          <>
            <p className="govuk-body">People who had {personName} as line supervisor, who now has no supervisor role or is deactivated:</p>
            {people(supervisees)}
          </>
        ) : null}
        {managerScopes.length ? (
          <>
            <p className="govuk-body">
              What {personName} managed, without the manager role now: {managerScopes.map((scope) => scope.label).join('; ')}.{' '}
              <Link className="govuk-link" to="/organisation">Change managers</Link>
            </p>
          </>
        ) : null}
        {assessedWorkers.length ? (
          <>
            <p className="govuk-body">Workers {personName} assessed, without the assessor role now:</p>
            {people(assessedWorkers)}
          </>
        ) : null}
      </div>
    </div>
  );
}
