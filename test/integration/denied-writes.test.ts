// Every domain write, called by someone who must be refused: another organisation's admin, a colleague, a former
// supervisor, the worker where only the supervisor may write. Each is Forbidden (403) or NotFound (404), and nothing
// is written: no row of either organisation changes and no audit event is added.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Model, ModelStatic } from 'sequelize';
import { changePassword, issuePasswordResetLink } from '#app/domain/accounts.server.ts';
import { reopenAchievement } from '#app/domain/assessment/achievements.server.ts';
import { recordDecisions } from '#app/domain/assessment/decisions.server.ts';
import { reviewDecision, setAssessorStatus, setIqaSettings } from '#app/domain/assessment/iqa.server.ts';
import { setStandardRules } from '#app/domain/assessment/rules.server.ts';
import { recordWitnessedEvidence } from '#app/domain/assessment/witnessed-evidence.server.ts';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { planActivity, recordAttendance } from '#app/domain/development/activities.server.ts';
import { actOnPlan } from '#app/domain/development/commands.server.ts';
import { addGoal, addOpportunity, agreePlan, proposePlan, saveStrengths, setGoalStatus, updateOpportunity } from '#app/domain/development/plan-changes.server.ts';
import { addOpportunityFromRecord } from '#app/domain/development/supervision-agenda.server.ts';
import { insertEvidence, recordEvidence, submitEvidence, updateEvidence } from '#app/domain/evidence.server.ts';
import { addLocation, addManagerScope, addTeam, moveTeam, removeManagerScope } from '#app/domain/organisation.server.ts';
import { createPerson, setPersonActive, updatePerson } from '#app/domain/people.server.ts';
import { acknowledgePolicy, addPolicy, addPolicyVersion } from '#app/domain/policies.server.ts';
import { cancelPortfolioBatch, openPortfolioBatchFile, requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { issueInspectionPack } from '#app/domain/portfolio/inspection-packs.server.ts';
import { issuePortfolio } from '#app/domain/portfolio/portfolios.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import { actOnRoleProfile } from '#app/domain/role-profile-page.server.ts';
import { assignRoleProfile, createRoleProfile, endRoleAssignment, updateRoleProfile, type RoleProfileInput } from '#app/domain/role-profiles.server.ts';
import { setCasePublication } from '#app/domain/standards/case-publishing.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { draftAgreement, signAgreement } from '#app/domain/supervision/agreements.server.ts';
import { createCalendarLink, revokeCalendarLinks } from '#app/domain/supervision/calendar.server.ts';
import { actOnSession, actOnWorkerSupervision } from '#app/domain/supervision/commands.server.ts';
import { addAction, addAddendum, agreeRecord, completeAction, saveRecord, shareRecord, startRecord, writeRecord } from '#app/domain/supervision/records.server.ts';
import { cancelSession, markSessionMissed, moveSession, planSchedule, planSession, recordPastSession, requestUrgentDebrief } from '#app/domain/supervision/sessions.server.ts';
import { addDays, today as todayInLondon } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import * as models from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import {
  RECORD_INPUT as RECORD,
  actorFor,
  agreementInput as agreement,
  createPerson as createTestPerson,
  createStaffedOrganisation,
  evidenceInput as evidenceFor,
  heldSession,
  signedAgreement,
  unique,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const today = todayInLondon();
const ctx = (actor: Actor) => contextFor(actor, { ipAddress: 'denied' });
const evidenceInput = (itemId: number) => evidenceFor([itemId]);

type Fixture = Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const ours = await createStaffedOrganisation();
  const theirs = await createStaffedOrganisation();
  const colleague = actorFor(await createTestPerson(ours.organisation.id, { roles: ['worker'], teamId: ours.team.id }), ['worker']);
  const assessor = actorFor(await createTestPerson(ours.organisation.id, { roles: ['assessor'] }), ['assessor']);
  // The worker's line supervisor, as they are once the supervisor role is taken away (the link is still stored).
  const formerSupervisor: Actor = { ...ours.supervisor, roles: ['worker'] };
  const noRoles: Actor = { ...colleague, roles: [] };
  await setWorkerAssessors(ctx(ours.admin), ours.worker.id, [assessor.id]);

  const [saved] = await saveStandardVersions(ctx(ours.admin), [loadSeedStandard('ASTH325')]);
  const standard = (await models.Standard.findOne({ where: { organisationId: ours.organisation.id, urn: 'ASTH325' } }))!;
  const item = (await models.StandardItem.findOne({ where: { standardVersionId: saved!.standardVersionId }, order: [['position', 'ASC']] }))!;
  const profileInput: RoleProfileInput = {
    name: unique('Care worker'),
    description: 'Care',
    standardIds: [standard.id],
    supervisionFrequencyWeeks: 8,
    probationSupervisionFrequencyWeeks: 4,
    urgentDebriefOnRequest: true,
    targetMonths: 12,
  };
  const roleProfileId = await createRoleProfile(ctx(ours.admin), profileInput);
  const assignmentId = await assignRoleProfile(ctx(ours.admin), { personId: ours.worker.id, roleProfileId, startedOn: '2026-01-31' });
  const policyId = await addPolicy(ctx(ours.admin), { title: unique('Safeguarding'), version: '1', adoptedOn: '2026-01-01', nextReviewOn: '2099-01-01', body: 'Text' });
  const scope = (await models.ManagerScope.findOne({ where: { organisationId: ours.organisation.id, managerId: ours.manager.id } }))!;

  const evidenceId = await recordEvidence(ctx(ours.worker), evidenceInput(item.id), [], { submissionToken: unique('token'), submit: false });
  const signed = await signedAgreement(ours.supervisor, ours.worker);
  const draftId = await draftAgreement(ctx(ours.supervisor), ours.worker.id, agreement({ frequencyWeeks: 4 }));
  const plannedId = await planSession(ctx(ours.supervisor), ours.worker.id, { date: addDays(today, 3), startTime: '10:00', endTime: '11:00', type: 'regular' });
  const past = await heldSession(ours.supervisor, ours.worker, 2, { agreementId: signed });
  // A second held session, not yet recorded: writing its record is refused too.
  const unrecorded = await heldSession(ours.supervisor, ours.worker, 1, { agreementId: signed });
  const recordId = await startRecord(ctx(ours.supervisor), past.id, RECORD);
  const actionId = await addAction(ctx(ours.supervisor), recordId, { description: 'Book a course', ownerId: ours.worker.id, dueOn: addDays(today, 14) });
  const session = { date: addDays(today, 4), startTime: '10:00', endTime: '11:00' };
  // The worker's PDP with a goal and an opportunity, put forward by the worker: the supervisor's agreement is to come.
  const goalId = await addGoal(ctx(ours.worker), ours.worker.id, { description: 'Recording', targetDate: '2027-03-31', link: '' });
  const planOpportunityId = await addOpportunity(ctx(ours.worker), ours.worker.id, { kind: 'training', description: 'Course', targetDate: addDays(today, 30) });
  await proposePlan(ctx(ours.worker), ours.worker.id);
  const activityId = await planActivity(ctx(ours.manager), { kind: 'item', itemId: item.id }, activityFor([ours.worker.id]));
  const opportunity = (await models.DevelopmentOpportunity.findOne({ where: { activityId } }))!;
  return { goalId, planOpportunityId, activityId, opportunityId: opportunity.id, ours, theirs, colleague, assessor, formerSupervisor, noRoles, item, standard, versionId: saved!.standardVersionId, roleProfileId, profileInput, assignmentId, policyId, scope, evidenceId, draftId, plannedId, pastId: past.id, unrecordedId: unrecorded.id, recordId, actionId, session };
}

/** Every module of the domain API: each *.server.ts under app/domain, outside the internal folders (and the write path itself). */
const DOMAIN_MODULES = readdirSync('app/domain', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.server.ts') && file !== 'write.server.ts' && !file.split(path.sep).includes('internal'))
  .map((file) => path.resolve('app/domain', file));

type Case = [write: string, refused: string, expected: typeof Forbidden | typeof NotFound, attempt: (f: Fixture) => Promise<unknown>];

const CASES: Case[] = [
  ['recordEvidence', 'an admin, who records no evidence', Forbidden, (f) => recordEvidence(ctx(f.ours.admin), evidenceInput(f.item.id), [], { submissionToken: unique('t'), submit: false })],
  ['updateEvidence', 'a colleague', NotFound, (f) => updateEvidence(ctx(f.colleague), f.evidenceId, evidenceInput(f.item.id), [], [])],
  ['submitEvidence', 'the worker’s line supervisor', Forbidden, (f) => submitEvidence(ctx(f.ours.supervisor), f.evidenceId)],
  ['submitEvidence', 'another organisation’s worker', NotFound, (f) => submitEvidence(ctx(f.theirs.worker), f.evidenceId)],
  ['draftAgreement', 'a colleague', Forbidden, (f) => draftAgreement(ctx(f.colleague), f.ours.worker.id, agreement())],
  ['draftAgreement', 'another organisation’s supervisor', NotFound, (f) => draftAgreement(ctx(f.theirs.supervisor), f.ours.worker.id, agreement())],
  ['signAgreement', 'a colleague', NotFound, (f) => signAgreement(ctx(f.colleague), f.draftId)],
  ['planSchedule', 'a former supervisor', Forbidden, (f) => planSchedule(ctx(f.formerSupervisor), f.ours.worker.id)],
  ['planSession', 'another organisation’s manager', NotFound, (f) => planSession(ctx(f.theirs.manager), f.ours.worker.id, { ...f.session, type: 'regular' })],
  ['recordPastSession', 'the worker', Forbidden, (f) => recordPastSession(ctx(f.ours.worker), f.ours.worker.id, { ...f.session, date: addDays(today, -1), type: 'regular' })],
  ['recordPastSession', 'another organisation’s supervisor', NotFound, (f) => recordPastSession(ctx(f.theirs.supervisor), f.ours.worker.id, { ...f.session, date: addDays(today, -1), type: 'regular' })],
  ['moveSession', 'a former supervisor', NotFound, (f) => moveSession(ctx(f.formerSupervisor), f.plannedId, f.session)],
  ['cancelSession', 'the worker', Forbidden, (f) => cancelSession(ctx(f.ours.worker), f.plannedId, 'Away')],
  ['markSessionMissed', 'another organisation’s supervisor', NotFound, (f) => markSessionMissed(ctx(f.theirs.supervisor), f.pastId)],
  ['requestUrgentDebrief', 'an admin, who is not supervised', Forbidden, (f) => requestUrgentDebrief(ctx(f.ours.admin), 'A hard call')],
  ['startRecord', 'the worker', Forbidden, (f) => startRecord(ctx(f.ours.worker), f.pastId, RECORD)],
  ['saveRecord', 'the worker', Forbidden, (f) => saveRecord(ctx(f.ours.worker), f.recordId, { ...RECORD, discussion: 'Rewritten' })],
  ['shareRecord', 'a colleague', NotFound, (f) => shareRecord(ctx(f.colleague), f.recordId)],
  ['agreeRecord', 'the supervisor', Forbidden, (f) => agreeRecord(ctx(f.ours.supervisor), f.recordId, 'Agreed')],
  ['addAddendum', 'the worker’s assessor', Forbidden, (f) => addAddendum(ctx(f.assessor), f.recordId, 'Later')],
  ['addAddendum', 'a former supervisor', NotFound, (f) => addAddendum(ctx(f.formerSupervisor), f.recordId, 'Later')],
  ['addAction', 'the worker', Forbidden, (f) => addAction(ctx(f.ours.worker), f.recordId, { description: 'More', ownerId: f.ours.worker.id, dueOn: addDays(today, 7) })],
  ['completeAction', 'another organisation’s worker', NotFound, (f) => completeAction(ctx(f.theirs.worker), f.actionId)],
  ['writeRecord', 'the worker', Forbidden, (f) => writeRecord(ctx(f.ours.worker), f.unrecordedId, RECORD)],
  ['actOnSession', 'the worker', Forbidden, (f) => actOnSession(ctx(f.ours.worker), f.plannedId, { intent: 'cancel', reason: 'Away' })],
  ['actOnWorkerSupervision', 'a colleague', Forbidden, (f) => actOnWorkerSupervision(ctx(f.colleague), f.ours.worker.id, { intent: 'session', ...f.session, type: 'regular' })],
  ['createCalendarLink', 'an admin, who has no supervision', Forbidden, (f) => createCalendarLink(ctx(f.ours.admin))],
  ['revokeCalendarLinks', 'an assessor, who has no supervision', Forbidden, (f) => revokeCalendarLinks(ctx(f.assessor))],
  ['saveStrengths', 'a colleague', NotFound, (f) => saveStrengths(ctx(f.colleague), f.ours.worker.id, 'Changed')],
  ['addGoal', 'another organisation’s manager', NotFound, (f) => addGoal(ctx(f.theirs.manager), f.ours.worker.id, { description: 'Theirs', targetDate: '2027-03-31', link: '' })],
  ['setGoalStatus', 'a colleague', NotFound, (f) => setGoalStatus(ctx(f.colleague), f.goalId, 'dropped')],
  ['addOpportunity', 'the worker’s assessor', Forbidden, (f) => addOpportunity(ctx(f.assessor), f.ours.worker.id, { kind: 'training', description: 'More', targetDate: addDays(today, 30) })],
  ['updateOpportunity', 'a former supervisor', NotFound, (f) => updateOpportunity(ctx(f.formerSupervisor), f.planOpportunityId, { status: 'cancelled' })],
  ['proposePlan', 'another organisation’s admin', Forbidden, (f) => proposePlan(ctx(f.theirs.admin), f.ours.worker.id)],
  ['agreePlan', 'a colleague', NotFound, (f) => agreePlan(ctx(f.colleague), f.ours.worker.id, 1)],
  ['actOnPlan', 'a former supervisor', NotFound, (f) => actOnPlan(ctx(f.formerSupervisor), f.ours.worker.id, { intent: 'agree', versionNumber: 1 })],
  ['addOpportunityFromRecord', 'the worker', Forbidden, (f) => addOpportunityFromRecord(ctx(f.ours.worker), f.recordId, { kind: 'shadowing', description: 'Shadow', targetDate: addDays(today, 30) })],
  ['setWorkerAssessors', 'another organisation’s admin', NotFound, (f) => setWorkerAssessors(ctx(f.theirs.admin), f.ours.worker.id, [])],
  ['issuePasswordResetLink', 'another organisation’s admin', NotFound, (f) => issuePasswordResetLink(ctx(f.theirs.admin), f.ours.worker.id)],
  ['changePassword', 'a person who holds no role', Forbidden, (f) => changePassword(ctx(f.noRoles), { currentPassword: 'x', newPassword: 'a new long password' }, 'session')],
  ['addLocation', 'a manager', Forbidden, (f) => addLocation(ctx(f.ours.manager), { name: unique('Place') })],
  ['addTeam', 'another organisation’s manager', Forbidden, (f) => addTeam(ctx(f.theirs.manager), { name: unique('Team') })],
  ['moveTeam', 'a manager', Forbidden, (f) => moveTeam(ctx(f.ours.manager), { teamId: f.ours.team.id })],
  ['addManagerScope', 'a supervisor', Forbidden, (f) => addManagerScope(ctx(f.ours.supervisor), { managerId: f.ours.manager.id, scope: `team:${f.ours.team.id}` })],
  ['removeManagerScope', 'another organisation’s admin', NotFound, (f) => removeManagerScope(ctx(f.theirs.admin), f.scope.id)],
  ['createPerson', 'a manager', Forbidden, (f) => createPerson(ctx(f.ours.manager), { name: 'New Person', email: `${unique('new')}@example.org`, roles: ['worker'] })],
  ['updatePerson', 'another organisation’s admin', NotFound, (f) => updatePerson(ctx(f.theirs.admin), f.ours.worker.id, { name: 'Renamed', email: `${unique('renamed')}@example.org`, roles: ['worker'] })],
  ['setPersonActive', 'another organisation’s admin', NotFound, (f) => setPersonActive(ctx(f.theirs.admin), f.ours.worker.id, false)],
  ['saveStandardVersions', 'a manager', Forbidden, (f) => saveStandardVersions(ctx(f.ours.manager), [loadSeedStandard('HSC3331')])],
  ['setCasePublication', 'another organisation’s admin', NotFound, (f) => setCasePublication(ctx(f.theirs.admin), 'ASTH325', true)],
  ['addPolicy', 'a worker', Forbidden, (f) => addPolicy(ctx(f.ours.worker), { title: unique('Policy'), version: '1', adoptedOn: '2026-01-01', nextReviewOn: '2099-01-01', body: 'Text' })],
  ['addPolicyVersion', 'another organisation’s admin', NotFound, (f) => addPolicyVersion(ctx(f.theirs.admin), f.policyId, { version: '2', adoptedOn: '2026-06-01', nextReviewOn: '2099-06-01', body: 'New' })],
  ['acknowledgePolicy', 'another organisation’s worker', NotFound, (f) => acknowledgePolicy(ctx(f.theirs.worker), f.policyId)],
  ['issuePortfolio', 'another organisation’s admin', NotFound, (f) => issuePortfolio(ctx(f.theirs.admin), f.ours.worker.id)],
  ['createRoleProfile', 'a supervisor', Forbidden, (f) => createRoleProfile(ctx(f.ours.supervisor), { ...f.profileInput, name: unique('Profile') })],
  ['updateRoleProfile', 'another organisation’s admin', NotFound, (f) => updateRoleProfile(ctx(f.theirs.admin), f.roleProfileId, { ...f.profileInput, standardIds: [] })],
  ['assignRoleProfile', 'another organisation’s admin', NotFound, (f) => assignRoleProfile(ctx(f.theirs.admin), { personId: f.theirs.worker.id, roleProfileId: f.roleProfileId, startedOn: '2026-02-01' })],
  ['endRoleAssignment', 'another organisation’s admin', NotFound, (f) => endRoleAssignment(ctx(f.theirs.admin), f.assignmentId, '2026-12-31')],
  ['actOnRoleProfile', 'another organisation’s admin', NotFound, (f) => actOnRoleProfile(ctx(f.theirs.admin), f.roleProfileId, { intent: 'end', assignmentId: f.assignmentId })],
  ['recordWitnessedEvidence', 'an assessor not assigned to the worker', NotFound, (f) => recordWitnessedEvidence(ctx(f.theirs.admin), f.ours.worker.id, { ...evidenceInput(f.item.id), type: 'observation' }, [], { submissionToken: unique('t') })],
  ['recordWitnessedEvidence', 'the worker’s line supervisor', Forbidden, (f) => recordWitnessedEvidence(ctx(f.ours.supervisor), f.ours.worker.id, { ...evidenceInput(f.item.id), type: 'observation' }, [], { submissionToken: unique('t') })],
  ['insertEvidence', 'an admin, who records no evidence', Forbidden, (f) => insertEvidence(ctx(f.ours.admin), { workerId: f.ours.worker.id, recordedById: null, input: evidenceInput(f.item.id), files: [], submissionToken: unique('t'), submit: false, permission: 'create:evidence:own' })],
  ['recordDecisions', 'the worker', Forbidden, (f) => recordDecisions(ctx(f.ours.worker), judgementOn(f, f.ours.worker.id))],
  ['recordDecisions', 'the worker’s assessor, on a draft', NotFound, (f) => recordDecisions(ctx(f.assessor), judgementOn(f, f.ours.worker.id))],
  ['setStandardRules', 'a manager', Forbidden, (f) => setStandardRules(ctx(f.ours.manager), f.standard.id, { minimumEvidence: 2, observation: 'none', observationCodes: [] })],
  ['setStandardRules', 'another organisation’s admin', NotFound, (f) => setStandardRules(ctx(f.theirs.admin), f.standard.id, { minimumEvidence: 2, observation: 'none', observationCodes: [] })],
  ['reopenAchievement', 'an assessor', Forbidden, (f) => reopenAchievement(ctx(f.assessor), { workerId: f.ours.worker.id, standardVersionId: f.versionId, reason: 'Check' })],
  ['reviewDecision', 'the assessor who made the decision', Forbidden, async (f) => reviewDecision(ctx(f.assessor), await decisionOf(f), { outcome: 'agreed', note: '' })],
  ['reviewDecision', 'another organisation’s IQA', NotFound, async (f) => reviewDecision(ctx(await iqaOf(f.theirs.organisation.id)), await decisionOf(f), { outcome: 'agreed', note: '' })],
  ['setAssessorStatus', 'an admin', Forbidden, (f) => setAssessorStatus(ctx(f.ours.admin), f.assessor.id, 'new')],
  ['setAssessorStatus', 'another organisation’s IQA', NotFound, async (f) => setAssessorStatus(ctx(await iqaOf(f.theirs.organisation.id)), f.assessor.id, 'new')],
  ['setIqaSettings', 'an IQA', Forbidden, async (f) => setIqaSettings(ctx(await iqaOf(f.ours.organisation.id)), { samplePercent: 50, minimumPerAssessorMonth: 2, leadIqaId: null })],
  ['reopenAchievement', 'another organisation’s admin', NotFound, (f) => reopenAchievement(ctx(f.theirs.admin), { workerId: f.ours.worker.id, standardVersionId: f.versionId, reason: 'Check' })],
  ['planActivity', 'a supervisor', Forbidden, (f) => planActivity(ctx(f.ours.supervisor), { kind: 'item', itemId: f.item.id }, activityFor([f.ours.worker.id]))],
  ['planActivity', 'another organisation’s manager', NotFound, (f) => planActivity(ctx(f.theirs.manager), { kind: 'item', itemId: f.item.id }, activityFor([f.theirs.worker.id]))],
  ['recordAttendance', 'the worker', Forbidden, (f) => recordAttendance(ctx(f.ours.worker), f.activityId, { opportunityId: f.opportunityId, attendance: 'attended' })],
  ['recordAttendance', 'another organisation’s manager', NotFound, (f) => recordAttendance(ctx(f.theirs.manager), f.activityId, { opportunityId: f.opportunityId, attendance: 'attended' })],
  ['requestPortfolioBatch', 'a supervisor, who manages no team', Forbidden, (f) => requestPortfolioBatch(ctx(f.ours.supervisor), { scope: `team:${f.ours.team.id}`, output: 'zip' })],
  ['requestPortfolioBatch', 'another organisation’s manager', NotFound, (f) => requestPortfolioBatch(ctx(f.theirs.manager), { scope: `team:${f.ours.team.id}`, output: 'zip' })],
  ['cancelPortfolioBatch', 'another organisation’s admin', NotFound, (f) => cancelPortfolioBatch(ctx(f.theirs.admin), ourBatchId)],
  ['cancelPortfolioBatch', 'the worker', Forbidden, (f) => cancelPortfolioBatch(ctx(f.ours.worker), ourBatchId)],
  ['openPortfolioBatchFile', 'another organisation’s admin', NotFound, (f) => openPortfolioBatchFile(ctx(f.theirs.admin), ourBatchId)],
  ['issuePortfolio', 'a colleague', NotFound, (f) => issuePortfolio(ctx(f.colleague), f.ours.worker.id)],
  ['issueInspectionPack', 'the worker', Forbidden, (f) => issueInspectionPack(ctx(f.ours.worker), { scope: `team:${f.ours.team.id}`, from: addDays(today, -30), to: today })],
  ['issueInspectionPack', 'another organisation’s manager', NotFound, (f) => issueInspectionPack(ctx(f.theirs.manager), { scope: `location:${f.ours.location.id}`, from: addDays(today, -30), to: today })],
  ['issueInspectionPack', 'another organisation’s admin', NotFound, (f) => issueInspectionPack(ctx(f.theirs.admin), { scope: `team:${f.ours.team.id}`, from: addDays(today, -30), to: today })],
];

function activityFor(workerIds: number[]) {
  return { kind: 'training' as const, title: 'Agreeing contact', startsOn: today, place: 'Room 2', workerIds };
}
/** Each organisation's IQA, and a decision of ours on submitted evidence: made in the suite's `before`. */
const iqas = new Map<number, Actor>();
const iqaOf = async (organisationId: number) => iqas.get(organisationId)!;
let ourDecisionId = 0;
const decisionOf = async (_f: Fixture) => ourDecisionId;
/** A batch of our team's portfolios the manager asked for, left waiting on a queue that runs nothing: made in `before`. */
let ourBatchId = 0;

function judgementOn(f: Fixture, workerId: number) {
  return { workerId, evidenceIds: [f.evidenceId], judgements: [{ itemId: f.item.id, outcome: 'met' as const, method: 'questioning' as const, feedback: '' }], submissionKey: unique('key') };
}

/** Every row of both organisations in every table, and all audit events: what "nothing was written" means. */
async function snapshot(f: Fixture): Promise<string> {
  const organisationIds = [f.ours.organisation.id, f.theirs.organisation.id];
  const tables = (Object.values(models) as unknown[]).filter((value): value is ModelStatic<Model> => typeof value === 'function' && 'getAttributes' in value && value !== models.RateLimit);
  const rows = await Promise.all(
    tables.map(async (model) => {
      const attributes = model.getAttributes();
      const where = 'organisationId' in attributes ? { organisationId: organisationIds } : 'personId' in attributes ? { personId: [f.ours.worker.id, f.colleague.id] } : {};
      if (model === models.Organisation) return [model.name, await model.findAll({ where: { id: organisationIds }, order: [[model.primaryKeyAttribute, 'ASC']], raw: true })];
      if (!('organisationId' in attributes) && !('personId' in attributes)) return [model.name, await model.count()];
      return [model.name, await model.findAll({ where, order: [[model.primaryKeyAttribute, 'ASC']], raw: true })];
    }),
  );
  return JSON.stringify(rows);
}

describe('every domain write refuses whoever may not make it, and writes nothing', () => {
  let fixture: Fixture;
  before(async () => {
    fixture = await setUp();
    for (const organisation of [fixture.ours.organisation, fixture.theirs.organisation]) {
      iqas.set(organisation.id, actorFor(await createTestPerson(organisation.id, { roles: ['iqa'] }), ['iqa']));
    }
    const submitted = await recordEvidence(ctx(fixture.ours.worker), evidenceInput(fixture.item.id), [], { submissionToken: unique('token'), submit: true });
    await recordDecisions(ctx(fixture.assessor), { ...judgementOn(fixture, fixture.ours.worker.id), evidenceIds: [submitted] });
    ourDecisionId = (await models.AssessmentDecision.findOne({ where: { workerId: fixture.ours.worker.id } }))!.id;
    usePortfolioQueue({ kind: 'embedded', enqueue: async () => undefined, drop: async () => undefined, resume: async () => undefined, close: async () => undefined });
    ourBatchId = (await requestPortfolioBatch(ctx(fixture.ours.manager), { scope: `team:${fixture.ours.team.id}`, output: 'zip' })).batchId;
  });

  it('lists every write of the domain API (every exported function that takes a context first)', async () => {
    const modules = await Promise.all(DOMAIN_MODULES.map((path) => import(path) as Promise<Record<string, unknown>>));
    const writes = new Set(
      modules.flatMap((module) =>
        Object.entries(module)
          .filter(([, value]) => typeof value === 'function' && /^async function \w+\(\s*ctx\b/.test(String(value)))
          .map(([name]) => name),
      ),
    );
    expect([...new Set(CASES.map(([write]) => write))].sort()).to.deep.equal([...writes].sort());
  });

  for (const [write, refused, expected, attempt] of CASES) {
    it(`${write}: ${refused} is refused (${expected.name})`, async () => {
      const before = await snapshot(fixture);
      const auditBefore = await models.AuditEvent.count();
      await expectRejection(attempt(fixture), expected);
      expect(await models.AuditEvent.count(), 'audit events').to.equal(auditBefore);
      expect(await snapshot(fixture)).to.equal(before);
    });
  }
});
