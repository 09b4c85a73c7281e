// One standard: its items by section, glossary, scope notes and versions, with export links.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { AssessmentRulesSchema, OBSERVATION_LABELS } from '#app/components/assessment-rules-schema.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { StandardItems } from '#app/components/standard-items.tsx';
import { SelectField, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { codesOf, setStandardRules, standardRules } from '#app/domain/assessment/rules.server.ts';
import { casePublicationOf, setCasePublication } from '#app/domain/standards/case-publishing.server.ts';
import { getStandard } from '#app/domain/standards.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, formatDateTime, formatYearMonth } from '#app/utils/dates/index.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { can } from '#app/utils/permissions.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.urn} ${data.title}` : 'Standard'} – NOSfolio` }];

const Query = z.object({ version: z.string().trim().max(40).optional() });

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:standards:org');
  const { version } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [standard, casePublication, rules] = await Promise.all([
    getStandard(actor, params.urn ?? '', version),
    casePublicationOf(actor, params.urn ?? ''),
    standardRules(actor, params.urn ?? ''),
  ]);
  return { ...standard, casePublication, rules, canPublish: can(actor, 'manage:standards:org'), canSetRules: can(actor, 'manage:assessment-rules:org') };
});

const PublishSchema = z.object({ intent: z.enum(['case-publish', 'case-withdraw']) });

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:standards:org');
  const formData = await readForm(request);
  const urn = params.urn ?? '';
  if (formData.get('intent') === 'rules') {
    // The assessment rules: setStandardRules checks its own permission (manage:assessment-rules:org) and the codes.
    return submitForm(formData, AssessmentRulesSchema, async (value) => {
      await setStandardRules(requestContext(context, actor), value.standardId, {
        minimumEvidence: value.minimumEvidence,
        observation: value.observation,
        observationCodes: codesOf(value.observationCodes ?? ''),
      });
      return redirectWithFlash(`/standards/${encodeURIComponent(urn)}#assessment-rules-heading`, 'Assessment rules saved.');
    });
  }
  const parsed = PublishSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response('Unknown action', { status: 400 });
  const published = parsed.data.intent === 'case-publish';
  await setCasePublication(requestContext(context, actor), urn, published);
  return redirectWithFlash(
    `/standards/${encodeURIComponent(urn)}`,
    published ? 'Published: CASE consumers can now read the current version of this standard.' : 'Withdrawn: CASE consumers can no longer read this standard.',
  );
});

const EXPORTS = [
  { format: 'nosfolio-json', label: 'NOSfolio JSON' },
  { format: 'csv', label: 'CSV (one row an item)' },
  { format: 'moodle-csv', label: 'Moodle competency framework CSV' },
  { format: 'case-json', label: 'IMS CASE 1.0 JSON' },
];

