// The worker's own personal development plan: read, change and agree it with their supervisor.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { PlanPage } from '#app/components/development/plan-page.tsx';
import { actOnPlan } from '#app/domain/development/commands.server.ts';
import { PLAN_INTENTS, PlanCommandSchema } from '#app/domain/development/plan-forms.ts';
import { planPage } from '#app/domain/development/plans.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Your personal development plan – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:development-plan:own');
  return planPage(actor, actor.id);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'change:development-plan:own');
  const formData = await readForm(request);
  if (!(PLAN_INTENTS as unknown[]).includes(formData.get('intent'))) throw new Response('Unknown action', { status: 400 });
  return submitForm(formData, PlanCommandSchema, async (command) =>
    redirectWithFlash('/development-plan', await actOnPlan(requestContext(context, actor), actor.id, command)),
  );
});

export default function OwnDevelopmentPlan() {
  return <PlanPage data={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} versionsPath="/development-plan/versions" />;
}
