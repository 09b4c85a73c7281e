// What an assessor needs beside each item before judging it: the organisation's rules as hints, the item's current
// decision, and a fresh submission key for the form. Unchecked: callers have decided the actor may read the worker.
import { randomUUID } from 'node:crypto';
import { plural } from '#app/utils/words.ts';
import { WorkerItemState } from '#db/models/index.ts';
import { decisionsById, type DecisionView } from './decision-views.server.ts';
import { needsObservation, rulesOf } from './rules.server.ts';

export type JudgedItem = { id: number; code: string; kind: string; standardId: number };
export type ItemJudging = { itemId: number; hints: string[]; current: DecisionView | null };

/** The rule hints of each item, as the assessor reads them before submitting. */
export async function ruleHints(items: JudgedItem[]): Promise<Map<number, string[]>> {
  const rules = await rulesOf([...new Set(items.map((item) => item.standardId))]);
  return new Map(
    items.map((item) => {
      const rule = rules.get(item.standardId)!;
      const hints = [
        ...(rule.minimumEvidence > 1 ? [`Needs ${plural(rule.minimumEvidence, 'piece', 'pieces')} of evidence`] : []),
        ...(needsObservation(rule, item) ? ['Needs direct observation'] : []),
      ];
      return [item.id, hints];
    }),
  );
}

/** Per item: hints and the current (latest) decision; three queries however many items. */
export async function judgingOf(workerId: number, items: JudgedItem[]): Promise<{ submissionKey: string; items: ItemJudging[] }> {
  const [hints, states] = await Promise.all([
    ruleHints(items),
    WorkerItemState.findAll({ where: { workerId, standardItemId: items.map((item) => item.id) }, attributes: ['standardItemId', 'decisionId'] }),
  ]);
  const decisionIds = states.flatMap((row) => (row.decisionId === null ? [] : [row.decisionId]));
  const decisions = new Map((await decisionsById(decisionIds)).map((decision) => [decision.itemId, decision]));
  return {
    submissionKey: randomUUID(),
    items: items.map((item) => ({ itemId: item.id, hints: hints.get(item.id) ?? [], current: decisions.get(item.id) ?? null })),
  };
}