export default function StandardPage() {
  const standard = useLoaderData<typeof loader>();
  const { details, casePublication } = standard;
  const rows: [string, string | null][] = [
    ['Version', standard.version],
    ['Developed by', details.developedBy],
    ['Originating organisation', details.originatingOrganisation],
    ['Suite', details.suite],
    ['Date approved', details.dateApproved && formatYearMonth(details.dateApproved)],
    ['Indicative review date', details.indicativeReviewDate && formatYearMonth(details.indicativeReviewDate)],
    ['Validity', details.validity],
    ['Status', details.status],
    ['Relevant occupations', details.relevantOccupations.join(', ') || null],
    ['Keywords', details.keywords.join(', ') || null],
  ];
  const versionQuery = standard.isCurrent ? '' : `&version=${encodeURIComponent(standard.version)}`;
  return (
    <>
      <Link to="/standards" className="govuk-back-link">Back to standards</Link>
      <span className="govuk-caption-l">{standard.urn}</span>
      <h1 className="govuk-heading-l">{standard.title}</h1>
      {!standard.isCurrent ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This is version {standard.version}, which a newer version has replaced. Evidence mapped to it stays valid.
          </strong>
        </div>
      ) : null}
      {standard.overview ? <p className="govuk-body">{standard.overview}</p> : null}
      <dl className="govuk-summary-list">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div className="govuk-summary-list__row" key={label}>
              <dt className="govuk-summary-list__key">{label}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
      </dl>

      <h2 className="govuk-heading-m">Items</h2>
      <StandardItems items={standard.items} />

      <AssessmentRules rules={standard.rules} canSetRules={standard.canSetRules} />

      {details.glossary.length ? (
        <>
          <h2 className="govuk-heading-m">Glossary</h2>
          <dl className="govuk-summary-list">
            {details.glossary.map((entry) => (
              <div className="govuk-summary-list__row" key={entry.term}>
                <dt className="govuk-summary-list__key">{entry.term}</dt>
                <dd className="govuk-summary-list__value">{entry.definition}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {details.scopeNotes.length ? (
        <>
          <h2 className="govuk-heading-m">Scope and additional information</h2>
          {details.scopeNotes.map((note, index) => (
            <div key={index}>
              {note.heading ? <h3 className="govuk-heading-s">{note.heading}</h3> : null}
              <p className="govuk-body">{note.text}</p>
            </div>
          ))}
        </>
      ) : null}

      <h2 className="govuk-heading-m">Versions</h2>
      <ul className="govuk-list">
        {standard.versions.map((row) => (
          <li key={row.version}>
            <Link className="govuk-link" to={`?version=${encodeURIComponent(row.version)}`}>
              Version {row.version}
            </Link>{' '}
            imported {formatDate(row.importedAt)}
            {row.isCurrent ? ' (current)' : ''}
          </li>
        ))}
      </ul>

      <h2 className="govuk-heading-m">Export</h2>
      <ul className="govuk-list">
        {EXPORTS.map((option) => (
          <li key={option.format}>
            <a className="govuk-link" href={`/standards/${encodeURIComponent(standard.urn)}/export?format=${option.format}${versionQuery}`} download>
              {option.label}
            </a>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        The links in a CASE export work for CASE consumers once the standard is published, and only for its current version.
      </p>

      <h2 className="govuk-heading-m">CASE consumers</h2>
      {casePublication.publishedAt ? (
        <>
          <p className="govuk-body">
            Published on {formatDateTime(casePublication.publishedAt)}. Other CASE systems read the current version, without signing in, at{' '}
            <a className="govuk-link" href={casePublication.packageUri}>{casePublication.packageUri}</a>.
          </p>
          {standard.canPublish ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="case-withdraw" className="govuk-button govuk-button--warning">
                Withdraw from CASE consumers
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <>
          <p className="govuk-body">Not published: other CASE systems cannot read this standard from the portal.</p>
          {standard.canPublish ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="case-publish" className="govuk-button govuk-button--secondary">
                Publish to CASE consumers
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}

function rulesText(rules: Rules) {
  const observation =
    rules.observation === 'none' ? 'No item needs direct observation.'
    : rules.observation === 'performance' ? 'Every performance criterion needs direct observation before it is met.'
    : `These items need direct observation before they are met: ${rules.observationCodes.join(', ')}.`;
  return { evidence: `Each item needs ${rules.minimumEvidence === 1 ? '1 piece' : `${rules.minimumEvidence} pieces`} of evidence before it can be met.`, observation };
}

type Rules = { standardId: number; minimumEvidence: number; observation: keyof typeof OBSERVATION_LABELS; observationCodes: string[] };

function AssessmentRules({ rules, canSetRules }: { rules: Rules; canSetRules: boolean }) {
  const lastResult = useActionData<typeof action>();
  const reply = lastResult && (lastResult as { initialValue?: Record<string, unknown> }).initialValue?.intent === 'rules' ? lastResult : undefined;
  const [form, fields] = useSchemaForm('assessment-rules', AssessmentRulesSchema, reply as never, {
    intent: 'rules',
    standardId: String(rules.standardId),
    minimumEvidence: String(rules.minimumEvidence),
    observation: rules.observation,
    observationCodes: rules.observationCodes.join(' '),
  });
  const text = rulesText(rules);
  return (
    <>
      <h2 className="govuk-heading-m" id="assessment-rules-heading">Assessment rules</h2>
      <p className="govuk-body">{text.evidence}</p>
      <p className="govuk-body">{text.observation}</p>
      {canSetRules ? (
        <SchemaForm form={form} fields={fields}>
          <input type="hidden" name="intent" value="rules" />
          <input type="hidden" name="standardId" value={rules.standardId} />
          <TextField field={fields.minimumEvidence} label="Pieces of evidence each item needs before it can be met" hint="A whole number from 1 to 20" width="5" />
          <SelectField
            field={fields.observation}
            label="Items that need direct observation"
            options={Object.entries(OBSERVATION_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField field={fields.observationCodes} label="Codes of the chosen items" hint="Only for chosen items: the codes listed under Items, separated by spaces, for example P1 P3 K2" />
          <button type="submit" className="govuk-button govuk-button--secondary">Save assessment rules</button>
        </SchemaForm>
      ) : null}
    </>
  );
}
