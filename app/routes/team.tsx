// A manager's team at a glance: the people in the teams and locations they manage.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { ROLE_LABELS } from '#app/domain/roles.ts';
import { listManagedTeam } from '#app/domain/team.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Team – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  return { teams: await listManagedTeam(actor) };
});

export default function TeamPage() {
  const { teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Team</h1>
      <p className="govuk-body"><Link className="govuk-link" to="/team/gaps">Gaps and development</Link> · <Link className="govuk-link" to="/team/report">Workforce report</Link></p>
      {teams.length === 0 ? <p className="govuk-body">You do not manage any teams yet. Ask your organisation admin.</p> : null}
      {teams.map((team) => (
        team.members.length === 0 ? (
          <section key={team.id} aria-labelledby={`team-${team.id}`}>
            <h2 className="govuk-heading-m" id={`team-${team.id}`}>{team.name}</h2>
            <p className="govuk-body">Nobody is in this team yet. Ask your organisation admin to add people to it.</p>
          </section>
        ) : (
          <TableRegion label={team.name} key={team.id}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {team.name} ({plural(team.members.length, 'person', 'people')})
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Job title</th>
                  <th scope="col" className="govuk-table__header">Roles</th>
                  <th scope="col" className="govuk-table__header">Line supervisor</th>
                  <th scope="col" className="govuk-table__header">Role target</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {team.members.map((member) => (
                  <tr className="govuk-table__row" key={member.id}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`/workers/${member.id}`}>{member.name}</Link>
                    </th>
                    <td className="govuk-table__cell">{member.jobTitle}</td>
                    <td className="govuk-table__cell">{member.roles.map((role) => ROLE_LABELS[role]).join(', ')}</td>
                    <td className="govuk-table__cell">
                      {member.lineSupervisorName ?? <strong className="govuk-tag govuk-tag--red">None</strong>}
                    </td>
                    <td className="govuk-table__cell">
                      {member.passedTargets.length
                        ? member.passedTargets.map((target) => (
                            <span className="govuk-!-display-block" key={target.roleProfileId}>
                              <strong className="govuk-tag govuk-tag--red">Passed</strong> {target.roleProfileName}, {formatDate(target.targetDate)}
                            </span>
                          ))
                        : 'No target passed'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )
      ))}
    </>
  );
}
