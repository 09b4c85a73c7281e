// Standards held by workers: a seed standard imported into the organisation and given to people.
import { refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PersonStandard, StandardItem, StandardVersion, sequelize } from '#db/models/index.ts';
import { loadSeedStandard, type SEED_STANDARD_URNS } from '#db/seed/standards.ts';

export const TEST_TARGET_DATE = '2027-06-30';

/**
 * Imports the seed standard `urn` into the admin's organisation (as a new version, or the current one if it is there
 * already) and gives it to the workers; returns the version and its items in order.
 */
export async function giveStandard(admin: Actor, urn: (typeof SEED_STANDARD_URNS)[number], workers: { id: number }[] = []) {
  const existing = await StandardVersion.findOne({
    where: { organisationId: admin.organisationId, isCurrent: true },
    include: [{ association: 'standard', where: { urn }, attributes: [] }],
  });
  const version = existing ?? (await StandardVersion.findByPk((await saveStandardVersions(contextFor(admin, { ipAddress: 'test' }), [loadSeedStandard(urn)]))[0]!.standardVersionId))!;
  await holdVersion(admin.organisationId, version.id, workers);
  const items = await StandardItem.findAll({ where: { standardVersionId: version.id }, order: [['position', 'ASC']] });
  return { version, items };
}

/** Gives people a standard version directly (as a role assignment would), keeping their item states current. */
export async function holdVersion(organisationId: number, standardVersionId: number, workers: { id: number }[]) {
  if (!workers.length) return;
  await sequelize.transaction(async (transaction) => {
    await PersonStandard.bulkCreate(
      workers.map((worker) => ({ organisationId, personId: worker.id, standardVersionId, roleAssignmentId: null, targetDate: TEST_TARGET_DATE })),
      { transaction },
    );
    await refreshItemStates(workers.map((worker) => worker.id), transaction);
  });
}
