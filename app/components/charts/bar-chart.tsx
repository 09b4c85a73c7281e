// Horizontal bars, one a row, each labelled with its name and its value: coverage by standard, say.
import { ChartFrame, INK, fillOf, useChartId, type ChartTable } from './chart-frame.tsx';

export type Bar = { label: string; value: number; note?: string };

export function BarChart({ title, description, bars, max, unit = '', table }: { title: string; description: string; bars: Bar[]; max?: number; unit?: string; table: ChartTable }) {
  const id = useChartId();
  const width = 600;
  const labelWidth = 150;
  const row = 44;
  const height = Math.max(bars.length, 1) * row + 20;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const span = width - labelWidth - 90;
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} table={table}>
      {bars.map((bar, index) => {
        const y = index * row + 10;
        const length = (bar.value / top) * span;
        return (
          <g key={bar.label}>
            <text x={labelWidth - 10} y={y + 22} fontSize="16" textAnchor="end" fill={INK}>{bar.label}</text>
            <rect x={labelWidth} y={y + 4} width={span} height="26" fill="#f3f2f1" />
            <rect x={labelWidth} y={y + 4} width={Math.max(length, 1)} height="26" fill={fillOf(id, 'solid')} stroke={INK} strokeWidth="1" />
            <text x={labelWidth + span + 8} y={y + 22} fontSize="16" fill={INK}>{`${bar.value}${unit}`}</text>
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1="6" y2={height - 6} stroke={INK} strokeWidth="2" />
    </ChartFrame>
  );
}
