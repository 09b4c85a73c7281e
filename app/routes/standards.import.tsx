// Admins import a standard: upload a file, check every item and the parser's warnings, correct text, save.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { groupBySection, kindLabel } from '#app/components/standard-items.tsx';
import { ErrorSummary } from '#app/components/ui/error-summary.tsx';
import { applyImportReview, needsCheck, reviewFieldNames } from '#app/domain/standards/import-review.ts';
import { readStandardsUpload, UploadProblem, type ReadStandard } from '#app/domain/standards/import-upload.server.ts';
import { ItemTextSchema, SourceNameSchema } from '#app/domain/standards/stored-limits.ts';
import { MAX_STANDARD_FILE_BYTES } from '#app/domain/standards/text-extraction.server.ts';
import { UPLOAD_FORMATS } from '#app/domain/standards/upload-formats.ts';
import { previewStandardImport, saveStandardVersions, type ImportPreview } from '#app/domain/standards.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { uploadProblems, type UploadLimits } from '#app/utils/multipart.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';
import { NosStandardSchema } from '#standards/schema.ts';

export const meta: MetaFunction = () => [{ title: 'Import a standard – NOSfolio' }];

const FORMAT_LABELS: Record<(typeof UPLOAD_FORMATS)[number], string> = {
  document: 'A published NOS (text, PDF or Word document)',
  'nosfolio-json': 'NOSfolio JSON export',
  csv: 'CSV, one row an item',
  'moodle-csv': 'Moodle competency framework CSV',
  'case-json': 'IMS CASE 1.0 JSON',
};

const MAX_PREVIEW_JSON = 4 * 1024 * 1024;
const SavedStandards = z.array(NosStandardSchema).min(1);
const SavedWarnings = z.array(z.array(z.string())).catch([]);
const MAX_PASTED_TEXT = 1024 * 1024;
const STANDARD_UPLOAD: UploadLimits = { field: 'file', maxFileBytes: MAX_STANDARD_FILE_BYTES, maxFiles: 1, tooManyMessage: 'Select one file' };

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw || 'null');
  } catch {
    return null;
  }
}

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, 'manage:standards:org');
  return null;
});

type Preview = ImportPreview & { warnings: string[] };

async function previewAll(actor: Actor, read: ReadStandard[]): Promise<Preview[]> {
  return Promise.all(read.map(async ({ standard, warnings }) => ({ ...(await previewStandardImport(actor, standard)), warnings })));
}

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:standards:org');
  const formData = await readForm(request, { uploads: STANDARD_UPLOAD });

  if (formData.get('intent') === 'save') {
    const raw = String(formData.get('standards') ?? '');
    const sourceName = SourceNameSchema.parse(formData.get('sourceName') ?? '');
    const parsed = raw.length <= MAX_PREVIEW_JSON ? SavedStandards.safeParse(parseJson(raw)) : null;
    if (!parsed?.success) throw new Response('The preview could not be read. Upload the file again.', { status: 400 });
    const warnings = SavedWarnings.parse(parseJson(String(formData.get('warnings') ?? '[]')));
    // Corrections applied, and every flagged item and guessed URN must have been looked at (checked or corrected).
    const review = applyImportReview(parsed.data, formData);
    // A corrected text must still fit its column.
    for (const [index, standard] of review.standards.entries()) {
      for (const item of standard.items) {
        const check = ItemTextSchema.safeParse(item.text);
        if (!check.success) review.errors[`item:${index}:${item.code}`] ??= [check.error.issues[0]!.message];
      }
    }
    // Shown again on failure: the preview as parsed (flags kept), with what the admin typed and ticked.
    const answers = Object.fromEntries([...formData.entries()].filter(([name, value]) => /^(item|checked|urn):/.test(name) && typeof value === 'string')) as Record<string, string>;
    const again = async (errors: Record<string, string[]>) => {
      const previews = await previewAll(actor, parsed.data.map((standard, index) => ({ standard, warnings: warnings[index] ?? [] })));
      return data({ stage: 'preview' as const, previews, sourceName, errors, answers }, { status: 400 });
    };
    if (Object.keys(review.errors).length > 0) return again(review.errors);
    try {
      const moveHolders = formData.get('moveHolders') === 'yes';
      const saved = await saveStandardVersions(requestContext(context, actor), review.standards, { sourceName, moveHolders });
      const message = saved.length === 1 ? `${saved[0]!.urn} version ${saved[0]!.version} saved to the library.` : `${saved.length} standards saved to the library.`;
      return redirectWithFlash(`/standards/${encodeURIComponent(saved[0]!.urn)}`, message);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return again(error.fieldErrors);
    }
  }

  const format = z.enum(UPLOAD_FORMATS).catch('document').parse(formData.get('format'));
  const refused = uploadProblems(formData).file?.[0];
  if (refused) return data({ stage: 'upload' as const, error: refused.replace(/^.*?: /, ''), format }, { status: 400 });
  const file = formData.get('file');
  const pasted = String(formData.get('text') ?? '');
  if (pasted.trim() !== '' && (!(file instanceof File) || file.size === 0)) {
    // Text copied from a page (such as the NOS database's) reads like a text file of it.
    if (pasted.length > MAX_PASTED_TEXT) return data({ stage: 'upload' as const, error: 'The pasted text must be shorter than 1 MB', format }, { status: 400 });
    try {
      const read = await readStandardsUpload({ name: '', bytes: new TextEncoder().encode(pasted) }, format);
      return { stage: 'preview' as const, previews: await previewAll(actor, read), sourceName: 'pasted text', errors: {} as Record<string, string[]>, answers: {} as Record<string, string> };
    } catch (error) {
      if (error instanceof UploadProblem) return data({ stage: 'upload' as const, error: error.message, format }, { status: 400 });
      throw error;
    }
  }
  if (!(file instanceof File) || file.size === 0) {
    return data({ stage: 'upload' as const, error: file instanceof File && file.name ? 'The selected file is empty' : 'Select a file to import', format }, { status: 400 });
  }
  try {
    const read = await readStandardsUpload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, format);
    return { stage: 'preview' as const, previews: await previewAll(actor, read), sourceName: file.name, errors: {} as Record<string, string[]>, answers: {} as Record<string, string> };
  } catch (error) {
    if (error instanceof UploadProblem) return data({ stage: 'upload' as const, error: error.message, format }, { status: 400 });
    throw error;
  }
});

