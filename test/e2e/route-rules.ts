// The rules the route matrix (route-matrix.test.ts) checks: for every route file, what each kind of visitor gets from a
// GET and from a POST with their own valid CSRF token. One rule per route file; a new route without one fails the test.
import { DEMO_PEOPLE } from '#db/seed/people.ts';
import type { DemoRole } from './harness.ts';

export const ROLES: DemoRole[] = ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'];
export const ACTORS = ['loggedOut', ...ROLES, 'otherAdmin'] as const;
export type ActorName = (typeof ACTORS)[number];

/** 200/403/404/400: that status. 'login': 302 to the sign-in page (with redirectTo). 'home': 302 to /. `{ to }`: 302 there. */
export type Outcome = 200 | 400 | 403 | 404 | 'login' | 'home' | { to: string };
export type Context = {
  workerId: number;
  policyId: number;
  roleProfileId: number;
  evidenceId: number;
  evidenceFileId: number;
  supervisionSessionId: number;
  itemId: number;
  portfolioBatchId: number;
};
type Rule = { path: (context: Context) => string; get: Record<ActorName, Outcome> };

function forActors(outcomes: Partial<Record<ActorName, Outcome>> & { default: Outcome }): Record<ActorName, Outcome> {
  return Object.fromEntries(ACTORS.map((actor) => [actor, outcomes[actor] ?? outcomes.default])) as Record<ActorName, Outcome>;
}
const everyone = (outcome: Outcome) => forActors({ default: outcome });
/** Signed in with any role: the outcome; signed out: sent to sign in. */
const anyRole = (outcome: Outcome = 200) => forActors({ default: outcome, loggedOut: 'login' });
/** Only people holding one of these roles (the other organisation's admin counts as an admin). */
const onlyRoles = (roles: DemoRole[], extra: Partial<Record<ActorName, Outcome>> = {}) =>
  forActors({
    default: 403,
    loggedOut: 'login',
    ...Object.fromEntries(roles.map((role) => [role, 200])),
    ...(roles.includes('admin') ? { otherAdmin: 200 } : {}),
    ...extra,
  });

/** Demo logins with supervision of their own or of others: all but the admin (the assessor and IQA have a line supervisor). */
const SUPERVISED: DemoRole[] = ['worker', 'assessor', 'iqa', 'supervisor', 'manager'];

const SEED_STANDARD = 'ASTH325';
const UNKNOWN_UUID = '00000000-0000-5000-8000-000000000000';

/**
 * Every role each visitor holds. A demo login is named after one role, but its person may hold more (the demo
 * manager is also a supervisor and a worker), and what they may open follows from all of them.
 */
const ROLES_HELD: Record<ActorName, readonly string[]> = {
  loggedOut: [],
  ...(Object.fromEntries(ROLES.map((role) => [role, DEMO_PEOPLE.find((person) => person.loginFor === role)?.roles ?? []])) as Record<DemoRole, string[]>),
  otherAdmin: ['admin'],
};
/** Signed in holding any of these roles (through any of their roles): 200; other roles: 403; signed out: sent to sign in. */
const holdingAnyOf = (roles: string[]) =>
  Object.fromEntries(
    ACTORS.map((actor) => [actor, actor === 'loggedOut' ? 'login' : ROLES_HELD[actor].some((role) => roles.includes(role)) ? 200 : 403]),
  ) as Record<ActorName, Outcome>;
/**
 * Who may read the demo worker's evidence (the seeded "Agreeing how often I contact Mr D", by Sarah): Sarah herself,
 * Priya (the assessor the seed gives her), David (her line supervisor), Grace (who manages her location) and Tom, who
 * assesses only Chloe but as the IQA reads any other worker's submitted evidence in the organisation. Amira only
 * administers, so to her it does not exist; nor to another organisation.
 */
// The IQA reads the submitted evidence of everyone else in the organisation, to sample and countersign decisions.
export const evidenceReaders = (): Record<ActorName, Outcome> =>
  forActors({ default: 404, loggedOut: 'login', worker: 200, assessor: 200, iqa: 200, supervisor: 200, manager: 200 });

/**
 * One rule per file in app/routes (file name without extension). A route file without a rule fails the test below:
 * whoever adds a route decides here who may see it.
 */
