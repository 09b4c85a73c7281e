// People in the organisation, for admins: roles, team, line supervisor, and whether they can sign in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { listPeople } from '#app/domain/people.server.ts';
import { ROLE_LABELS } from '#app/domain/roles.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'People – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:people:org');
  return { people: await listPeople(actor) };
});

export default function PeoplePage() {
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">People</h1>
      <Link to="/people/new" className="govuk-button" role="button">
        Add a person
      </Link>
      {people.length === 0 ? (
        <p className="govuk-body">
          Nobody has been added yet. <Link className="govuk-link" to="/people/new">Add the first person</Link>, then give them a
          reset link so they can set a password.
        </p>
      ) : (
        <TableRegion label="People">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{plural(people.length, 'person', 'people')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Roles</th>
                <th scope="col" className="govuk-table__header">Team</th>
                <th scope="col" className="govuk-table__header">Line supervisor</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {people.map((person) => (
                <tr className="govuk-table__row" key={person.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/people/${person.id}`}>{person.name}</Link>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{person.jobTitle}</span>
                  </th>
                  <td className="govuk-table__cell">{person.roles.map((role) => ROLE_LABELS[role]).join(', ') || 'None'}</td>
                  <td className="govuk-table__cell">{person.teamName ?? 'None'}</td>
                  <td className="govuk-table__cell">
                    {person.lineSupervisorName ?? 'None'}
                    {person.lineSupervisorNeedsReassigning ? (
                      <strong className="govuk-tag govuk-tag--red govuk-!-display-block govuk-!-margin-top-1">No longer a supervisor: reassign</strong>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {person.active ? <strong className="govuk-tag govuk-tag--green">Active</strong> : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
