// When a worker's standard is achieved (every item of their version met, countersigned where the assessor is new),
// withdrawn (a later decision leaves an item not met) or reopened (by an admin or the lead IQA, with a reason).
// Kept as append-only, chained rows; the latest row of each holding is its state (docs/decisions/028).
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { formatDate } from '#app/utils/dates/index.ts';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { canReopenAchievement, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { AssessmentDecision, IqaReview, IqaSettings, Person, PersonStandard, StandardAchievement, WorkerItemState, sequelize } from '#db/models/index.ts';
import { ACHIEVEMENT_EVENTS } from '#db/models/standard-achievement.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { heldStandardsOf } from '../evidence/internal/held-items.server.ts';
import type { AuditEntry } from '../write.server.ts';
import { locked, write } from '../write.server.ts';

export type Achievement = {
  event: 'achieved' | 'withdrawn' | 'reopened';
  at: Date;
  personId: number;
  personName: string;
  reason: string;
  decisionId: number | null;
};

const LATEST_SQL = `
SELECT a.id, a.worker_id AS "workerId", a.standard_version_id AS "standardVersionId", a.event, a.created_at AS "at",
       a.person_id AS "personId", p.name AS "personName", a.reason, a.decision_id AS "decisionId"
FROM standard_achievements a
JOIN people p ON p.id = a.person_id
WHERE a.worker_id IN (:workerIds)
  AND a.id = (SELECT MAX(latest.id) FROM standard_achievements latest
              WHERE latest.worker_id = a.worker_id AND latest.standard_version_id = a.standard_version_id)`;

/** Per worker, per standard version, the latest achievement event; one query. Unchecked: callers have scoped the workers. */
export async function latestAchievements(workerIds: number[], transaction?: Transaction): Promise<Map<number, Map<number, Achievement>>> {
  const byWorker = new Map<number, Map<number, Achievement>>(workerIds.map((id) => [id, new Map()]));
  if (!workerIds.length) return byWorker;
  const rows = await sequelize.query<Achievement & { workerId: number; standardVersionId: number }>(LATEST_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds },
    transaction,
  });
  for (const row of rows) {
    byWorker.get(Number(row.workerId))!.set(Number(row.standardVersionId), {
      event: row.event,
      at: new Date(row.at),
      personId: Number(row.personId),
      personName: row.personName,
      reason: row.reason,
      decisionId: row.decisionId === null ? null : Number(row.decisionId),
    });
  }
  return byWorker;
}

export function isAchieved(achievement: Achievement | undefined): boolean {
  return achievement?.event === ACHIEVEMENT_EVENTS.achieved;
}

/**
 * After decisions or reviews changed a worker's item states (in the same transaction, after refreshItemStates): each
 * held standard now fully met and not achieved becomes achieved, naming the assessor of the decision that completed
 * it; each achieved standard with an item no longer met is withdrawn, with the reason. Returns the audit entries.
 */