export const RULES: Record<string, Rule> = {
  healthz: { path: () => '/healthz', get: everyone(200) },
  // Any address no other route matches: not found, signed in or not.
  $: { path: () => '/no-such-page', get: everyone(404) },
  login: { path: () => '/login', get: forActors({ default: 'home', loggedOut: 200 }) },
  logout: { path: () => '/logout', get: everyone('home') },
  _index: { path: () => '/', get: anyRole(200) },
  account: { path: () => '/account', get: anyRole(200) },
  team: { path: () => '/team', get: onlyRoles(['manager']) },
  // Team development (docs/decisions/031): a gap or an activity that does not exist is not found, even to a manager.
  'team_.gaps._index': { path: () => '/team/gaps', get: onlyRoles(['manager']) },
  'team_.gaps.$gap': { path: () => '/team/gaps/item-2147483647', get: onlyRoles(['manager'], { manager: 404 }) },
  'team_.activities.$activityId': { path: () => '/team/activities/2147483647', get: onlyRoles(['manager'], { manager: 404 }) },
  'team_.report': { path: () => '/team/report', get: onlyRoles(['manager']) },
  'team_.report[.csv]': { path: () => '/team/report.csv', get: onlyRoles(['manager']) },
  // The inspection pack is posted (it issues a document); a GET goes to the report page, where it is asked for.
  'team_.report_.pack': { path: () => '/team/report/pack', get: onlyRoles(['manager'], { manager: { to: '/team/report#inspection-pack' } }) },
  'people._index': { path: () => '/people', get: onlyRoles(['admin']) },
  'people.new': { path: () => '/people/new', get: onlyRoles(['admin']) },
  'people.$personId': { path: ({ workerId }) => `/people/${workerId}`, get: onlyRoles(['admin'], { otherAdmin: 404 }) },
  organisation: { path: () => '/organisation', get: onlyRoles(['admin']) },
  audit: { path: () => '/audit', get: onlyRoles(['admin']) },
  'reset-password.$token': { path: () => '/reset-password/not-a-real-token', get: everyone(404) },
  // The standards library (added after the first version of this matrix): every role reads its own organisation's
  // standards; only admins import. Another organisation's standard is "not found".
  'standards._index': { path: () => '/standards', get: anyRole(200) },
  'standards.$urn': { path: () => `/standards/${SEED_STANDARD}`, get: forActors({ default: 200, loggedOut: 'login', otherAdmin: 404 }) },
  'standards.$urn.export': {
    path: () => `/standards/${SEED_STANDARD}/export?format=csv`,
    get: forActors({ default: 200, loggedOut: 'login', otherAdmin: 404 }),
  },
  'standards.import': { path: () => '/standards/import', get: onlyRoles(['admin']) },
  // Role profiles (every role but a plain worker reads them) and policies (everyone reads them), added with the
  // role profile feature; another organisation's profile or policy is "not found".
  'role-profiles._index': { path: () => '/role-profiles', get: onlyRoles(['assessor', 'iqa', 'supervisor', 'manager', 'admin']) },
  'role-profiles.$profileId': {
    path: ({ roleProfileId }) => `/role-profiles/${roleProfileId}`,
    get: onlyRoles(['assessor', 'iqa', 'supervisor', 'manager', 'admin'], { otherAdmin: 404 }),
  },
  'policies._index': { path: () => '/policies', get: anyRole(200) },
  'policies.$policyId': { path: ({ policyId }) => `/policies/${policyId}`, get: forActors({ default: 200, loggedOut: 'login', otherAdmin: 404 }) },
  // Evidence and progress (issue 5): anyone holding the worker role records evidence and sees their own progress
  // (the demo supervisor and manager are workers too). One piece of evidence, its files and a worker's page are
  // for the worker's readers only, and "not found" to everyone else; only the worker may change it.
  'evidence._index': { path: () => '/evidence', get: holdingAnyOf(['worker']) },
  'evidence.new': { path: () => '/evidence/new', get: holdingAnyOf(['worker']) },
  progress: { path: () => '/progress', get: holdingAnyOf(['worker']) },
  'evidence.$evidenceId._index': { path: ({ evidenceId }) => `/evidence/${evidenceId}`, get: evidenceReaders() },
  // Changing is refused by role before the evidence is looked up (the same 403 for any id: see the test below), so
  // a reader who holds the worker role (David, Grace) gets 403 from the evidence itself, and non-workers 403 by role.
  'evidence.$evidenceId.edit': {
    path: ({ evidenceId }) => `/evidence/${evidenceId}/edit`,
    get: forActors({ default: 403, loggedOut: 'login', worker: 200 }),
  },
  'evidence-files.$fileId': { path: ({ evidenceFileId }) => `/evidence-files/${evidenceFileId}`, get: evidenceReaders() },
  'workers.$workerId': { path: ({ workerId }) => `/workers/${workerId}`, get: evidenceReaders() },
  // Assessment (issue 14): an item's history is for the worker's readers; recording evidence one witnessed is for the
  // assessor assigned to the worker (Tom holds the assessor role too, but does not assess Sarah: told so, 403).
  'workers.$workerId_.items.$itemId': { path: ({ workerId, itemId }) => `/workers/${workerId}/items/${itemId}`, get: evidenceReaders() },
  'workers.$workerId_.evidence.new': { path: ({ workerId }) => `/workers/${workerId}/evidence/new`, get: forActors({ default: 403, loggedOut: 'login', assessor: 200 }) },
  // Portfolios (docs/decisions/034): a worker's for their evidence readers and the organisation's admin, who issues its
  // documents; the worker's own from /progress. The public check of an issued document: an unknown code is 404 for all.
  'workers.$workerId.portfolio[.pdf]': { path: ({ workerId }) => `/workers/${workerId}/portfolio.pdf`, get: { ...evidenceReaders(), admin: 200 } },
  'progress.portfolio[.pdf]': { path: () => '/progress/portfolio.pdf', get: holdingAnyOf(['worker']) },
  'verify.$code': { path: () => '/verify/0000000000000000', get: everyone(404) },
  // Supervision: everyone with a line supervisor has supervision, whatever their roles (the demo assessor Priya and
  // IQA Tom are supervised by Grace), and so do people holding the worker, supervisor or manager role; the demo admin,
  // with neither, gets 403. A worker's supervision and each session are for the worker, their line supervisor and the
  // managers above them (the demo worker Sarah, David, Grace); anyone else gets 404 (proved in
  // test/integration/supervision.test.ts). The calendar subscription needs no session, only its token: an unknown
  // token is 404 for everyone.
  'supervision._index': { path: () => '/supervision', get: onlyRoles(SUPERVISED) },
  'supervision.calendar': { path: () => '/supervision/calendar', get: onlyRoles(SUPERVISED) },
  'supervision.overview': { path: () => '/supervision/overview', get: onlyRoles(['supervisor', 'manager']) },
  'supervision.workers.$workerId': {
    path: ({ workerId }) => `/supervision/workers/${workerId}`,
    get: onlyRoles(['worker', 'supervisor', 'manager'], { assessor: 404, iqa: 404 }),
  },
  'supervision.sessions.$sessionId': {
    path: ({ supervisionSessionId }) => `/supervision/sessions/${supervisionSessionId}`,
    get: onlyRoles(['worker', 'supervisor', 'manager'], { assessor: 404, iqa: 404 }),
  },
  // Personal development plans (docs/decisions/033): read as supervision is. Everyone supervised has their own plan (the
  // admin, with none, gets 403); the demo worker's is for Sarah, David and Grace, and "not found" to the assessor and
  // IQA. Sarah's plan has an agreed version 1 (David's and Grace's own plans have none, so theirs is 404).
  'development-plan._index': { path: () => '/development-plan', get: onlyRoles(SUPERVISED) },
  'development-plan.versions.$versionNumber': {
    path: () => '/development-plan/versions/1',
    get: onlyRoles(['worker'], Object.fromEntries(SUPERVISED.filter((role) => role !== 'worker').map((role) => [role, 404]))),
  },
  'workers.$workerId_.development-plan._index': {
    path: ({ workerId }) => `/workers/${workerId}/development-plan`,
    get: onlyRoles(['worker', 'supervisor', 'manager'], { assessor: 404, iqa: 404 }),
  },
  'workers.$workerId_.development-plan.versions.$versionNumber': {
    path: ({ workerId }) => `/workers/${workerId}/development-plan/versions/1`,
    get: onlyRoles(['worker', 'supervisor', 'manager'], { assessor: 404, iqa: 404 }),
  },
  // The assessor's queue (issue 14): anyone holding the assessor role (the demo IQA Tom assesses too); nobody else.
  'assessment._index': { path: () => '/assessment', get: holdingAnyOf(['assessor']) },
  // Internal quality assurance (issue 14): the sample and the assessors' status are the IQA's (Tom); the sampling
  // report is the IQA's and the admins' (each their own organisation's); only admins set the sampling rules.
  'iqa._index': { path: () => '/iqa', get: holdingAnyOf(['iqa']) },
  'iqa.assessors': { path: () => '/iqa/assessors', get: holdingAnyOf(['iqa']) },
  'iqa.report': { path: () => '/iqa/report', get: holdingAnyOf(['iqa', 'admin']) },
  'iqa.report.download': { path: () => '/iqa/report/download', get: holdingAnyOf(['iqa', 'admin']) },
  'iqa.settings': { path: () => '/iqa/settings', get: holdingAnyOf(['admin']) },
  'calendar.$token': { path: () => '/calendar/not-a-real-token-0123456789abcdef', get: everyone(404) },
  // The public IMS CASE 1.0 API: no sign-in for anyone, the same answer whoever asks. The demo organisation
  // publishes nothing, so the list answers (empty) and every sourcedId is 404 (published ones: test/e2e/case-api.test.ts).
  'ims.case.v1p0.CFDocuments._index': { path: () => '/ims/case/v1p0/CFDocuments', get: everyone(200) },
  'ims.case.v1p0.CFDocuments.$sourcedId': { path: () => `/ims/case/v1p0/CFDocuments/${UNKNOWN_UUID}`, get: everyone(404) },
  'ims.case.v1p0.CFPackages.$sourcedId': { path: () => `/ims/case/v1p0/CFPackages/${UNKNOWN_UUID}`, get: everyone(404) },
  'ims.case.v1p0.CFItems.$sourcedId': { path: () => `/ims/case/v1p0/CFItems/${UNKNOWN_UUID}`, get: everyone(404) },
  'ims.case.v1p0.CFAssociations.$sourcedId': { path: () => `/ims/case/v1p0/CFAssociations/${UNKNOWN_UUID}`, get: everyone(404) },
  'ims.case.v1p0.$': { path: () => '/ims/case/v1p0/CFRubrics', get: everyone(404) },
  // Team portfolios (issue 16): managers ask for their teams', admins for any of the organisation's. A batch and its
  // file are the requester's (the demo manager, Grace) and the admins'; another organisation's admin does not find them.
  'team_.portfolios._index': { path: () => '/team/portfolios', get: onlyRoles(['manager', 'admin']) },
  'team_.portfolios.$batchId': { path: ({ portfolioBatchId }) => `/team/portfolios/${portfolioBatchId}`, get: onlyRoles(['manager', 'admin'], { otherAdmin: 404 }) },
  'team_.portfolios.$batchId_.download': {
    path: ({ portfolioBatchId }) => `/team/portfolios/${portfolioBatchId}/download`,
    get: onlyRoles(['manager', 'admin'], { otherAdmin: 404 }),
  },
};

