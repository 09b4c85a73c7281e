// The sampling report: for a chosen period, how many decisions each assessor and each standard had, how many were
// sampled and reviewed, agreed and challenged; and the same as a CSV file.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PeriodFilter } from '#app/components/iqa/period-filter.tsx';
import { periodErrors, periodFromQuery } from '#app/components/iqa/period.ts';
import { ErrorSummary } from '#app/components/ui/error-summary.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { samplingReport, type CoverageRow } from '#app/domain/assessment/sampling.server.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { can } from '#app/utils/permissions.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'IQA sampling report – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:iqa-report:org');
  const period = periodFromQuery(new URL(request.url).searchParams);
  return {
    report: await samplingReport(actor, period),
    period,
    mayReview: can(actor, 'review:decisions:quality-assured'),
    maySetRules: can(actor, 'manage:iqa-settings:org'),
  };
});

export default function SamplingReportPage() {
  const { report, period, mayReview, maySetRules } = useLoaderData<typeof loader>();
  const query = new URLSearchParams({ from: period.typed.from, to: period.typed.to });
  return (
    <>
      <ErrorSummary errors={periodErrors(period)} />
      {mayReview ? <Link to={`/iqa?${query}`} className="govuk-back-link">Back to the IQA sample</Link> : null}
      <h1 className="govuk-heading-l">IQA sampling report</h1>
      <p className="govuk-body">
        From {formatDate(period.from)} to {formatDate(period.to)}. Rules: every decision of a new assessor, {report.rules.samplePercent}% of the
        others, at least {plural(report.rules.minimumPerAssessorMonth, 'decision', 'decisions')} per assessor per month.
        {maySetRules ? <> <Link className="govuk-link" to="/iqa/settings">Change the sampling rules</Link>.</> : null}
      </p>
      <PeriodFilter period={period} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/iqa/report/download?${query}`} download>Download this report (CSV)</a>
      </p>
      <CoverageTable caption="Coverage per assessor" nameHeader="Assessor" rows={report.byAssessor} total={report.total} />
      <CoverageTable caption="Coverage per standard" nameHeader="Standard" rows={report.byStandard} total={report.total} />
    </>
  );
}

function CoverageTable({ caption, nameHeader, rows, total }: { caption: string; nameHeader: string; rows: CoverageRow[]; total: CoverageRow }) {
  const numbers = (row: CoverageRow) => [row.made, row.sampled, row.reviewed, row.agreed, row.challenged, `${row.percentSampled}%`];
  return (
    <>
      <h2 className="govuk-heading-m">{caption}</h2>
      {rows.length === 0 ? (
        <p className="govuk-body">No decisions were made in this period.</p>
      ) : (
        <TableRegion label={caption}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">{caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{nameHeader}</th>
                {['Decisions made', 'Sampled', 'Reviewed', 'Agreed', 'Challenged', '% sampled'].map((header) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={header}>{header}</th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {[...rows, total].map((row) => (
                <tr className="govuk-table__row" key={`${row.label}-${row.key}`}>
                  <th scope="row" className="govuk-table__header">{row === total ? 'Total' : row.label}</th>
                  {numbers(row).map((value, index) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={index}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
