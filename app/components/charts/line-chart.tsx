// A line through one value per period, each point marked and labelled with its value: items met by month, say.
import { AxisLabel, ChartFrame, INK, useChartId, type ChartTable } from './chart-frame.tsx';

export type LinePoint = { label: string; value: number };

export function LineChart({ title, description, points, table }: { title: string; description: string; points: LinePoint[]; table: ChartTable }) {
  const id = useChartId();
  const width = 640;
  const height = 280;
  const left = 40;
  const bottom = height - 50;
  const top = 30;
  const max = Math.max(1, ...points.map((point) => point.value));
  const step = (width - left - 30) / Math.max(points.length - 1, 1);
  const at = (index: number, value: number) => ({ x: left + 10 + index * step, y: bottom - ((bottom - top) * value) / max });
  const path = points.map((point, index) => `${at(index, point.value).x},${at(index, point.value).y}`).join(' ');
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} table={table}>
      <line x1={left} x2={width - 10} y1={bottom} y2={bottom} stroke={INK} strokeWidth="2" />
      <text x={left - 6} y={top + 5} fontSize="14" textAnchor="end" fill={INK}>{max}</text>
      <text x={left - 6} y={bottom} fontSize="14" textAnchor="end" fill={INK}>0</text>
      <polyline points={path} fill="none" stroke="#1d70b8" strokeWidth="3" />
      {points.map((point, index) => {
        const { x, y } = at(index, point.value);
        return (
          <g key={point.label}>
            <rect x={x - 5} y={y - 5} width="10" height="10" fill={INK} />
            <text x={x} y={y - 10} fontSize="14" textAnchor="middle" fill={INK}>{point.value}</text>
            <AxisLabel x={x} y={bottom + 20} label={point.label} />
          </g>
        );
      })}
    </ChartFrame>
  );
}
