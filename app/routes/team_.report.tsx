// The workforce report for a chosen period: one page a registered manager can show an inspector, organised by the
// CQC quality statements and Regulation 18, with charts, every figure linking to the people behind it, and a CSV.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { WorkforceChart } from '#app/components/charts/workforce-charts.tsx';
import { InspectionPackForm } from '#app/components/inspection-pack-form.tsx';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { ErrorSummary } from '#app/components/ui/error-summary.tsx';
import { useServerForm } from '#app/components/ui/form-core.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { inspectionPackChoices } from '#app/domain/portfolio/inspection-packs.server.ts';
import { PDP_LABELS, WHO_LABELS, figureText } from '#app/domain/team/report-labels.ts';
import { packAsked, periodAsked } from '#app/domain/team/report-period.server.ts';
import { isWho, peopleBehind, workforceReport } from '#app/domain/team/workforce-report.server.ts';
import type { PageHandle } from '#app/root.tsx';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate, splitDate } from '#app/utils/dates/index.ts';
import { can } from '#app/utils/permissions.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Workforce report – NOSfolio' }];

// The people table at its foot has a column per measure: the report takes the screen's width (root.tsx).
export const handle: PageHandle = { wide: true };

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  const url = new URL(request.url);
  const asked = periodAsked(url.searchParams);
  if (!asked.period) return { reply: asked.reply, query: '', report: null, who: null, people: [], pack: null, organisationName: actor.organisationName };
  const report = await workforceReport(actor, asked.period);
  const who = url.searchParams.get('who');
  const filter = isWho(who) ? who : null;
  return {
    reply: null,
    query: asked.query,
    report,
    who: filter ? { key: filter, label: WHO_LABELS[filter] } : null,
    people: peopleBehind(report, filter),
    pack: can(actor, 'print:inspection-pack') ? { choices: await inspectionPackChoices(actor), ...packAsked(url.searchParams) } : null,
    organisationName: actor.organisationName,
  };
});