/**
 * What a signed-in visitor's POST with their own valid CSRF token and a minimal body gets. 'may': the action ran for
 * them and answered as it does to someone allowed (anything but 403, 404 or 500: usually 400 for the minimal form,
 * 409 or a redirect); 403/404: refused. 'form first': refused with 400 because the route checks the form before it
 * looks the row up, so the answer is the same for any id and tells nothing (the row would then be 403/404).
 */
export type PostOutcome = 'may' | 403 | 404 | 'form first';
type PostRule = { body: Record<string, string>; expect: Record<SignedIn, PostOutcome> };
export type SignedIn = Exclude<ActorName, 'loggedOut'>;
export const SIGNED_IN = ACTORS.filter((actor): actor is SignedIn => actor !== 'loggedOut');

/** May: the listed visitors; every other signed-in visitor gets `otherwise`. */
function postBy(allowed: SignedIn[], otherwise: PostOutcome = 403, extra: Partial<Record<SignedIn, PostOutcome>> = {}): Record<SignedIn, PostOutcome> {
  return Object.fromEntries(SIGNED_IN.map((actor) => [actor, extra[actor] ?? (allowed.includes(actor) ? 'may' : otherwise)])) as Record<SignedIn, PostOutcome>;
}
const ALL_SIGNED_IN: SignedIn[] = [...SIGNED_IN];
/** Demo logins holding the worker role: Sarah, and David and Grace, who are workers too. */
const WORKER_HOLDERS: SignedIn[] = ['worker', 'supervisor', 'manager'];
const ADMINS: SignedIn[] = ['admin', 'otherAdmin'];

