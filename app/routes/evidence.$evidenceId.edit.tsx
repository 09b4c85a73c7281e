// Change evidence: a draft changes in place; submitted evidence gets a new revision.
import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EvidenceForm } from '#app/components/evidence-form.tsx';
import { EvidenceSchema } from '#app/components/evidence-schema.ts';
import { getEvidence, updateEvidence } from '#app/domain/evidence.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { splitDate } from '#app/utils/dates/index.ts';
import { Forbidden } from '#app/utils/errors.server.ts';
import { EVIDENCE_UPLOADS, evidenceInputFrom } from '#app/utils/evidence-form.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Change evidence – NOSfolio' }];

const id = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'create:evidence:own');
  const evidenceId = id.safeParse(params.evidenceId);
  if (!evidenceId.success) throw new Response('Not found', { status: 404 });
  const evidence = await getEvidence(actor, evidenceId.data);
  if (!evidence.canEdit) throw new Forbidden('Only the worker can change their evidence');
  const progress = await workerProgress(actor, actor.id);
  const date = splitDate(evidence.revision.activityDate);
  return {
    evidence,
    standards: progress.standards.map(({ urn, title, items }) => ({ urn, title, items: items.map(({ evidence: _evidence, ...item }) => item) })),
    defaultValue: {
      type: evidence.revision.type,
      title: evidence.revision.title,
      activityDate: date,
      description: evidence.revision.description,
      witnessName: evidence.revision.witnessName ?? '',
      witnessRole: evidence.revision.witnessRole ?? '',
      witnessStatement: evidence.revision.witnessStatement ?? '',
      item: evidence.links.map((link) => String(link.itemId)),
      keepFile: evidence.files.map((file) => String(file.id)),
      ...Object.fromEntries(evidence.links.map((link) => [`note-${link.itemId}`, link.note])),
    },
    submissionToken: randomUUID(),
  };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'create:evidence:own');
  const evidenceId = id.safeParse(params.evidenceId);
  if (!evidenceId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request, { uploads: EVIDENCE_UPLOADS });
  return submitForm(formData, EvidenceSchema, async (value) => {
    const { input, files, keepFileIds } = await evidenceInputFrom(value, formData);
    await updateEvidence(requestContext(context, actor), evidenceId.data, input, files, keepFileIds);
    return redirectWithFlash(`/evidence/${evidenceId.data}`, 'Evidence saved.');
  });
});

export default function EditEvidencePage() {
  const { evidence, standards, defaultValue, submissionToken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={`/evidence/${evidence.id}`} className="govuk-back-link">Back to the evidence</Link>
        <h1 className="govuk-heading-l">Change evidence</h1>
        {evidence.changeMakesRevision ? (
          <div className="govuk-inset-text">This evidence has been submitted. Saving makes revision {evidence.revision.number + 1}; revision {evidence.revision.number} stays as it is.</div>
        ) : null}
        <EvidenceForm
          lastResult={lastResult}
          defaultValue={defaultValue}
          standards={standards}
          submissionToken={submissionToken}
          existingFiles={evidence.files}
          isDraft={!evidence.changeMakesRevision}
        />
      </div>
    </div>
  );
}
