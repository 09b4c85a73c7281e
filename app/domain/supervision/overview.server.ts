// One worker's supervision as the page shows it: agreements, schedule, records, open actions and the policy check.
import { today, splitDate } from '#app/utils/dates/index.ts';
import { assertCan, can, hasRole, isLineSupervisorOf, isSupervised, type Actor } from '#app/utils/permissions.server.ts';
import { SupervisionAction, SupervisionRecord } from '#db/models/index.ts';
import { AGREEMENT_WORKFLOW, agreementStage, awaitingSignature } from '../workflows/supervision-agreement.server.ts';
import { isAllowed } from '../workflows/workflow.server.ts';
import { readAccess } from './access.server.ts';
import { agreementsFor, scopedWorkers } from './agreements.server.ts';
import { hasCalendarLink } from './calendar.server.ts';
import { sessionsOf } from './internal/diary.server.ts';
import { overdueFor } from './internal/overdue.server.ts';
import { ACTION_STATUS, AGREEMENT_STATUS, PARTY, RECORD_STATUS } from './statuses.ts';

type DescribedAgreement = Awaited<ReturnType<typeof agreementsFor>>[number];

/** The agreement form starts from the newest version (draft, else current), or from the usual terms. */
function agreementDefaults(base: DescribedAgreement | null): Record<string, unknown> {
  if (!base) return { durationMinutes: '60', sessionTime: '10:00', agreeWithinDays: '7' };
  return {
    frequencyWeeks: String(base.frequencyWeeks),
    durationMinutes: String(base.durationMinutes),
    sessionTime: base.sessionTime,
    startsOn: splitDate(base.startsOn),
    place: base.place,
    confidentiality: base.confidentiality,
    scope: base.scope,
    recordKeeping: base.recordKeeping,
    agreeWithinDays: String(base.agreeWithinDays),
    reviewOn: splitDate(base.reviewOn),
    probation: base.probation ? 'on' : '',
  };
}

export async function workerSupervision(actor: Actor, workerId: number) {
  const access = await readAccess(actor, workerId);
  const [agreements, sessions, records, openActions, overdue] = await Promise.all([
    agreementsFor(actor, workerId),
    sessionsOf(workerId),
    SupervisionRecord.findAll({ where: { workerId }, attributes: ['id', 'sessionId', 'status', 'dueOn'] }),
    SupervisionAction.count({ where: { workerId, status: ACTION_STATUS.open } }),
    overdueFor([{ id: access.worker.id, name: access.worker.name }]),
  ]);
  const todayDate = today();
  const recordBySession = new Map(records.map((record) => [record.sessionId, record]));
  const now = Date.now();
  const current = agreements.find((agreement) => agreement.status === AGREEMENT_STATUS.active) ?? null;
  const draft = agreements.find((agreement) => agreement.status === AGREEMENT_STATUS.draft) ?? null;
  const self = access.relationship.self;
  const manage = access.canManage;
  // The worker signs their own agreement; the supervisor's part is signed by whoever may write it.
  const myParty = self ? PARTY.worker : manage ? PARTY.supervisor : null;
  const signedBy = draft?.signatures.map((row) => row.party) ?? [];
  const awaiting = draft ? awaitingSignature(signedBy) : [];
  return {
    worker: access.worker,
    isSelf: self,
    canManage: manage,
    can: {
      sign: Boolean(draft && myParty && awaiting.includes(myParty) && isAllowed(AGREEMENT_WORKFLOW, agreementStage(draft.status, signedBy), 'sign')),
      /** Plan sessions from the agreement: only with a current one. */
      schedule: manage && current !== null,
      planSession: manage,
      /** Add a session that already took place, to write its record. */
      recordPastSession: manage,
      draft: manage,
    },
    /** Who still has to sign the draft, and as which party the person would sign. */
    signing: { awaiting, as: myParty },
    agreementDefaults: agreementDefaults(draft ?? current),
    current,
    draft,
    history: agreements.filter((agreement) => agreement.status === AGREEMENT_STATUS.superseded),
    sessions: sessions.map((session) => {
      const record = recordBySession.get(session.id);
      return {
        ...session.get({ plain: true }),
        past: session.startsAt.getTime() <= now,
        recordStatus: record?.status ?? null,
        recordOverdue: record ? record.status !== RECORD_STATUS.agreed && record.dueOn < todayDate : false,
      };
    }),
    openActions,
    overdue,
  };
}

/** The supervisees (and managed team) listed on /supervision for supervisors and managers. */
export async function supervisees(actor: Actor) {
  assertCan(actor, 'read:supervision-overview');
  const workers = await scopedWorkers(actor);
  return workers.map((worker) => ({ id: worker.id, name: worker.name, mine: isLineSupervisorOf(actor, worker) }));
}


/** The supervision home page: the person's own supervision (if they are supervised), the people they oversee, their calendar. */
export async function supervisionHome(actor: Actor) {
  assertCan(actor, 'read:supervision');
  const oversee = can(actor, 'read:supervision-overview');
  return {
    me: actor.id,
    // The supervised may ask for an urgent debrief; a worker still without a line supervisor is told to ask for one.
    can: { requestDebrief: isSupervised(actor) || hasRole(actor, 'worker'), oversee },
    people: oversee ? await supervisees(actor) : [],
    hasLink: await hasCalendarLink(actor),
  };
}
