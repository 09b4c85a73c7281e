// Add a person to the organisation.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PersonForm, PersonSchema } from '#app/components/person-form.tsx';
import { createPerson, personFormOptions } from '#app/domain/people.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Add a person – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:people:org');
  return personFormOptions(actor);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:people:org');
  return submitForm(request, PersonSchema, async (value) => {
    const personId = await createPerson(requestContext(context, actor), value);
    return redirectWithFlash(`/people/${personId}`, `${value.name} has been added.`);
  });
});

export default function NewPersonPage() {
  const { teams, supervisors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/people" className="govuk-back-link">Back to people</Link>
        <h1 className="govuk-heading-l">Add a person</h1>
        <PersonForm lastResult={lastResult} teams={teams} supervisors={supervisors} submitLabel="Add person" defaultValue={{ roles: ['worker'] }} />
      </div>
    </div>
  );
}
