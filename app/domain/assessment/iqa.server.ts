// Internal quality assurance (docs/decisions/030): an IQA countersigns or challenges a sampled decision, marks an
// assessor new or signs them off as competent; an admin sets the sampling rules and the lead IQA. Each write is
// permission first, then one transaction that appends the chained row, refreshes what it changes and audits it.
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, can, canReviewDecision, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { ASSESSOR_STATUSES, type AssessorStatusValue } from '#db/models/assessor-status.ts';
import { AssessmentDecision, AssessorStatus, IqaReview, IqaSettings, Person, PersonRole, StandardItem, sequelize } from '#db/models/index.ts';
import { IQA_OUTCOMES, type IqaOutcome } from '#db/models/iqa-review.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { refreshItemStates } from '../evidence/item-states.server.ts';
import { locked, write } from '../write.server.ts';
import { settleAchievements } from './achievements.server.ts';
import { newAssessorsAmong } from './assessor-standing.server.ts';
import { samplingRulesOf } from './sampling.server.ts';
import type { SamplingRules } from './sampling.ts';

export type ReviewInput = { outcome: IqaOutcome; note: string };
export type ReviewResult = { reviewed: true } | { reviewed: false; existing: { outcome: IqaOutcome; iqaName: string; at: Date } };

async function existingReview(decisionId: number, transaction?: Transaction): Promise<ReviewResult | null> {
  const review = await IqaReview.findOne({ where: { decisionId }, include: [{ model: Person, as: 'iqa', attributes: ['name'] }], transaction });
  return review ? { reviewed: false, existing: { outcome: review.outcome, iqaName: review.iqa?.name ?? 'an IQA', at: review.createdAt } } : null;
}

/**
 * Countersigns (agreed) or challenges a decision. One review per decision: a second attempt, or the same form sent
 * twice, writes nothing and says who reviewed it. A countersign can complete a standard (a new assessor's met now
 * counts); a challenge can withdraw one (the decision counts for nothing until the assessor answers it).
 */
export async function reviewDecision(ctx: DomainContext, decisionId: number, input: ReviewInput): Promise<ReviewResult> {
  const { actor } = ctx;
  const note = input.note.trim();
  try {
    return await write(ctx, {
      permission: 'review:decisions:quality-assured',
      load: async (transaction) => {
        const decision = assertSameOrganisation(actor, await AssessmentDecision.findByPk(decisionId, locked(transaction)), 'Decision');
        const [already, item, worker] = await Promise.all([
          existingReview(decision.id, transaction),
          StandardItem.findByPk(decision.standardItemId, { attributes: ['code'], transaction }),
          Person.findByPk(decision.workerId, { attributes: ['name'], transaction }),
        ]);
        return { decision, already, itemCode: item?.code ?? 'an item', workerName: worker?.name ?? 'a worker' };
      },
      check: ({ decision, already }) => {
        if (!canReviewDecision(actor, decision)) {
          throw new Forbidden(decision.assessorId === actor.id ? 'Nobody reviews their own decisions' : 'Nobody reviews decisions on their own evidence');
        }
        if (already) return;
        if (input.outcome !== IQA_OUTCOMES.agreed && input.outcome !== IQA_OUTCOMES.challenged) throw new ValidationError({ outcome: ['Choose agree or challenge'] });
        if (input.outcome === IQA_OUTCOMES.challenged && !note) throw new ValidationError({ note: ['Enter a note for the assessor: what they need to look at again'] });
      },
      run: async ({ decision, already }, transaction, record) => {
        if (already) return already;
        await IqaReview.create({ organisationId: actor.organisationId, decisionId: decision.id, iqaId: actor.id, outcome: input.outcome, note, createdAt: ctx.now }, { transaction });
        await refreshItemStates([decision.workerId], transaction);
        for (const entry of await settleAchievements(decision.workerId, actor.organisationId, transaction, ctx.now)) record(entry);
        return { reviewed: true } as const;
      },
      audit: ({ decision, itemCode, workerName }, result) =>
        result.reviewed
          ? {
              action: AUDIT_ACTIONS.decisionReviewed,
              summary: `${actor.name} ${input.outcome === IQA_OUTCOMES.agreed ? 'countersigned' : 'challenged'} the decision on ${itemCode} for ${workerName}`,
              subject: { type: 'assessment_decision', id: decision.id },
            }
          : null,
    });
  } catch (error) {
    // Two copies of the form at the same moment: the unique index let one in; the other is told it is reviewed.
    if (error instanceof UniqueConstraintError) {
      const already = await existingReview(decisionId);
      if (already) return already;
    }
    throw error;
  }
}

