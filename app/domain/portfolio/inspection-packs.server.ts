// The inspection pack (docs/decisions/037): the workforce report of one team or location for a period, with a summary
// page for each person in it, printed as one PDF by the renderer that prints portfolios, issued with a verification
// code and audited. A manager prints it for a team or location they manage, an admin for any of the organisation's.
import type { InspectionPackRequest } from '#app/components/inspection-pack-schema.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, can, canPrintInspectionPack, type Actor } from '#app/utils/permissions.server.ts';
import { absoluteUrl } from '#app/utils/public-url.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { slugFor } from '#app/utils/words.ts';
import { ISSUED_DOCUMENT_KINDS } from '#db/models/issued-document.ts';
import { isAchieved } from '../assessment/achievements.server.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { peopleOfTeams } from '../development/internal/managed-people.server.ts';
import { findTeamScope, scopesOffered, scopeValue } from '../team/scopes.server.ts';
import { reportFor, type ReportReads } from '../team/workforce-report.server.ts';
import { groupedCode, newVerificationCode } from './codes.ts';
import { scopeTitle, toInspectionPackView, type InspectionPackData, type PackWorker } from './inspection-pack-view.ts';
import { issueDocument } from './internal/issue.server.ts';
import { renderDocument } from './templates.server.ts';

export type IssuedInspectionPack = { bytes: Uint8Array; code: string; fileName: string; sha256: string; pages: number; refused: string[] };

/** Each person's standards (met of total items, achieved or not) and role profiles, from what the report read. */
function workersOf(people: InspectionPackData['report']['people'], read: ReportReads): PackWorker[] {
  return people.map((person) => ({
    person,
    roles: read.roleNames.get(person.id) ?? [],
    standards: (read.competence.held.get(person.id) ?? []).map((standard) => {
      const states = read.competence.states.get(person.id);
      const achievement = read.achievements.get(person.id)?.get(standard.standardVersionId);
      return {
        urn: standard.urn,
        version: standard.version,
        title: standard.title,
        total: standard.items.length,
        met: standard.items.filter((item) => states?.get(item.id)?.state === 'met').length,
        achievedAt: isAchieved(achievement) ? achievement!.at : null,
      };
    }),
  }));
}

/** The teams and locations the actor may print a pack for, as the form offers them: those they manage (an admin: all). */
export async function inspectionPackChoices(actor: Actor): Promise<{ value: string; label: string }[]> {
  assertCan(actor, 'print:inspection-pack');
  const scopes = await scopesOffered(actor, can(actor, 'print:inspection-pack:org'));
  return scopes.map((scope) => ({ value: scopeValue(scope), label: scopeTitle(scope) }));
}

/**
 * What the pack prints, read for the actor: the permission first, then the team or location (another organisation's,
 * or one they do not manage, is not found), its active people (the actor excepted, as in the report) and the report
 * about them. A fixed number of statements whatever the number of people.
 */
export async function loadInspectionPackData(actor: Actor, request: InspectionPackRequest): Promise<InspectionPackData> {
  assertCan(actor, 'print:inspection-pack');
  const scope = await findTeamScope(actor, request.scope);
  if (!scope || !canPrintInspectionPack(actor, scope)) throw new NotFound('Team');
  const people = await peopleOfTeams(actor, scope.teamIds);
  const { report, read } = await reportFor(actor, people, { from: request.from, to: request.to });
  return { organisationName: actor.organisationName, scope, report, workers: workersOf(report.people, read) };
}

/** Makes, issues and audits the inspection pack of a team or location for a period (see loadInspectionPackData for who may). */
export async function issueInspectionPack(ctx: DomainContext, request: InspectionPackRequest): Promise<IssuedInspectionPack> {
  const { actor } = ctx;
  const data = await loadInspectionPackData(actor, request);
  const code = newVerificationCode();
  const verifyUrl = absoluteUrl(`/verify/${code}`);
  const view = toInspectionPackView(data, { code, verifyUrl, issuedAt: ctx.now, issuedByName: actor.name });
  const subjectName = scopeTitle(data.scope);
  const { bytes, sha256, pages, refused } = await issueDocument(ctx, {
    html: renderDocument('inspection-pack', view),
    code,
    appendices: [],
    facts: {
      title: view.title,
      author: view.author,
      subject: view.subject,
      keywords: ['inspection pack', 'workforce report', 'CQC', 'Regulation 18', groupedCode(code)],
    },
    record: { kind: ISSUED_DOCUMENT_KINDS.inspectionPack, subjectPersonId: null, subjectName },
    audit: (pages) => ({
      action: AUDIT_ACTIONS.inspectionPackPrinted,
      summary: `${actor.name} printed the inspection pack of ${subjectName} for ${request.from} to ${request.to} (${data.workers.length} people, ${pages} pages, verification code ${groupedCode(code)})`,
      subject: { type: data.scope.type, id: data.scope.id },
    }),
  });
  const fileName = `inspection-pack-${slugFor(data.scope.name, data.scope.type)}-${request.from}-to-${request.to}.pdf`;
  return { bytes, code, fileName, sha256, pages, refused };
}
