// The manager's team page: a matrix of the people they manage by the standards their roles require, drilling down
// to a standard's sections and a section's items, and beside each person what needs the manager's attention.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { cellTone, describeCell, type Cell, type CellTone } from '#app/domain/team/matrix-cells.ts';
import { teamMatrix, type PersonFlags, type TeamMatrix } from '#app/domain/team/matrix.server.ts';
import type { PageHandle } from '#app/root.tsx';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction = () => [{ title: 'Team – NOSfolio' }];

export const handle: PageHandle = { wide: true };

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  return teamMatrix(actor, Object.fromEntries(new URL(request.url).searchParams));
});

const TONES: Record<CellTone, { label: string; glyph: string }> = {
  met: { label: 'Met', glyph: '✔' },
  part_met: { label: 'Partly met', glyph: '◑' },
  submitted: { label: 'Submitted', glyph: '▲' },
  mapped: { label: 'Evidence mapped', glyph: '◇' },
  not_yet_met: { label: 'Not yet met', glyph: '✘' },
  none: { label: 'Nothing yet', glyph: '○' },
};

type Place = { standard?: string | null; section?: string | null };

/** The page's address with the current filters and sort, at the given place in the drill-down. */
function hrefOf(data: TeamMatrix, place: Place) {
  const params = new URLSearchParams();
  if (data.filters.location) params.set('location', String(data.filters.location));
  if (data.filters.team) params.set('team', String(data.filters.team));
  if (data.filters.role) params.set('role', String(data.filters.role));
  if (data.filters.sort !== 'gaps') params.set('sort', data.filters.sort);
  if (place.standard) params.set('standard', place.standard);
  if (place.standard && place.section) params.set('section', place.section);
  const query = params.toString();
  return query ? `/team?${query}` : '/team';
}

function MatrixCell({ cell, single }: { cell: Cell | null; single: boolean }) {
  if (!cell) return <td className="govuk-table__cell app-matrix-cell app-matrix-cell--not-held">Not required</td>;
  const tone = cellTone(cell);
  const { headline, detail } = describeCell(cell);
  return (
    <td className={`govuk-table__cell app-matrix-cell app-matrix-cell--${tone.replaceAll('_', '-')}`}>
      <span className="app-matrix-cell__glyph" aria-hidden="true">{TONES[tone].glyph}</span>{' '}
      {single ? (
        <strong>{TONES[tone].label}</strong>
      ) : (
        <>
          <strong>{headline}</strong>
          {detail.length ? <span className="app-matrix-cell__detail">{detail.join(', ')}</span> : null}
        </>
      )}
    </td>
  );
}

function Flags({ flags }: { flags: PersonFlags }) {
  const lines: string[] = [];
  if (flags.supervisionOverdue) lines.push(`Supervision overdue since ${formatDate(flags.supervisionOverdue.dueBy)}`);
  if (flags.noAgreement) lines.push('No current supervision agreement');
  if (flags.noLineSupervisor) lines.push('No line supervisor');
  if (flags.recordsLate) lines.push(`${plural(flags.recordsLate, 'supervision record', 'supervision records')} not agreed in time`);
  if (flags.pdp === 'missing') lines.push('No agreed development plan');
  if (flags.pdp === 'stale') lines.push(`Development plan not reviewed since ${formatDate(flags.pdpAgreedOn ?? '')}`);
  if (flags.unacknowledgedPolicies) lines.push(`${plural(flags.unacknowledgedPolicies, 'policy', 'policies')} not acknowledged`);
  for (const target of flags.passedTargets) lines.push(`Target passed: ${target.roleProfileName}, ${formatDate(target.targetDate)}`);
  if (!lines.length) return <>Nothing needs attention</>;
  return (
    <ul className="govuk-list app-matrix-flags">
      {lines.map((line) => (
        <li key={line}>
          <span aria-hidden="true">⚑ </span>
          {line}
        </li>
      ))}
    </ul>
  );
}

function Filters({ data }: { data: TeamMatrix }) {
  const { filters, options } = data;
  return (
    <Form method="get" className="app-matrix-filters">
      {data.standard ? <input type="hidden" name="standard" value={data.standard.urn} /> : null}
      {data.standard && data.section ? <input type="hidden" name="section" value={data.section} /> : null}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="filter-location">Location</label>
        <select className="govuk-select" id="filter-location" name="location" defaultValue={filters.location ?? ''}>
          <option value="">All locations</option>
          {options.locations.map((location) => <option key={location.id} value={location.id}>{location.name}</option>)}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="filter-team">Team</label>
        <select className="govuk-select" id="filter-team" name="team" defaultValue={filters.team ?? ''}>
          <option value="">All teams</option>
          {options.teams.map((team) => (
            <option key={team.id} value={team.id}>{team.locationName ? `${team.name} (${team.locationName})` : team.name}</option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="filter-role">Role profile</label>
        <select className="govuk-select" id="filter-role" name="role" defaultValue={filters.role ?? ''}>
          <option value="">All role profiles</option>
          {options.roleProfiles.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="filter-sort">Sort by</label>
        <select className="govuk-select" id="filter-sort" name="sort" defaultValue={filters.sort}>
          <option value="gaps">Most gaps first</option>
          <option value="name">Name</option>
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
    </Form>
  );
}

function Key() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">What the symbols mean</span></summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {(Object.keys(TONES) as CellTone[]).map((tone) => (
            <li key={tone}>
              <span className={`app-matrix-swatch app-matrix-cell--${tone.replaceAll('_', '-')}`} aria-hidden="true">{TONES[tone].glyph}</span> {TONES[tone].label}
              {tone === 'part_met' ? ': some items met, nothing yet for the rest' : tone === 'not_yet_met' ? ': an assessor decided at least one item is not yet met' : ''}
            </li>
          ))}
        </ul>
        <p className="govuk-body">Every cell also says in words how many items are met and where the rest stand.</p>
      </div>
    </details>
  );
}

