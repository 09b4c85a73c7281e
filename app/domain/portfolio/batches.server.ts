// A team's portfolios in one request (docs/decisions/035): a manager asks for a team or location they manage, an admin
// for any of the organisation's; each worker's portfolio is made on the job queue as the requester would print it, and
// the batch ends as one ZIP of PDFs or one merged PDF. The requester and the organisation's admins follow it, cancel
// it and download it; to anyone else it does not exist.
import { Op, type Transaction } from 'sequelize';
import type { PortfolioBatchRequest } from '#app/components/portfolio-batch-schema.ts';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { assertCan, can, canReadPortfolioBatch, canRequestPortfolioBatch, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural } from '#app/utils/words.ts';
import { Person, PersonRole, PortfolioBatch, PortfolioBatchItem } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { findTeamScope, scopesOffered, scopeValue, type TeamScope } from '../team/scopes.server.ts';
import { BATCH_WORKFLOW } from '../workflows/portfolio-batch.server.ts';
import { assertTransition, isAllowed } from '../workflows/workflow.server.ts';
import { locked, write } from '../write.server.ts';
import { batchFilesRemovedAt } from './batch-retention.server.ts';
import { BATCH_ITEM_STATUS, BATCH_ITEM_TAGS, BATCH_OUTPUT, BATCH_SCOPE, BATCH_STATUS, BATCH_TAGS, isFinished, type BatchOutput } from './batch-statuses.ts';
import { batchFileStore, removeBatchFiles } from './queue/batch-files.server.ts';
import { portfolioQueue } from './queue/index.server.ts';
import { cancelBatchItems, failUnqueuedBatch } from './queue/steps.server.ts';
import type { PortfolioTask } from './queue/types.ts';

/** A merged PDF is built in memory: more people than this come as a ZIP. */
export const MERGED_LIMIT = 50;
/** Batches listed on the request page. */
const RECENT_BATCHES = 20;

