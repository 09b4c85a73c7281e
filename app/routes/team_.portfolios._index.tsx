// A team's portfolios in one request: choose a team or location and the form, then follow it on its own page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PortfolioBatchSchema } from '#app/components/portfolio-batch-schema.ts';
import { SelectField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { Radios } from '#app/components/ui/radios.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { BATCH_OUTPUT_LABELS } from '#app/domain/portfolio/batch-statuses.ts';
import { portfolioBatchChoices, requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Team portfolios – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'request:portfolio-batch');
  return portfolioBatchChoices(actor);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'request:portfolio-batch');
  const formData = await readForm(request);
  return submitForm(formData, PortfolioBatchSchema, async (value) => {
    const { batchId, alreadyRequested } = await requestPortfolioBatch(requestContext(context, actor), value);
    return redirectWithFlash(
      `/team/portfolios/${batchId}`,
      alreadyRequested ? 'These portfolios are already being made: here is how far they have got.' : 'Portfolios requested. They are being made now.',
    );
  });
});

export default function TeamPortfoliosPage() {
  const { scopes, recent, mergedLimit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('request-portfolios', PortfolioBatchSchema, lastResult, { output: 'zip' });
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Team portfolios</h1>
          <p className="govuk-body">
            Make the portfolio of everyone in a team or a location in one go, to hand to an inspector or an awarding body. Each
            portfolio is made as you would print it yourself, and you can leave this page while they are made.
          </p>
          {scopes.length === 0 ? (
            <p className="govuk-body">You do not manage any teams or locations yet. Ask your organisation admin.</p>
          ) : (
            <SchemaForm form={form} fields={fields}>
              <SelectField
                field={fields.scope}
                label="Team or location"
                hint="A location includes every team based there. Only people who hold the worker role are included."
                emptyLabel="Select a team or location"
                options={scopes.map((scope) => ({
                  value: scope.value,
                  label: `${scope.kind === 'team' ? 'Team' : 'Location'}: ${scope.name} (${plural(scope.people, 'person', 'people')})`,
                }))}
              />
              <Radios
                field={fields.output}
                legend="How do you want the portfolios?"
                options={[
                  { value: 'zip', label: BATCH_OUTPUT_LABELS.zip, hint: 'Each PDF exactly as issued, so whoever receives it can check it with its verification code.' },
                  { value: 'merged', label: BATCH_OUTPUT_LABELS.merged, hint: `For reading or printing in one go, with a bookmark for each person. Up to ${mergedLimit} people.` },
                ]}
              />
              <button type="submit" className="govuk-button">Make the portfolios</button>
            </SchemaForm>
          )}
        </div>
      </div>

      {recent.length ? (
        <TableRegion label="Portfolios asked for recently">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Asked for recently</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Team or location</th>
                <th scope="col" className="govuk-table__header">Asked for</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {recent.map((batch) => (
                <tr className="govuk-table__row" key={batch.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/team/portfolios/${batch.id}`}>{batch.scopeName}</Link>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{BATCH_OUTPUT_LABELS[batch.output]}</span>
                  </th>
                  <td className="govuk-table__cell">
                    {formatDateTime(batch.requestedAt)}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">by {batch.requestedByName}</span>
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag govuk-tag--${batch.tag.colour}`}>{batch.tag.label}</strong>{' '}
                    <span className="govuk-body-s">{batch.doneCount} of {batch.itemCount} made</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}
