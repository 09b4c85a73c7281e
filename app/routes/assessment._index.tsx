// The assessor's queue: evidence of the people they assess still waiting for a judgement, oldest first.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { assessmentQueue, QUEUE_AGES } from '#app/domain/assessment/queue.server.ts';
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES } from '#app/domain/evidence-types.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Evidence to assess – NOSfolio' }];

const id = z.coerce.number().int().positive().optional().catch(undefined);
/** A filter left empty or sent with a value nobody offered shows everything, rather than an error. */
const Query = z.object({
  worker: id,
  standard: id,
  age: z.coerce.number().int().refine((days) => (QUEUE_AGES as readonly number[]).includes(days)).optional().catch(undefined),
  type: z.enum(EVIDENCE_TYPES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:assessment-queue:own');
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return assessmentQueue(actor, { workerId: query.worker, standardId: query.standard, olderThanDays: query.age, type: query.type }, query.page);
});

type Option = { value: string; label: string };

function FilterSelect({ name, label, options, value, all }: { name: string; label: string; options: Option[]; value: string; all: string }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${name}`}>{label}</label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}

export default function AssessmentQueuePage() {
  const { rows, total, oldestDays, page, pageCount, filters, options } = useLoaderData<typeof loader>();
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const search = new URLSearchParams(
    Object.entries({ worker: filters.workerId, standard: filters.standardId, age: filters.olderThanDays, type: filters.type }).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, String(value)]],
    ),
  );
  const pageHref = (to: number) => {
    const params = new URLSearchParams(search);
    if (to > 1) params.set('page', String(to));
    const query = params.toString();
    return query ? `?${query}` : '?';
  };
  const summary = total
    ? `${plural(total, 'piece', 'pieces')} of evidence waiting${filtered ? ' that match' : ''}, the oldest ${plural(oldestDays ?? 0, 'day', 'days')}.${pageCount > 1 ? ` Page ${page} of ${pageCount}.` : ''}`
    : '';
  return (
    <>
      <h1 className="govuk-heading-l">Evidence to assess</h1>
      <p className="govuk-body">
        Submitted evidence from the people you assess, oldest first, while any item mapped to it has no decision on the revision you would read.
      </p>
      <Form method="get" className="app-filter" aria-label="Filter the evidence">
        <FilterSelect name="worker" label="Person" options={options.workers} value={String(filters.workerId ?? '')} all="Everyone you assess" />
        <FilterSelect name="standard" label="Standard" options={options.standards} value={String(filters.standardId ?? '')} all="All standards" />
        <FilterSelect name="age" label="Waiting" options={options.ages} value={String(filters.olderThanDays ?? '')} all="Any time" />
        <FilterSelect name="type" label="Type of evidence" options={options.types} value={filters.type ?? ''} all="All types" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">Filter</button>
          {filtered ? <Link className="govuk-link" to="/assessment">Clear filters</Link> : null}
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="govuk-body">
          {filtered ? (
            <>Nothing waiting matches these filters. <Link className="govuk-link" to="/assessment">Show everything waiting</Link>.</>
          ) : (
            <>Nothing is waiting for you. When someone you assess submits evidence, or changes evidence you have judged, it appears here.</>
          )}
        </p>
      ) : (
        <>
          {/* Outside the table, so that on a phone it does not scroll away with the columns. */}
          <p className="govuk-body govuk-!-font-weight-bold" id="queue-summary">{summary}</p>
          <TableRegion label="Evidence waiting">
            <table className="govuk-table" aria-describedby="queue-summary">
              <caption className="govuk-visually-hidden">Evidence waiting, oldest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Evidence</th>
                  <th scope="col" className="govuk-table__header">Person</th>
                  <th scope="col" className="govuk-table__header">Type</th>
                  <th scope="col" className="govuk-table__header">Submitted</th>
                  <th scope="col" className="govuk-table__header">Waiting</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items to judge</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((row) => (
                  <tr className="govuk-table__row" key={row.evidenceId}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`/evidence/${row.evidenceId}`}>{row.title}</Link>
                      {row.revisionNumber > 1 ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Revision {row.revisionNumber}</span> : null}
                    </th>
                    <td className="govuk-table__cell">{row.workerName}</td>
                    <td className="govuk-table__cell">{EVIDENCE_TYPE_LABELS[row.type]}</td>
                    <td className="govuk-table__cell">{formatDate(row.submittedAt)}</td>
                    <td className="govuk-table__cell">{row.ageDays === 0 ? 'Today' : plural(row.ageDays, 'day', 'days')}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.waiting} of {row.mapped}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {pageCount > 1 ? (
        <nav className="govuk-pagination" aria-label="Pages of evidence waiting">
          {page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(page - 1)} rel="prev">
                <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
              </Link>
            </div>
          ) : null}
          <ul className="govuk-pagination__list">
            {Array.from({ length: pageCount }, (_, index) => index + 1)
              .filter((number) => number === 1 || number === pageCount || Math.abs(number - page) <= 1)
              .flatMap((number, index, shown) => [
                ...(index > 0 && number - shown[index - 1]! > 1 ? [<li key={`gap-${number}`} className="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>] : []),
                <li key={number} className={`govuk-pagination__item${number === page ? ' govuk-pagination__item--current' : ''}`}>
                  <Link
                    className="govuk-link govuk-pagination__link"
                    to={pageHref(number)}
                    aria-label={`Page ${number}`}
                    aria-current={number === page ? 'page' : undefined}
                  >
                    {number}
                  </Link>
                </li>,
              ])}
          </ul>
          {page < pageCount ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(page + 1)} rel="next">
                <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
