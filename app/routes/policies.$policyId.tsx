// One policy: the current version to read and acknowledge, its history; admins add versions; admins and managers see who has acknowledged.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { PolicyVersionSchema } from '#app/components/policy-schema.ts';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { acknowledgePolicy, acknowledgementReport, addPolicyVersion, getPolicy } from '#app/domain/policies.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { renderMarkdown } from '#app/utils/markdown.server.ts';
import { assertCan, can } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.policy.title ?? 'Policy'} – NOSfolio` }];

const VersionSchema = PolicyVersionSchema;

const policyIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:policies:org');
  const policyId = policyIdParam.safeParse(params.policyId);
  if (!policyId.success) throw new Response('Not found', { status: 404 });
  const canSeeReport = can(actor, 'read:policy-acknowledgements');
  const [policy, report] = await Promise.all([
    getPolicy(actor, policyId.data),
    canSeeReport ? acknowledgementReport(actor, policyId.data) : Promise.resolve(null),
  ]);
  // Rendered here, on the server, so the page carries no Markdown library and the document's own HTML is never markup.
  return { policy, bodyHtml: renderMarkdown(policy.current.body), report, canManage: can(actor, 'manage:policies:org') };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'read:policies:org');
  const policyId = policyIdParam.safeParse(params.policyId);
  if (!policyId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const ctx = requestContext(context, actor);
  switch (formData.get('intent')) {
    case 'acknowledge':
      await acknowledgePolicy(ctx, policyId.data);
      return redirectWithFlash(`/policies/${policyId.data}`, 'Thank you. Your acknowledgement has been recorded.');
    case 'add-version':
      assertCan(actor, 'manage:policies:org');
      return submitForm(formData, VersionSchema, async ({ intent: _intent, ...value }) => {
        await addPolicyVersion(ctx, policyId.data, value);
        return redirectWithFlash(`/policies/${policyId.data}`, 'New version adopted. Everyone will be asked to acknowledge it.');
      });
    default:
      throw new Response('Unknown action', { status: 400 });
  }
});

export default function PolicyPage() {
  const { policy, bodyHtml, report, canManage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('add-version', VersionSchema, lastResult);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/policies" className="govuk-back-link">Back to policies</Link>
        <span className="govuk-caption-l">Version {policy.current.version}</span>
        <h1 className="govuk-heading-l">{policy.title}</h1>
        <p className="govuk-body-s">
          Adopted {formatDate(policy.current.adoptedOn)}. Next review {formatDate(policy.current.nextReviewOn)}.
          {canManage && policy.current.reviewOverdue ? (
            <>
              {' '}
              <strong className="govuk-tag govuk-tag--red">Review overdue</strong>
            </>
          ) : null}
        </p>
        {/* A long address in the text wraps instead of running off a phone screen. */}
        <div data-testid="policy-body" style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: bodyHtml }} />

        <h2 className="govuk-heading-m">Your acknowledgement</h2>
        {policy.acknowledgedAt ? (
          <div className="govuk-inset-text">
            You acknowledged version {policy.current.version} on {formatDateTime(policy.acknowledgedAt)}.
          </div>
        ) : (
          <Form method="post">
            <CsrfInput />
            <p className="govuk-body">You have not acknowledged this version.</p>
            <button type="submit" name="intent" value="acknowledge" className="govuk-button">
              I have read and understood this policy
            </button>
          </Form>
        )}

        <h2 className="govuk-heading-m">Version history</h2>
        <TableRegion label="Version history">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Version</th>
                <th scope="col" className="govuk-table__header">Adopted</th>
                <th scope="col" className="govuk-table__header">Review by</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {policy.versions.map((version) => (
                <tr className="govuk-table__row" key={version.id}>
                  <th scope="row" className="govuk-table__header">
                    {version.version}
                    {version.isCurrent ? (
                      <>
                        {' '}
                        <strong className="govuk-tag govuk-tag--blue">Current</strong>
                      </>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell">{formatDate(version.adoptedOn)}</td>
                  <td className="govuk-table__cell">{formatDate(version.nextReviewOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>

        {report ? (
          <>
            <h2 className="govuk-heading-m">Who has acknowledged version {report.version}</h2>
            {report.acknowledged.length + report.notAcknowledged.length === 0 ? (
              <p className="govuk-body">
                {report.scope === 'organisation' ? 'Nobody is in the organisation yet.' : 'Nobody is in the teams you manage yet.'} When people are
                added, you will see here who has read this version.
              </p>
            ) : (
              <>
                <p className="govuk-body">
                  {report.scope === 'organisation' ? 'Everyone in the organisation' : 'People in the teams you manage'}:{' '}
                  {report.acknowledged.length} of {plural(report.acknowledged.length + report.notAcknowledged.length, 'person has', 'people have')} acknowledged.
                </p>
                <TableRegion label="Acknowledgements of the current version">
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-table__caption--s">Acknowledgements of the current version</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Name</th>
                        <th scope="col" className="govuk-table__header">Team</th>
                        <th scope="col" className="govuk-table__header">Acknowledged</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {[...report.notAcknowledged, ...report.acknowledged].map((row) => (
                        <tr className="govuk-table__row" key={row.personId}>
                          <th scope="row" className="govuk-table__header">{row.name}</th>
                          <td className="govuk-table__cell">{row.teamName ?? 'None'}</td>
                          <td className="govuk-table__cell">
                            {row.acknowledgedAt ? (
                              formatDateTime(row.acknowledgedAt)
                            ) : (
                              <strong className="govuk-tag govuk-tag--yellow">Not yet</strong>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </>
            )}
          </>
        ) : null}

        {canManage ? (
          <>
            <h2 className="govuk-heading-m">Adopt a new version</h2>
            <p className="govuk-body">The new version becomes the current one, and everyone is asked to acknowledge it again.</p>
            <SchemaForm form={form} fields={fields}>
              <input type="hidden" name="intent" value="add-version" />
              <TextField field={fields.version} label="Version" hint="For example, 2.0" width="10" />
              <DateInput field={fields.adoptedOn} legend="Date adopted" hint="For example, 27 3 2026" />
              <DateInput field={fields.nextReviewOn} legend="Next review date" hint="For example, 27 3 2027" />
              <TextArea field={fields.body} label="Policy text" hint="Leave a blank line between paragraphs. Start a heading with ##, a list item with - and table columns with |" rows={12} />
              <button type="submit" className="govuk-button govuk-button--secondary">Adopt new version</button>
            </SchemaForm>
          </>
        ) : null}
      </div>
    </div>
  );
}