/** The people whose portfolios a scope holds: active members of its teams who hold the worker role, by name. */
async function workersIn(organisationId: number, teamIds: number[]) {
  if (!teamIds.length) return [];
  return Person.findAll({
    where: { organisationId, teamId: { [Op.in]: teamIds }, deactivatedAt: null },
    include: [{ model: PersonRole, as: 'roles', where: { role: 'worker' }, attributes: [] }],
    attributes: ['id', 'name', 'teamId'],
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
}

/** The scope the actor asked for, if it is theirs to ask for: another organisation's, or one they do not manage, is not found. */
async function resolveScope(actor: Actor, value: string): Promise<TeamScope> {
  const scope = await findTeamScope(actor, value);
  if (!scope || !canRequestPortfolioBatch(actor, scope)) throw new NotFound('Team');
  return scope;
}

/**
 * What the request page offers the actor: each team and whole location they may ask for, with how many people's
 * portfolios it holds, and the batches they asked for lately (an admin: the organisation's).
 */
export async function portfolioBatchChoices(actor: Actor) {
  assertCan(actor, 'request:portfolio-batch');
  const offered = await scopesOffered(actor, can(actor, 'request:portfolio-batch:org'));
  const people = await workersIn(actor.organisationId, [...new Set(offered.flatMap((scope) => scope.teamIds))]);
  const scopes = offered.map((scope) => ({
    value: scopeValue(scope),
    kind: scope.type,
    name: scope.name,
    people: people.filter((person) => scope.teamIds.includes(person.teamId!)).length,
  }));
  const batches = await PortfolioBatch.findAll({
    where: { organisationId: actor.organisationId, ...(can(actor, 'read:portfolio-batches:org') ? {} : { requestedById: actor.id }) },
    include: [{ model: Person, as: 'requestedBy', attributes: ['name'] }],
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: RECENT_BATCHES,
  });
  return {
    scopes,
    mergedLimit: MERGED_LIMIT,
    recent: batches.map((batch) => ({
      id: batch.id,
      scopeName: batch.scopeName,
      output: batch.output,
      status: batch.status,
      tag: BATCH_TAGS[batch.status],
      itemCount: batch.itemCount,
      doneCount: batch.doneCount,
      requestedAt: batch.createdAt.toISOString(),
      requestedByName: batch.requestedBy?.name ?? '',
    })),
  };
}

/**
 * Asks for the portfolios of everyone in the team or location, as a ZIP or one merged PDF, and hands them to the
 * queue. Asked again while the same request is still being made, it answers with that batch instead of a second one.
 * If the queue cannot be reached the batch is failed at once, saying so.
 */
export async function requestPortfolioBatch(ctx: DomainContext, input: PortfolioBatchRequest): Promise<{ batchId: number; alreadyRequested: boolean }> {
  const { actor } = ctx;
  assertCan(actor, 'request:portfolio-batch');
  const scope = await resolveScope(actor, input.scope);
  const output: BatchOutput = input.output;
  const people = await workersIn(actor.organisationId, scope.teamIds);
  if (!people.length) throw new ValidationError({ scope: [`Nobody in ${scope.name} has a portfolio to make: it has no active workers`] });
  if (output === BATCH_OUTPUT.merged && people.length > MERGED_LIMIT) {
    throw new ValidationError({ output: [`One PDF can hold up to ${MERGED_LIMIT} people’s portfolios; ${scope.name} has ${people.length}. Choose a ZIP file`] });
  }
  const scopeWhere = scope.type === BATCH_SCOPE.team ? { teamId: scope.id } : { locationId: scope.id };

  const created = await write(ctx, {
    permission: 'request:portfolio-batch',
    run: async (_subject, transaction) => {
      const open = await PortfolioBatch.findOne({
        where: { requestedById: actor.id, scopeType: scope.type, ...scopeWhere, output, status: { [Op.in]: [BATCH_STATUS.queued, BATCH_STATUS.running] } },
        attributes: ['id'],
        transaction,
      });
      if (open) return { batchId: open.id, alreadyRequested: true, tasks: [] as PortfolioTask[] };
      const batch = await PortfolioBatch.create(
        {
          organisationId: actor.organisationId,
          requestedById: actor.id,
          scopeType: scope.type,
          teamId: scope.type === BATCH_SCOPE.team ? scope.id : null,
          locationId: scope.type === BATCH_SCOPE.location ? scope.id : null,
          scopeName: scope.name,
          output,
          status: BATCH_STATUS.queued,
          itemCount: people.length,
          resultFileName: null,
          resultStoredName: null,
          resultByteSize: null,
          errorMessage: null,
          startedAt: null,
          finishedAt: null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
        { transaction },
      );
      const items = await PortfolioBatchItem.bulkCreate(
        people.map((person) => ({
          organisationId: actor.organisationId,
          batchId: batch.id,
          workerId: person.id,
          status: BATCH_ITEM_STATUS.queued,
          errorMessage: null,
          resultStoredName: null,
          resultFileName: null,
          startedAt: null,
          finishedAt: null,
        })),
        { transaction },
      );
      const tasks: PortfolioTask[] = items.map((item) => ({
        kind: 'portfolio',
        batchId: batch.id,
        itemId: item.id,
        job: { organisationId: actor.organisationId, requestedById: actor.id, workerId: item.workerId },
      }));
      return { batchId: batch.id, alreadyRequested: false, tasks };
    },
    audit: (_subject, result) =>
      result.alreadyRequested
        ? null
        : {
            action: AUDIT_ACTIONS.portfolioBatchRequested,
            summary: `${actor.name} asked for the portfolios of ${plural(people.length, 'person', 'people')} in ${scope.name} as ${output === BATCH_OUTPUT.zip ? 'a ZIP file' : 'one PDF'}`,
            subject: { type: 'portfolio_batch', id: result.batchId },
          },
  });
  if (created.tasks.length) {
    try {
      await portfolioQueue().enqueue(created.tasks);
    } catch (error) {
      logger.error({ err: error, batchId: created.batchId }, 'portfolio batch could not be queued');
      await failUnqueuedBatch(created.batchId, 'The job queue could not be reached, so nothing was made. Try again later');
    }
  }
  return { batchId: created.batchId, alreadyRequested: created.alreadyRequested };
}

async function readableBatch(actor: Actor, batchId: number, transaction?: Transaction) {
  const batch = await PortfolioBatch.findOne({
    where: { id: batchId, organisationId: actor.organisationId },
    ...(transaction ? locked(transaction) : {}),
  });
  if (!batch || !canReadPortfolioBatch(actor, batch)) throw new NotFound('Portfolios');
  return batch;
}

/** The progress page: done of total, each person's status and error, and what the actor may do next. */
export async function portfolioBatchProgress(actor: Actor, batchId: number) {
  assertCan(actor, 'request:portfolio-batch');
  const batch = await readableBatch(actor, batchId);
  const [items, requester] = await Promise.all([
    PortfolioBatchItem.findAll({
      where: { batchId: batch.id },
      include: [{ model: Person, as: 'worker', attributes: ['name'] }],
      attributes: ['id', 'workerId', 'status', 'attempts', 'errorMessage'],
      order: [['id', 'ASC']],
    }),
    Person.findByPk(batch.requestedById, { attributes: ['name'] }),
  ]);
  const finished = items.filter((item) => isFinished(item.status)).length;
  return {
    id: batch.id,
    scopeType: batch.scopeType,
    scopeName: batch.scopeName,
    output: batch.output,
    status: batch.status,
    tag: BATCH_TAGS[batch.status],
    finished: isFinished(batch.status),
    itemCount: batch.itemCount,
    doneCount: batch.doneCount,
    failedCount: batch.failedCount,
    finishedCount: finished,
    errorMessage: batch.errorMessage,
    requestedAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    requestedByName: requester?.name ?? '',
    file:
      batch.status === BATCH_STATUS.done && batch.resultFileName && batch.resultStoredName
        ? { name: batch.resultFileName, byteSize: batch.resultByteSize ?? 0, keptUntil: batch.finishedAt ? batchFilesRemovedAt(batch.finishedAt).toISOString() : null }
        : null,
    fileRemovedAt: batch.status === BATCH_STATUS.done && !batch.resultStoredName && batch.finishedAt ? batchFilesRemovedAt(batch.finishedAt).toISOString() : null,
    items: items.map((item) => ({
      id: item.id,
      name: item.worker?.name ?? '',
      status: item.status,
      tag: BATCH_ITEM_TAGS[item.status],
      attempts: item.attempts,
      errorMessage: item.errorMessage,
    })),
    can: { cancel: isAllowed(BATCH_WORKFLOW, batch.status, 'cancel'), download: batch.status === BATCH_STATUS.done && batch.resultStoredName !== null },
  };
}

/**
 * Cancels the batch: people still waiting are dropped from the queue, a portfolio being printed finishes and is
 * discarded, nothing is assembled, and the PDFs already made are removed. A finished batch cannot be cancelled (409).
 */
export async function cancelPortfolioBatch(ctx: DomainContext, batchId: number): Promise<void> {
  const { actor } = ctx;
  const outcome = await write(ctx, {
    permission: 'request:portfolio-batch',
    load: (transaction) => readableBatch(actor, batchId, transaction),
    check: (batch) => void assertTransition(BATCH_WORKFLOW, batch.status, 'cancel'),
    run: (batch, transaction) => cancelBatchItems(batch, transaction, ctx.now),
    audit: (batch) => ({
      action: AUDIT_ACTIONS.portfolioBatchCancelled,
      summary: `${actor.name} cancelled the portfolios of ${batch.scopeName}`,
      subject: { type: 'portfolio_batch', id: batch.id },
    }),
  });
  await portfolioQueue()
    .drop(outcome.droppedItemIds)
    .catch((error: unknown) => logger.warn({ err: error, batchId }, 'cancelled portfolio jobs could not be removed from the queue; they will be skipped'));
  await removeBatchFiles(outcome.releasedFiles);
}

/** The finished batch's file for the actor to download, recorded in the audit log; not found until it is made. */
export async function openPortfolioBatchFile(ctx: DomainContext, batchId: number) {
  const { actor } = ctx;
  const batch = await write(ctx, {
    permission: 'request:portfolio-batch',
    load: (transaction) => readableBatch(actor, batchId, transaction),
    check: (batch) => {
      if (batch.status !== BATCH_STATUS.done || !batch.resultStoredName || !batch.resultFileName) throw new NotFound('File');
    },
    run: async (batch) => batch,
    audit: (batch) => ({
      action: AUDIT_ACTIONS.portfolioBatchDownloaded,
      summary: `${actor.name} downloaded the portfolios of ${batch.scopeName} (${plural(batch.doneCount, 'person', 'people')})`,
      subject: { type: 'portfolio_batch', id: batch.id },
    }),
  });
  return {
    path: batchFileStore().path(batch.resultStoredName!),
    fileName: batch.resultFileName!,
    mediaType: batch.output === BATCH_OUTPUT.zip ? 'application/zip' : 'application/pdf',
    byteSize: batch.resultByteSize ?? 0,
  };
}
