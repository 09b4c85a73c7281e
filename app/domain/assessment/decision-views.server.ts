// Decisions as the pages show them: outcome, method, feedback, who and when, the evidence revisions they rest on and
// their IQA review. Read in one query however many; unchecked, so callers decide first who may read the worker.
import { Op, type WhereOptions } from 'sequelize';
import { AssessmentDecision, AssessmentDecisionEvidence, EvidenceRevision, IqaReview, Person } from '#db/models/index.ts';
import { decidedState } from './decided-state.ts';
import type { DecisionStanding, DecisionView } from './decision-types.ts';

// Re-exported for the server-side callers that read decisions here.
export { DECISION_STANDING_LABELS, type DecisionStanding, type DecisionView } from './decision-types.ts';

function standingOf(decision: { id: number; outcome: string; countersignRequired: boolean; review: string | null }): DecisionStanding {
  if (decision.review === 'challenged') return 'challenged';
  const state = decidedState(decision);
  if (state === 'met' || state === 'not_yet_met') return state;
  return 'awaiting_countersign';
}

/** Decisions matching `where`, newest first. */
async function readDecisions(where: WhereOptions<AssessmentDecision>, basisWhere?: WhereOptions<AssessmentDecisionEvidence>): Promise<DecisionView[]> {
  const rows = await AssessmentDecision.findAll({
    where,
    include: [
      { model: Person, as: 'assessor', attributes: ['name'] },
      { model: IqaReview, as: 'review', required: false, include: [{ model: Person, as: 'iqa', attributes: ['name'] }] },
      {
        model: AssessmentDecisionEvidence,
        as: 'basis',
        ...(basisWhere ? { where: basisWhere, required: true } : {}),
        include: [{ model: EvidenceRevision, as: 'revision', attributes: ['id', 'title', 'revisionNumber'] }],
      },
    ],
    order: [['id', 'DESC']],
  });
  return rows.map((row) => ({
    id: row.id,
    itemId: row.standardItemId,
    outcome: row.outcome as DecisionView['outcome'],
    method: row.method,
    feedback: row.feedback,
    at: row.createdAt.toISOString(),
    assessorName: row.assessor?.name ?? '',
    standing: standingOf({ id: row.id, outcome: row.outcome, countersignRequired: row.countersignRequired, review: row.review?.outcome ?? null }),
    answersChallenge: row.answersReviewId !== null,
    review: row.review
      ? { outcome: row.review.outcome, note: row.review.note, iqaName: row.review.iqa?.name ?? '', at: row.review.createdAt.toISOString() }
      : null,
    basis: (row.basis ?? [])
      .map((piece) => {
        const revision = piece.get('revision') as EvidenceRevision | undefined;
        return { evidenceId: piece.evidenceId, title: revision?.title ?? '', revisionNumber: revision?.revisionNumber ?? 0 };
      })
      .sort((a, b) => a.evidenceId - b.evidenceId),
  }));
}

/** Every decision resting on this piece of evidence (any of its revisions). */
export function decisionsOnEvidence(workerId: number, evidenceId: number): Promise<DecisionView[]> {
  return readDecisions({ workerId }, { evidenceId });
}

/** Every decision on one item of one worker: its history. */
export function decisionsOnItem(workerId: number, itemId: number): Promise<DecisionView[]> {
  return readDecisions({ workerId, standardItemId: itemId });
}

/** These decisions by id (the latest of each item, from worker_item_states.decision_id). */
export function decisionsById(ids: number[]): Promise<DecisionView[]> {
  return ids.length ? readDecisions({ id: { [Op.in]: ids } }) : Promise.resolve([]);
}
