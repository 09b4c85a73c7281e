// Every model and its associations; import models from here.
import { AssessmentDecisionEvidence } from './assessment-decision-evidence.ts';
import { AssessmentDecision } from './assessment-decision.ts';
import { AssessmentRule } from './assessment-rule.ts';
import { AssessmentView } from './assessment-view.ts';
import { AssessorStatus } from './assessor-status.ts';
import { AuditEvent } from './audit-event.ts';
import { DevelopmentActivity } from './development-activity.ts';
import { DevelopmentGoal } from './development-goal.ts';
import { DevelopmentOpportunity } from './development-opportunity.ts';
import { DevelopmentPlanVersion } from './development-plan-version.ts';
import { DevelopmentPlan } from './development-plan.ts';
import { EvidenceFile } from './evidence-file.ts';
import { EvidenceItemLink } from './evidence-item-link.ts';
import { EvidenceRevision } from './evidence-revision.ts';
import { Evidence } from './evidence.ts';
import { IqaReview } from './iqa-review.ts';
import { IqaSettings } from './iqa-settings.ts';
import { IssuedDocument } from './issued-document.ts';
import { Location } from './location.ts';
import { ManagerScope } from './manager-scope.ts';
import { Organisation } from './organisation.ts';
import { PasswordResetToken } from './password-reset-token.ts';
import { PersonRole } from './person-role.ts';
import { PersonStandardHistory } from './person-standard-history.ts';
import { PersonStandard } from './person-standard.ts';
import { Person } from './person.ts';
import { PolicyAcknowledgement } from './policy-acknowledgement.ts';
import { PolicyVersion } from './policy-version.ts';
import { Policy } from './policy.ts';
import { PortfolioBatchItem } from './portfolio-batch-item.ts';
import { PortfolioBatch } from './portfolio-batch.ts';
import { RateLimit } from './rate-limit.ts';
import { RoleAssignment } from './role-assignment.ts';
import { RoleProfileStandard } from './role-profile-standard.ts';
import { RoleProfile } from './role-profile.ts';
import { Session } from './session.ts';
import { StandardAchievement } from './standard-achievement.ts';
import { StandardItem } from './standard-item.ts';
import { StandardVersion } from './standard-version.ts';
import { Standard } from './standard.ts';
import { SupervisionAction } from './supervision-action.ts';
import { SupervisionAddendum } from './supervision-addendum.ts';
import { SupervisionAgreement } from './supervision-agreement.ts';
import { SupervisionCalendarToken } from './supervision-calendar-token.ts';
import { SupervisionRecordAgreement } from './supervision-record-agreement.ts';
import { SupervisionRecord } from './supervision-record.ts';
import { SupervisionSession } from './supervision-session.ts';
import { SupervisionSignature } from './supervision-signature.ts';
import { Team } from './team.ts';
import { WorkerAssessor } from './worker-assessor.ts';
import { WorkerItemState } from './worker-item-state.ts';
import { WorkerSectionCount } from './worker-section-count.ts';

Organisation.hasMany(Location, { foreignKey: 'organisationId', as: 'locations' });
Location.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
Location.hasMany(Team, { foreignKey: 'locationId', as: 'teams' });
Team.belongsTo(Location, { foreignKey: 'locationId', as: 'location' });
Team.hasMany(Person, { foreignKey: 'teamId', as: 'members' });
Person.belongsTo(Team, { foreignKey: 'teamId', as: 'team' });
Person.belongsTo(Person, { foreignKey: 'lineSupervisorId', as: 'lineSupervisor' });
Person.hasMany(Person, { foreignKey: 'lineSupervisorId', as: 'supervisees' });
Person.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
Person.hasMany(PersonRole, { foreignKey: 'personId', as: 'roles' });
PersonRole.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
Person.hasMany(ManagerScope, { foreignKey: 'managerId', as: 'managerScopes' });
ManagerScope.belongsTo(Team, { foreignKey: 'teamId', as: 'team' });
ManagerScope.belongsTo(Location, { foreignKey: 'locationId', as: 'location' });
Session.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
AuditEvent.belongsTo(Person, { foreignKey: 'actorId', as: 'actor' });