export async function settleAchievements(workerId: number, organisationId: number, transaction: Transaction, now: Date = new Date()): Promise<AuditEntry[]> {
  const [held, states, latest] = await Promise.all([
    heldStandardsOf([workerId], transaction),
    WorkerItemState.findAll({ where: { workerId }, attributes: ['standardItemId', 'state', 'decisionId'], transaction }),
    latestAchievements([workerId], transaction),
  ]);
  const stateOf = new Map(states.map((row) => [row.standardItemId, row]));
  const changes: { standardVersionId: number; urn: string; event: 'achieved' | 'withdrawn'; decisionId: number; itemCode: string }[] = [];
  for (const standard of held.get(workerId)!) {
    if (!standard.items.length) continue;
    const achieved = isAchieved(latest.get(workerId)!.get(standard.standardVersionId));
    const notMet = standard.items.find((item) => stateOf.get(item.id)?.state !== 'met');
    if (!notMet && !achieved) {
      // The decision that completed it: the latest of the decisions its items now rest on.
      const decisionId = Math.max(...standard.items.map((item) => stateOf.get(item.id)!.decisionId ?? 0));
      changes.push({ standardVersionId: standard.standardVersionId, urn: standard.urn, event: 'achieved', decisionId, itemCode: '' });
    } else if (notMet && achieved) {
      const decisionId = stateOf.get(notMet.id)?.decisionId ?? null;
      if (decisionId !== null) changes.push({ standardVersionId: standard.standardVersionId, urn: standard.urn, event: 'withdrawn', decisionId, itemCode: notMet.code });
    }
  }
  if (!changes.length) return [];
  const decisions = await AssessmentDecision.findAll({
    where: { id: { [Op.in]: changes.map((change) => change.decisionId) } },
    include: [
      { model: Person, as: 'assessor', attributes: ['id', 'name'] },
      { model: IqaReview, as: 'review', required: false, include: [{ model: Person, as: 'iqa', attributes: ['id', 'name'] }] },
    ],
    transaction,
  });
  const decisionById = new Map(decisions.map((decision) => [decision.id, decision]));
  const worker = await Person.findByPk(workerId, { attributes: ['name'], transaction });
  const entries: AuditEntry[] = [];
  for (const change of changes) {
    const decision = decisionById.get(change.decisionId)!;
    const review = decision.review;
    const challenged = change.event === 'withdrawn' && review?.outcome === 'challenged';
    const reason =
      change.event === 'achieved' ? ''
      : challenged ? `${change.itemCode}: ${review.iqa?.name ?? 'an IQA'} challenged the decision on ${formatDate(review.createdAt)}`
      : `${change.itemCode} judged not yet met by ${decision.assessor?.name ?? 'an assessor'} on ${formatDate(decision.createdAt)}: ${decision.feedback}`;
    const row = await StandardAchievement.create(
      {
        organisationId,
        workerId,
        standardVersionId: change.standardVersionId,
        event: change.event,
        personId: challenged ? review.iqaId : decision.assessorId,
        reason,
        decisionId: decision.id,
        createdAt: now,
      },
      { transaction },
    );
    entries.push({
      action: change.event === 'achieved' ? AUDIT_ACTIONS.standardAchieved : AUDIT_ACTIONS.achievementWithdrawn,
      summary:
        change.event === 'achieved' ? `${worker?.name ?? 'A worker'} achieved ${change.urn}`
        : `${worker?.name ?? 'A worker'}’s achievement of ${change.urn} was withdrawn (${change.itemCode} no longer met)`,
      subject: { type: 'standard_achievement', id: row.id },
    });
  }
  return entries;
}

/** The lead IQA of the organisation, if one is named. */
export async function leadIqaOf(organisationId: number, transaction?: Transaction): Promise<number | null> {
  return (await IqaSettings.findByPk(organisationId, { transaction }))?.leadIqaId ?? null;
}

/** Whether this actor may reopen an achieved standard (for the page to offer the form). */
export async function mayReopen(actor: Actor): Promise<boolean> {
  return canReopenAchievement(actor, await leadIqaOf(actor.organisationId));
}

/** Reopens an achieved standard so it can be judged again: an admin or the lead IQA, with a written reason. */
export async function reopenAchievement(ctx: DomainContext, input: { workerId: number; standardVersionId: number; reason: string }): Promise<void> {
  const { actor } = ctx;
  const reason = input.reason.trim();
  await write(ctx, {
    permission: 'reopen:achievement:org',
    load: async (transaction) => {
      const holding = await PersonStandard.findOne({
        where: { personId: input.workerId, standardVersionId: input.standardVersionId },
        include: [{ model: Person, as: 'person', attributes: ['id', 'name', 'organisationId'], where: { organisationId: actor.organisationId } }],
        ...locked(transaction),
      });
      if (!holding) throw new NotFound('Standard');
      const latest = (await latestAchievements([input.workerId], transaction)).get(input.workerId)!.get(input.standardVersionId);
      return { holding, latest, leadIqaId: await leadIqaOf(actor.organisationId, transaction) };
    },
    check: ({ latest, leadIqaId }) => {
      if (!canReopenAchievement(actor, leadIqaId)) throw new ValidationError({ reason: ['Only an admin or the lead IQA can reopen an achieved standard'] });
      if (!isAchieved(latest)) throw new ValidationError({ reason: ['This standard is not achieved, so there is nothing to reopen'] });
      if (!reason) throw new ValidationError({ reason: ['Enter why the standard is being reopened'] });
    },
    run: async ({ holding }, transaction) =>
      StandardAchievement.create(
        {
          organisationId: actor.organisationId,
          workerId: input.workerId,
          standardVersionId: input.standardVersionId,
          event: ACHIEVEMENT_EVENTS.reopened,
          personId: actor.id,
          reason,
          decisionId: null,
          createdAt: ctx.now,
        },
        { transaction },
      ).then((row) => ({ row, workerName: holding.person!.name })),
    audit: (_subject, { row, workerName }) => ({
      action: AUDIT_ACTIONS.achievementReopened,
      summary: `${actor.name} reopened a standard achieved by ${workerName}`,
      subject: { type: 'standard_achievement', id: row.id },
    }),
  });
}
