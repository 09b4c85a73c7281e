// Public check of an issued document (no sign-in): who issued it, for whom, when and what it is, and whether an
// uploaded copy is identical to the byte. An unknown code is "no document with this code" (404); nothing else is said.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { ErrorSummary } from '#app/components/ui/error-summary.tsx';
import { groupedCode } from '#app/domain/portfolio/codes.ts';
import { compareCopy, describeIssuedDocument } from '#app/domain/portfolio/verification.server.ts';
import { clientAddress, readForm } from '#app/utils/auth.server.ts';
import { formatDateTime } from '#app/utils/dates/index.ts';
import { uploadProblems } from '#app/utils/multipart.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { tooManyAttemptsMessage } from '#app/utils/too-many-attempts.ts';
import { countVerifyCheck } from '#app/utils/verify-throttle.server.ts';

export const meta: MetaFunction = () => [{ title: 'Check a document – NOSfolio' }];

const NO_DOCUMENT = 'There is no document with this code';
/** The largest copy read (server/request-limits.js bounds the whole request to the same): a larger one is not identical. */
const MAX_COPY_BYTES = 255 * 1024 * 1024;

async function throttled(context: LoaderFunctionArgs['context']): Promise<void> {
  const wait = await countVerifyCheck(clientAddress(context));
  if (wait > 0) throw new Response(tooManyAttemptsMessage(wait, 'check a document'), { status: 429, headers: { 'Retry-After': String(wait) } });
}

export const loader = withDomainErrors(async ({ params, context }: LoaderFunctionArgs) => {
  const document = await describeIssuedDocument(params.code ?? '');
  if (!document) {
    await throttled(context);
    throw new Response(NO_DOCUMENT, { status: 404 });
  }
  return { ...document, issuedAt: document.issuedAt.toISOString() };
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  await throttled(context);
  const code = params.code ?? '';
  const known = (await describeIssuedDocument(code)) !== null;
  // The copy is streamed to a staging file (never held in memory), at most as large as the largest portfolio, and is
  // deleted when the request ends; the form's token is checked first, as on every action, even for an unknown code.
  const formData = await readForm(request, {
    uploads: { field: 'copy', maxFileBytes: MAX_COPY_BYTES, maxFiles: 1, tooManyMessage: 'Select one file' },
  });
  if (!known) throw new Response(NO_DOCUMENT, { status: 404 });
  if (uploadProblems(formData).copy?.length) return { identical: false };
  const copy = formData.get('copy');
  if (!(copy instanceof File) || copy.size === 0) return data({ error: 'Select the copy of the document you were given' }, { status: 400 });
  const result = await compareCopy(code, copy);
  if (!result) throw new Response(NO_DOCUMENT, { status: 404 });
  return { identical: result.identical };
});

export default function VerifyPage() {
  const document = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const error = answer && 'error' in answer ? answer.error : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ fieldId: 'copy', message: error }] : []} />
        <h1 className="govuk-heading-l">Check a document</h1>
        {answer && 'identical' in answer ? (
          answer.identical ? (
            <div className="govuk-panel govuk-panel--confirmation" role="status">
              <h2 className="govuk-panel__title">Your copy is identical</h2>
              <div className="govuk-panel__body">It is byte for byte the document the portal issued under this code.</div>
            </div>
          ) : (
            <div className="govuk-notification-banner" role="alert" aria-labelledby="copy-differs">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="copy-differs">
                  Not identical
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">Your copy is not the document the portal issued under this code.</p>
                <p className="govuk-body">It has been changed, or it is a different document. Ask the organisation for the original.</p>
              </div>
            </div>
          )
        ) : null}
        <dl className="govuk-summary-list">
          {(
            [
              ['Document', document.kindLabel],
              ['For', document.subjectName],
              ['Issued by', `${document.issuedByName}, ${document.organisationName}`],
              ['Issued on', formatDateTime(document.issuedAt)],
              ['Verification code', groupedCode(document.code)],
            ] as const
          ).map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">Is your copy the one issued?</h2>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="copy">
              Upload your copy (PDF)
            </label>
            <div id="copy-hint" className="govuk-hint">
              The portal compares it with what it issued and keeps nothing you upload.
            </div>
            {error ? (
              <p id="copy-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
              id="copy"
              name="copy"
              type="file"
              accept="application/pdf"
              aria-describedby={error ? 'copy-hint copy-error' : 'copy-hint'}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Check my copy
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? ['No document with this code', 'Check the code on the document’s cover or footer and the address you typed. The portal has issued no document with this code.']
      : status === 429 || status === 400 || status === 403
        ? ['That could not be done', isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : 'Go back and try again.']
        : ['Sorry, there is a problem with the service', 'Try again later.'];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{body}</p>
      </div>
    </div>
  );
}