export type Challenge = { decisionId: number; reviewId: number; workerId: number; itemId: number; itemCode: string; note: string; iqaName: string; at: Date };

/** The actor's decisions challenged by an IQA and not yet answered, oldest first; one query. */
export async function challengesFor(actor: Actor): Promise<Challenge[]> {
  if (!can(actor, 'decide:evidence:assessed')) return [];
  const rows = await sequelize.query<Omit<Challenge, 'at'> & { at: string | Date }>(
    `SELECT d.id AS "decisionId", r.id AS "reviewId", d.worker_id AS "workerId", d.standard_item_id AS "itemId", i.code AS "itemCode",
       r.note, q.name AS "iqaName", r.created_at AS "at"
     FROM iqa_reviews r
     JOIN assessment_decisions d ON d.id = r.decision_id
     JOIN standard_items i ON i.id = d.standard_item_id
     JOIN people q ON q.id = r.iqa_id
     WHERE d.assessor_id = :assessorId AND d.organisation_id = :organisationId AND r.outcome = 'challenged'
       AND NOT EXISTS (SELECT 1 FROM assessment_decisions answer WHERE answer.answers_review_id = r.id)
     ORDER BY r.created_at, r.id`,
    { type: QueryTypes.SELECT, raw: true, replacements: { assessorId: actor.id, organisationId: actor.organisationId } },
  );
  return rows.map((row) => ({
    ...row,
    decisionId: Number(row.decisionId),
    reviewId: Number(row.reviewId),
    workerId: Number(row.workerId),
    itemId: Number(row.itemId),
    at: new Date(row.at),
  }));
}

export type AssessorStanding = { id: number; name: string; status: AssessorStatusValue; awaitingCountersign: number };

