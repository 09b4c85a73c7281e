// One version of the worker's own PDP, as it was put forward and agreed.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PlanVersion } from '#app/components/development/plan-version.tsx';
import { planVersion } from '#app/domain/development/plans.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Version ${data?.versionNumber ?? ''} of your personal development plan – NOSfolio` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:development-plan:own');
  const versionNumber = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.versionNumber);
  if (!versionNumber.success) throw new Response('Not found', { status: 404 });
  return planVersion(actor, actor.id, versionNumber.data);
});

export default function OwnPlanVersion() {
  return <PlanVersion data={useLoaderData<typeof loader>()} planPath="/development-plan" />;
}
