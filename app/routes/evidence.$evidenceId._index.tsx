// One piece of evidence: its current (or an earlier) revision, files, the items it is mapped to.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { DecisionList } from '#app/components/decision-list.tsx';
import { JudgingForm } from '#app/components/judging-form.tsx';
import { itemIdsIn, judgementsFrom, judgingSchema } from '#app/components/judging-schema.ts';
import { recordDecisions } from '#app/domain/assessment/decisions.server.ts';
import { EVIDENCE_TYPE_LABELS } from '#app/domain/evidence-types.ts';
import { getEvidence, submitEvidence } from '#app/domain/evidence.server.ts';
import { readForm, requireActor } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.revision.title ?? 'Evidence'} – NOSfolio` }];

const id = z.coerce.number().int().positive();
const Query = z.object({ revision: z.coerce.number().int().positive().optional().catch(undefined) });

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const evidenceId = id.safeParse(params.evidenceId);
  if (!evidenceId.success) throw new Response('Not found', { status: 404 });
  const { revision } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getEvidence(actor, evidenceId.data, revision);
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const evidenceId = id.safeParse(params.evidenceId);
  if (!evidenceId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  if (formData.get('intent') === 'judge') {
    const itemIds = itemIdsIn(formData);
    return submitForm(formData, judgingSchema(itemIds), async (value) => {
      const { recorded } = await recordDecisions(requestContext(context, actor), { workerId: value.workerId, evidenceIds: [evidenceId.data], judgements: judgementsFrom(value, itemIds.map((id) => ({ id }))), submissionKey: value.submissionKey });
      return redirectWithFlash(`/evidence/${evidenceId.data}`, recorded ? `${plural(recorded, 'decision', 'decisions')} recorded` : 'These decisions were already recorded');
    });
  }
  if (formData.get('intent') !== 'submit') throw new Response('Unknown action', { status: 400 });
  await submitEvidence(requestContext(context, actor), evidenceId.data);
  return redirectWithFlash(`/evidence/${evidenceId.data}`, 'Evidence submitted. Your assessor can now review it.');
});

export default function EvidenceDetailPage() {
  const evidence = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { revision, judging } = evidence;
  const label = (itemId: number) => {
    const link = evidence.links.find((row) => row.itemId === itemId);
    return link ? `${link.urn} ${link.code}` : 'An earlier item';
  };
  const isImage = (type: string) => type.startsWith('image/');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {evidence.isOwn ? (
          <Link to="/evidence" className="govuk-back-link">Back to your evidence</Link>
        ) : (
          <Link to={`/workers/${evidence.worker.id}`} className="govuk-back-link">Back to {evidence.worker.name}</Link>
        )}
        <span className="govuk-caption-l">
          {EVIDENCE_TYPE_LABELS[revision.type]} {evidence.recordedBy ? `of ${evidence.worker.name}, recorded by ${evidence.recordedBy}, assessor` : `by ${evidence.worker.name}`}
        </span>
        <h1 className="govuk-heading-l">{revision.title}</h1>
        {!evidence.isCurrent ? (
          <div className="govuk-inset-text">
            You are reading revision {revision.number}, an earlier revision. <Link className="govuk-link" to={`/evidence/${evidence.id}`}>Read the current revision</Link>.
          </div>
        ) : null}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              {evidence.status === 'draft' ? 'Draft' : 'Submitted for assessment'}
              {revision.submittedAt ? ` (revision ${revision.number} submitted ${formatDateTime(revision.submittedAt)})` : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Date of the activity</dt>
            <dd className="govuk-summary-list__value">{formatDate(revision.activityDate)}</dd>
          </div>
          {revision.witnessName ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Witness</dt>
              <dd className="govuk-summary-list__value">{revision.witnessName}, {revision.witnessRole}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="govuk-heading-m">What was done</h2>
        {revision.description.split(/\n\s*\n/).map((paragraph, index) => <p className="govuk-body" key={index}>{paragraph}</p>)}
        {revision.witnessStatement ? (
          <>
            <h2 className="govuk-heading-m">Witness statement</h2>
            <p className="govuk-body">{revision.witnessStatement}</p>
          </>
        ) : null}

        <h2 className="govuk-heading-m">Files</h2>
        {evidence.files.length === 0 ? <p className="govuk-body">No files.</p> : null}
        <ul className="govuk-list">
          {evidence.files.map((file) => (
            <li key={file.id}>
              {isImage(file.mediaType) ? <img className="app-thumbnail" src={`/evidence-files/${file.id}?inline=1`} alt={`Preview of ${file.name}`} /> : null}
              <a className="govuk-link" href={`/evidence-files/${file.id}${file.mediaType === 'application/pdf' ? '?inline=1' : ''}`}>
                {file.mediaType === 'application/pdf' ? 'Open' : 'Download'} {file.name}
              </a>{' '}
              <span className="govuk-body-s">({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)</span>
            </li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">Items this evidence shows</h2>
        {evidence.links.length === 0 ? <p className="govuk-body">Not mapped to any item yet.</p> : null}
        <dl className="govuk-summary-list">
          {evidence.links.map((link) => (
            <div className="govuk-summary-list__row" key={link.itemId}>
              <dt className="govuk-summary-list__key">{link.urn} {link.code}</dt>
              <dd className="govuk-summary-list__value">
                <p className="govuk-body-s govuk-!-margin-bottom-1">{link.text}</p>
                <p className="govuk-body govuk-!-margin-bottom-1">{link.note}</p>
                <Link className="govuk-link govuk-body-s" to={`/workers/${evidence.worker.id}/items/${link.itemId}`}>History of {link.code}<span className="govuk-visually-hidden"> ({link.urn})</span></Link>
              </dd>
            </div>
          ))}
        </dl>

        {evidence.status !== 'draft' ? (
          <>
            <h2 className="govuk-heading-m">Decisions on this evidence</h2>
            <DecisionList decisions={evidence.decisions} itemLabel={label} empty="No item has been judged on this evidence yet." />
          </>
        ) : null}

        {judging && evidence.links.length ? (
          <JudgingForm
            // A fresh form after each recorded judgement: the choices just recorded are not offered again as if unsaved.
            key={judging.submissionKey}
            heading="Judge this evidence"
            lastResult={lastResult && 'status' in lastResult ? lastResult : undefined}
            submissionKey={judging.submissionKey}
            workerId={evidence.worker.id}
            items={evidence.links.map((link) => {
              const row = judging.items.find((item) => item.itemId === link.itemId);
              return { id: link.itemId, label: `${link.urn} ${link.code}`, text: link.text, hints: row?.hints ?? [], current: row?.current ?? null };
            })}
          />
        ) : null}

        {evidence.canEdit || evidence.canSubmit ? (
          <div className="govuk-button-group">
            {evidence.canSubmit ? (
              <Form method="post">
                <CsrfInput />
                <button type="submit" name="intent" value="submit" className="govuk-button">Submit for assessment</button>
              </Form>
            ) : null}
            {evidence.canEdit ? (
              <Link to={`/evidence/${evidence.id}/edit`} className="govuk-button govuk-button--secondary" role="button">
                {evidence.changeMakesRevision ? 'Change (makes a new revision)' : 'Change'}
              </Link>
            ) : null}
          </div>
        ) : null}

        {evidence.revisions.length > 1 ? (
          <>
            <h2 className="govuk-heading-m">Revisions</h2>
            <ul className="govuk-list">
              {evidence.revisions.map((row) => (
                <li key={row.number}>
                  <Link className="govuk-link" to={`/evidence/${evidence.id}?revision=${row.number}`}>Revision {row.number}</Link>
                  {row.submittedAt ? `, submitted ${formatDateTime(row.submittedAt)}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
