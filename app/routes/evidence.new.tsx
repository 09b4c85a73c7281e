// Record a piece of evidence: details, files and the items it shows.
import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { EvidenceForm } from '#app/components/evidence-form.tsx';
import { EvidenceSchema } from '#app/components/evidence-schema.ts';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { EVIDENCE_UPLOADS, evidenceInputFrom } from '#app/utils/evidence-form.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Record evidence – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'create:evidence:own');
  const progress = await workerProgress(actor, actor.id);
  return {
    submissionToken: randomUUID(),
    standards: progress.standards.map(({ urn, title, items }) => ({ urn, title, items: items.map(({ evidence: _evidence, ...item }) => item) })),
  };
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'create:evidence:own');
  const formData = await readForm(request, { uploads: EVIDENCE_UPLOADS });
  return submitForm(formData, EvidenceSchema, async (value) => {
    const { input, files, submit } = await evidenceInputFrom(value, formData);
    const evidenceId = await recordEvidence(requestContext(context, actor), input, files, { submissionToken: value.submissionToken, submit });
    return redirectWithFlash(`/evidence/${evidenceId}`, submit ? 'Evidence recorded and submitted. Your assessor can now review it.' : 'Evidence saved as a draft.');
  });
});

export default function NewEvidencePage() {
  const { standards, submissionToken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to="/evidence" className="govuk-back-link">Back to your evidence</Link>
        <h1 className="govuk-heading-l">Record evidence</h1>
        <EvidenceForm lastResult={lastResult} standards={standards} submissionToken={submissionToken} isDraft />
      </div>
    </div>
  );
}