/**
 * One rule per route file with an action (the read-only CASE API answers 405 to every POST and is left out). The
 * bodies are minimal and never complete a change, so the demo data stays as the other tests expect it.
 */
export const POST_RULES: Record<string, PostRule> = {
  account: { body: {}, expect: postBy(ALL_SIGNED_IN) },
  login: { body: {}, expect: postBy(ALL_SIGNED_IN) },
  // Each visitor signs out a session of their own made for this probe.
  logout: { body: {}, expect: postBy(ALL_SIGNED_IN) },
  'reset-password.$token': { body: {}, expect: postBy(ALL_SIGNED_IN) },
  // Only Sarah submits her evidence (already submitted: 409); David and Grace read it but may not change it.
  'evidence.$evidenceId._index': { body: { intent: 'submit' }, expect: postBy(['worker']) },
  'evidence.new': { body: {}, expect: postBy(WORKER_HOLDERS) },
  'evidence.$evidenceId.edit': { body: {}, expect: postBy(['worker'], 403, { supervisor: 'form first', manager: 'form first' }) },
  'people.new': { body: {}, expect: postBy(ADMINS) },
  'people.$personId': { body: { intent: 'save' }, expect: postBy(['admin'], 403, { otherAdmin: 'form first' }) },
  organisation: { body: { intent: 'add-team' }, expect: postBy(ADMINS) },
  'policies._index': { body: {}, expect: postBy(ADMINS) },
  'policies.$policyId': { body: { intent: 'add-version' }, expect: postBy(['admin'], 403, { otherAdmin: 'form first' }) },
  'role-profiles._index': { body: {}, expect: postBy(ADMINS) },
  'role-profiles.$profileId': { body: { intent: 'save' }, expect: postBy(['admin'], 403, { otherAdmin: 'form first' }) },
  'standards.$urn': { body: { intent: 'probe' }, expect: postBy(['admin'], 403, { otherAdmin: 'form first' }) },
  'standards.import': { body: {}, expect: postBy(ADMINS) },
  // A review or a status change without its decision or assessor is 400 for the IQA, refused by role for others.
  'iqa._index': { body: { intent: 'review' }, expect: postBy(['iqa']) },
  'iqa.assessors': { body: { intent: 'set-status' }, expect: postBy(['iqa']) },
  'iqa.settings': { body: {}, expect: postBy(ADMINS) },
  // The supervised assessor and IQA ask for a debrief like anyone (this empty one is refused at the field); an unknown
  // intent on Sarah's pages is 400 before anything of hers is read.
  // Judging and witnessed evidence are for assessors (Tom holds the role, so his empty form is refused at the field);
  // reopening is for admins and the lead IQA (Tom is not lead: refused by the domain after the form).
  'workers.$workerId': { body: { intent: 'reopen' }, expect: postBy(['admin'], 403, { otherAdmin: 'form first', iqa: 'form first' }) },
  'workers.$workerId_.items.$itemId': { body: {}, expect: postBy(['assessor'], 403, { iqa: 'form first' }) },
  'workers.$workerId_.evidence.new': { body: {}, expect: postBy(['assessor'], 403, { iqa: 'form first' }) },
  'supervision._index': { body: { intent: 'debrief' }, expect: postBy([...WORKER_HOLDERS, 'assessor', 'iqa']) },
  'supervision.workers.$workerId': { body: { intent: 'probe' }, expect: postBy(WORKER_HOLDERS, 403, { assessor: 'form first', iqa: 'form first' }) },
  'supervision.sessions.$sessionId': { body: { intent: 'probe' }, expect: postBy(WORKER_HOLDERS, 403, { assessor: 'form first', iqa: 'form first' }) },
  // An unknown intent on a plan is 400 before anything of the worker's is read; the admin, with no plan, 403.
  'development-plan._index': { body: { intent: 'probe' }, expect: postBy([...WORKER_HOLDERS, 'assessor', 'iqa']) },
  'workers.$workerId_.development-plan._index': { body: { intent: 'probe' }, expect: postBy(WORKER_HOLDERS, 403, { assessor: 'form first', iqa: 'form first' }) },
  // An empty plan or attendance form is refused at its fields before anything is read.
  'team_.gaps.$gap': { body: {}, expect: postBy(['manager'], 403, { manager: 'form first' }) },
  'team_.activities.$activityId': { body: {}, expect: postBy(['manager'], 403, { manager: 'form first' }) },
  // Checking a copy needs no sign-in; for a code the portal never issued the answer is 404 to everyone.
  'verify.$code': { body: {}, expect: postBy([], 404) },
  // An empty request is refused at its fields; an unknown intent on a batch is 400 before the batch is looked up.
  'team_.portfolios._index': { body: {}, expect: postBy(['manager', ...ADMINS]) },
  'team_.portfolios.$batchId': { body: { intent: 'probe' }, expect: postBy(['manager', 'admin'], 403, { otherAdmin: 'form first' }) },
  // An empty inspection pack form goes back to the report page to show its problems, for managers and admins.
  'team_.report_.pack': { body: {}, expect: postBy(['manager', ...ADMINS]) },
};
