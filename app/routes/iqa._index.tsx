// The IQA's sample: the decisions the organisation's rules draw for a period, each with its evidence and review
// status, and a form to agree (countersign) or challenge it with a note.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FilterSelect, PeriodFilter } from '#app/components/iqa/period-filter.tsx';
import { periodErrors, periodFromQuery } from '#app/components/iqa/period.ts';
import { ReviewStatusTag } from '#app/components/iqa/review-status-tag.tsx';
import { ErrorSummary } from '#app/components/ui/error-summary.tsx';
import { iqaSamplePage } from '#app/domain/assessment/iqa-page.server.ts';
import { reviewDecision } from '#app/domain/assessment/iqa.server.ts';
import { ASSESSMENT_METHOD_LABELS, DECISION_OUTCOME_LABELS, type AssessmentMethod } from '#app/domain/assessment/methods.ts';
import { SAMPLE_REASON_LABELS } from '#app/domain/assessment/sample-reasons.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { formId, parseFields } from '#app/utils/forms.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { textUpTo } from '#app/utils/text-limits.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'IQA sample – NOSfolio' }];

const Filters = z.object({ assessor: formId().optional().catch(undefined), standard: formId().optional().catch(undefined) });

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'review:decisions:quality-assured');
  const params = new URL(request.url).searchParams;
  const period = periodFromQuery(params);
  const filters = Filters.parse({ assessor: params.get('assessor') || undefined, standard: params.get('standard') || undefined });
  const page = await iqaSamplePage(actor, period, { assessorId: filters.assessor, standardId: filters.standard });
  return { ...page, period, filters, mayManageAssessors: can(actor, 'manage:assessor-status:org') };
});

const ReviewFields = z.object({ intent: z.literal('review'), decisionId: formId(), outcome: z.enum(['agreed', 'challenged']) });
const Note = textUpTo('The note', 2000);

type ReviewReply = { decisionId: number; note: string; errors: { note?: string; outcome?: string } };

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'review:decisions:quality-assured');
  const formData = await readForm(request);
  const { decisionId, outcome } = parseFields(ReviewFields, formData);
  const typed = String(formData.get('note') ?? '');
  const reply = (errors: ReviewReply['errors'], status: number) => data<ReviewReply>({ decisionId, note: typed, errors }, { status });
  const note = Note.safeParse(typed);
  if (!note.success) return reply({ note: note.error.issues[0]!.message }, 400);
  try {
    const result = await reviewDecision(requestContext(context, actor), decisionId, { outcome, note: note.data });
    if (!result.reviewed) {
      const { existing } = result;
      return reply({ outcome: `This decision was already reviewed: ${existing.outcome === 'agreed' ? 'agreed' : 'challenged'} by ${existing.iqaName} on ${formatDateTime(existing.at)}` }, 409);
    }
  } catch (error) {
    if (error instanceof ValidationError) return reply({ note: error.fieldErrors.note?.[0], outcome: error.fieldErrors.outcome?.[0] }, 400);
    throw error;
  }
  const back = new URL(request.url);
  return redirectWithFlash(`/iqa${back.search}`, outcome === 'agreed' ? 'Decision countersigned.' : 'Decision challenged: it goes back to the assessor to answer.');
});

