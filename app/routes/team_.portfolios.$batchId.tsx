// How far a team's portfolios have got: done of total, each person's status and any error, cancel while they are
// made, download once ready. With JavaScript the page updates itself in place while they are made; without it, the
// person selects Refresh (a page that reloads itself would move under a screen reader: WCAG failure F41).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { BATCH_OUTPUT_LABELS } from '#app/domain/portfolio/batch-statuses.ts';
import { cancelPortfolioBatch, portfolioBatchProgress } from '#app/domain/portfolio/batches.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { formId, parseFields } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

/** How often the page looks again while the portfolios are made, with JavaScript. */
const POLL_MS = 2_000;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Portfolios: ${data?.scopeName ?? 'team'} – NOSfolio` }];

const BatchId = formId();
const CancelSchema = z.object({ intent: z.literal('cancel') });

function batchIdFrom(params: { batchId?: string }): number {
  const parsed = BatchId.safeParse(params.batchId);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'request:portfolio-batch');
  return portfolioBatchProgress(actor, batchIdFrom(params));
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'request:portfolio-batch');
  const batchId = batchIdFrom(params);
  parseFields(CancelSchema, await readForm(request));
  await cancelPortfolioBatch(requestContext(context, actor), batchId);
  return redirectWithFlash(`/team/portfolios/${batchId}`, 'Cancelled. Nobody else’s portfolio will be made.');
});

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** With JavaScript, looks again every few seconds until the batch is finished, while the page is in view. */
function usePolling(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

export default function PortfolioBatchPage() {
  const batch = useLoaderData<typeof loader>();
  usePolling(!batch.finished);
  // Until the app runs in the browser, the page is as the server sent it and is refreshed by the person.
  const [updatesItself, setUpdatesItself] = useState(false);
  useEffect(() => setUpdatesItself(true), []);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Link to="/team/portfolios" className="govuk-back-link">Back to team portfolios</Link>
          <span className="govuk-caption-l">{batch.scopeType === 'team' ? 'Team' : 'Location'} portfolios</span>
          <h1 className="govuk-heading-l">{batch.scopeName}</h1>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                <strong className={`govuk-tag govuk-tag--${batch.tag.colour}`} id="batch-status">{batch.tag.label}</strong>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Made</dt>
              <dd className="govuk-summary-list__value">
                <p className="govuk-body govuk-!-margin-bottom-1" aria-live="polite" id="batch-progress">
                  {batch.doneCount} of {batch.itemCount} done
                  {batch.failedCount ? `, ${batch.failedCount} failed` : ''}
                </p>
                <div className="app-progress-bar" aria-hidden="true">
                  <div className="app-progress-bar__value" style={{ width: `${batch.itemCount ? Math.round((100 * batch.finishedCount) / batch.itemCount) : 0}%` }} />
                </div>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Form</dt>
              <dd className="govuk-summary-list__value">{BATCH_OUTPUT_LABELS[batch.output]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Asked for</dt>
              <dd className="govuk-summary-list__value">
                {formatDateTime(batch.requestedAt)} by {batch.requestedByName}
              </dd>
            </div>
            {batch.finishedAt ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Finished</dt>
                <dd className="govuk-summary-list__value">{formatDateTime(batch.finishedAt)}</dd>
              </div>
            ) : null}
          </dl>

          {batch.errorMessage ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {batch.errorMessage}.
              </strong>
            </div>
          ) : null}

          {batch.file ? (
            <p className="govuk-body">
              <a className="govuk-button" href={`/team/portfolios/${batch.id}/download`} download>
                Download {batch.output === 'zip' ? 'the ZIP file' : 'the PDF'} ({megabytes(batch.file.byteSize)})
              </a>
              {batch.file.keptUntil ? <span className="govuk-body govuk-!-display-block">It is kept until {formatDateTime(batch.file.keptUntil)}, then removed.</span> : null}
            </p>
          ) : null}
          {batch.fileRemovedAt ? (
            <p className="govuk-body">
              The file was removed on {formatDateTime(batch.fileRemovedAt)}, a week after it was made, as the portfolios hold people’s evidence.{' '}
              <Link className="govuk-link" to="/team/portfolios">Ask for them again</Link> if you need them.
            </p>
          ) : null}

          {!batch.finished ? (
            <>
              <p className="govuk-body" id="batch-updates">
                {updatesItself ? 'This page updates itself while the portfolios are made.' : 'Select Refresh to see how far they have got.'} You can
                leave this page and come back to it from Team portfolios.
              </p>
              <div className="govuk-button-group">
                {updatesItself ? null : (
                  <Link className="govuk-button govuk-button--secondary" to={`/team/portfolios/${batch.id}`} reloadDocument role="button" draggable="false">
                    Refresh
                  </Link>
                )}
                {batch.can.cancel ? (
                  <Form method="post" className="app-inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="cancel" />
                    <button type="submit" className="govuk-button govuk-button--warning">
                      Cancel
                    </button>
                  </Form>
                ) : null}
              </div>
            </>
          ) : null}
        </div>
      </div>

      <TableRegion label="Portfolios in this request">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{plural(batch.itemCount, 'person', 'people')}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Portfolio</th>
              <th scope="col" className="govuk-table__header">Notes</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {batch.items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <th scope="row" className="govuk-table__header">{item.name}</th>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag govuk-tag--${item.tag.colour}`}>{item.tag.label}</strong>
                </td>
                <td className="govuk-table__cell">
                  {item.errorMessage
                    ? item.status === 'failed'
                      ? `${item.errorMessage}.`
                      : item.status === 'cancelled'
                        ? null
                        : `${item.errorMessage}; trying again.`
                    : null}
                  {item.attempts > 1 ? (
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Tried {plural(item.attempts, 'time', 'times')}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