export default function WorkforceReportPage() {
  const { reply, query, report, who, people, pack, organisationName } = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm<{ from: unknown; to: unknown }>('report-period', reply, {
    defaultValue: report ? { from: splitDate(report.period.from), to: splitDate(report.period.to) } : undefined,
  });
  const errors = Object.entries(form.allErrors).flatMap(([name, messages]) => messages.slice(0, 1).map((message) => ({ fieldId: name === 'to' ? fields.to.id : fields.from.id, message })));
  const peopleLink = (key: string) => `?${query}&who=${key}#people`;
  return (
    <>
      <Link to="/team" className="govuk-back-link">Back to your team</Link>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Workforce report</h1>
      <Form method="get" id={form.id} noValidate>
        <ErrorSummary errors={errors} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half"><DateInput field={fields.from} legend="From" hint="For example, 1 4 2026" /></div>
          <div className="govuk-grid-column-one-half"><DateInput field={fields.to} legend="To" hint="For example, 31 3 2027" /></div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Show the report for this period</button>
      </Form>

      {report ? (
        <>
          <p className="govuk-body-l">
            {formatDate(report.period.from)} to {formatDate(report.period.to)}: {plural(report.people.length, 'person', 'people')} in the teams you manage.
          </p>
          <p className="govuk-body">
            Counts of what happened (sessions, records, items met, development) are for the period; standing figures (agreements, PDPs, standards,
            policies) are as they are on {formatDate(report.today)}. Each figure links to the people behind it.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/team/report.csv?${query}`} download>Download the report as a CSV file</a>
          </p>
          {pack ? <InspectionPackForm pack={pack} period={report.period} periodText={`${formatDate(report.period.from)} to ${formatDate(report.period.to)}`} /> : null}

          {report.sections.map((section) => (
            <section key={section.id} aria-labelledby={section.id}>
              <h2 className="govuk-heading-m" id={section.id}>{section.title}</h2>
              <p className="govuk-body govuk-!-font-style-italic">{section.asks}</p>
              <TableRegion label={section.title}>
                <table className="govuk-table">
                  <caption className="govuk-visually-hidden">{section.title}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Measure</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Figure</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {section.figures.map((figure) => (
                      <tr className="govuk-table__row" key={figure.key}>
                        <th scope="row" className="govuk-table__header">{figure.label}</th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          <a className="govuk-link" href={figure.who ? peopleLink(figure.who) : `?${query}#people`}>
                            {figureText(figure)}
                            <span className="govuk-visually-hidden">: {figure.who ? `see the people ${WHO_LABELS[figure.who].toLowerCase()}` : 'see everyone'}</span>
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <WorkforceChart sectionId={section.id} charts={report.charts} />
            </section>
          ))}

          <section aria-labelledby="main-gaps">
            <h2 className="govuk-heading-m" id="main-gaps">The main gaps and the development planned and delivered</h2>
            {report.mainGaps.length ? (
              <TableRegion label="Main gaps">
                <table className="govuk-table">
                  <caption className="govuk-visually-hidden">The main gaps</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Gap</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">People lacking it</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Places planned</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Places delivered</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items met since</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {report.mainGaps.map((gap) => (
                      <tr className="govuk-table__row" key={gap.path}>
                        <th scope="row" className="govuk-table__header">
                          <Link className="govuk-link" to={gap.path}>{gap.label}</Link>
                          {gap.activities.map((activity) => (
                            <span key={activity.id} className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                              <Link className="govuk-link" to={`/team/activities/${activity.id}`}>{activity.title}</Link> ({activity.kindLabel}, {formatDate(activity.startsOn)})
                            </span>
                          ))}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric"><Link className="govuk-link" to={gap.path}>{gap.lacking} of {gap.holders}</Link></td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{gap.places}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{gap.delivered}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{gap.itemsMet}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            ) : (
              <p className="govuk-body">No gaps: everyone you manage has every item of their standards met, or holds no standards yet.</p>
            )}
          </section>

          <section aria-labelledby="regulation-18">
            <h2 className="govuk-heading-m" id="regulation-18">Regulation 18: Staffing</h2>
            <p className="govuk-body">The Health and Social Care Act 2008 (Regulated Activities) Regulations 2014, regulation 18, and where this report shows it.</p>
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">18(1) Sufficient numbers of suitably qualified, competent, skilled and experienced staff</dt>
                <dd className="govuk-summary-list__value"><a className="govuk-link" href="#safe-staffing">Safe and effective staffing</a>: standards achieved and in progress, coverage by standard</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">18(2)(a) Appropriate support, training, professional development, supervision and appraisal</dt>
                <dd className="govuk-summary-list__value">
                  <a className="govuk-link" href="#wellbeing">Supervision</a> held and recorded, <a className="govuk-link" href="#learning-culture">PDPs and development</a>, and{' '}
                  <a className="govuk-link" href="#main-gaps">the development planned against the main gaps</a>
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="people">
            <h2 className="govuk-heading-m" id="people">{who ? `People: ${who.label.toLowerCase()}` : 'Everyone in the report'} ({people.length})</h2>
            {who ? <p className="govuk-body"><a className="govuk-link" href={`?${query}#people`}>Show everyone</a></p> : null}
            {people.length ? (
              <TableRegion label="People behind the figures">
                <table className="govuk-table govuk-!-font-size-16">
                  <caption className="govuk-visually-hidden">People behind the figures</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Name</th>
                      <th scope="col" className="govuk-table__header">Supervision agreement</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Sessions held of agreed</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Records agreed in time</th>
                      <th scope="col" className="govuk-table__header">PDP</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Standards achieved</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Standards in progress</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Policies not acknowledged</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Development planned (delivered)</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {people.map((person) => (
                      <tr className="govuk-table__row" key={person.id}>
                        <th scope="row" className="govuk-table__header">
                          <Link className="govuk-link" to={`/workers/${person.id}`}>{person.name}</Link>
                          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{person.teamName}</span>
                        </th>
                        <td className="govuk-table__cell">{person.agreement ? 'Current' : <strong className="govuk-tag govuk-tag--red">None</strong>}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.sessionsHeld} of {person.sessionsExpected}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.recordsOnTime} of {person.recordsDue}</td>
                        <td className="govuk-table__cell">{PDP_LABELS[person.pdp]}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.standardsAchieved}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.standardsInProgress}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.policiesOutstanding}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{person.developmentPlanned} ({person.developmentDelivered})</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            ) : (
              <p className="govuk-body">Nobody.</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
