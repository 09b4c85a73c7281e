// What an item's latest decision makes of its state: the one rule, shared by the projection and the pages.
import type { ItemState } from '../evidence-types.ts';

export const DECISION_OUTCOMES = { met: 'met', notYetMet: 'not_yet_met' } as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[keyof typeof DECISION_OUTCOMES];

export type LatestDecision = {
  id: number;
  outcome: string;
  countersignRequired: boolean | number;
  /** The IQA review of this decision: agreed, challenged, or none (null). */
  review: string | null;
};

/**
 * A challenged decision counts for nothing until the assessor answers it; a new assessor's *met* counts once an IQA
 * countersigns it; otherwise the decision's outcome is the item's state. Null: the evidence decides (submitted, mapped).
 */
export function decidedState(decision: LatestDecision): ItemState | null {
  if (decision.review === 'challenged') return null;
  if (decision.outcome === DECISION_OUTCOMES.notYetMet) return 'not_yet_met';
  if (decision.outcome !== DECISION_OUTCOMES.met) return null;
  return Boolean(Number(decision.countersignRequired)) && decision.review !== 'agreed' ? null : 'met';
}
