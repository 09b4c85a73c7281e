// A worker's progress and evidence, for their assessors, line supervisor and the managers above them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EvidenceTable } from '#app/components/evidence-table.tsx';
import { ProgressView } from '#app/components/progress-view.tsx';
import { ReopenSchema } from '#app/components/reopen-schema.ts';
import { reopenAchievement } from '#app/domain/assessment/achievements.server.ts';
import { listEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { requireActor, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.worker.name ?? 'Worker'} – NOSfolio` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const workerId = z.coerce.number().int().positive().safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  const [progress, evidence] = await Promise.all([workerProgress(actor, workerId.data), listEvidence(actor, workerId.data)]);
  return { worker: progress.worker, standards: progress.standards, evidence: evidence.evidence, mayReopen: progress.mayReopen, recordsWitnessed: progress.recordsWitnessed };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'reopen:achievement:org');
  const workerId = z.coerce.number().int().positive().safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  return submitForm(request, ReopenSchema, async (value) => {
    await reopenAchievement(requestContext(context, actor), { workerId: workerId.data, standardVersionId: value.standardVersionId, reason: value.reason });
    return redirectWithFlash(`/workers/${workerId.data}`, 'Standard reopened: its items can be judged again');
  });
});

export default function WorkerPage() {
  const { worker, standards, evidence, mayReopen, recordsWitnessed } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // The reply goes back to the form of the standard it was about.
  const reopening = reply && 'initialValue' in reply ? { standardVersionId: Number(reply.initialValue?.standardVersionId), lastResult: reply } : undefined;
  return (
    <>
      <h1 className="govuk-heading-l">{worker.name}</h1>
      {recordsWitnessed ? (
        <Link to={`/workers/${worker.id}/evidence/new`} className="govuk-button govuk-button--secondary" role="button">Record evidence you witnessed</Link>
      ) : null}
      <p className="govuk-body">
        <a href={`/workers/${worker.id}/portfolio.pdf`} className="govuk-link" download>
          Download portfolio (PDF)
        </a>
      </p>
      <EvidenceTable evidence={evidence} caption="Evidence" empty={`${worker.name} has not recorded any evidence yet.`} />
      <ProgressView standards={standards} isOwn={false} workerId={worker.id} mayReopen={mayReopen} reopening={reopening} />
    </>
  );
}
