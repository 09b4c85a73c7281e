// How long a team batch's files are kept: each PDF is a copy of people's evidence and decisions, so the ZIP or merged
// PDF is removed a week after it is made (the batch page then says so and a new one can be asked for), and any
// worker's PDF left behind by a batch that stopped half way goes with it. Any process may run this, and two at once
// only try to remove the same file twice.
import { Op } from 'sequelize';
import { logger } from '#app/utils/logger.server.ts';
import { PortfolioBatch, PortfolioBatchItem } from '#db/models/index.ts';
import { FINISHED_STATUSES } from './batch-statuses.ts';
import { removeBatchFiles } from './queue/batch-files.server.ts';

export const BATCH_FILES_KEPT_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** When a batch finished at `finishedAt` loses its files. */
export function batchFilesRemovedAt(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + BATCH_FILES_KEPT_DAYS * DAY_MS);
}

/**
 * Removes the files of batches finished more than BATCH_FILES_KEPT_DAYS ago and forgets their names; the rows stay
 * (who asked, for whom, when). No check: maintenance run by the server, never by a request.
 */
export async function removeExpiredBatchFiles(now = new Date()): Promise<{ batches: number; files: number }> {
  const before = new Date(now.getTime() - BATCH_FILES_KEPT_DAYS * DAY_MS);
  const expired = await PortfolioBatch.findAll({
    where: { status: { [Op.in]: [...FINISHED_STATUSES] }, finishedAt: { [Op.lt]: before } },
    attributes: ['id', 'resultStoredName'],
  });
  const batchIds = expired.map((batch) => batch.id);
  if (!batchIds.length) return { batches: 0, files: 0 };
  const items = await PortfolioBatchItem.findAll({ where: { batchId: { [Op.in]: batchIds }, resultStoredName: { [Op.ne]: null } }, attributes: ['resultStoredName'] });
  const names = [...expired.map((batch) => batch.resultStoredName), ...items.map((item) => item.resultStoredName)].filter((name): name is string => name !== null);
  // Files first, names after: a stop in between leaves names whose files are gone, which the next run forgets.
  await removeBatchFiles(names);
  await PortfolioBatch.update({ resultStoredName: null }, { where: { id: { [Op.in]: batchIds }, resultStoredName: { [Op.ne]: null } } });
  await PortfolioBatchItem.update({ resultStoredName: null }, { where: { batchId: { [Op.in]: batchIds }, resultStoredName: { [Op.ne]: null } } });
  return { batches: expired.filter((batch) => batch.resultStoredName !== null).length, files: names.length };
}

const SCHEDULED = Symbol.for('nosfolio.batch-file-retention');

/** Runs soon after start-up and then every six hours; once per process. No check: maintenance run by the server. */
export function scheduleBatchFileRetention(): void {
  const holder = globalThis as Record<symbol, unknown>;
  if (holder[SCHEDULED]) return;
  holder[SCHEDULED] = true;
  const run = () => {
    removeExpiredBatchFiles().then(
      ({ files }) => {
        if (files) logger.info({ files }, 'expired team portfolio files removed');
      },
      (error: unknown) => logger.error({ err: error }, 'removing expired team portfolio files failed'),
    );
  };
  setTimeout(run, 15_000).unref();
  setInterval(run, SWEEP_EVERY_MS).unref();
}
