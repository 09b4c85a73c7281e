// A worker's progress: every item of every standard they hold, with its state and the evidence behind it.
import { canRecordWitnessedEvidence, readsDraftsOf, type Actor } from '#app/utils/permissions.server.ts';
import { AssessmentView } from '#db/models/index.ts';
import { latestAchievements, mayReopen } from './assessment/achievements.server.ts';
import { decisionsById, type DecisionView } from './assessment/decision-views.server.ts';
import { heldStandards, predecessorsOf } from './evidence/internal/held-items.server.ts';
import { foldCarriedItems, itemEvidenceOf, type EvidenceRef, type ItemEvidence } from './evidence/internal/item-evidence.server.ts';
import { mappedItemStates } from './evidence/item-states.server.ts';
import type { ItemState } from './evidence-types.ts';
import { requireEvidenceReader } from './relationships.server.ts';

export type ItemProgress = {
  id: number;
  code: string;
  kind: 'P' | 'K';
  section: string;
  text: string;
  state: ItemState;
  evidenceCount: number;
  /** The latest pieces of evidence; evidenceCount says how many there are in all. */
  evidence: EvidenceRef[];
  /** The latest decision on the item, whether or not it counts yet (awaiting countersign, challenged). */
  decision: Pick<DecisionView, 'standing' | 'method' | 'feedback' | 'assessorName' | 'at'> | null;
};
export type Tally = { total: number; covered: number; submitted: number; met: number; percent: number };

function tally(items: ItemProgress[]): Tally {
  const covered = items.filter((item) => item.state !== 'none').length;
  const submitted = items.filter((item) => item.state === 'submitted' || item.state === 'met' || item.state === 'not_yet_met').length;
  const met = items.filter((item) => item.state === 'met').length;
  return { total: items.length, covered, submitted, met, percent: items.length ? Math.round((covered / items.length) * 100) : 0 };
}

/** The strongest state wins: submitted evidence outranks a draft mapping. */
function stateOf(evidence: ItemEvidence | undefined): ItemState {
  if (!evidence || evidence.evidenceCount === 0) return 'none';
  return evidence.submittedCount > 0 ? 'submitted' : 'mapped';
}

/**
 * A fixed number of queries however much evidence and how many decisions the worker has: the relationship, held
 * standards (2), earlier versions of their items (one per version step, usually none), one aggregate of their
 * evidence, their item states, the latest decisions through worker_item_states.decision_id, the latest achievements.
 * The worker's own reading records that they have seen their decisions (their home page counts what came after).
 */
export async function workerProgress(actor: Actor, workerId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  const standards = await heldStandards(workerId);
  const [carried, mapped, projected, achievements, reopens] = await Promise.all([
    predecessorsOf(standards.flatMap((standard) => standard.items)),
    itemEvidenceOf([workerId], { drafts: readsDraftsOf(actor, { id: workerId, relationship }) }),
    mappedItemStates([workerId]).then((states) => states.get(workerId)!),
    latestAchievements([workerId]).then((latest) => latest.get(workerId)!),
    relationship.self ? false : mayReopen(actor),
    relationship.self ? AssessmentView.upsert({ workerId, seenAt: new Date() }) : null,
  ]);
  const evidenceByItem = foldCarriedItems(mapped.get(workerId)!, carried);
  const decisionIds = [...projected.values()].flatMap((state) => (state.decisionId === null ? [] : [state.decisionId]));
  const decisions = new Map((await decisionsById(decisionIds)).map((decision) => [decision.id, decision]));

  const result = standards.map((standard) => {
    const items: ItemProgress[] = standard.items.map(({ previousItemId: _previous, ...item }) => {
      const evidence = evidenceByItem.get(item.id);
      const decided = projected.get(item.id);
      const decision = decided?.decisionId ? decisions.get(decided.decisionId) : undefined;
      // Met and not yet met come from decisions; before one counts, what the reader may see of the evidence decides.
      const state = decided && (decided.state === 'met' || decided.state === 'not_yet_met') ? decided.state : stateOf(evidence);
      return {
        ...item,
        state,
        evidenceCount: evidence?.evidenceCount ?? 0,
        evidence: evidence?.latest ?? [],
        decision: decision ? { standing: decision.standing, method: decision.method, feedback: decision.feedback, assessorName: decision.assessorName, at: decision.at } : null,
      };
    });
    const sections = [...new Set(items.map((item) => `${item.kind}\u0000${item.section}`))].map((key) => {
      const [kind, section] = key.split('\u0000') as ['P' | 'K', string];
      return { kind, section, ...tally(items.filter((item) => item.kind === kind && item.section === section)) };
    });
    const achievement = achievements.get(standard.standardVersionId);
    return {
      standardVersionId: standard.standardVersionId,
      achievement: achievement ? { event: achievement.event, at: achievement.at.toISOString(), personName: achievement.personName, reason: achievement.reason } : null,
      urn: standard.urn,
      version: standard.version,
      title: standard.title,
      targetDate: standard.targetDate,
      ...tally(items),
      sections,
      items,
      missing: items.filter((item) => item.state === 'none' || item.state === 'not_yet_met'),
    };
  });
  return { worker: { id: worker.id, name: worker.name }, isOwn: relationship.self, mayReopen: reopens, recordsWitnessed: canRecordWitnessedEvidence(actor, { id: workerId, relationship }), standards: result };
}
