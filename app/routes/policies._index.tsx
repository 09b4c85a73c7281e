// The organisation's policies: current version and review date, whether you have acknowledged it; admins add policies.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PolicySchema } from '#app/components/policy-schema.ts';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { addPolicy, listPolicies } from '#app/domain/policies.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Policies – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:policies:org');
  return { policies: await listPolicies(actor), canManage: can(actor, 'manage:policies:org') };
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:policies:org');
  const formData = await readForm(request);
  return submitForm(formData, PolicySchema, async (value) => {
    const id = await addPolicy(requestContext(context, actor), value);
    return redirectWithFlash(`/policies/${id}`, 'Policy added.');
  });
});

export default function PoliciesPage() {
  const { policies, canManage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('add-policy', PolicySchema, lastResult);
  return (
    <>
      <h1 className="govuk-heading-l">Policies</h1>
      {policies.length === 0 ? (
        <p className="govuk-body">
          No policies yet.{' '}
          {canManage ? (
            <>
              <a className="govuk-link" href="#add-heading">Add your first policy</a> below, so that people can read and acknowledge it.
            </>
          ) : (
            'Your organisation admin adds the policies you are asked to read and acknowledge.'
          )}
        </p>
      ) : (
        <TableRegion label="Policies">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{plural(policies.length, 'policy', 'policies')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Policy</th>
                <th scope="col" className="govuk-table__header">Version</th>
                <th scope="col" className="govuk-table__header">Next review</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {policies.map((policy) => (
                <tr className="govuk-table__row" key={policy.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/policies/${policy.id}`}>{policy.title}</Link>
                  </th>
                  <td className="govuk-table__cell">
                    {policy.version}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Adopted {formatDate(policy.adoptedOn)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {formatDate(policy.nextReviewOn)}
                    {canManage && policy.reviewOverdue ? (
                      <>
                        {' '}
                        <strong className="govuk-tag govuk-tag--red">Review overdue</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {policy.acknowledged ? (
                      <strong className="govuk-tag govuk-tag--green">Acknowledged</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--yellow">You have not acknowledged this version</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {canManage ? (
        <section aria-labelledby="add-heading">
          <h2 className="govuk-heading-m" id="add-heading">Add a policy</h2>
          <SchemaForm form={form} fields={fields}>
            <TextField field={fields.title} label="Title" />
            <TextField field={fields.version} label="Version" hint="For example, 1.0" width="10" />
            <DateInput field={fields.adoptedOn} legend="Date adopted" hint="For example, 27 3 2026" />
            <DateInput field={fields.nextReviewOn} legend="Next review date" hint="For example, 27 3 2027" />
            <TextArea field={fields.body} label="Policy text" hint="Leave a blank line between paragraphs. Start a heading with ##, a list item with - and table columns with |" rows={12} />
            <button type="submit" className="govuk-button">Add policy</button>
          </SchemaForm>
        </section>
      ) : null}
    </>
  );
}
