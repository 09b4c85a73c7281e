// A worker's own evidence: what they have recorded and where each piece stands.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { EvidenceTable } from '#app/components/evidence-table.tsx';
import { listEvidence } from '#app/domain/evidence.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Your evidence – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'create:evidence:own');
  return listEvidence(actor, actor.id);
});

export default function EvidencePage() {
  const { evidence } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Your evidence</h1>
      <Link to="/evidence/new" className="govuk-button" role="button">Record evidence</Link>
      <EvidenceTable
        evidence={evidence}
        caption={`${plural(evidence.length, 'piece', 'pieces')} of evidence`}
        empty={
          <>
            No evidence yet. <Link className="govuk-link" to="/evidence/new">Record your first piece of evidence</Link>: something you did or
            produced at work, mapped to the items of your standards it shows.
          </>
        }
      />
    </>
  );
}