/** The organisation's active assessors, each new or competent, with their decisions awaiting countersign; fixed queries. */
export async function assessorStandings(actor: Actor): Promise<AssessorStanding[]> {
  assertCan(actor, 'manage:assessor-status:org');
  const assessors = await Person.findAll({
    where: { organisationId: actor.organisationId, deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', attributes: [], where: { role: 'assessor' } }],
    attributes: ['id', 'name'],
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  const ids = assessors.map((person) => person.id);
  const [newOnes, waiting] = await Promise.all([
    newAssessorsAmong(ids),
    ids.length
      ? sequelize.query<{ assessorId: number; waiting: number }>(
          `SELECT d.assessor_id AS "assessorId", COUNT(*) AS waiting FROM assessment_decisions d
           WHERE d.assessor_id IN (:ids) AND d.countersign_required = :yes AND d.outcome = 'met'
             AND NOT EXISTS (SELECT 1 FROM iqa_reviews r WHERE r.decision_id = d.id)
           GROUP BY d.assessor_id`,
          { type: QueryTypes.SELECT, raw: true, replacements: { ids, yes: true } },
        )
      : [],
  ]);
  const waitingOf = new Map(waiting.map((row) => [Number(row.assessorId), Number(row.waiting)]));
  return assessors.map((person) => ({
    id: person.id,
    name: person.name,
    status: newOnes.has(person.id) ? ASSESSOR_STATUSES.new : ASSESSOR_STATUSES.competent,
    awaitingCountersign: waitingOf.get(person.id) ?? 0,
  }));
}

/** Marks an assessor new (their met counts once countersigned) or signs them off as competent. Only people holding the assessor role. */
export async function setAssessorStatus(ctx: DomainContext, assessorId: number, status: AssessorStatusValue): Promise<{ changed: boolean }> {
  const { actor } = ctx;
  return write(ctx, {
    permission: 'manage:assessor-status:org',
    load: async (transaction) => {
      const assessor = await Person.findOne({
        where: { id: assessorId, organisationId: actor.organisationId, deactivatedAt: null },
        include: [{ model: PersonRole, as: 'roles', attributes: [], where: { role: 'assessor' } }],
        attributes: ['id', 'name'],
        ...locked(transaction),
      });
      if (!assessor) throw new NotFound('Assessor');
      const current = (await newAssessorsAmong([assessor.id], transaction)).has(assessor.id) ? ASSESSOR_STATUSES.new : ASSESSOR_STATUSES.competent;
      return { assessor, current };
    },
    check: ({ assessor }) => {
      if (assessor.id === actor.id) throw new Forbidden('Nobody signs off their own assessing');
      if (status !== ASSESSOR_STATUSES.new && status !== ASSESSOR_STATUSES.competent) throw new ValidationError({ status: ['Choose new or competent'] });
    },
    run: async ({ assessor, current }, transaction) => {
      if (current === status) return { changed: false };
      await AssessorStatus.create({ organisationId: actor.organisationId, assessorId: assessor.id, status, changedById: actor.id, createdAt: ctx.now }, { transaction });
      return { changed: true };
    },
    audit: ({ assessor }, result) =>
      result.changed
        ? {
            action: AUDIT_ACTIONS.assessorStatusChanged,
            summary: status === ASSESSOR_STATUSES.new ? `${actor.name} marked ${assessor.name} a new assessor` : `${actor.name} signed off ${assessor.name} as a competent assessor`,
            subject: { type: 'person', id: assessor.id },
          }
        : null,
  });
}

export type IqaSettingsInput = SamplingRules & { leadIqaId: number | null };

/** For the settings form: the rules as they stand, and the people an admin may name lead IQA (the active IQAs). */
export async function iqaSettingsForm(actor: Actor): Promise<{ settings: IqaSettingsInput; iqas: { id: number; name: string }[] }> {
  assertCan(actor, 'manage:iqa-settings:org');
  const settings = await samplingRulesOf(actor.organisationId);
  const people = await Person.findAll({
    where: { organisationId: actor.organisationId, deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', attributes: [], where: { role: 'iqa' } }],
    attributes: ['id', 'name'],
    order: [['name', 'ASC']],
  });
  return { settings, iqas: people.map((person) => ({ id: person.id, name: person.name })) };
}

/** Sets the organisation's sampling rules and its lead IQA (who, with admins, may reopen an achieved standard). */
export async function setIqaSettings(ctx: DomainContext, input: IqaSettingsInput): Promise<void> {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'manage:iqa-settings:org',
    load: async (transaction) => {
      const lead = input.leadIqaId
        ? await Person.findOne({
            where: { id: input.leadIqaId, organisationId: actor.organisationId, deactivatedAt: null },
            include: [{ model: PersonRole, as: 'roles', attributes: [], where: { role: 'iqa' } }],
            attributes: ['id', 'name'],
            transaction,
          })
        : null;
      return { lead, existing: await IqaSettings.findByPk(actor.organisationId, locked(transaction)) };
    },
    check: ({ lead }) => {
      if (input.leadIqaId && !lead) throw new ValidationError({ leadIqaId: ['Choose a person who holds the IQA role'] });
    },
    run: async ({ existing }, transaction) => {
      const values = { samplePercent: input.samplePercent, minimumPerAssessorMonth: input.minimumPerAssessorMonth, leadIqaId: input.leadIqaId };
      if (existing) await existing.update(values, { transaction });
      else await IqaSettings.create({ organisationId: actor.organisationId, ...values }, { transaction });
    },
    audit: ({ lead }) => ({
      action: AUDIT_ACTIONS.iqaSettingsChanged,
      summary: `${actor.name} set the IQA sampling rules (${input.samplePercent}%, at least ${input.minimumPerAssessorMonth} a month per assessor) and ${lead ? `named ${lead.name} lead IQA` : 'no lead IQA'}`,
    }),
  });
}

