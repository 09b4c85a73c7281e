// Teams and locations, and which teams or locations each manager manages (admins only).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { LocationSchema, MoveTeamSchema, TeamSchema } from '#app/components/organisation-schema.ts';
import { SelectField, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import {
  addLocation,
  addManagerScope,
  addTeam,
  moveTeam,
  getOrganisationStructure,
  removeManagerScope,
} from '#app/domain/organisation.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { formId, parseFields, submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Teams and locations – NOSfolio' }];

const ScopeSchema = z.object({
  intent: z.literal('add-scope'),
  managerId: z.number({ required_error: 'Select a manager' }).int().positive(),
  scope: z.string({ required_error: 'Select a team or location' }).regex(/^(team|location):\d+$/, 'Select a team or location'),
});
const RemoveScopeSchema = z.object({ intent: z.literal('remove-scope'), scopeId: formId() });

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:organisation:org');
  return getOrganisationStructure(actor);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:organisation:org');
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  const done = (message: string) => redirectWithFlash('/organisation', message);
  switch (formData.get('intent')) {
    case 'add-location':
      return submitForm(formData, LocationSchema, async (value) => (await addLocation(ctx, value), done('Location added.')));
    case 'add-team':
      return submitForm(formData, TeamSchema, async (value) => (await addTeam(ctx, value), done('Team added.')));
    case 'move-team':
      return submitForm(formData, MoveTeamSchema, async (value) => (await moveTeam(ctx, value), done('Team moved.')));
    case 'add-scope':
      return submitForm(formData, ScopeSchema, async (value) => (await addManagerScope(ctx, value), done('Manager scope added.')));
    case 'remove-scope': {
      const { scopeId } = parseFields(RemoveScopeSchema, formData);
      await removeManagerScope(ctx, scopeId);
      return done('Manager scope removed.');
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

export default function OrganisationPage() {
  const { locations, teams, managers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = (intent: string) =>
    lastResult && (lastResult as { initialValue?: Record<string, unknown> }).initialValue?.intent === intent ? lastResult : undefined;
  const [locationForm, locationFields] = useSchemaForm('add-location', LocationSchema, resultFor('add-location'));
  const [teamForm, teamFields] = useSchemaForm('add-team', TeamSchema, resultFor('add-team'));
  const [moveForm, moveFields] = useSchemaForm('move-team', MoveTeamSchema, resultFor('move-team'));
  const [scopeForm, scopeFields] = useSchemaForm('add-scope', ScopeSchema, resultFor('add-scope'));
  const locationOptions = locations.map((location) => ({ value: String(location.id), label: location.name }));
  const teamOptions = teams.map((team) => ({ value: String(team.id), label: team.path }));

  return (
    <>
      <h1 className="govuk-heading-l">Teams and locations</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/team/portfolios">Make the portfolios of a team or location</Link>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Locations</h2>
          {locations.length === 0 ? <p className="govuk-body">No locations yet. Add the places your teams work from below.</p> : null}
          <ul className="govuk-list govuk-list--bullet">
            {locations.map((location) => (
              <li key={location.id}>
                {location.name}
                {location.address ? <span className="govuk-body-s"> – {location.address}</span> : null}
              </li>
            ))}
          </ul>
          <SchemaForm form={locationForm} fields={locationFields}>
            <input type="hidden" name="intent" value="add-location" />
            <TextField field={locationFields.name} label="New location name" />
            <TextField field={locationFields.address} label="Address (optional)" />
            <button type="submit" className="govuk-button govuk-button--secondary">Add location</button>
          </SchemaForm>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Teams</h2>
          {teams.length === 0 ? <p className="govuk-body">No teams yet. Add a team below, then add people to it from People.</p> : null}
          <ul className="govuk-list govuk-list--bullet">
            {teams.map((team) => (
              <li key={team.id}>
                {team.path}
                {team.locationName ? <span className="govuk-body-s"> at {team.locationName}</span> : null}
              </li>
            ))}
          </ul>
          <p className="govuk-body-s">A manager of a team also manages the teams that are part of it.</p>
          <SchemaForm form={teamForm} fields={teamFields}>
            <input type="hidden" name="intent" value="add-team" />
            <TextField field={teamFields.name} label="New team name" />
            <SelectField field={teamFields.locationId} label="Location" options={locationOptions} emptyLabel="No particular location" />
            <SelectField field={teamFields.parentTeamId} label="Part of (optional)" options={teamOptions} emptyLabel="Not part of another team" />
            <button type="submit" className="govuk-button govuk-button--secondary">Add team</button>
          </SchemaForm>
          {teams.length > 1 ? (
            <SchemaForm form={moveForm} fields={moveFields}>
              <input type="hidden" name="intent" value="move-team" />
              <h3 className="govuk-heading-s">Move a team</h3>
              <SelectField field={moveFields.teamId} label="Team" options={teamOptions} emptyLabel="Select a team" />
              <SelectField field={moveFields.parentTeamId} label="Part of" options={teamOptions} emptyLabel="Not part of another team" />
              <button type="submit" className="govuk-button govuk-button--secondary">Move team</button>
            </SchemaForm>
          ) : null}
        </div>
      </div>

      <h2 className="govuk-heading-m">Managers</h2>
      {managers.length === 0 ? (
        <p className="govuk-body">
          No managers yet. Give someone the manager role on <Link className="govuk-link" to="/people">People</Link>, then choose the
          team or location they manage below.
        </p>
      ) : (
        <TableRegion label="What each manager manages">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">What each manager manages</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Manager</th>
                <th scope="col" className="govuk-table__header">Manages</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {managers.map((manager) => (
                <tr className="govuk-table__row" key={manager.id}>
                  <th scope="row" className="govuk-table__header">
                    {manager.name}
                    {manager.holdsRole ? null : (
                      <strong className="govuk-tag govuk-tag--red govuk-!-display-block govuk-!-margin-top-1">No longer a manager: remove or reassign</strong>
                    )}
                  </th>
                  <td className="govuk-table__cell">
                    {manager.manages.length === 0 ? 'Nothing yet' : null}
                    <ul className="govuk-list">
                      {manager.manages.map((scope) => (
                        <li key={scope.scopeId}>
                          {scope.label}{' '}
                          <Form method="post" className="app-inline-form">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="remove-scope" />
                            <input type="hidden" name="scopeId" value={scope.scopeId} />
                            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                              Remove<span className="govuk-visually-hidden"> {scope.label} from {manager.name}</span>
                            </button>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <SchemaForm form={scopeForm} fields={scopeFields}>
        <input type="hidden" name="intent" value="add-scope" />
        <SelectField field={scopeFields.managerId} label="Manager" emptyLabel="Select a manager" options={managers.filter((manager) => manager.holdsRole).map((manager) => ({ value: String(manager.id), label: manager.name }))} />
        <SelectField
          field={scopeFields.scope}
          label="Manages"
          emptyLabel="Select a team or location"
          options={[
            ...teams.map((team) => ({ value: `team:${team.id}`, label: `Team: ${team.path}` })),
            ...locations.map((location) => ({ value: `location:${location.id}`, label: `Whole location: ${location.name}` })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">Add management responsibility</button>
      </SchemaForm>
    </>
  );
}