Standard.hasMany(StandardVersion, { foreignKey: 'standardId', as: 'versions' });
StandardVersion.belongsTo(Standard, { foreignKey: 'standardId', as: 'standard' });
StandardVersion.hasMany(StandardItem, { foreignKey: 'standardVersionId', as: 'items' });
StandardItem.belongsTo(StandardVersion, { foreignKey: 'standardVersionId', as: 'standardVersion' });
RoleProfile.hasMany(RoleProfileStandard, { foreignKey: 'roleProfileId', as: 'requirements' });
RoleProfileStandard.belongsTo(Standard, { foreignKey: 'standardId', as: 'standard' });
RoleAssignment.belongsTo(RoleProfile, { foreignKey: 'roleProfileId', as: 'roleProfile' });
RoleAssignment.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
PersonStandard.belongsTo(StandardVersion, { foreignKey: 'standardVersionId', as: 'standardVersion' });
PersonStandard.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
PolicyVersion.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });
Policy.hasMany(PolicyVersion, { foreignKey: 'policyId', as: 'versions' });
PolicyAcknowledgement.belongsTo(PolicyVersion, { foreignKey: 'policyVersionId', as: 'policyVersion' });

Evidence.hasMany(EvidenceRevision, { foreignKey: 'evidenceId', as: 'revisions' });
Evidence.belongsTo(EvidenceRevision, { foreignKey: 'currentRevisionId', as: 'currentRevision', constraints: false });
Evidence.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });
EvidenceRevision.belongsTo(Evidence, { foreignKey: 'evidenceId', as: 'evidence' });
EvidenceRevision.hasMany(EvidenceItemLink, { foreignKey: 'evidenceRevisionId', as: 'links' });
EvidenceRevision.hasMany(EvidenceFile, { foreignKey: 'evidenceRevisionId', as: 'files' });
EvidenceItemLink.belongsTo(StandardItem, { foreignKey: 'standardItemId', as: 'item' });
EvidenceItemLink.belongsTo(EvidenceRevision, { foreignKey: 'evidenceRevisionId', as: 'revision' });
WorkerAssessor.belongsTo(Person, { foreignKey: 'assessorId', as: 'assessor' });
WorkerAssessor.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });

// Supervision (issue 6).
SupervisionAgreement.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });
SupervisionAgreement.belongsTo(Person, { foreignKey: 'supervisorId', as: 'supervisor' });
SupervisionAgreement.hasMany(SupervisionSignature, { foreignKey: 'agreementId', as: 'signatures' });
SupervisionSession.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });
SupervisionSession.belongsTo(Person, { foreignKey: 'supervisorId', as: 'supervisor' });
SupervisionSession.hasOne(SupervisionRecord, { foreignKey: 'sessionId', as: 'record' });
SupervisionRecord.belongsTo(SupervisionSession, { foreignKey: 'sessionId', as: 'session' });
SupervisionRecord.hasMany(SupervisionRecordAgreement, { foreignKey: 'recordId', as: 'agreements' });
SupervisionRecord.hasMany(SupervisionAddendum, { foreignKey: 'recordId', as: 'addenda' });
SupervisionRecord.hasMany(SupervisionAction, { foreignKey: 'recordId', as: 'actions' });
SupervisionAddendum.belongsTo(Person, { foreignKey: 'authorId', as: 'author' });
SupervisionAction.belongsTo(Person, { foreignKey: 'ownerId', as: 'owner' });
SupervisionAction.belongsTo(SupervisionRecord, { foreignKey: 'recordId', as: 'record' });

