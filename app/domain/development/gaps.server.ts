// A worker's open gaps: the items of the standards they hold that are not yet met, summarised per standard and section
// (counts, not every item), and the choices a PDP goal may link to. Unchecked: callers decide who may see the worker.
import { Op } from 'sequelize';
import { StandardVersion } from '#db/models/index.ts';
import { heldStandardsOf } from '../evidence/internal/held-items.server.ts';
import { mappedItemStates } from '../evidence/item-states.server.ts';

export type SectionGap = { section: string; open: number; notYetMet: number; total: number };
export type StandardGaps = { standardId: number; title: string; urn: string; open: number; total: number; sections: SectionGap[] };
export type LinkOption = { value: string; label: string };
export type HeldLinks = { options: LinkOption[]; items: Map<number, { standardId: number }>; standards: Set<number>; sections: Set<string> };

/** Each worker's held standards with their open (not met) items counted per section, in three queries for any number of workers. */
export async function openGapsOf(workerIds: number[]): Promise<{ gaps: Map<number, StandardGaps[]>; links: Map<number, HeldLinks> }> {
  const [held, states] = await Promise.all([heldStandardsOf(workerIds), mappedItemStates(workerIds)]);
  const versionIds = [...new Set([...held.values()].flat().map((standard) => standard.standardVersionId))];
  const versions = versionIds.length ? await StandardVersion.findAll({ where: { id: { [Op.in]: versionIds } }, attributes: ['id', 'standardId'] }) : [];
  const standardOf = new Map(versions.map((version) => [version.id, version.standardId]));
  const gaps = new Map<number, StandardGaps[]>();
  const links = new Map<number, HeldLinks>();
  for (const workerId of workerIds) {
    const itemStates = states.get(workerId) ?? new Map();
    const workerLinks: HeldLinks = { options: [], items: new Map(), standards: new Set(), sections: new Set() };
    gaps.set(
      workerId,
      (held.get(workerId) ?? []).map((standard) => {
        const standardId = standardOf.get(standard.standardVersionId)!;
        const sections = new Map<string, SectionGap>();
        workerLinks.standards.add(standardId);
        workerLinks.options.push({ value: `standard:${standardId}`, label: `${standard.title} (whole standard)` });
        for (const item of standard.items) {
          const state = itemStates.get(item.id)?.state ?? 'none';
          const section = sections.get(item.section) ?? { section: item.section, open: 0, notYetMet: 0, total: 0 };
          section.total += 1;
          if (state !== 'met') section.open += 1;
          if (state === 'not_yet_met') section.notYetMet += 1;
          sections.set(item.section, section);
          workerLinks.items.set(item.id, { standardId });
        }
        for (const section of sections.values()) {
          workerLinks.sections.add(`${standardId}:${section.section}`);
          workerLinks.options.push({ value: `section:${standardId}:${section.section}`, label: `${standard.title}: ${section.section}` });
        }
        for (const item of standard.items) {
          if ((itemStates.get(item.id)?.state ?? 'none') === 'met') continue;
          workerLinks.options.push({ value: `item:${item.id}`, label: `${standard.urn} ${item.code}: ${item.text.length > 90 ? `${item.text.slice(0, 88)}…` : item.text}` });
        }
        const list = [...sections.values()];
        return { standardId, title: standard.title, urn: standard.urn, open: list.reduce((sum, s) => sum + s.open, 0), total: standard.items.length, sections: list };
      }),
    );
    links.set(workerId, workerLinks);
  }
  return { gaps, links };
}

/** The number of items not met across a worker's held standards. */
export function openGapCount(gaps: StandardGaps[]): number {
  return gaps.reduce((sum, standard) => sum + standard.open, 0);
}