export default function IqaSamplePage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { period, filters } = page;
  const summaryErrors = reply
    ? [
        ...(reply.errors.note ? [{ fieldId: `note-${reply.decisionId}`, message: reply.errors.note }] : []),
        ...(reply.errors.outcome ? [{ fieldId: `note-${reply.decisionId}`, message: reply.errors.outcome }] : []),
      ]
    : periodErrors(period);
  return (
    <>
      <ErrorSummary errors={summaryErrors} />
      <h1 className="govuk-heading-l">IQA sample</h1>
      <p className="govuk-body">
        The decisions drawn for quality assurance from {formatDate(period.from)} to {formatDate(period.to)}: every decision of a new assessor,{' '}
        {page.rules.samplePercent}% of the others, and at least {plural(page.rules.minimumPerAssessorMonth, 'decision', 'decisions')} for each
        assessor in each month. {plural(page.sampledCount, 'decision', 'decisions')} sampled of {page.madeCount} made.
      </p>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to={`/iqa/report?from=${encodeURIComponent(period.typed.from)}&to=${encodeURIComponent(period.typed.to)}`}>Sampling report for this period</Link></li>
        {page.mayManageAssessors ? <li><Link className="govuk-link" to="/iqa/assessors">Assessors: new or competent</Link></li> : null}
      </ul>
      <PeriodFilter period={period}>
        <FilterSelect name="assessor" label="Assessor" all="All assessors" value={filters.assessor} options={page.assessors.map((assessor) => ({ id: assessor.id, label: assessor.name }))} />
        <FilterSelect name="standard" label="Standard" all="All standards" value={filters.standard} options={page.standards.map((standard) => ({ id: standard.id, label: standard.urn }))} />
      </PeriodFilter>

      <h2 className="govuk-heading-m">{plural(page.decisions.length, 'decision', 'decisions')} to quality-assure</h2>
      {page.decisions.length === 0 ? (
        <p className="govuk-body">No decisions are in the sample for this period{filters.assessor || filters.standard ? ' with these filters' : ''}.</p>
      ) : null}
      {page.decisions.map((decision) => {
        const mine = reply?.decisionId === decision.id ? reply : null;
        const noteId = `note-${decision.id}`;
        const error = mine?.errors.note ?? mine?.errors.outcome;
        return (
          <div className="govuk-summary-card" key={decision.id} id={`decision-${decision.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                {decision.itemCode} for {decision.workerName} <ReviewStatusTag status={decision.status} />
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list govuk-!-margin-bottom-6">
                <Row label="Standard">{decision.urn}</Row>
                <Row label="Outcome">{DECISION_OUTCOME_LABELS[decision.outcome as 'met' | 'not_yet_met'] ?? decision.outcome}</Row>
                <Row label="Method">{ASSESSMENT_METHOD_LABELS[decision.method as AssessmentMethod] ?? decision.method}</Row>
                {decision.feedback ? <Row label="Feedback">{decision.feedback}</Row> : null}
                <Row label="Assessor">{decision.assessorName}</Row>
                <Row label="Date">{formatDateTime(decision.createdAt)}</Row>
                <Row label="Evidence">
                  <ul className="govuk-list">
                    {decision.evidence.map((piece) => (
                      <li key={piece.evidenceId}>
                        <Link className="govuk-link" to={`/evidence/${piece.evidenceId}`}>{piece.title}</Link> (revision {piece.revisionNumber})
                      </li>
                    ))}
                  </ul>
                </Row>
                <Row label="Why sampled">{SAMPLE_REASON_LABELS[decision.reason]}</Row>
                {decision.review ? (
                  <Row label="Review">
                    {decision.review.outcome === 'agreed' ? 'Countersigned' : 'Challenged'} by {decision.review.iqaName} on {formatDateTime(decision.review.at)}
                    {decision.review.note ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{decision.review.note}</p> : null}
                    {decision.status === 'answered' ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">The assessor answered with a new decision.</p> : null}
                  </Row>
                ) : null}
              </dl>
              {decision.status === 'waiting' && decision.mayReview ? (
                <Form method="post" action={`/iqa?${new URLSearchParams(periodAndFilters(period.typed, filters))}`}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="review" />
                  <input type="hidden" name="decisionId" value={decision.id} />
                  <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
                    <label className="govuk-label govuk-label--s" htmlFor={noteId}>Note for the assessor</label>
                    <div id={`${noteId}-hint`} className="govuk-hint">Needed to challenge: what the assessor should look at again.</div>
                    {error ? (
                      <p id={`${noteId}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>
                    ) : null}
                    <textarea
                      className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
                      id={noteId}
                      name="note"
                      rows={3}
                      defaultValue={mine?.note ?? ''}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={`${noteId}-hint${error ? ` ${noteId}-error` : ''}`}
                    />
                  </div>
                  <div className="govuk-button-group">
                    <button type="submit" name="outcome" value="agreed" className="govuk-button">
                      Agree and countersign<span className="govuk-visually-hidden"> {decision.itemCode} for {decision.workerName}</span>
                    </button>
                    <button type="submit" name="outcome" value="challenged" className="govuk-button govuk-button--warning">
                      Challenge<span className="govuk-visually-hidden"> {decision.itemCode} for {decision.workerName}</span>
                    </button>
                  </div>
                </Form>
              ) : decision.status === 'waiting' ? (
                <p className="govuk-body">You made this decision or it is on your own evidence: another IQA reviews it.</p>
              ) : null}
            </div>
          </div>
        );
      })}
    </>
  );
}

function periodAndFilters(typed: { from: string; to: string }, filters: { assessor?: number | undefined; standard?: number | undefined }): Record<string, string> {
  return {
    from: typed.from,
    to: typed.to,
    ...(filters.assessor ? { assessor: String(filters.assessor) } : {}),
    ...(filters.standard ? { standard: String(filters.standard) } : {}),
  };
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
