// The append-only audit log: recording events, and reading them for an organisation's admins.
import type { Transaction } from 'sequelize';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { AuditEvent, Person, sequelize } from '#db/models/index.ts';

export const AUDIT_ACTIONS = {
  loginSucceeded: 'login.succeeded',
  loginFailed: 'login.failed',
  logout: 'logout',
  personCreated: 'person.created',
  personUpdated: 'person.updated',
  rolesChanged: 'person.roles_changed',
  personDeactivated: 'person.deactivated',
  personReactivated: 'person.reactivated',
  passwordResetIssued: 'password.reset_issued',
  passwordReset: 'password.reset',
  passwordChanged: 'password.changed',
  organisationChanged: 'organisation.changed',
  standardImported: 'standard.imported',
  standardCasePublicationChanged: 'standard.case_publication_changed',
  assessorsChanged: 'person.assessors_changed',
  evidenceCreated: 'evidence.created',
  evidenceSubmitted: 'evidence.submitted',
  evidenceRevised: 'evidence.revised',
  roleProfileChanged: 'role_profile.changed',
  roleAssigned: 'role_profile.assigned',
  policyVersionAdded: 'policy.version_added',
  policyAcknowledged: 'policy.acknowledged',
  developmentPlanChanged: 'development_plan.changed',
  developmentPlanProposed: 'development_plan.proposed',
  developmentPlanAgreed: 'development_plan.agreed',
  // Team portfolio batches (docs/decisions/035): each worker's print is audited by the renderer as well.
  portfolioBatchRequested: 'portfolio.batch_requested',
  portfolioBatchCancelled: 'portfolio.batch_cancelled',
  portfolioBatchDownloaded: 'portfolio.batch_downloaded',
  supervisionAgreementCreated: 'supervision.agreement_created',
  supervisionAgreementSigned: 'supervision.agreement_signed',
  supervisionSessionChanged: 'supervision.session_changed',
  supervisionDebriefRequested: 'supervision.debrief_requested',
  supervisionRecordStarted: 'supervision.record_started',
  supervisionRecordSaved: 'supervision.record_saved',
  supervisionRecordShared: 'supervision.record_shared',
  supervisionRecordAgreed: 'supervision.record_agreed',
  supervisionAddendumAdded: 'supervision.addendum_added',
  supervisionActionAdded: 'supervision.action_added',
  supervisionActionCompleted: 'supervision.action_completed',
  supervisionCalendarLinkChanged: 'supervision.calendar_link_changed',
  assessmentRulesChanged: 'assessment.rules_changed',
  assessmentDecided: 'assessment.decided',
  witnessedEvidenceRecorded: 'assessment.witnessed_evidence_recorded',
  decisionReviewed: 'iqa.decision_reviewed',
  assessorStatusChanged: 'iqa.assessor_status_changed',
  iqaSettingsChanged: 'iqa.settings_changed',
  standardAchieved: 'assessment.standard_achieved',
  achievementWithdrawn: 'assessment.achievement_withdrawn',
  achievementReopened: 'assessment.achievement_reopened',
  developmentActivityPlanned: 'development.activity_planned',
  developmentAttendanceRecorded: 'development.attendance_recorded',
  portfolioPrinted: 'portfolio.printed',
  inspectionPackPrinted: 'inspection_pack.printed',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

/**
 * Admins read the audit log, supervision is confidential from them: a summary names what happened and to whom,
 * never the text of a confidential record (reasons, discussion, comments, addenda).
 */
export type AuditInput = {
  organisationId: number | null;
  actorId: number | null;
  action: AuditAction;
  summary: string;
  subject?: { type: string; id: number };
  ipAddress?: string | null;
};

/** No check: called by the write path (app/domain/write.server.ts) and by sign-in, sign-out and reset, which have no actor yet. */
export async function recordAuditEvent(input: AuditInput, transaction?: Transaction): Promise<void> {
  // Audit rows are chained (db/chain.ts): appended inside a transaction, the caller's or one of their own.
  if (!transaction) return sequelize.transaction((own) => recordAuditEvent(input, own));
  await AuditEvent.create(
    {
      organisationId: input.organisationId,
      actorId: input.actorId,
      action: input.action,
      summary: input.summary.slice(0, 500),
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      ipAddress: input.ipAddress ?? null,
    },
    { transaction },
  );
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(actor: Actor, page: number) {
  assertCan(actor, 'read:audit:org');
  const { rows, count } = await AuditEvent.findAndCountAll({
    where: { organisationId: actor.organisationId },
    include: [{ model: Person, as: 'actor', attributes: ['id', 'name'] }],
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    total: count,
    page,
    pageCount: Math.max(1, Math.ceil(count / AUDIT_PAGE_SIZE)),
    events: rows.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actorName: event.actor?.name ?? null,
      action: event.action,
      summary: event.summary,
      ipAddress: event.ipAddress,
    })),
  };
}
