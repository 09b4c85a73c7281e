// A worker's own progress against the standards their role needs.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ProgressView } from '#app/components/progress-view.tsx';
import { workerProgress } from '#app/domain/progress.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Your progress – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:progress:own');
  return workerProgress(actor, actor.id);
});

export default function ProgressPage() {
  const { standards, worker } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Your progress</h1>
      <p className="govuk-body">
        <a href="/progress/portfolio.pdf" className="govuk-link" download>
          Download portfolio (PDF)
        </a>
      </p>
      <ProgressView standards={standards} isOwn workerId={worker.id} />
    </>
  );
}
