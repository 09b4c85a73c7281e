// The items a worker can map evidence to: every item of the standard versions they hold.
import { Op } from 'sequelize';
import { PersonStandard, Standard, StandardItem, StandardVersion } from '#db/models/index.ts';

export type HeldStandard = {
  standardVersionId: number;
  urn: string;
  version: string;
  title: string;
  targetDate: string;
  items: { id: number; code: string; kind: 'P' | 'K'; section: string; text: string; previousItemId: number | null }[];
};

/**
 * Maps every earlier version of the given items (unchanged text, linked at import) to the item it became,
 * so evidence mapped to an old version counts for the new one. One query per version step, not per item.
 */
export async function predecessorsOf(items: { id: number; previousItemId: number | null }[]): Promise<Map<number, number>> {
  const becomes = new Map<number, number>();
  let step = items;
  let current = new Map(items.map((item) => [item.id, item.id]));
  while (step.length) {
    const next = new Map<number, number>();
    for (const item of step) {
      if (item.previousItemId === null || becomes.has(item.previousItemId)) continue;
      becomes.set(item.previousItemId, current.get(item.id)!);
      next.set(item.previousItemId, current.get(item.id)!);
    }
    // Only items that had a predecessor are looked up again: usually none, so no query at all.
    step = next.size
      ? await StandardItem.findAll({ where: { id: { [Op.in]: [...next.keys()] } }, attributes: ['id', 'previousItemId'] })
      : [];
    current = next;
  }
  return becomes;
}

/** Two queries whatever the number of standards or items. */
export async function heldStandards(workerId: number): Promise<HeldStandard[]> {
  const holdings = await PersonStandard.findAll({
    where: { personId: workerId },
    include: [
      {
        model: StandardVersion,
        as: 'standardVersion',
        attributes: ['id', 'version', 'title'],
        include: [{ model: Standard, as: 'standard', attributes: ['urn'] }],
      },
    ],
    order: [['id', 'ASC']],
  });
  const versionIds = holdings.map((holding) => holding.standardVersionId);
  const items = versionIds.length
    ? await StandardItem.findAll({
        where: { standardVersionId: { [Op.in]: versionIds } },
        attributes: ['id', 'standardVersionId', 'code', 'kind', 'section', 'text', 'position', 'previousItemId'],
        order: [
          ['standardVersionId', 'ASC'],
          ['position', 'ASC'],
        ],
      })
    : [];
  return holdings.map((holding) => ({
    standardVersionId: holding.standardVersionId,
    urn: holding.standardVersion?.standard?.urn ?? '',
    version: holding.standardVersion?.version ?? '',
    title: holding.standardVersion?.title ?? '',
    targetDate: holding.targetDate,
    items: items
      .filter((item) => item.standardVersionId === holding.standardVersionId)
      .map(({ id, code, kind, section, text, previousItemId }) => ({ id, code, kind, section, text, previousItemId })),
  }));
}
