// The items a worker can map evidence to: every item of the standard versions they hold.
import { Op } from 'sequelize';
import { PersonStandard, Standard, StandardItem, StandardVersion } from '#db/models/index.ts';

export type HeldStandard = {
  standardVersionId: number;
  urn: string;
  version: string;
  title: string;
  targetDate: string;
  items: { id: number; code: string; kind: 'P' | 'K'; section: string; text: string }[];
};

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
        attributes: ['id', 'standardVersionId', 'code', 'kind', 'section', 'text', 'position'],
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
      .map(({ id, code, kind, section, text }) => ({ id, code, kind, section, text })),
  }));
}
