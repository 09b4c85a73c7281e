// The organisation's assessors, each new (their met counts once an IQA countersigns it) or competent, and how many of
// their decisions wait for a countersign; an IQA marks an assessor new or signs them off.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { assessorStandings, setAssessorStatus } from '#app/domain/assessment/iqa.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { formId, parseFields } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Assessors – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:assessor-status:org');
  return { assessors: await assessorStandings(actor), actorId: actor.id };
});

const StatusFields = z.object({ intent: z.literal('set-status'), assessorId: formId(), status: z.enum(['new', 'competent']) });

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:assessor-status:org');
  const { assessorId, status } = parseFields(StatusFields, await readForm(request));
  const { changed } = await setAssessorStatus(requestContext(context, actor), assessorId, status);
  const message = !changed ? 'No change: the assessor already had that status.'
    : status === 'new' ? 'Marked as a new assessor: their decisions are all sampled, and met counts once countersigned.'
    : 'Signed off as a competent assessor.';
  return redirectWithFlash('/iqa/assessors', message);
});

export default function AssessorsPage() {
  const { assessors, actorId } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/iqa" className="govuk-back-link">Back to the IQA sample</Link>
      <h1 className="govuk-heading-l">Assessors</h1>
      <p className="govuk-body">
        Every decision of a new assessor is in the IQA sample, and their met counts only once an IQA countersigns it. Sign an assessor off as
        competent when their decisions no longer need a countersign.
      </p>
      {assessors.length === 0 ? (
        <p className="govuk-body">Nobody holds the assessor role yet. An admin gives it on People.</p>
      ) : (
        <TableRegion label="Assessors and their status">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{plural(assessors.length, 'assessor', 'assessors')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Assessor</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Awaiting countersign</th>
                <th scope="col" className="govuk-table__header">Change</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {assessors.map((assessor) => (
                <tr className="govuk-table__row" key={assessor.id}>
                  <th scope="row" className="govuk-table__header">{assessor.name}</th>
                  <td className="govuk-table__cell">
                    {assessor.status === 'new' ? <strong className="govuk-tag govuk-tag--yellow">New</strong> : <strong className="govuk-tag govuk-tag--green">Competent</strong>}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{assessor.awaitingCountersign}</td>
                  <td className="govuk-table__cell">
                    {assessor.id === actorId ? (
                      'Another IQA signs you off'
                    ) : (
                      <Form method="post" className="app-inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="set-status" />
                        <input type="hidden" name="assessorId" value={assessor.id} />
                        <input type="hidden" name="status" value={assessor.status === 'new' ? 'competent' : 'new'} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          {assessor.status === 'new' ? 'Sign off as competent' : 'Mark as new'}
                          <span className="govuk-visually-hidden">: {assessor.name}</span>
                        </button>
                      </Form>
                    )}
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
