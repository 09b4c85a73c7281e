// A worker's progress and evidence, for their assessors, line supervisor and the managers above them.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EvidenceTable } from '#app/components/evidence-table.tsx';
import { ProgressView } from '#app/components/progress-view.tsx';
import { listEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { requireActor } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.worker.name ?? 'Worker'} – NOSfolio` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const workerId = z.coerce.number().int().positive().safeParse(params.workerId);
  if (!workerId.success) throw new Response('Not found', { status: 404 });
  const [progress, evidence] = await Promise.all([workerProgress(actor, workerId.data), listEvidence(actor, workerId.data)]);
  return { worker: progress.worker, standards: progress.standards, evidence: evidence.evidence };
});

export default function WorkerPage() {
  const { worker, standards, evidence } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{worker.name}</h1>
      <p className="govuk-body">
        <a href={`/workers/${worker.id}/portfolio.pdf`} className="govuk-link" download>
          Download portfolio (PDF)
        </a>
      </p>
      <EvidenceTable evidence={evidence} caption="Evidence" empty={`${worker.name} has not recorded any evidence yet.`} />
      <ProgressView standards={standards} isOwn={false} />
    </>
  );
}