// Assessment and IQA (issue 14).
AssessmentDecision.belongsTo(Person, { foreignKey: 'assessorId', as: 'assessor' });
AssessmentDecision.belongsTo(StandardItem, { foreignKey: 'standardItemId', as: 'item' });
AssessmentDecision.hasMany(AssessmentDecisionEvidence, { foreignKey: 'decisionId', as: 'basis' });
AssessmentDecision.hasOne(IqaReview, { foreignKey: 'decisionId', as: 'review' });
AssessmentDecisionEvidence.belongsTo(EvidenceRevision, { foreignKey: 'evidenceRevisionId', as: 'revision' });
IqaReview.belongsTo(Person, { foreignKey: 'iqaId', as: 'iqa' });
IqaReview.belongsTo(AssessmentDecision, { foreignKey: 'decisionId', as: 'decision' });
StandardAchievement.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
Evidence.belongsTo(Person, { foreignKey: 'recordedById', as: 'recordedBy' });

// Team development (issue 15).
DevelopmentPlan.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });
DevelopmentPlan.hasMany(DevelopmentGoal, { foreignKey: 'planId', as: 'goals' });
DevelopmentPlan.hasMany(DevelopmentOpportunity, { foreignKey: 'planId', as: 'opportunities' });
DevelopmentPlan.hasMany(DevelopmentPlanVersion, { foreignKey: 'planId', as: 'versions' });
DevelopmentOpportunity.belongsTo(DevelopmentGoal, { foreignKey: 'goalId', as: 'goal' });
DevelopmentOpportunity.belongsTo(DevelopmentActivity, { foreignKey: 'activityId', as: 'activity' });
DevelopmentOpportunity.belongsTo(SupervisionRecord, { foreignKey: 'supervisionRecordId', as: 'supervisionRecord' });
DevelopmentActivity.hasMany(DevelopmentOpportunity, { foreignKey: 'activityId', as: 'places' });
DevelopmentActivity.belongsTo(Person, { foreignKey: 'mentorId', as: 'mentor' });
DevelopmentGoal.belongsTo(StandardItem, { foreignKey: 'standardItemId', as: 'item' });
DevelopmentGoal.belongsTo(Standard, { foreignKey: 'standardId', as: 'standard' });

// Team portfolio batches (issue 16).
PortfolioBatch.hasMany(PortfolioBatchItem, { foreignKey: 'batchId', as: 'items' });
PortfolioBatch.belongsTo(Person, { foreignKey: 'requestedById', as: 'requestedBy' });
PortfolioBatchItem.belongsTo(Person, { foreignKey: 'workerId', as: 'worker' });

export { sequelize } from '../connection.ts';
export {
  AssessmentDecision,
  AssessmentDecisionEvidence,
  AssessmentRule,
  AssessmentView,
  AssessorStatus,
  AuditEvent,
  DevelopmentActivity,
  DevelopmentGoal,
  DevelopmentOpportunity,
  DevelopmentPlan,
  DevelopmentPlanVersion,
  Evidence,
  EvidenceFile,
  EvidenceItemLink,
  EvidenceRevision,
  IqaReview,
  IqaSettings,
  IssuedDocument,
  Location,
  ManagerScope,
  Organisation,
  PasswordResetToken,
  Person,
  PersonRole,
  PersonStandard,
  PersonStandardHistory,
  Policy,
  PolicyAcknowledgement,
  PolicyVersion,
  PortfolioBatch,
  PortfolioBatchItem,
  RateLimit,
  RoleAssignment,
  RoleProfile,
  RoleProfileStandard,
  Session,
  Standard,
  StandardAchievement,
  StandardItem,
  StandardVersion,
  SupervisionAction,
  SupervisionAddendum,
  SupervisionAgreement,
  SupervisionCalendarToken,
  SupervisionRecord,
  SupervisionRecordAgreement,
  SupervisionSession,
  SupervisionSignature,
  Team,
  WorkerAssessor,
  WorkerItemState,
  WorkerSectionCount,
};
