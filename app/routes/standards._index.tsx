// The standards library: every standard in the organisation, and a search of item text.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { listStandards, searchItems, SEARCH_LIMIT } from '#app/domain/standards.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Standards – NOSfolio' }];

const Query = z.object({ q: z.string().trim().max(200).catch('').default('') });

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:standards:org');
  const { q } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [standards, results] = await Promise.all([listStandards(actor), q ? searchItems(actor, q) : Promise.resolve(null)]);
  return { standards, q, results, searchLimit: SEARCH_LIMIT, canImport: can(actor, 'manage:standards:org') };
});

export default function StandardsPage() {
  const { standards, q, results, searchLimit, canImport } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Standards</h1>
      {canImport ? (
        <Link to="/standards/import" className="govuk-button" role="button">
          Import a standard
        </Link>
      ) : null}
      <Form method="get" role="search" className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="q">
          Search performance criteria and knowledge items
        </label>
        <input className="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search" defaultValue={q} />{' '}
        <button type="submit" className="govuk-button govuk-button--secondary">Search</button>
      </Form>
      {results ? (
        <section aria-labelledby="results-heading">
          <h2 className="govuk-heading-m" id="results-heading">
            {results.length === searchLimit ? `First ${searchLimit}` : results.length} {results.length === 1 ? 'item matches' : 'items match'} “{q}”
          </h2>
          <ul className="govuk-list">
            {results.map((item) => (
              <li key={item.id}>
                <Link className="govuk-link" to={`/standards/${encodeURIComponent(item.urn)}#item-${item.code}`}>
                  {item.urn} {item.code}
                </Link>{' '}
                {item.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {standards.length === 0 ? (
        <p className="govuk-body">
          No standards in the library yet.{' '}
          {canImport ? (
            <>
              <Link className="govuk-link" to="/standards/import">Import your first standard</Link> from the NOS text, a PDF or a Word
              document, then add it to the role profiles that need it.
            </>
          ) : (
            'Your organisation admin imports the National Occupational Standards your roles need.'
          )}
        </p>
      ) : (
        <TableRegion label="Standards in the library">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{plural(standards.length, 'standard', 'standards')} in the library</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Standard</th>
                <th scope="col" className="govuk-table__header">Version</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Performance criteria</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Knowledge items</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {standards.map((standard) => (
                <tr className="govuk-table__row" key={standard.urn}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/standards/${encodeURIComponent(standard.urn)}`}>
                      {standard.urn} {standard.title}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{standard.version}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{standard.performanceCriteria}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{standard.knowledgeItems}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
