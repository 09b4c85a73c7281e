// Assessors' decisions (docs/decisions/028): for each item mapped to a worker's submitted evidence, met or not yet met,
// with the method and feedback, resting on the evidence revisions the assessor read. One piece of evidence and many
// items, or one item and several pieces (holistic assessment): the same command. Decisions are never changed; a new
// one supersedes the last, and an answer to an IQA challenge names the challenge.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { judgementField } from '#app/components/judging-schema.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { canDecide, canReadEvidence, type RelatedWorker } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural } from '#app/utils/words.ts';
import {
  AssessmentDecision,
  AssessmentDecisionEvidence,
  Evidence,
  EvidenceItemLink,
  EvidenceRevision,
  IqaReview,
  StandardVersion,
} from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { heldStandardsOf, type HeldItem, type HeldStandard } from '../evidence/internal/held-items.server.ts';
import { refreshItemStates } from '../evidence/item-states.server.ts';
import { EVIDENCE_STATUS } from '../evidence-types.ts';
import { relationshipTo } from '../relationships.server.ts';
import { locked, write } from '../write.server.ts';
import { isAchieved, latestAchievements, settleAchievements } from './achievements.server.ts';
import { newAssessorsAmong } from './assessor-standing.server.ts';
import { DECISION_OUTCOMES, type DecisionOutcome } from './decided-state.ts';
import type { AssessmentMethod } from './methods.ts';
import { needsObservation, rulesOf, type StandardRules } from './rules.server.ts';

export type Judgement = { itemId: number; outcome: DecisionOutcome; method: AssessmentMethod; feedback: string };

export type DecisionRequest = {
  workerId: number;
  /** The evidence the decisions rest on: one piece, or several for a holistic judgement of one item. */
  evidenceIds: number[];
  judgements: Judgement[];
  /** The form's one-time key: the same submission sent twice records its decisions once. */
  submissionKey: string;
  /** The IQA challenge these decisions answer. */
  answersReviewId?: number | null;
};

export { judgementField };

type Loaded = {
  worker: RelatedWorker & { name: string };
  evidence: Evidence[];
  linkedItems: Map<number, Set<number>>;
  observedEvidence: Set<number>;
  itemInfo: Map<number, { item: HeldItem; standard: HeldStandard; standardId: number; rules: StandardRules }>;
  achievedVersions: Set<number>;
  challenge: IqaReview | null;
  alreadyRecorded: boolean;
  assessorIsNew: boolean;
};

async function load(ctx: DomainContext, request: DecisionRequest, transaction: Transaction): Promise<Loaded> {
  const { actor } = ctx;
  const { worker, relationship } = await relationshipTo(actor, request.workerId);
  const related = { id: worker.id, relationship };
  if (!canReadEvidence(actor, related)) throw new NotFound('Evidence');
  const evidence = await Evidence.findAll({
    where: { id: { [Op.in]: request.evidenceIds }, organisationId: actor.organisationId, workerId: worker.id },
    ...locked(transaction),
  });
  // A draft is the worker's alone: to anyone else it does not exist.
  if (evidence.length !== new Set(request.evidenceIds).size || evidence.some((piece) => piece.status === EVIDENCE_STATUS.draft)) {
    throw new NotFound('Evidence');
  }
  const revisionIds = evidence.map((piece) => piece.currentRevisionId!);
  const [links, revisions, held, achievements, challenge, recorded, newAssessors] = await Promise.all([
    EvidenceItemLink.findAll({ where: { evidenceRevisionId: { [Op.in]: revisionIds } }, attributes: ['evidenceRevisionId', 'standardItemId'], transaction }),
    EvidenceRevision.findAll({ where: { id: { [Op.in]: revisionIds } }, attributes: ['id', 'evidenceId', 'type'], transaction }),
    heldStandardsOf([worker.id], transaction),
    latestAchievements([worker.id], transaction),
    request.answersReviewId ? IqaReview.findOne({ where: { id: request.answersReviewId, organisationId: actor.organisationId }, include: [{ model: AssessmentDecision, as: 'decision' }], transaction }) : null,
    AssessmentDecision.count({ where: { submissionKey: request.submissionKey }, transaction }),
    newAssessorsAmong([actor.id], transaction),
  ]);
  const evidenceOfRevision = new Map(revisions.map((revision) => [revision.id, revision.evidenceId]));
  const linkedItems = new Map<number, Set<number>>(evidence.map((piece) => [piece.id, new Set()]));
  for (const link of links) linkedItems.get(evidenceOfRevision.get(link.evidenceRevisionId)!)!.add(link.standardItemId);
  const standards = held.get(worker.id)!;
  const versions = await StandardVersion.findAll({ where: { id: standards.map((standard) => standard.standardVersionId) }, attributes: ['id', 'standardId'], transaction });
  const standardIdOf = new Map(versions.map((version) => [version.id, version.standardId]));
  const rules = await rulesOf([...standardIdOf.values()], transaction);
  const itemInfo: Loaded['itemInfo'] = new Map();
  for (const standard of standards) {
    const standardId = standardIdOf.get(standard.standardVersionId)!;
    for (const item of standard.items) itemInfo.set(item.id, { item, standard, standardId, rules: rules.get(standardId)! });
  }
  const achievedVersions = new Set([...achievements.get(worker.id)!].filter(([, latest]) => isAchieved(latest)).map(([versionId]) => versionId));
  return {
    worker: { ...related, name: worker.name },
    evidence,
    linkedItems,
    observedEvidence: new Set(revisions.filter((revision) => revision.type === 'observation').map((revision) => revision.evidenceId)),
    itemInfo,
    achievedVersions,
    challenge,
    alreadyRecorded: recorded > 0,
    assessorIsNew: newAssessors.has(actor.id),
  };
}

