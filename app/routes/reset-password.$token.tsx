// Choose a new password with a single-use link an admin handed over.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { NewPasswordFields, newPasswordSchema } from '#app/components/new-password.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { describeResetLink, resetPassword } from '#app/domain/accounts.server.ts';
import { clientAddress } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Choose a new password – NOSfolio' }];

export const loader = withDomainErrors(async ({ params }: LoaderFunctionArgs) => {
  return describeResetLink(params.token ?? '');
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  return submitForm(
    request,
    newPasswordSchema,
    async ({ newPassword }) => {
      await resetPassword(params.token ?? '', newPassword, clientAddress(context));
      return redirectWithFlash('/login', 'Your new password is saved. Sign in with it.');
    },
    { hideFields: ['newPassword', 'confirmPassword'] },
  );
});

export default function ResetPasswordPage() {
  const { personName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('reset-password', newPasswordSchema, lastResult);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <p className="govuk-body">This link is for {personName}. It works once.</p>
        <SchemaForm form={form} fields={fields}>
          <NewPasswordFields fields={fields} />
          <button type="submit" className="govuk-button">Save password</button>
        </SchemaForm>
      </div>
    </div>
  );
}
