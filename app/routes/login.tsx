// Sign in with email and password.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useServerForm } from '#app/components/ui/form-core.tsx';
import { login } from '#app/domain/accounts.server.ts';
import { clientAddress, getActor, startSessionCookie } from '#app/utils/auth.server.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { safeRedirect } from '#app/utils/redirect.ts';
import { tooManyAttemptsMessage } from '#app/utils/too-many-attempts.ts';

export const meta: MetaFunction = () => [{ title: 'Sign in – NOSfolio' }];

const LoginSchema = z.object({
  email: z
    .string({ required_error: 'Enter your email address' })
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z
    .string({ required_error: 'Enter your password' })
    .max(128, 'Password must be 128 characters or fewer'),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) throw redirect('/');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  return submitForm(
    request,
    LoginSchema,
    async ({ email, password, redirectTo }) => {
      const result = await login({ email, password, ipAddress: clientAddress(context) });
      if (!result.ok) {
        // The same words whether or not the email has an account.
        throw new ValidationError({
          email: [
            result.reason === 'throttled'
              ? tooManyAttemptsMessage(result.retryAfterSeconds)
              : 'Enter a correct email address and password',
          ],
        });
      }
      const setCookie = await startSessionCookie(request, result.sessionId);
      return redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': setCookie } });
    },
    { hideFields: ['password'] },
  );
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Validated by the server alone: the sign-in page loads no schema library.
  const [form, fields] = useServerForm<z.input<typeof LoginSchema>>('login', lastResult);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign in to NOSfolio</h1>
        <SchemaForm form={form} fields={fields}>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
          <TextField field={fields.email} label="Email address" type="email" autoComplete="username" spellCheck={false} width="two-thirds" />
          <TextField field={fields.password} label="Password" type="password" autoComplete="current-password" width="two-thirds" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </SchemaForm>
        <p className="govuk-body">If you have forgotten your password, ask your organisation admin for a reset link.</p>
      </div>
    </div>
  );
}
