// Columns by period, one or more series side by side, each told apart by its pattern and named in the key.
import { AxisLabel, ChartFrame, INK, Legend, fillOf, useChartId, type ChartTable, type SeriesFill } from './chart-frame.tsx';

export type ColumnSeries = { label: string; fill: SeriesFill };
export type ColumnGroup = { label: string; values: number[] };

export function ColumnChart({ title, description, series, groups, table }: { title: string; description: string; series: ColumnSeries[]; groups: ColumnGroup[]; table: ChartTable }) {
  const id = useChartId();
  const width = 640;
  const height = 320;
  const left = 40;
  const bottom = height - 80;
  const top = 30;
  const max = Math.max(1, ...groups.flatMap((group) => group.values));
  const slot = (width - left - 10) / Math.max(groups.length, 1);
  const bar = Math.min(28, (slot - 6) / Math.max(series.length, 1));
  const scale = (value: number) => ((bottom - top) * value) / max;
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} table={table}>
      <line x1={left} x2={width - 10} y1={bottom} y2={bottom} stroke={INK} strokeWidth="2" />
      <text x={left - 6} y={top + 5} fontSize="14" textAnchor="end" fill={INK}>{Math.round(max * 10) / 10}</text>
      <text x={left - 6} y={bottom} fontSize="14" textAnchor="end" fill={INK}>0</text>
      {groups.map((group, index) => {
        const x = left + index * slot + (slot - bar * series.length) / 2;
        return (
          <g key={group.label}>
            {group.values.map((value, s) => (
              <rect key={s} x={x + s * bar} y={bottom - scale(value)} width={bar - 2} height={Math.max(scale(value), 0)} fill={fillOf(id, series[s]!.fill)} stroke={INK} strokeWidth="1" />
            ))}
            <AxisLabel x={left + index * slot + slot / 2} y={bottom + 18} label={group.label} />
          </g>
        );
      })}
      <Legend id={id} series={series} y={height - 30} width={width - left} />
    </ChartFrame>
  );
}
