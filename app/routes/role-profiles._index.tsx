// Role profiles: the jobs the organisation defines, and (for admins) a form to create one.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { RoleProfileSchema } from '#app/components/role-profile-schema.ts';
import { Checkboxes, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { createRoleProfile, listRoleProfiles, roleProfileFormOptions } from '#app/domain/role-profiles.server.ts';
import { everyWeeks } from '#app/domain/supervision/statuses.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatMonths } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Role profiles – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:role-profiles:org');
  const canManage = can(actor, 'manage:role-profiles:org');
  const [profiles, options] = await Promise.all([
    listRoleProfiles(actor),
    canManage ? roleProfileFormOptions(actor) : Promise.resolve(null),
  ]);
  return { profiles, canManage, standards: options?.standards ?? [] };
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:role-profiles:org');
  const formData = await readForm(request);
  return submitForm(formData, RoleProfileSchema, async (value) => {
    const id = await createRoleProfile(
      requestContext(context, actor),
      { ...value, urgentDebriefOnRequest: value.urgentDebriefOnRequest ?? false },
    );
    return redirectWithFlash(`/role-profiles/${id}`, 'Role profile created.');
  });
});

export default function RoleProfilesPage() {
  const { profiles, canManage, standards } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('create-role-profile', RoleProfileSchema, lastResult, { urgentDebriefOnRequest: 'on', pdpReviewMonths: '6' });
  return (
    <>
      <h1 className="govuk-heading-l">Role profiles</h1>
      <p className="govuk-body">
        A role profile sets out what a job needs: the standards to achieve, how often supervision happens, and how long
        a new starter has to achieve them.
      </p>
      {profiles.length === 0 ? (
        <p className="govuk-body">
          No role profiles yet.{' '}
          {canManage ? (
            <>
              <a className="govuk-link" href="#create-heading">Create the first role profile</a> below, then assign it to the people who do that job.
            </>
          ) : (
            'Your organisation admin creates them.'
          )}
        </p>
      ) : (
        <TableRegion label="Role profiles">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{plural(profiles.length, 'role profile', 'role profiles')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Role</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Required standards</th>
                <th scope="col" className="govuk-table__header">Supervision</th>
                <th scope="col" className="govuk-table__header">Target period</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">People in this role</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {profiles.map((profile) => (
                <tr className="govuk-table__row" key={profile.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/role-profiles/${profile.id}`}>{profile.name}</Link>
                    {profile.description ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{profile.description}</span>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{profile.requiredStandards}</td>
                  <td className="govuk-table__cell">{everyWeeks(profile.supervisionFrequencyWeeks)}</td>
                  <td className="govuk-table__cell">{formatMonths(profile.targetMonths)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{profile.holders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {canManage ? (
        <section aria-labelledby="create-heading">
          <h2 className="govuk-heading-m" id="create-heading">Create a role profile</h2>
          <SchemaForm form={form} fields={fields}>
            <TextField field={fields.name} label="Role name" hint="For example, Senior care worker" />
            <TextArea field={fields.description} label="Description (optional)" rows={3} />
            {standards.length ? (
              <Checkboxes field={fields.standardIds} legend="Required standards" hint="Select all that apply" options={standards} />
            ) : (
              <p className="govuk-body">
                There are no standards in the library yet. <Link className="govuk-link" to="/standards">Go to the standards library</Link>.
              </p>
            )}
            <TextField field={fields.supervisionFrequencyWeeks} label="Supervision every (weeks)" width="5" />
            <TextField
              field={fields.probationSupervisionFrequencyWeeks}
              label="Supervision during probation every (weeks, optional)"
              width="5"
            />
            <Checkboxes
              field={fields.urgentDebriefOnRequest}
              legend="Urgent debrief"
              options={[{ value: 'on', label: 'Offer an urgent debrief on request' }]}
            />
            <TextField field={fields.targetMonths} label="Target period (months)" hint="How long a new starter has to achieve the required standards" width="5" />
            <TextField field={fields.pdpReviewMonths} label="PDP review every (months)" hint="A personal development plan not agreed again within this time is stale. 6 months if left blank." width="5" />
            <button type="submit" className="govuk-button">Create role profile</button>
          </SchemaForm>
        </section>
      ) : null}
    </>
  );
}