export default function ImportStandardPage() {
  const result = useActionData<typeof action>();
  if (result?.stage === 'preview') {
    return <ImportPreviewForm previews={result.previews} sourceName={result.sourceName} errors={result.errors} answers={result.answers} />;
  }
  const error = result?.stage === 'upload' ? result.error : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/standards" className="govuk-back-link">Back to standards</Link>
        <ErrorSummary errors={error ? [{ fieldId: 'file', message: error }] : []} />
        <h1 className="govuk-heading-l">Import a standard</h1>
        <p className="govuk-body">You will see every section and item before anything is saved, and can correct any item’s text.</p>
        <Form method="post" encType="multipart/form-data">
          <CsrfInput />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What kind of file is it?</legend>
              <div className="govuk-radios govuk-radios--small">
                {UPLOAD_FORMATS.map((format) => (
                  <div className="govuk-radios__item" key={format}>
                    <input className="govuk-radios__input" id={`format-${format}`} name="format" type="radio" value={format} defaultChecked={(result?.format ?? 'document') === format} />
                    <label className="govuk-label govuk-radios__label" htmlFor={`format-${format}`}>{FORMAT_LABELS[format]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">Upload a file</label>
            <div id="file-hint" className="govuk-hint">Smaller than 5 MB.</div>
            {error ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <input className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" aria-describedby={error ? 'file-hint file-error' : 'file-hint'} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="text">Or paste the text of a standard</label>
            <div id="text-hint" className="govuk-hint">For example, everything on the standard’s page in the NOS database, from its title to its keywords.</div>
            <textarea className="govuk-textarea" id="text" name="text" rows={6} aria-describedby="text-hint" />
          </div>
          <button type="submit" name="intent" value="upload" className="govuk-button">Upload and check</button>
        </Form>
      </div>
    </div>
  );
}

type PreviewProps = { previews: Preview[]; sourceName: string | null; errors: Record<string, string[]>; answers: Record<string, string> };

function ImportPreviewForm({ previews, sourceName, errors, answers }: PreviewProps) {
  const summary = Object.entries(errors).map(([field, messages]) => ({ fieldId: /^(item|urn):/.test(field) ? field : 'save', message: messages[0] ?? '' }));
  const flagged = previews.reduce((total, preview) => total + preview.standard.items.filter(needsCheck).length, 0);
  const blocked = previews.some((preview) => preview.duplicate);
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Check the standard before you save it</h1>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="standards" value={JSON.stringify(previews.map((preview) => preview.standard))} />
        <input type="hidden" name="sourceName" value={sourceName ?? ''} />
        <input type="hidden" name="warnings" value={JSON.stringify(previews.map((preview) => preview.warnings))} />
        {flagged > 0 ? (
          <p className="govuk-body">
            {flagged === 1 ? '1 item needs' : `${flagged} items need`} checking against the source before you can save. Correct the text, or tick “I have checked this item”.
          </p>
        ) : null}
        {previews.map((preview, index) => {
          const { standard } = preview;
          const changes = new Map((preview.changes ?? []).map((change) => [change.code, change]));
          const counts = { P: standard.items.filter((item) => item.kind === 'P').length, K: standard.items.filter((item) => item.kind === 'K').length };
          return (
            <section key={standard.urn} className="govuk-!-margin-bottom-8" aria-labelledby={`standard-${index}`}>
              <span className="govuk-caption-l">{standard.urn} version {standard.version ?? '1'}</span>
              <h2 className="govuk-heading-l" id={`standard-${index}`}>{standard.title}</h2>
              <p className="govuk-body">{counts.P} performance criteria and {counts.K} knowledge items.</p>
              {standard.urnNeedsReview ? <UrnCheck index={index} urn={standard.urn} reason={standard.urnNeedsReview} error={errors[reviewFieldNames.urn(index)]?.[0]} checked={answers[reviewFieldNames.urn(index)] === 'confirmed'} /> : null}
              {preview.duplicate ? (
                <p className="govuk-error-message" id="save">{standard.urn} version {standard.version ?? '1'} is already in the library. Import a different version.</p>
              ) : preview.currentVersion ? (
                <div className="govuk-inset-text">
                  This becomes the current version, replacing version {preview.currentVersion}.{' '}
                  {preview.hasEvidence ? `Evidence already linked to version ${preview.currentVersion} stays with it. ` : null}
                  {plural((preview.changes ?? []).filter((change) => change.change !== 'unchanged').length, 'item differs', 'items differ')} from it; unchanged items carry over.
                  {(preview.changes ?? []).filter((change) => change.change === 'removed').map((change) => (
                    <span key={change.code} className="govuk-!-display-block">{change.code} is removed: {change.text}</span>
                  ))}
                  {preview.holders ? (
                    <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-top-3">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id={`move-holders-${index}`} name="moveHolders" type="checkbox" value="yes" defaultChecked />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`move-holders-${index}`}>
                          Move the {preview.holders} {preview.holders === 1 ? 'person' : 'people'} who hold version {preview.currentVersion} to this version. Their evidence for unchanged items carries over; changed items need new evidence.
                        </label>
                      </div>
                    </div>
                  ) : null}
                </div>
              ) : null}
              {preview.warnings.length ? (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                  <div className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    The parser found {preview.warnings.length === 1 ? 'something' : 'some things'} to check:
                    <ul className="govuk-list govuk-list--bullet">
                      {preview.warnings.map((warning) => <li key={warning}>{warning}</li>)}
                    </ul>
                  </div>
                </div>
              ) : null}
              {groupBySection(standard.items).map((group) => (
                <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={`${group.kind}-${group.section}-${group.items[0]?.code}`}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                    {group.section === kindLabel(group.kind) ? null : <span className="govuk-caption-m">{kindLabel(group.kind)}</span>}
                    {group.section}
                  </legend>
                  {group.items.map((item) => {
                    const name = reviewFieldNames.text(index, item.code);
                    const checkName = reviewFieldNames.checked(index, item.code);
                    const error = errors[name]?.[0];
                    const change = changes.get(item.code);
                    const reason = item.needsReview ?? (item.incomplete ? 'the text looks cut short in the source' : null);
                    const hints = [change?.previousText ? `${name}-hint` : null, reason ? `${name}-review` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
                    return (
                      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} key={item.code}>
                        <label className="govuk-label govuk-label--s" htmlFor={name}>
                          {item.code}{' '}
                          {item.needsReview ? <strong className="govuk-tag govuk-tag--red">Check this item</strong> : null}
                          {item.incomplete ? <strong className="govuk-tag govuk-tag--orange">Text looks incomplete</strong> : null}
                          {change && change.change !== 'unchanged' ? <strong className="govuk-tag govuk-tag--blue">{change.change === 'added' ? 'New' : 'Changed'}</strong> : null}
                        </label>
                        {change?.previousText ? <div className="govuk-hint" id={`${name}-hint`}>Was: {change.previousText}</div> : null}
                        {reason ? <div className="govuk-hint" id={`${name}-review`}>Why: {reason}</div> : null}
                        {error ? <p className="govuk-error-message" id={`${name}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p> : null}
                        <textarea
                          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
                          id={name}
                          name={name}
                          rows={2}
                          defaultValue={answers[name] ?? item.text}
                          aria-describedby={hints || undefined}
                        />
                        {reason ? (
                          <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-top-2">
                            <div className="govuk-checkboxes__item">
                              <input className="govuk-checkboxes__input" id={checkName} name={checkName} type="checkbox" value="yes" defaultChecked={answers[checkName] === 'yes'} />
                              <label className="govuk-label govuk-checkboxes__label" htmlFor={checkName}>
                                I have checked this item<span className="govuk-visually-hidden"> ({item.code})</span>
                              </label>
                            </div>
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
                </fieldset>
              ))}
            </section>
          );
        })}
        {blocked ? (
          <Link to="/standards/import" className="govuk-button govuk-button--secondary" role="button">Upload a different file</Link>
        ) : (
          <button type="submit" name="intent" value="save" className="govuk-button">Save to the library</button>
        )}
      </Form>
    </>
  );
}

function UrnCheck({ index, urn, reason, error, checked }: { index: number; urn: string; reason: string; error: string | undefined; checked: boolean }) {
  const name = reviewFieldNames.urn(index);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <p className="govuk-body" id={`${name}-hint`}>The URN {urn} needs confirming: {reason}. If it is wrong, add the URN to the text or rename the file, and upload it again.</p>
      {error ? <p className="govuk-error-message" id={`${name}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p> : null}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={name} name={name} type="checkbox" value="confirmed" defaultChecked={checked} aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>{urn} is the right URN</label>
        </div>
      </div>
    </div>
  );
}
