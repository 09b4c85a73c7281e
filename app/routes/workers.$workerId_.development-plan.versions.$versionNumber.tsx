// One version of a worker's PDP, as it was put forward and agreed, for their line supervisor and the managers above them.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PlanVersion } from '#app/components/development/plan-version.tsx';
import { planVersion } from '#app/domain/development/plans.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Version ${data?.versionNumber ?? ''} of ${data?.worker.name ?? 'a worker'}’s personal development plan – NOSfolio` }];

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:development-plan');
  const workerId = id.safeParse(params.workerId);
  const versionNumber = id.safeParse(params.versionNumber);
  if (!workerId.success || !versionNumber.success) throw new Response('Not found', { status: 404 });
  return planVersion(actor, workerId.data, versionNumber.data);
});

export default function WorkerPlanVersion() {
  const data = useLoaderData<typeof loader>();
  return <PlanVersion data={data} planPath={`/workers/${data.worker.id}/development-plan`} />;
}