function check(ctx: DomainContext, request: DecisionRequest, loaded: Loaded): void {
  const { actor } = ctx;
  if (!canDecide(actor, loaded.worker)) {
    throw new Forbidden(loaded.worker.relationship.self ? 'Nobody judges their own evidence' : 'Only an assessor assigned to this worker can judge their evidence');
  }
  if (loaded.alreadyRecorded) return;
  if (!request.judgements.length) throw new ValidationError({ judgements: ['Judge at least one item'] });
  const challenge = loaded.challenge;
  if (request.answersReviewId) {
    if (!challenge || challenge.outcome !== 'challenged' || challenge.decision!.workerId !== loaded.worker.id) throw new NotFound('Challenge');
    if (challenge.decision!.assessorId !== actor.id) throw new Forbidden('A challenge is answered by the assessor whose decision it was');
  }
  const errors: Record<string, string[]> = {};
  const pieces = loaded.evidence.length;
  for (const judgement of request.judgements) {
    const info = loaded.itemInfo.get(judgement.itemId);
    const field = (part: 'outcome' | 'method' | 'feedback') => judgementField(judgement.itemId, part);
    if (!info) {
      errors[field('outcome')] = ['This item is not part of a standard the worker holds'];
      continue;
    }
    const code = info.item.code;
    if (loaded.evidence.some((piece) => !loaded.linkedItems.get(piece.id)!.has(judgement.itemId))) {
      errors[field('outcome')] = [`${code} is not mapped to ${pieces === 1 ? 'this evidence' : 'every piece of evidence chosen'}`];
      continue;
    }
    const answersThis = challenge?.decision?.standardItemId === judgement.itemId;
    if (loaded.achievedVersions.has(info.standard.standardVersionId) && !answersThis) {
      throw new InvalidTransition(`${info.standard.urn} is achieved and locked: it must be reopened before ${code} is judged again`, {
        workflow: 'achievement',
        from: 'achieved',
        action: 'decide',
        field: field('outcome'),
      });
    }
    if (judgement.outcome === DECISION_OUTCOMES.notYetMet && !judgement.feedback.trim()) {
      errors[field('feedback')] = [`Enter feedback for ${code}: what the worker needs to show to meet it`];
    }
    if (judgement.outcome === DECISION_OUTCOMES.met) {
      const needed = info.rules.minimumEvidence;
      if (pieces < needed) {
        errors[field('outcome')] = [`${code} needs ${plural(needed, 'piece', 'pieces')} of evidence before it can be met: judge it on ${needed === 1 ? 'a piece' : 'several pieces'} of evidence together from the item’s page`];
      } else if (needsObservation(info.rules, info.item) && judgement.method !== 'direct_observation' && !loaded.evidence.some((piece) => loaded.observedEvidence.has(piece.id))) {
        errors[field('method')] = [`${code} needs direct observation before it can be met`];
      }
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/**
 * Records the decisions and what they change: the worker's item states, and any standard achieved or withdrawn.
 * Returns how many were recorded (0 when this submission had been recorded already).
 */
export async function recordDecisions(ctx: DomainContext, request: DecisionRequest): Promise<{ recorded: number }> {
  const { actor } = ctx;
  try {
    return await write(ctx, {
      permission: 'decide:evidence:assessed',
      load: (transaction) => load(ctx, request, transaction),
      check: (loaded) => check(ctx, request, loaded),
      run: async (loaded, transaction, record) => {
        if (loaded.alreadyRecorded) return { recorded: 0 };
        for (const judgement of request.judgements) {
          const decision = await AssessmentDecision.create(
            {
              organisationId: actor.organisationId,
              workerId: loaded.worker.id,
              standardItemId: judgement.itemId,
              assessorId: actor.id,
              outcome: judgement.outcome,
              method: judgement.method,
              feedback: judgement.feedback.trim(),
              countersignRequired: loaded.assessorIsNew,
              answersReviewId: request.answersReviewId ?? null,
              submissionKey: request.submissionKey,
              createdAt: ctx.now,
            },
            { transaction },
          );
          for (const piece of loaded.evidence) {
            await AssessmentDecisionEvidence.create(
              { organisationId: actor.organisationId, decisionId: decision.id, evidenceId: piece.id, evidenceRevisionId: piece.currentRevisionId!, createdAt: ctx.now },
              { transaction },
            );
          }
        }
        await refreshItemStates([loaded.worker.id], transaction);
        for (const entry of await settleAchievements(loaded.worker.id, actor.organisationId, transaction, ctx.now)) record(entry);
        return { recorded: request.judgements.length };
      },
      audit: (loaded, result) =>
        result.recorded === 0 ? null : {
          action: AUDIT_ACTIONS.assessmentDecided,
          summary: `${actor.name} judged ${plural(result.recorded, 'item', 'items')} of ${loaded.worker.name}’s evidence${request.answersReviewId ? ', answering an IQA challenge' : ''}`,
          subject: { type: 'person', id: loaded.worker.id },
        },
    });
  } catch (error) {
    // Two copies of one submission at the same moment: the unique submission key let one in; the other changed nothing.
    if (error instanceof UniqueConstraintError) return { recorded: 0 };
    throw error;
  }
}