export default function TeamPage() {
  const data = useLoaderData<typeof loader>();
  const { level, columns, rows, standard, section } = data;
  if (!data.managesTeams) {
    return (
      <>
        <h1 className="govuk-heading-l">Team</h1>
        <p className="govuk-body">You do not manage any teams yet. Ask your organisation admin.</p>
      </>
    );
  }
  const single = level === 'items';
  const subject = level === 'standards' ? 'standard' : level === 'sections' ? 'section' : 'item';
  const caption =
    level === 'standards'
      ? 'Items met by person and standard'
      : level === 'sections'
        ? `${standard!.urn} ${standard!.title}: items met by person and section`
        : `${standard!.urn}, ${section}: each item by person`;
  return (
    <>
      <h1 className="govuk-heading-l">Team</h1>
      <p className="govuk-body"><Link className="govuk-link" to="/team/gaps">Gaps and development</Link> · <Link className="govuk-link" to="/team/report">Workforce report</Link> · <Link className="govuk-link" to="/team/portfolios">Team portfolios</Link></p>
      {level !== 'standards' ? (
        <nav className="govuk-breadcrumbs" aria-label="Where you are in the matrix">
          <ol className="govuk-breadcrumbs__list">
            <li className="govuk-breadcrumbs__list-item"><Link className="govuk-breadcrumbs__link" to={hrefOf(data, {})}>All standards</Link></li>
            {level === 'items' ? (
              <li className="govuk-breadcrumbs__list-item"><Link className="govuk-breadcrumbs__link" to={hrefOf(data, { standard: standard!.urn })}>{standard!.urn}</Link></li>
            ) : null}
          </ol>
        </nav>
      ) : null}
      <Filters data={data} />
      <Key />
      {rows.length === 0 ? (
        <p className="govuk-body">
          {level === 'standards' ? 'Nobody in the teams you manage matches these filters.' : `Nobody matching these filters holds this ${level === 'sections' ? 'standard' : 'section'}.`}{' '}
          <Link className="govuk-link" to="/team">Show everyone</Link>
        </p>
      ) : (
        <TableRegion label={caption}>
          <table className="govuk-table app-matrix">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {caption} ({plural(rows.length, 'person', 'people')}{data.filters.sort === 'gaps' ? ', most gaps first' : ''})
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Person</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items not met</th>
                {columns.map((column) => (
                  <th scope="col" className="govuk-table__header" key={column.key}>
                    {level === 'items' ? (
                      column.label
                    ) : (
                      <Link
                        className="govuk-link"
                        to={hrefOf(data, level === 'standards' ? { standard: column.key } : { standard: standard!.urn, section: column.key })}
                      >
                        {column.label}
                        <span className="govuk-visually-hidden">: show each {level === 'standards' ? 'section' : 'item'}</span>
                      </Link>
                    )}
                    {level === 'standards' && column.text ? <span className="app-matrix-header__text">{column.text}</span> : null}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header app-matrix-attention">Needs attention</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/workers/${row.id}`}>{row.name}</Link>
                    {row.jobTitle ? <span className="app-matrix-header__text">{row.jobTitle}</span> : null}
                    <span className="app-matrix-header__text">{row.teamName}</span>
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.gaps}</td>
                  {row.cells.map((cell, index) => <MatrixCell key={columns[index]!.key} cell={cell} single={single} />)}
                  <td className="govuk-table__cell app-matrix-attention"><Flags flags={row.flags} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {level === 'items' ? (
        <>
          <h2 className="govuk-heading-m">The items of this section</h2>
          <dl className="govuk-summary-list">
            {columns.map((column) => (
              <div className="govuk-summary-list__row" key={column.key}>
                <dt className="govuk-summary-list__key">{column.label}</dt>
                <dd className="govuk-summary-list__value">{column.text}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <p className="govuk-body">
        {plural(columns.length, subject, `${subject}s`)} shown. A person&rsquo;s name opens their progress page.
      </p>
    </>
  );
}
