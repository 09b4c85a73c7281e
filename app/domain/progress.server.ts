// A worker's progress: every item of every standard they hold, with its state and the evidence behind it.
import { Op } from 'sequelize';
import { Evidence, EvidenceItemLink, EvidenceRevision } from '#db/models/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { heldStandards, predecessorsOf } from './evidence/held-items.server.ts';
import { EVIDENCE_STATUS, type ItemState } from './evidence-types.ts';
import { requireEvidenceReader } from './relationships.server.ts';

type EvidenceRef = { id: number; title: string; status: string };

export type ItemProgress = { id: number; code: string; kind: 'P' | 'K'; section: string; text: string; state: ItemState; evidence: EvidenceRef[] };

export type Tally = { total: number; covered: number; submitted: number; met: number; percent: number };

function tally(items: ItemProgress[]): Tally {
  const covered = items.filter((item) => item.state !== 'none').length;
  const submitted = items.filter((item) => item.state === 'submitted' || item.state === 'met' || item.state === 'not_yet_met').length;
  const met = items.filter((item) => item.state === 'met').length;
  return { total: items.length, covered, submitted, met, percent: items.length ? Math.round((covered / items.length) * 100) : 0 };
}

/** The strongest state wins: submitted evidence outranks a draft mapping. */
function stateOf(evidence: EvidenceRef[]): ItemState {
  if (evidence.some((row) => row.status !== EVIDENCE_STATUS.draft)) return 'submitted';
  return evidence.length ? 'mapped' : 'none';
}

/**
 * A fixed number of queries however much evidence the worker has: held standards (2), earlier versions of
 * their items (one per version step), links of current revisions (1).
 */
export async function workerProgress(actor: Actor, workerId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  const standards = await heldStandards(workerId);
  const heldItems = standards.flatMap((standard) => standard.items);
  const carried = await predecessorsOf(heldItems);
  const itemIds = [...heldItems.map((item) => item.id), ...carried.keys()];
  const links = itemIds.length
    ? await EvidenceItemLink.findAll({
        attributes: ['standardItemId'],
        where: { standardItemId: { [Op.in]: itemIds } },
        include: [
          {
            model: EvidenceRevision,
            as: 'revision',
            attributes: ['id', 'title'],
            required: true,
            include: [
              {
                model: Evidence,
                as: 'evidence',
                attributes: ['id', 'status', 'currentRevisionId'],
                required: true,
                where: { workerId },
              },
            ],
          },
        ],
      })
    : [];
  const evidenceByItem = new Map<number, EvidenceRef[]>();
  for (const link of links) {
    const revision = link.get('revision') as EvidenceRevision & { evidence?: Evidence };
    const evidence = revision.evidence;
    // Only the revision people see now counts; earlier revisions are history.
    if (!evidence || evidence.currentRevisionId !== revision.id) continue;
    const heldItemId = carried.get(link.standardItemId) ?? link.standardItemId;
    const list = evidenceByItem.get(heldItemId) ?? [];
    list.push({ id: evidence.id, title: revision.title, status: evidence.status });
    evidenceByItem.set(heldItemId, list);
  }

  const result = standards.map((standard) => {
    const items: ItemProgress[] = standard.items.map(({ previousItemId: _previous, ...item }) => {
      const evidence = evidenceByItem.get(item.id) ?? [];
      return { ...item, state: stateOf(evidence), evidence };
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
