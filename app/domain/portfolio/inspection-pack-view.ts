// toInspectionPackView: the plain data the inspection pack's templates render (docs/decisions/037), from the workforce
// report of one team or location and a summary of each person in it. Pure: no models, no I/O; the charts are the
// report page's own components rendered to static markup; dates left as ISO text for the templates' UK date helpers.
import { WorkforceChart } from '#app/components/charts/workforce-charts.tsx';
import { formatDate } from '#app/utils/dates/index.ts';
import { PDP_LABELS, figureText } from '../team/report-labels.ts';
import type { ReportPerson, WorkforceReport } from '../team/workforce-report.server.ts';
import type { BatchScope } from './batch-statuses.ts';
import { groupedCode } from './codes.ts';
import { pageOfSlot } from './page-slots.ts';
import type { IssueFacts } from './portfolio-view.ts';
import { StaticMarkup } from './static-markup.ts';

export type PackStandard = { urn: string; version: string; title: string; met: number; total: number; achievedAt: Date | null };
export type PackWorker = { person: ReportPerson; roles: string[]; standards: PackStandard[] };
export type InspectionPackData = {
  organisationName: string;
  scope: { type: BatchScope; id: number; name: string };
  report: WorkforceReport;
  workers: PackWorker[];
};

const SCOPE_LABELS: Record<BatchScope, string> = { team: 'Team', location: 'Location' };

/** The name the pack prints for its scope ("Location: Riverside House"), also its subject in issued_documents. */
export function scopeTitle(scope: InspectionPackData['scope']): string {
  return `${SCOPE_LABELS[scope.type]}: ${scope.name}`;
}

function workerView(worker: PackWorker, index: number) {
  const { person } = worker;
  const anchor = `person-${index + 1}`;
  return {
    anchor,
    pageSlot: pageOfSlot(anchor),
    name: person.name,
    team: person.teamName,
    roles: worker.roles.join(', '),
    standards: worker.standards.map((standard) => ({
      label: `${standard.urn} ${standard.title}`,
      version: standard.version,
      met: standard.met,
      total: standard.total,
      achievedAt: standard.achievedAt ? standard.achievedAt.toISOString() : null,
    })),
    openGaps: worker.standards.reduce((sum, standard) => sum + standard.total - standard.met, 0),
    agreement: person.agreement ? 'Current and signed' : 'None',
    sessions: `${person.sessionsHeld} held of ${person.sessionsExpected} agreed`,
    sessionsShort: `${person.sessionsHeld} of ${person.sessionsExpected}`,
    records: `${person.recordsOnTime} of ${person.recordsDue}`,
    pdp: PDP_LABELS[person.pdp],
    policiesOutstanding: person.policiesOutstanding,
    achieved: person.standardsAchieved,
    inProgress: person.standardsInProgress,
    development: `${person.developmentPlanned} planned, ${person.developmentDelivered} attended or completed`,
    flagged: {
      agreement: !person.agreement,
      sessions: person.sessionsHeld < person.sessionsExpected,
      records: person.recordsOnTime < person.recordsDue,
      pdp: person.pdp !== 'current',
      policies: person.policiesOutstanding > 0,
    },
  };
}

/** The whole pack as the templates take it. */
export function toInspectionPackView(data: InspectionPackData, issue: IssueFacts) {
  const { report } = data;
  const scope = scopeTitle(data.scope);
  const period = `${formatDate(report.period.from)} to ${formatDate(report.period.to)}`;
  const sections = report.sections.map((section) => ({
    anchor: section.id,
    title: section.title,
    asks: section.asks,
    // The report's first figure speaks to the manager ("the teams you manage"); the pack speaks to its reader.
    figures: section.figures.map((figure) => ({ label: figure.key === 'people' ? `People in this ${SCOPE_LABELS[data.scope.type].toLowerCase()}` : figure.label, value: figureText(figure) })),
    chart: StaticMarkup.of(WorkforceChart, { sectionId: section.id, charts: report.charts }, `${section.id}-`),
  }));
  const workers = data.workers.map(workerView);
  const part = (label: string, anchor: string, sub = false) => ({ label, anchor, pageSlot: pageOfSlot(anchor), sub });
  const parts = [
    part('Workforce report', 'report'),
    ...sections.map((section) => part(section.title, section.anchor, true)),
    part('The main gaps and the development against them', 'main-gaps', true),
    part('Regulation 18: Staffing', 'regulation-18', true),
    part('Everyone in the report', 'people', true),
    part('Summaries by person', 'summaries'),
    ...workers.map((worker) => part(worker.name, worker.anchor, true)),
  ];
  return {
    lang: 'en-GB',
    title: `Inspection pack: ${data.scope.name}, ${period}`,
    author: data.organisationName,
    subject: 'The workforce report by CQC quality statement and Regulation 18, with a summary of each person in the team or location',
    margins: { headerLeft: `Inspection pack: ${scopeTitle(data.scope)}`, headerRight: data.organisationName, footer: `Verification code ${groupedCode(issue.code)} · check it at ${issue.verifyUrl}` },
    cover: {
      organisation: data.organisationName,
      scope,
      periodFrom: report.period.from,
      periodTo: report.period.to,
      standingOn: report.today,
      people: workers.length,
      issuedAt: issue.issuedAt.toISOString(),
      issuedBy: issue.issuedByName,
      code: groupedCode(issue.code),
      verifyUrl: issue.verifyUrl,
      about: 'for which team or location',
    },
    parts,
    period: report.period,
    today: report.today,
    sections,
    mainGaps: report.mainGaps.map((gap) => ({
      label: gap.label,
      lacking: `${gap.lacking} of ${gap.holders}`,
      places: gap.places,
      delivered: gap.delivered,
      itemsMet: gap.itemsMet,
      activities: gap.activities.map((activity) => ({ title: activity.title, kind: activity.kindLabel, startsOn: activity.startsOn })),
    })),
    workers,
  };
}

export type InspectionPackView = ReturnType<typeof toInspectionPackView>;
