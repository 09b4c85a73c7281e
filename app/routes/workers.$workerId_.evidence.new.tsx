// An assessor records evidence they witnessed for a worker they assess: an observation or a professional discussion.
import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EvidenceForm } from '#app/components/evidence-form.tsx';
import { EvidenceSchema } from '#app/components/evidence-schema.ts';
import { recordWitnessedEvidence, witnessedEvidenceFor } from '#app/domain/assessment/witnessed-evidence.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { EVIDENCE_UPLOADS, evidenceInputFrom } from '#app/utils/evidence-form.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record evidence you witnessed${data ? ` for ${data.worker.name}` : ''} – NOSfolio` }];

const workerIdOf = (params: { workerId?: string }) => {
  const parsed = z.coerce.number().int().positive().safeParse(params.workerId);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
};

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'create:witnessed-evidence:assessed');
  return { submissionToken: randomUUID(), ...(await witnessedEvidenceFor(actor, workerIdOf(params))) };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'create:witnessed-evidence:assessed');
  const workerId = workerIdOf(params);
  const formData = await readForm(request, { uploads: EVIDENCE_UPLOADS });
  return submitForm(formData, EvidenceSchema, async (value) => {
    const { input, files } = await evidenceInputFrom(value, formData);
    const evidenceId = await recordWitnessedEvidence(requestContext(context, actor), workerId, input, files, { submissionToken: value.submissionToken });
    return redirectWithFlash(`/evidence/${evidenceId}`, 'Evidence recorded and submitted. You can judge it now.');
  });
});

export default function WitnessedEvidencePage() {
  const { worker, standards, submissionToken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={`/workers/${worker.id}`} className="govuk-back-link">Back to {worker.name}</Link>
        <span className="govuk-caption-l">{worker.name}</span>
        <h1 className="govuk-heading-l">Record evidence you witnessed</h1>
        <p className="govuk-body">An observation or professional discussion you took part in. It becomes {worker.name}’s evidence, submitted at once, and names you as its recorder.</p>
        <EvidenceForm lastResult={lastResult} standards={standards} submissionToken={submissionToken} isDraft witnessed />
      </div>
    </div>
  );
}
