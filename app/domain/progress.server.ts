// A worker's progress: every item of every standard they hold, with its state and the evidence behind it.
import { readsDraftsOf, type Actor } from '#app/utils/permissions.server.ts';
import { heldStandards, predecessorsOf } from './evidence/internal/held-items.server.ts';
import { foldCarriedItems, itemEvidenceOf, type EvidenceRef, type ItemEvidence } from './evidence/internal/item-evidence.server.ts';
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
 * A fixed number of queries however much evidence the worker has: the relationship, held standards (2),
 * earlier versions of their items (one per version step, usually none), and one aggregate of their evidence.
 */
export async function workerProgress(actor: Actor, workerId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  const standards = await heldStandards(workerId);
  const [carried, mapped] = await Promise.all([
    predecessorsOf(standards.flatMap((standard) => standard.items)),
    itemEvidenceOf([workerId], { drafts: readsDraftsOf(actor, { id: workerId, relationship }) }),
  ]);
  const evidenceByItem = foldCarriedItems(mapped.get(workerId)!, carried);

  const result = standards.map((standard) => {
    const items: ItemProgress[] = standard.items.map(({ previousItemId: _previous, ...item }) => {
      const evidence = evidenceByItem.get(item.id);
      return { ...item, state: stateOf(evidence), evidenceCount: evidence?.evidenceCount ?? 0, evidence: evidence?.latest ?? [] };
    });
    const sections = [...new Set(items.map((item) => `${item.kind}\u0000${item.section}`))].map((key) => {
      const [kind, section] = key.split('\u0000') as ['P' | 'K', string];
      return { kind, section, ...tally(items.filter((item) => item.kind === kind && item.section === section)) };
    });
    return {
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
  return { worker: { id: worker.id, name: worker.name }, isOwn: relationship.self, standards: result };
}
