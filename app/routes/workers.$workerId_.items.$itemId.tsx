// One item of a worker's standard: its full decision history, the standard's achievement, and for the worker's
// assessor a holistic judgement on several pieces of evidence at once.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { AchievementHistory } from '#app/components/achievement-status.tsx';
import { DecisionList } from '#app/components/decision-list.tsx';
import { JudgingForm } from '#app/components/judging-form.tsx';
import { judgementsFrom, judgingSchema } from '#app/components/judging-schema.ts';
import { recordDecisions } from '#app/domain/assessment/decisions.server.ts';
import { itemHistory } from '#app/domain/assessment/item-history.server.ts';
import { readForm, requireActor, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.standard.urn} ${data.item.code}, ${data.worker.name}` : 'Item'} – NOSfolio` }];

const Params = z.object({ workerId: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

const Answers = z.coerce.number().int().positive().max(2_147_483_647).optional();

function parseParams(params: unknown) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const { workerId, itemId } = parseParams(params);
  // Followed from the assessor's home page: the IQA challenge the judgement answers (recordDecisions checks it).
  const answers = Answers.safeParse(new URL(request.url).searchParams.get('answers') ?? undefined);
  return { ...(await itemHistory(actor, workerId, itemId)), answersReviewId: answers.success ? answers.data : undefined };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'decide:evidence:assessed');
  const { workerId, itemId } = parseParams(params);
  const formData = await readForm(request);
  return submitForm(formData, judgingSchema([itemId], true), async (value) => {
    await recordDecisions(requestContext(context, actor), {
      workerId,
      evidenceIds: value.evidenceId,
      judgements: judgementsFrom(value, [{ id: itemId }]),
      submissionKey: value.submissionKey,
      answersReviewId: value.answersReviewId ?? null,
    });
    return redirectWithFlash(`/workers/${workerId}/items/${itemId}`, 'Decision recorded');
  });
});

export default function ItemPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { worker, standard, item, judging } = page;
  const label = `${standard.urn} ${item.code}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={page.isOwn ? '/progress' : `/workers/${worker.id}`} className="govuk-back-link">
          {page.isOwn ? 'Back to your progress' : `Back to ${worker.name}`}
        </Link>
        <span className="govuk-caption-l">{page.isOwn ? 'Your' : `${worker.name}’s`} {standard.urn} version {standard.version}: {standard.title}</span>
        <h1 className="govuk-heading-l">{item.code} <span className="govuk-body-l govuk-!-display-block">{item.text}</span></h1>

        <h2 className="govuk-heading-m">Evidence mapped to {item.code}</h2>
        {page.evidence.length === 0 ? <p className="govuk-body">No submitted evidence is mapped to this item.</p> : (
          <ul className="govuk-list">
            {page.evidence.map((piece) => (
              <li key={piece.id}><Link className="govuk-link" to={`/evidence/${piece.id}`}>{piece.title}</Link> (revision {piece.revisionNumber})</li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">History of {item.code}</h2>
        <p className="govuk-body">Every decision, newest first. A decision is never changed: a later one supersedes it.</p>
        <DecisionList decisions={page.decisions} empty="No decision on this item yet." />

        <h2 className="govuk-heading-m">{standard.urn}: achievement</h2>
        <AchievementHistory events={page.achievements} empty={`${standard.urn} has not been achieved yet.`} />

        {page.locked && !page.isOwn && !page.answersReviewId ? (
          <div className="govuk-inset-text">{standard.urn} is achieved and locked: an admin or the lead IQA reopens it before {item.code} is judged again.</div>
        ) : null}
        {judging && page.evidence.length && page.answersReviewId ? (
          <div className="govuk-inset-text">
            You are answering the IQA’s challenge of your decision on {item.code} (its note is in the history above): the decision you record
            below is your answer.
          </div>
        ) : null}
        {judging && page.evidence.length ? (
          <JudgingForm
            // A fresh form after each recorded judgement: the choices just recorded are not offered again as if unsaved.
            key={judging.submissionKey}
            answersReviewId={page.answersReviewId}
            heading={page.answersReviewId ? `Answer the challenge: judge ${item.code} again` : `Judge ${item.code} on several pieces of evidence`}
            lastResult={lastResult}
            submissionKey={judging.submissionKey}
            workerId={worker.id}
            evidence={page.evidence}
            items={[{ id: item.id, label, text: item.text, hints: judging.hints, current: judging.current }]}
          />
        ) : null}
      </div>
    </div>
  );
}
