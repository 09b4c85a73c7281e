// A worker's personal development plan, for their line supervisor and the managers above them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PlanPage } from '#app/components/development/plan-page.tsx';
import { actOnPlan } from '#app/domain/development/commands.server.ts';
import { PLAN_INTENTS, PlanCommandSchema } from '#app/domain/development/plan-forms.ts';
import { planPage } from '#app/domain/development/plans.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.worker.name ?? 'Worker'}’s personal development plan – NOSfolio` }];

const workerIdParam = z.coerce.number().int().positive().max(2_147_483_647);

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:development-plan');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  return planPage(actor, workerId.data);
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'change:development-plan');
  const workerId = workerIdParam.safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  if (!(PLAN_INTENTS as unknown[]).includes(formData.get('intent'))) throw new Response('Unknown action', { status: 400 });
  return submitForm(formData, PlanCommandSchema, async (command) =>
    redirectWithFlash(`/workers/${workerId.data}/development-plan`, await actOnPlan(requestContext(context, actor), workerId.data, command)),
  );
});

export default function WorkerDevelopmentPlan() {
  const data = useLoaderData<typeof loader>();
  return <PlanPage data={data} actionData={useActionData<typeof action>()} versionsPath={`/workers/${data.worker.id}/development-plan/versions`} />;
}
