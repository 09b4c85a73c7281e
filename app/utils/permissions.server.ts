// Who may do what: the one policy module that every loader, action and domain function asks. A permission string
// grants an action to roles; its scope is chosen from how the actor stands to the subject (their own, a worker they
// assess, supervise or manage, their organisation), and the predicates below combine the two.
import { EVIDENCE_STATUS } from '#app/domain/evidence-types.ts';
import type { Role } from '#app/domain/roles.ts';
import { Forbidden, NotFound } from './errors.server.ts';

export type Actor = {
  id: number;
  organisationId: number;
  organisationName: string;
  name: string;
  email: string;
  roles: Role[];
  teamId: number | null;
  lineSupervisorId: number | null;
};

const EVERYONE = ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'] as const;

/**
 * Permission strings read action:entity:scope, as in the Epic Stack. Scopes: `own` (the actor's own), `assessed`
 * (a worker the actor is assigned to assess), `supervised` (a worker whose line supervisor the actor is), `managed`
 * (a worker in a team the actor manages), `quality-assured` (anyone else in the organisation, to an IQA), `org` (the
 * actor's organisation; every query is filtered by it).
 */
export const PERMISSIONS = {
  'read:home:own': EVERYONE,
  'update:password:own': EVERYONE,
  'read:team:managed': ['manager'],
  // Development a manager plans against the gaps of the people they manage, and its attendance (docs/decisions/031).
  'plan:development:managed': ['manager'],
  'read:standards:org': EVERYONE,
  'manage:standards:org': ['admin'],
  'read:role-profiles:org': ['assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'manage:role-profiles:org': ['admin'],
  'read:policies:org': EVERYONE,
  'manage:policies:org': ['admin'],
  'read:policy-acknowledgements:org': ['admin'],
  'read:policy-acknowledgements:managed': ['manager'],
  'create:evidence:own': ['worker'],
  'read:evidence:own': EVERYONE,
  'read:evidence:assessed': ['assessor'],
  'read:evidence:supervised': ['supervisor'],
  'read:evidence:managed': ['manager'],
  'read:progress:own': ['worker'],
  // Assessment (docs/decisions/028): assessors judge the workers assigned to them, never themselves; IQAs read the
  // submitted evidence and decisions of the organisation's workers to sample and countersign them.
  'read:evidence:quality-assured': ['iqa'],
  'decide:evidence:assessed': ['assessor'],
  'create:witnessed-evidence:assessed': ['assessor'],
  'read:assessment-queue:own': ['assessor'],
  'review:decisions:quality-assured': ['iqa'],
  'read:iqa-report:org': ['iqa', 'admin'],
  'manage:assessor-status:org': ['iqa'],
  'manage:assessment-rules:org': ['admin'],
  'manage:iqa-settings:org': ['admin'],
  // Admins always; an IQA only while named the organisation's lead IQA (canReopenAchievement).
  'reopen:achievement:org': ['admin', 'iqa'],
  'manage:assessors:org': ['admin'],
  // Portfolios (docs/decisions/034): whoever reads a worker's evidence prints it; an admin issues any portfolio of the
  // organisation's people, from the portal or from their scripts (npm run portfolio).
  'print:portfolio:org': ['admin'],
  // Supervisors and managers are supervised themselves, so they too read their own supervision; so does anyone with a
  // line supervisor, whatever their roles (GRANTED_TO_THE_SUPERVISED).
  'read:supervision:own': ['worker', 'supervisor', 'manager'],
  'read:supervision:supervised': ['supervisor'],
  'read:supervision:managed': ['manager'],
  'manage:supervision:supervised': ['supervisor'],
  'manage:supervision:managed': ['manager'],
  'read:supervision-overview:supervised': ['supervisor'],
  'read:supervision-overview:managed': ['manager'],
  // Personal development plans (docs/decisions/033): the same people as supervision, the worker, their line supervisor
  // and the managers above them; anyone supervised has a plan of their own.
  'read:development-plan:own': ['worker', 'supervisor', 'manager'],
  'read:development-plan:supervised': ['supervisor'],
  'read:development-plan:managed': ['manager'],
  'change:development-plan:own': ['worker', 'supervisor', 'manager'],
  'change:development-plan:supervised': ['supervisor'],
  'change:development-plan:managed': ['manager'],
  'manage:people:org': ['admin'],
  'manage:organisation:org': ['admin'],
  'read:audit:org': ['admin'],
  // Team portfolio batches (docs/decisions/035): a manager asks for the portfolios of a team or location they manage,
  // an admin for any of the organisation's; the requester and the organisation's admins follow and download them.
  'request:portfolio-batch:managed': ['manager'],
  'request:portfolio-batch:org': ['admin'],
  'read:portfolio-batches:org': ['admin'],
  // The inspection pack (docs/decisions/037): the workforce report of a team or location with a page per person, printed
  // by a manager of it, or by an admin for any of the organisation's.
  'print:inspection-pack:managed': ['manager'],
  'print:inspection-pack:org': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export type Scope = Permission extends `${string}:${string}:${infer S}` ? S : never;
/** An action on an entity in any scope, e.g. 'read:supervision': the gate of a page that serves several scopes. */
export type PermissionArea = Permission extends infer P ? (P extends `${infer A}:${infer E}:${string}` ? `${A}:${E}` : never) : never;

function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/**
 * Supervised: the actor has an active line supervisor. The actor is loaded with the link only while it counts (an active
 * person holding the supervisor role, accounts.server.ts), so this needs no query.
 */
export function isSupervised(actor: Actor): boolean {
  return actor.lineSupervisorId !== null;
}

/** Granted by being supervised rather than by a role: an assessor or IQA with a line supervisor has supervision too. */
const GRANTED_TO_THE_SUPERVISED: readonly Permission[] = ['read:supervision:own', 'read:development-plan:own', 'change:development-plan:own'];

/** The actor's roles (or being supervised) grant this permission; for an area, in at least one scope. */
export function can(actor: Actor, permission: Permission | PermissionArea): boolean {
  const granted = (key: Permission) =>
    PERMISSIONS[key].some((role: Role) => actor.roles.includes(role)) || (GRANTED_TO_THE_SUPERVISED.includes(key) && isSupervised(actor));
  if (isPermission(permission)) return granted(permission);
  return (Object.keys(PERMISSIONS) as Permission[]).some((key) => key.startsWith(`${permission}:`) && granted(key));
}

export function assertCan(actor: Actor, permission: Permission | PermissionArea): void {
  if (!can(actor, permission)) throw new Forbidden();
}

/** Another organisation's row is "not found", never "forbidden": its existence is not ours to reveal. */
export function assertSameOrganisation<T extends { organisationId: number }>(
  actor: Actor,
  row: T | null | undefined,
  what = 'Page',
): T {
  if (!row || row.organisationId !== actor.organisationId) throw new NotFound(what);
  return row;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * How the actor stands to a worker, as stored links (loaded by relationships.server.ts): the worker themselves, their
 * line supervisor, an assessor assigned to them, a manager of their team or its location. A link gives access only
 * together with the role whose permission has its scope: the predicates below check both.
 */
export type Relationship = {
  self: boolean;
  lineSupervisor: boolean;
  assessor: boolean;
  manager: boolean;
  /** The actor quality-assures the organisation's assessment (an IQA) and the worker is someone else. */
  qualityAssured: boolean;
};

/** A worker as the actor sees them: enough for every predicate about that worker. */
export type RelatedWorker = { id: number; relationship: Relationship };

/** The scopes in which the actor stands to the worker, as Moodle's can_manage_user widens for the plan's own user. */
export function scopesOf(relationship: Relationship): Scope[] {
  return [
    ...(relationship.self ? (['own'] as const) : []),
    ...(relationship.assessor ? (['assessed'] as const) : []),
    ...(relationship.lineSupervisor ? (['supervised'] as const) : []),
    ...(relationship.manager ? (['managed'] as const) : []),
    ...(relationship.qualityAssured ? (['quality-assured'] as const) : []),
  ];
}

function canIn(actor: Actor, area: PermissionArea, worker: RelatedWorker): boolean {
  return scopesOf(worker.relationship).some((scope) => {
    const permission = `${area}:${scope}`;
    return isPermission(permission) && can(actor, permission);
  });
}

/** Line supervision counts only while the actor holds the supervisor role. */
export function isLineSupervisorOf(actor: Actor, worker: { lineSupervisorId: number | null }): boolean {
  return worker.lineSupervisorId === actor.id && can(actor, 'read:supervision:supervised');
}

/**
 * Evidence is seen by the worker, their assessors, their line supervisor and the managers above them. A draft is the
 * worker's work in progress, as an unsent letter is: only the worker sees it, so with `evidence` the answer is about
 * that piece, and lists, files and progress shown to anyone else hold submitted evidence only.
 */
export function canReadEvidence(actor: Actor, worker: RelatedWorker, evidence?: { status: string }): boolean {
  if (!canIn(actor, 'read:evidence', worker)) return false;
  return evidence === undefined || evidence.status !== EVIDENCE_STATUS.draft || (worker.relationship.self && can(actor, 'read:evidence:own'));
}

/**
 * A worker's portfolio (their submitted evidence, decisions, supervision summary and PDP, never a draft) is printed by
 * whoever may read their evidence, and by the organisation's admins, who issue its documents (docs/decisions/034).
 */
export function canPrintPortfolio(actor: Actor, worker: RelatedWorker): boolean {
  return canReadEvidence(actor, worker) || can(actor, 'print:portfolio:org');
}

/** Whether the actor's view of this worker's evidence includes drafts: the same rule, for a list. */
export function readsDraftsOf(actor: Actor, worker: RelatedWorker): boolean {
  return canReadEvidence(actor, worker, { status: EVIDENCE_STATUS.draft });
}

/** Only the worker records and changes their evidence. */
export function canChangeEvidence(actor: Actor, evidence: { workerId: number }): boolean {
  return evidence.workerId === actor.id && can(actor, 'create:evidence:own');
}

/**
 * The shape of the decision predicate to come: `canDecide(actor, evidence)` will be `canIn(actor, 'decide:evidence',
 * evidence.worker)` with 'decide:evidence:assessed' granted to assessors, and false for the actor's own evidence.
 */
export type EvidenceSubject = { workerId: number; worker: RelatedWorker };

/** An assessor judges the workers assigned to them, and never their own evidence, whatever roles they hold. */
export function canDecide(actor: Actor, worker: RelatedWorker): boolean {
  return !worker.relationship.self && canIn(actor, 'decide:evidence', worker);
}

/** An assessor records evidence they witnessed (an observation, a discussion) for a worker they assess, not for themselves. */
export function canRecordWitnessedEvidence(actor: Actor, worker: RelatedWorker): boolean {
  return !worker.relationship.self && canIn(actor, 'create:witnessed-evidence', worker);
}

/** An IQA countersigns or challenges decisions on other people's evidence, never decisions they made themselves. */
export function canReviewDecision(actor: Actor, decision: { workerId: number; assessorId: number }): boolean {
  return decision.workerId !== actor.id && decision.assessorId !== actor.id && can(actor, 'review:decisions:quality-assured');
}

/** Reopening an achieved standard: an admin, or the IQA the organisation names as its lead IQA. */
export function canReopenAchievement(actor: Actor, leadIqaId: number | null): boolean {
  return hasRole(actor, 'admin') || (leadIqaId === actor.id && can(actor, 'reopen:achievement:org'));
}

/** Supervision is confidential to its two parties and the managers above them: not assessors or colleagues. */
export function canReadSupervision(actor: Actor, worker: RelatedWorker): boolean {
  return canIn(actor, 'read:supervision', worker);
}

/** The supervisor's part (agreement terms, schedule, record, actions) is written by the line supervisor or a manager above. */
export function canManageSupervision(actor: Actor, worker: RelatedWorker): boolean {
  return !worker.relationship.self && canIn(actor, 'manage:supervision', worker);
}

/** The worker's part (signing, comments, agreeing the record) is written by the worker alone. */
export function isSupervisedWorker(actor: Actor, worker: RelatedWorker): boolean {
  return worker.relationship.self && can(actor, 'read:supervision:own');
}

/** Lists of supervisees and overviews: supervisors for their supervisees, managers for the teams they manage. */
export function canOverseeSupervision(actor: Actor): boolean {
  return can(actor, 'read:supervision-overview');
}

/** Sees supervision they run (as a supervisor or manager above), not only their own. */
export function mayRunSupervision(actor: Actor): boolean {
  return can(actor, 'manage:supervision');
}

/** A PDP is read as supervision is: the worker, their line supervisor, the managers above them; never assessors or colleagues. */
export function canReadDevelopmentPlan(actor: Actor, worker: RelatedWorker): boolean {
  return canIn(actor, 'read:development-plan', worker);
}

/** The worker and their supervisor (or a manager above) both work on the plan between agreements. */
export function canChangeDevelopmentPlan(actor: Actor, worker: RelatedWorker): boolean {
  return canIn(actor, 'change:development-plan', worker);
}

/** Who agrees a version and in which part: the worker for themselves; the line supervisor or a manager above as the supervisor. */
export function developmentPlanParty(actor: Actor, worker: RelatedWorker): 'worker' | 'supervisor' | null {
  if (worker.relationship.self) return can(actor, 'change:development-plan:own') ? 'worker' : null;
  return canChangeDevelopmentPlan(actor, worker) ? 'supervisor' : null;
}

/** A team's or a location's portfolios are asked for by a manager of it, or by an admin for any in the organisation. */
export function canRequestPortfolioBatch(actor: Actor, scope: { managed: boolean }): boolean {
  return (scope.managed && can(actor, 'request:portfolio-batch:managed')) || can(actor, 'request:portfolio-batch:org');
}

/**
 * A batch is followed, cancelled and downloaded by whoever asked for it while they may still ask for portfolios, and
 * by the organisation's admins: the people in it see nothing of it.
 */
export function canReadPortfolioBatch(actor: Actor, batch: { requestedById: number }): boolean {
  return (batch.requestedById === actor.id && can(actor, 'request:portfolio-batch')) || can(actor, 'read:portfolio-batches:org');
}

/** A team's or a location's inspection pack is printed by a manager of it, or by an admin for any in the organisation. */
export function canPrintInspectionPack(actor: Actor, scope: { managed: boolean }): boolean {
  return (scope.managed && can(actor, 'print:inspection-pack:managed')) || can(actor, 'print:inspection-pack:org');
}
