// Your account: change your own password, which signs out your other sessions.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { NewPasswordFields, withNewPassword } from '#app/components/new-password.tsx';
import { TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { SuccessBanner } from '#app/components/ui/success-banner.tsx';
import { changePassword } from '#app/domain/accounts.server.ts';
import { currentSessionId, requirePermission } from '#app/utils/auth.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Your account – NOSfolio' }];

const ChangePasswordSchema = withNewPassword({
  currentPassword: z.string({ required_error: 'Enter your current password' }).max(128),
});

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'update:password:own');
  return { name: actor.name, email: actor.email };
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'update:password:own');
  const sessionId = (await currentSessionId(request))!; // requirePermission found the session by it
  return submitForm(
    request,
    ChangePasswordSchema,
    async ({ currentPassword, newPassword }) => {
      await changePassword(requestContext(context, actor), { currentPassword, newPassword }, sessionId);
      return { status: 'changed' as const };
    },
    { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] },
  );
});

export default function AccountPage() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const changed = actionData?.status === 'changed';
  const [form, fields] = useSchemaForm('change-password', ChangePasswordSchema, changed ? undefined : (actionData as never));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{email}</dd>
          </div>
        </dl>
        <h2 className="govuk-heading-m">Change your password</h2>
        {changed ? (
          <SuccessBanner id="changed-title" headingLevel={3}>Your password has been changed. You have been signed out on every other device.</SuccessBanner>
        ) : null}
        <SchemaForm form={form} fields={fields}>
          <TextField field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" width="two-thirds" />
          <NewPasswordFields fields={fields} />
          <button type="submit" className="govuk-button">Change password</button>
        </SchemaForm>
      </div>
    </div>
  );
}
