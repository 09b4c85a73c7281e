// The workforce report's figures as a CSV an inspector can open (docs/decisions/031).
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '#app/utils/permissions.server.ts';
import { PDP_LABELS } from './report-labels.ts';
import { percent, workforceReport, type ReportPeriod } from './workforce-report.server.ts';

/** The same figures as a CSV an inspector can open: one row per figure, then one per main gap and per person. */
export async function workforceReportCsv(actor: Actor, period: ReportPeriod): Promise<string> {
  const report = await workforceReport(actor, period);
  const rows: (string | number)[][] = [['Section', 'Measure', 'Value', 'Out of', 'Percent', 'Period from', 'Period to']];
  for (const section of report.sections) {
    for (const figure of section.figures) {
      rows.push([section.title, figure.label, figure.value, figure.of ?? '', percent(figure.value, figure.of) ?? '', period.from, period.to]);
    }
  }
  for (const gap of report.mainGaps) {
    rows.push(['Main gaps', `${gap.label}: people lacking it`, gap.lacking, gap.holders, percent(gap.lacking, gap.holders) ?? '', period.from, period.to]);
    rows.push(['Main gaps', `${gap.label}: places on development planned`, gap.places, '', '', period.from, period.to]);
    rows.push(['Main gaps', `${gap.label}: places delivered`, gap.delivered, gap.places, percent(gap.delivered, gap.places) ?? '', period.from, period.to]);
    rows.push(['Main gaps', `${gap.label}: items met since the development`, gap.itemsMet, '', '', period.from, period.to]);
  }
  rows.push([]);
  rows.push(['Person', 'Team', 'Current supervision agreement', 'Sessions held', 'Sessions agreed', 'Records due', 'Records agreed in time', 'PDP', 'Standards achieved', 'Standards in progress', 'Policies not acknowledged', 'Development planned', 'Development delivered']);
  for (const person of report.people) {
    rows.push([person.name, person.teamName, person.agreement ? 'Yes' : 'No', person.sessionsHeld, person.sessionsExpected, person.recordsDue, person.recordsOnTime, PDP_LABELS[person.pdp], person.standardsAchieved, person.standardsInProgress, person.policiesOutstanding, person.developmentPlanned, person.developmentDelivered]);
  }
  return stringify(rows);
}
