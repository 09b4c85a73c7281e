// The gaps in the standards of the people a manager manages, the biggest first, with the development planned
// against each and what it achieved.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GapActivities } from '#app/components/development/gap-activities.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { teamGaps } from '#app/domain/development/activities.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Gaps and development – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  return teamGaps(actor);
});

type Row = Awaited<ReturnType<typeof teamGaps>>['items'][number];

function GapTable({ caption, what, rows }: { caption: string; what: string; rows: Row[] }) {
  return (
    <TableRegion label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{what}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">People lacking it</th>
            <th scope="col" className="govuk-table__header">Development planned and what it achieved</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.key}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={row.path}>{row.label}</Link>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{row.lacking} of {row.holders}</td>
              <td className="govuk-table__cell"><GapActivities activities={row.activities} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default function TeamGapsPage() {
  const { people, standards, sections, items, itemsWithGaps } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/team" className="govuk-back-link">Back to your team</Link>
      <h1 className="govuk-heading-l">Gaps and development</h1>
      <p className="govuk-body">
        What the {plural(people, 'person', 'people')} you manage still have to show in the standards their roles require, the biggest gaps
        first. Choose a gap to see who lacks it and plan development for them.
      </p>
      <p className="govuk-body"><Link className="govuk-link" to="/team/report">Workforce report</Link></p>
      {items.length === 0 ? (
        <p className="govuk-body">No gaps: everyone you manage has every item of their standards met, or holds no standards yet.</p>
      ) : (
        <>
          <GapTable caption={`Items (${items.length < itemsWithGaps ? `the ${items.length} biggest of ${itemsWithGaps}` : itemsWithGaps})`} what="Item" rows={items} />
          <GapTable caption={`Sections (${sections.length})`} what="Section" rows={sections} />
          <GapTable caption={`Standards (${standards.length})`} what="Standard" rows={standards} />
        </>
      )}
    </>
  );
}
