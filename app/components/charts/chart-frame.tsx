// What every chart shares: an SVG image named by its <title> and described by its <desc>, the fill patterns that tell
// series apart without colour, and the table of its numbers beside it (below it on a narrow screen).
import { useId, type ReactNode } from 'react';
import { TableRegion } from '../ui/table-region.tsx';

/** Each series' fill: a colour and a pattern, so that none is told apart by colour alone. */
export const SERIES_FILLS = ['solid', 'stripes', 'dots'] as const;
export type SeriesFill = (typeof SERIES_FILLS)[number];

export const INK = '#0b0c0c';
const COLOURS: Record<SeriesFill, string> = { solid: '#1d70b8', stripes: '#003078', dots: '#00703c' };

/** An id usable inside url(#...) in the SVG: React's ids carry colons. */
export function useChartId(): string {
  return `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

export function fillOf(id: string, fill: SeriesFill): string {
  return fill === 'solid' ? COLOURS.solid : `url(#${id}-${fill})`;
}

export function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-stripes`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#ffffff" />
        <rect width="4" height="8" fill={COLOURS.stripes} />
      </pattern>
      <pattern id={`${id}-dots`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#ffffff" />
        <circle cx="4" cy="4" r="2.5" fill={COLOURS.dots} />
      </pattern>
    </defs>
  );
}

/** A key to the series: each with its pattern swatch and name, in the chart itself. */
export function Legend({ id, series, y, width }: { id: string; series: { label: string; fill: SeriesFill }[]; y: number; width: number }) {
  const step = width / Math.max(series.length, 1);
  return (
    <g>
      {series.map((entry, index) => (
        <g key={entry.label} transform={`translate(${index * step}, ${y})`}>
          <rect width="18" height="18" fill={fillOf(id, entry.fill)} stroke={INK} strokeWidth="1" />
          <text x="26" y="14" fontSize="16" fill={INK}>{entry.label}</text>
        </g>
      ))}
    </g>
  );
}

/** A label under the axis; a second line after "|" (the year under a month, say). */
export function AxisLabel({ x, y, label }: { x: number; y: number; label: string }) {
  const [first, second] = label.split('|');
  return (
    <text x={x} y={y} fontSize="13" textAnchor="middle" fill={INK}>
      {first}
      {second ? <tspan x={x} dy="16">{second}</tspan> : null}
    </text>
  );
}

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  table,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  table: ChartTable;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row app-chart">
      <div className="govuk-grid-column-two-thirds">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
          fontFamily="GDS Transport, arial, sans-serif"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <Patterns id={id} />
          {children}
        </svg>
      </div>
      <div className="govuk-grid-column-one-third">
        <TableRegion label={table.caption}>
          <table className="govuk-table govuk-!-font-size-16">
            <caption className="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {table.columns.map((column, index) => (
                  <th key={column} scope="col" className={`govuk-table__header${index ? ' govuk-table__header--numeric' : ''}`}>{column}</th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {table.rows.map((row) => (
                <tr className="govuk-table__row" key={String(row[0])}>
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row" className="govuk-table__header">{cell}</th>
                    ) : (
                      <td key={index} className="govuk-table__cell govuk-table__cell--numeric">{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </div>
    </div>
  );
}
