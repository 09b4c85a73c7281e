// The workforce report's charts, one beside the figures of each quality statement: drawn the same on the report page
// and in the inspection pack (rendered to static markup there), so the picture and its table never differ.
import { formatYearMonth } from '#app/utils/dates/index.ts';
import { BarChart } from './bar-chart.tsx';
import { ColumnChart } from './column-chart.tsx';
import { LineChart } from './line-chart.tsx';

export type WorkforceCharts = {
  coverage: { label: string; people: number; items: number; met: number; percent: number }[];
  itemsMet: { month: string; met: number }[];
  supervision: { month: string; held: number; agreed: number }[];
};

/** "Dec|2025" under the first month and each January, "Feb" under the others: the chart's axis labels. */
const shortMonth = (month: string, index: number) => {
  const [name, year] = formatYearMonth(month).split(' ');
  return index === 0 || month.endsWith('-01') ? `${name!.slice(0, 3)}|${year}` : name!.slice(0, 3);
};

/** The chart of one section of the report (by its id), or nothing for a section without one. */
export function WorkforceChart({ sectionId, charts }: { sectionId: string; charts: WorkforceCharts }) {
  if (sectionId === 'safe-staffing') {
    return (
      <BarChart
        title="Coverage by standard"
        description={`Of the items of each standard held by the people in the report, the share met: ${charts.coverage.map((row) => `${row.label} ${row.percent}%`).join(', ') || 'no standards held'}.`}
        bars={charts.coverage.map((row) => ({ label: row.label, value: row.percent }))}
        max={100}
        unit="%"
        table={{ caption: 'Coverage by standard', columns: ['Standard', 'People', 'Items met', '%'], rows: charts.coverage.map((row) => [row.label, row.people, `${row.met} of ${row.items}`, row.percent]) }}
      />
    );
  }
  if (sectionId === 'learning-culture') {
    return (
      <LineChart
        title="Items met over time"
        description={`Items met each month of the period, by the date of the decision that met them: ${charts.itemsMet.map((row) => `${formatYearMonth(row.month)} ${row.met}`).join(', ')}.`}
        points={charts.itemsMet.map((row, index) => ({ label: shortMonth(row.month, index), value: row.met }))}
        table={{ caption: 'Items met by month', columns: ['Month', 'Items met'], rows: charts.itemsMet.map((row) => [formatYearMonth(row.month), row.met]) }}
      />
    );
  }
  if (sectionId === 'wellbeing') {
    return (
      <ColumnChart
        title="Supervision held against agreed"
        description={`Sessions held each month (solid) against the sessions the agreements ask for (striped): ${charts.supervision.map((row) => `${formatYearMonth(row.month)} ${row.held} held of ${row.agreed}`).join(', ')}.`}
        series={[{ label: 'Held', fill: 'solid' }, { label: 'Agreed', fill: 'stripes' }]}
        groups={charts.supervision.map((row, index) => ({ label: shortMonth(row.month, index), values: [row.held, row.agreed] }))}
        table={{ caption: 'Supervision by month', columns: ['Month', 'Held', 'Agreed'], rows: charts.supervision.map((row) => [formatYearMonth(row.month), row.held, row.agreed]) }}
      />
    );
  }
  return null;
}
