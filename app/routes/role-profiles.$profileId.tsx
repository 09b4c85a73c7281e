// One role profile: what it requires, who holds it; admins edit it, assign it to people and end assignments.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { Checkboxes, SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import {
  assignRoleProfile,
  endRoleAssignment,
  getRoleProfile,
  roleProfileFormOptions,
  updateRoleProfile,
} from '#app/domain/role-profiles.server.ts';
import { todayInLondon } from '#app/domain/policies.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { ukDateField } from '#app/utils/uk-date.ts';
import { SuccessBanner } from '#app/components/ui/success-banner.tsx';
import { RoleProfileSchema as BaseRoleProfileSchema } from '#app/components/role-profile-schema.ts';
import { requestContext } from '#app/utils/request-context.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? 'Role profile'} – NOSfolio` }];

const RoleProfileSchema = BaseRoleProfileSchema.extend({ intent: z.literal('save') });

const AssignSchema = z.object({
  intent: z.literal('assign'),
  personId: z.number({ required_error: 'Select a person', invalid_type_error: 'Select a person from the list' }).int().positive(),
  startedOn: ukDateField('the start date'),
});

const EndSchema = z.object({ intent: z.literal('end'), assignmentId: z.coerce.number().int().positive() });

const profileIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:role-profiles:org');
  const profileId = profileIdParam.safeParse(params.profileId);
  if (!profileId.success) throw new Response('Not found', { status: 404 });
  const canManage = can(actor, 'manage:role-profiles:org');
  const [profile, options] = await Promise.all([
    getRoleProfile(actor, profileId.data),
    canManage ? roleProfileFormOptions(actor) : Promise.resolve(null),
  ]);
  return { profile, canManage, standards: options?.standards ?? [], people: options?.people ?? [] };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:role-profiles:org');
  const profileId = profileIdParam.safeParse(params.profileId);
  if (!profileId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  const back = (notice: string) => redirect(`/role-profiles/${profileId.data}?${notice}=1`);
  switch (formData.get('intent')) {
    case 'save':
      return submitForm(formData, RoleProfileSchema, async ({ intent: _intent, ...value }) => {
        await updateRoleProfile(ctx, profileId.data, { ...value, urgentDebriefOnRequest: value.urgentDebriefOnRequest ?? false });
        return back('saved');
      });
    case 'assign':
      return submitForm(formData, AssignSchema, async (value) => {
        await assignRoleProfile(ctx, { personId: value.personId, roleProfileId: profileId.data, startedOn: value.startedOn });
        return back('assigned');
      });
    case 'end': {
      const parsed = EndSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response('Unknown assignment', { status: 400 });
      try {
        await endRoleAssignment(ctx, parsed.data.assignmentId, todayInLondon());
      } catch (error) {
        if (error instanceof ValidationError) return data({ endError: error.message }, { status: 400 });
        throw error;
      }
      return back('ended');
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

const NOTICES: Record<string, string> = {
  created: 'Role profile created.',
  saved: 'Changes saved.',
  assigned: 'Role assigned. The required standards have been added to the person’s plan.',
  ended: 'Role assignment ended. It stays in the person’s role history.',
};

export default function RoleProfilePage() {
  const { profile, canManage, standards, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const endError = actionData && 'endError' in actionData ? actionData.endError : null;
  const lastResult = actionData && 'status' in actionData ? actionData : undefined;
  const [searchParams] = useSearchParams();
  const notice = Object.keys(NOTICES).find((key) => searchParams.get(key));
  const resultFor = (intent: string) =>
    lastResult && (lastResult as { initialValue?: Record<string, unknown> }).initialValue?.intent === intent ? lastResult : undefined;
  const [editForm, editFields] = useSchemaForm('edit-role-profile', RoleProfileSchema, resultFor('save'), {
    name: profile.name,
    description: profile.description ?? '',
    standardIds: profile.standardIds.map(String),
    supervisionFrequencyWeeks: String(profile.supervisionFrequencyWeeks),
    probationSupervisionFrequencyWeeks: profile.probationSupervisionFrequencyWeeks ? String(profile.probationSupervisionFrequencyWeeks) : '',
    urgentDebriefOnRequest: profile.urgentDebriefOnRequest ? 'on' : '',
    targetMonths: String(profile.targetMonths),
  });
  const [assignForm, assignFields] = useSchemaForm('assign-role-profile', AssignSchema, resultFor('assign'));
  const holderIds = new Set(profile.holders.map((holder) => String(holder.personId)));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/role-profiles" className="govuk-back-link">Back to role profiles</Link>
        {notice ? (
          <SuccessBanner id="notice-title">{NOTICES[notice]}</SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">{profile.name}</h1>
        {profile.description ? <p className="govuk-body">{profile.description}</p> : null}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Supervision</dt>
            <dd className="govuk-summary-list__value">
              Every {profile.supervisionFrequencyWeeks} weeks
              {profile.probationSupervisionFrequencyWeeks
                ? `; every ${profile.probationSupervisionFrequencyWeeks} weeks during probation`
                : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Urgent debrief</dt>
            <dd className="govuk-summary-list__value">{profile.urgentDebriefOnRequest ? 'On request' : 'Not offered'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Target period</dt>
            <dd className="govuk-summary-list__value">{profile.targetMonths} months from the start date</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">Required standards</h2>
        {profile.requiredStandards.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {profile.requiredStandards.map((standard) => (
              <li key={standard.standardId}>
                <Link className="govuk-link" to={`/standards/${encodeURIComponent(standard.urn)}`}>
                  {standard.urn} {standard.title}
                </Link>{' '}
                <span className="govuk-body-s">(version {standard.version})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No standards are required yet.</p>
        )}

        <h2 className="govuk-heading-m">People in this role</h2>
        {endError ? <p className="govuk-error-message">{endError}</p> : null}
        {profile.holders.length ? (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Started</th>
                <th scope="col" className="govuk-table__header">Target date</th>
                {canManage ? <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {profile.holders.map((holder) => (
                <tr className="govuk-table__row" key={holder.id}>
                  <th scope="row" className="govuk-table__header">{holder.personName}</th>
                  <td className="govuk-table__cell">{formatDate(holder.startedOn)}</td>
                  <td className="govuk-table__cell">{formatDate(holder.targetDate)}</td>
                  {canManage ? (
                    <td className="govuk-table__cell">
                      <Form method="post" className="app-inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="end" />
                        <input type="hidden" name="assignmentId" value={holder.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          End assignment<span className="govuk-visually-hidden"> of {holder.personName}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">Nobody holds this role at the moment.</p>
        )}
        {profile.pastHolders.length ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">People who used to hold this role ({profile.pastHolders.length})</span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list">
                {profile.pastHolders.map((holder) => (
                  <li key={holder.id}>
                    {holder.personName}: {formatDate(holder.startedOn)} to {holder.endedOn ? formatDate(holder.endedOn) : ''}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        ) : null}

        {canManage ? (
          <>
            <h2 className="govuk-heading-m">Assign to a person</h2>
            <SchemaForm form={assignForm} fields={assignFields}>
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                field={assignFields.personId}
                label="Person"
                emptyLabel="Select a person"
                options={people.filter((person) => !holderIds.has(person.value))}
              />
              <TextField
                field={assignFields.startedOn}
                label="Start date"
                hint={`For example, 27 3 2026. The target date will be ${profile.targetMonths} months later.`}
                width="10"
              />
              <button type="submit" className="govuk-button">Assign role</button>
            </SchemaForm>

            <h2 className="govuk-heading-m">Change this role profile</h2>
            <p className="govuk-body">Changes apply to future assignments; people already in the role keep the standards they were given.</p>
            <SchemaForm form={editForm} fields={editFields}>
              <input type="hidden" name="intent" value="save" />
              <TextField field={editFields.name} label="Role name" maxLength={200} />
              <TextArea field={editFields.description} label="Description (optional)" rows={3} />
              {standards.length ? (
                <Checkboxes field={editFields.standardIds} legend="Required standards" hint="Select all that apply" options={standards} />
              ) : null}
              <TextField field={editFields.supervisionFrequencyWeeks} label="Supervision every (weeks)" width="5" />
              <TextField
                field={editFields.probationSupervisionFrequencyWeeks}
                label="Supervision during probation every (weeks, optional)"
                width="5"
              />
              <Checkboxes
                field={editFields.urgentDebriefOnRequest}
                legend="Urgent debrief"
                options={[{ value: 'on', label: 'Offer an urgent debrief on request' }]}
              />
              <TextField field={editFields.targetMonths} label="Target period (months)" width="5" />
              <button type="submit" className="govuk-button govuk-button--secondary">Save changes</button>
            </SchemaForm>
          </>
        ) : null}
      </div>
    </div>
  );
}
