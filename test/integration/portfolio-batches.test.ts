// A team's portfolios in one request, on the embedded queue: the batch and its items, who may ask and who may see it,
// retries and failures reported without sinking the batch, cancelling, taking up unfinished work, the ZIP and the
// merged PDF read back. The processor prints small PDFs of the test's own, except in the last test: the renderer.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { PDFDocument, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import { cancelPortfolioBatch, MERGED_LIMIT, openPortfolioBatchFile, portfolioBatchChoices, portfolioBatchProgress, requestPortfolioBatch } from '#app/domain/portfolio/batches.server.ts';
import { createEmbeddedQueue } from '#app/domain/portfolio/queue/embedded.server.ts';
import { usePortfolioQueue } from '#app/domain/portfolio/queue/index.server.ts';
import { closePrintingBrowser, printPortfolio } from '#app/domain/portfolio/queue/processor.server.ts';
import { PermanentFailure, type PortfolioJob, type PortfolioQueue } from '#app/domain/portfolio/queue/types.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { logger } from '#app/utils/logger.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, IssuedDocument, PortfolioBatch, PortfolioBatchItem, Team } from '#db/models/index.ts';
import { actorFor, createOrganisation, createPerson, makeManagerOf } from '#test/factories/index.ts';
import { fakeProcessor, finishedBatch, installQueue, smallPdf, teamOf } from '#test/support/portfolio-batches.ts';
import { expectRejection } from '#test/support/rejections.ts';

const ctxOf = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, { ipAddress: 'ip' });

async function auditActions(organisationId: number): Promise<string[]> {
  const events = await AuditEvent.findAll({ where: { organisationId }, order: [['id', 'ASC']], attributes: ['action'] });
  return events.map((event) => event.action).filter((action) => action.startsWith('portfolio.'));
}

describe('team portfolio batches (embedded queue)', () => {
  // These tests make portfolios fail on purpose: the log lines that say so are not theirs to show.
  const level = logger.level;
  before(() => {
    logger.level = 'silent';
  });
  after(async () => {
    logger.level = level;
    // Leave the process with a queue that holds nothing, for the files that come after.
    usePortfolioQueue(createEmbeddedQueue({ processor: fakeProcessor() }));
  });

  it('makes one PDF per worker of the team into a ZIP, counted and audited, that the requester downloads', async () => {
    const org = await teamOf(1);
    const queue = installQueue(fakeProcessor());
    const { batchId, alreadyRequested } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    expect(alreadyRequested).to.equal(false);
    await queue.idle();

    const progress = await portfolioBatchProgress(org.manager, batchId);
    expect(progress).to.include({ status: 'done', itemCount: 4, doneCount: 4, failedCount: 0, finishedCount: 4, scopeName: org.team.name, scopeType: 'team' });
    expect(progress.items.map((item) => item.status)).to.deep.equal(['done', 'done', 'done', 'done']);
    expect(progress.items.every((item) => item.attempts === 1)).to.equal(true);
    expect(progress.can).to.deep.equal({ cancel: false, download: true });
    expect(progress.file?.name).to.match(/^portfolios-.+-\d{4}-\d{2}-\d{2}\.zip$/);

    const file = await openPortfolioBatchFile(ctxOf(org.manager), batchId);
    expect(file.mediaType).to.equal('application/zip');
    const entries = unzipSync(new Uint8Array(await readFile(file.path)));
    expect(Object.keys(entries).sort()).to.deep.equal(org.workerIds.map((id) => `portfolio-${id}.pdf`).sort());
    expect(file.byteSize).to.equal((await readFile(file.path)).byteLength);
    for (const bytes of Object.values(entries)) expect((await PDFDocument.load(bytes)).getPageCount()).to.equal(1);
    // Each worker's own PDF went once the ZIP held it.
    expect(await PortfolioBatchItem.count({ where: { batchId, resultStoredName: null } })).to.equal(4);
    expect(await auditActions(org.organisation.id)).to.deep.equal(['portfolio.batch_requested', 'portfolio.batch_downloaded']);
  });

  it('merges the portfolios into one PDF with every page and a bookmark per person at their first page', async () => {
    const org = await teamOf();
    const queue = installQueue(fakeProcessor({ pages: 2 }));
    const { batchId } = await requestPortfolioBatch(ctxOf(org.admin), { scope: `team:${org.team.id}`, output: 'merged' });
    await queue.idle();
    const file = await openPortfolioBatchFile(ctxOf(org.admin), batchId);
    expect(file.mediaType).to.equal('application/pdf');
    const merged = await PDFDocument.load(await readFile(file.path));
    expect(merged.getPageCount()).to.equal(6);
    expect(merged.getTitle()).to.equal(`Portfolios: ${org.team.name}`);
    const outlines = merged.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).to.equal(3);
    // The text of each person's pages, read back by pdftotext, in the batch's order.
    const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-merged-'));
    writeFileSync(path.join(dir, 'merged.pdf'), await readFile(file.path));
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'merged.pdf'), '-'], { encoding: 'utf8' });
    const items = await PortfolioBatchItem.findAll({ where: { batchId }, order: [['id', 'ASC']] });
    expect(text.match(/Portfolio of worker \d+/g)).to.deep.equal(items.flatMap((item) => [`Portfolio of worker ${item.workerId}`, `Portfolio of worker ${item.workerId}`]));
  });

  it('takes every team of a location the manager manages, and only active people who hold the worker role', async () => {
    const { organisation, location, team } = await createOrganisation();
    const second = await Team.create({ organisationId: organisation.id, name: 'Second team', locationId: location.id });
    const manager = actorFor(await createPerson(organisation.id, { roles: ['manager'] }), ['manager']);
    await makeManagerOf(manager.id, organisation.id, { locationId: location.id });
    const inFirst = await createPerson(organisation.id, { teamId: team.id, name: 'Ann First' });
    const inSecond = await createPerson(organisation.id, { teamId: second.id, name: 'Bob Second' });
    await createPerson(organisation.id, { teamId: second.id, deactivated: true });
    await createPerson(organisation.id, { teamId: team.id, roles: ['assessor'] });
    const queue = installQueue(fakeProcessor());

    const choices = await portfolioBatchChoices(manager);
    expect(choices.scopes.map((scope) => [scope.value, scope.people])).to.have.deep.members([
      [`team:${team.id}`, 1],
      [`team:${second.id}`, 1],
      [`location:${location.id}`, 2],
    ]);
    const { batchId } = await requestPortfolioBatch(ctxOf(manager), { scope: `location:${location.id}`, output: 'zip' });
    await queue.idle();
    const progress = await portfolioBatchProgress(manager, batchId);
    expect(progress.items.map((item) => item.name)).to.deep.equal([inFirst.name, inSecond.name]);
    expect(progress).to.include({ status: 'done', scopeName: location.name, scopeType: 'location' });
  });

  it('refuses what is not theirs to ask for as not found, and a batch is seen only by its requester and the admins', async () => {
    const org = await teamOf();
    const otherTeam = await Team.create({ organisationId: org.organisation.id, name: 'Not managed', locationId: null });
    const elsewhere = await createOrganisation();
    const processor = fakeProcessor();
    const queue = installQueue(processor);

    await expectRejection(requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${otherTeam.id}`, output: 'zip' }), NotFound);
    await expectRejection(requestPortfolioBatch(ctxOf(org.manager), { scope: `location:${org.location.id}`, output: 'zip' }), NotFound);
    await expectRejection(requestPortfolioBatch(ctxOf(org.admin), { scope: `team:${elsewhere.team.id}`, output: 'zip' }), NotFound);
    await expectRejection(requestPortfolioBatch(ctxOf(org.worker), { scope: `team:${org.team.id}`, output: 'zip' }), Forbidden);
    await expectRejection(requestPortfolioBatch(ctxOf(org.supervisor), { scope: `team:${org.team.id}`, output: 'zip' }), Forbidden);
    expect((await portfolioBatchChoices(org.manager)).scopes.map((scope) => scope.value)).to.deep.equal([`team:${org.team.id}`]);
    // An admin may ask for any team or location of the organisation.
    expect((await portfolioBatchChoices(org.admin)).scopes.map((scope) => scope.value)).to.have.members([
      `team:${org.team.id}`,
      `team:${otherTeam.id}`,
      `location:${org.location.id}`,
    ]);

    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    await queue.idle();
    const otherManager = actorFor(await createPerson(org.organisation.id, { roles: ['manager'] }), ['manager']);
    await makeManagerOf(otherManager.id, org.organisation.id, { teamId: org.team.id });
    await expectRejection(portfolioBatchProgress(otherManager, batchId), NotFound);
    await expectRejection(openPortfolioBatchFile(ctxOf(otherManager), batchId), NotFound);
    await expectRejection(cancelPortfolioBatch(ctxOf(otherManager), batchId), NotFound);
    await expectRejection(portfolioBatchProgress(org.worker, batchId), Forbidden);
    expect((await portfolioBatchProgress(org.admin, batchId)).status).to.equal('done');
    expect((await portfolioBatchChoices(otherManager)).recent).to.deep.equal([]);
    expect((await portfolioBatchChoices(org.admin)).recent.map((batch) => batch.id)).to.include(batchId);
    const elsewhereAdmin = actorFor(await createPerson(elsewhere.organisation.id, { roles: ['admin'] }), ['admin']);
    await expectRejection(portfolioBatchProgress(elsewhereAdmin, batchId), NotFound);
    // The processor printed the requested team's people only, each as the manager who asked.
    expect(processor.jobs.map((job) => job.workerId)).to.have.members(org.workerIds);
    expect(processor.jobs.every((job) => job.requestedById === org.manager.id && job.organisationId === org.organisation.id)).to.equal(true);
  });

  it('tries a failed portfolio again after a wait, and reports one that keeps failing while the rest are made', async () => {
    const org = await teamOf();
    const failures = new Map<number, number>();
    const queue = installQueue(async (job: PortfolioJob) => {
      const failed = failures.get(job.workerId) ?? 0;
      // The supervisor's fails once and then prints; the worker's always fails.
      if (job.workerId === org.worker.id || (job.workerId === org.supervisor.id && failed === 0)) {
        failures.set(job.workerId, failed + 1);
        throw new Error('Chromium went away');
      }
      return { bytes: await smallPdf(`Portfolio of worker ${job.workerId}`), fileName: `portfolio-${job.workerId}.pdf` };
    });
    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    await queue.idle();

    const progress = await portfolioBatchProgress(org.manager, batchId);
    expect(progress).to.include({ status: 'done', doneCount: 2, failedCount: 1, finishedCount: 3 });
    const byWorker = new Map((await PortfolioBatchItem.findAll({ where: { batchId } })).map((item) => [item.workerId, item]));
    expect(byWorker.get(org.supervisor.id)).to.include({ status: 'done', attempts: 2, errorMessage: null });
    expect(byWorker.get(org.worker.id)).to.include({ status: 'failed', attempts: 2, errorMessage: 'Something went wrong while printing it' });
    expect(byWorker.get(org.manager.id)).to.include({ status: 'done', attempts: 1 });
    expect(failures.get(org.worker.id)).to.equal(2);
    const entries = unzipSync(new Uint8Array(await readFile((await openPortfolioBatchFile(ctxOf(org.manager), batchId)).path)));
    expect(Object.keys(entries).sort()).to.deep.equal([`portfolio-${org.manager.id}.pdf`, `portfolio-${org.supervisor.id}.pdf`].sort());
  });

  it('fails a portfolio the requester may no longer print at once, and a batch where nothing could be made', async () => {
    const org = await teamOf();
    let calls = 0;
    const queue = installQueue(async (job: PortfolioJob) => {
      calls += 1;
      if (job.workerId === org.worker.id) throw new NotFound('Person');
      throw new PermanentFailure('The person who asked for these portfolios is no longer active');
    });
    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    await queue.idle();
    expect(calls, 'no retry of a refusal').to.equal(3);
    const progress = await portfolioBatchProgress(org.manager, batchId);
    expect(progress).to.include({ status: 'failed', doneCount: 0, failedCount: 3, errorMessage: 'None of the portfolios could be made', file: null });
    expect(progress.items.find((item) => item.name === org.worker.name)?.errorMessage).to.equal('You may no longer print this person’s portfolio');
    expect(progress.can).to.deep.equal({ cancel: false, download: false });
    await expectRejection(openPortfolioBatchFile(ctxOf(org.manager), batchId), NotFound);
  });

  it('cancels: waiting portfolios are dropped, the one printing finishes and is discarded, nothing is assembled', async () => {
    const org = await teamOf(3);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const queue = installQueue(
      async (job: PortfolioJob) => {
        started.push(job.workerId);
        await gate;
        return { bytes: await smallPdf('x'), fileName: `portfolio-${job.workerId}.pdf` };
      },
      { concurrency: 1 },
    );
    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const beforeCancel = await portfolioBatchProgress(org.manager, batchId);
    expect(beforeCancel).to.include({ status: 'running' });
    expect(beforeCancel.can.cancel).to.equal(true);

    await cancelPortfolioBatch(ctxOf(org.manager), batchId);
    release();
    await queue.idle();
    expect(started, 'only the first portfolio was printed').to.have.length(1);
    const progress = await portfolioBatchProgress(org.manager, batchId);
    expect(progress).to.include({ status: 'cancelled', doneCount: 0, file: null });
    expect(progress.items.map((item) => item.status)).to.deep.equal(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await PortfolioBatchItem.count({ where: { batchId, resultStoredName: null } })).to.equal(6);
    const again = await expectRejection(cancelPortfolioBatch(ctxOf(org.manager), batchId), InvalidTransition);
    expect(again.message).to.equal('These portfolios were already cancelled');
    expect(await auditActions(org.organisation.id)).to.deep.equal(['portfolio.batch_requested', 'portfolio.batch_cancelled']);
  });

  it('answers a repeated request with the batch still being made, and refuses a team with nobody or too many for one PDF', async () => {
    const org = await teamOf();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = installQueue(async (job: PortfolioJob) => {
      await gate;
      return { bytes: await smallPdf('x'), fileName: `portfolio-${job.workerId}.pdf` };
    });
    const first = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    const second = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    expect(second).to.deep.equal({ batchId: first.batchId, alreadyRequested: true });
    const merged = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'merged' });
    expect(merged.batchId).not.to.equal(first.batchId);
    release();
    await queue.idle();
    expect(await PortfolioBatch.count({ where: { organisationId: org.organisation.id } })).to.equal(2);

    const empty = await Team.create({ organisationId: org.organisation.id, name: 'Empty', locationId: null });
    const nobody = await expectRejection(requestPortfolioBatch(ctxOf(org.admin), { scope: `team:${empty.id}`, output: 'zip' }), ValidationError);
    expect(nobody.fieldErrors.scope).to.deep.equal(['Nobody in Empty has a portfolio to make: it has no active workers']);
    const large = await Team.create({ organisationId: org.organisation.id, name: 'Large', locationId: null });
    for (let index = 0; index <= MERGED_LIMIT; index += 1) await createPerson(org.organisation.id, { teamId: large.id });
    const tooMany = await expectRejection(requestPortfolioBatch(ctxOf(org.admin), { scope: `team:${large.id}`, output: 'merged' }), ValidationError);
    expect(tooMany.fieldErrors.output![0]).to.match(/^One PDF can hold up to 50 people’s portfolios; Large has 51/);
  });

  it('fails the batch at once, saying so, when the queue cannot be reached', async () => {
    const org = await teamOf();
    const unreachable: PortfolioQueue = {
      kind: 'redis',
      enqueue: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
      drop: async () => undefined,
      resume: async () => undefined,
      close: async () => undefined,
    };
    usePortfolioQueue(unreachable);
    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    const progress = await portfolioBatchProgress(org.manager, batchId);
    expect(progress).to.include({ status: 'failed', failedCount: 3, errorMessage: 'The job queue could not be reached, so nothing was made. Try again later' });
    expect(progress.items.map((item) => item.status)).to.deep.equal(['failed', 'failed', 'failed']);
  });

  it('takes up what the database says is unfinished when a queue starts: waiting items, one left running, a batch left unassembled', async () => {
    const org = await teamOf();
    // A queue that accepts work and never runs it: the web process stopped before anything was made.
    const lost: PortfolioQueue = { kind: 'embedded', enqueue: async () => undefined, drop: async () => undefined, resume: async () => undefined, close: async () => undefined };
    usePortfolioQueue(lost);
    const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
    const [first] = await PortfolioBatchItem.findAll({ where: { batchId }, order: [['id', 'ASC']] });
    await first!.update({ status: 'running', attempts: 1 });
    await PortfolioBatch.update({ status: 'running' }, { where: { id: batchId } });

    const processor = fakeProcessor();
    const queue = installQueue(processor);
    await queue.resume();
    await queue.idle();
    expect((await finishedBatch(batchId)).status).to.equal('done');
    expect((await PortfolioBatchItem.findByPk(first!.id))!.attempts, 'the item left running was started again').to.equal(2);
    expect(processor.jobs.filter((job) => job.workerId === org.worker.id || job.workerId === org.manager.id || job.workerId === org.supervisor.id)).to.have.length(3);

    // A batch whose items were all made but which was never assembled is assembled on resume.
    const second = await requestPortfolioBatch(ctxOf(org.admin), { scope: `team:${org.team.id}`, output: 'merged' });
    await queue.idle();
    await PortfolioBatch.update({ status: 'running', resultStoredName: null, resultFileName: null, finishedAt: null }, { where: { id: second.batchId } });
    await PortfolioBatchItem.update({ status: 'failed' }, { where: { batchId: second.batchId } });
    await queue.resume();
    await queue.idle();
    expect(await finishedBatch(second.batchId)).to.include({ status: 'failed', errorMessage: 'None of the portfolios could be made' });
  });

  it('prints each portfolio with the renderer as the requester: issued and audited as theirs, each PDF in the ZIP the issued bytes', async function () {
    this.timeout(90_000);
    const org = await teamOf();
    const queue = installQueue(printPortfolio);
    try {
      const { batchId } = await requestPortfolioBatch(ctxOf(org.manager), { scope: `team:${org.team.id}`, output: 'zip' });
      await queue.idle();
      const file = await openPortfolioBatchFile(ctxOf(org.manager), batchId);
      const entries = unzipSync(new Uint8Array(await readFile(file.path)));
      const issued = await IssuedDocument.findAll({ where: { organisationId: org.organisation.id } });
      expect(issued.map((row) => row.subjectPersonId)).to.have.members(org.workerIds);
      expect(issued.every((row) => row.issuedById === org.manager.id)).to.equal(true);
      // Each PDF in the ZIP is byte for byte the one issued, so its verification code checks it.
      const hashes = Object.values(entries).map((bytes) => createHash('sha256').update(bytes).digest('hex'));
      expect(hashes).to.have.members(issued.map((row) => row.sha256));
      const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-batch-'));
      const texts = Object.entries(entries).map(([name, bytes]) => {
        writeFileSync(path.join(dir, name), bytes);
        return execFileSync('pdftotext', [path.join(dir, name), '-'], { encoding: 'utf8' });
      });
      for (const name of [org.manager.name, org.supervisor.name, org.worker.name]) expect(texts.filter((text) => text.includes(name)), name).to.have.length.of.at.least(1);
      expect(texts.every((text) => /Verification code/.test(text))).to.equal(true);
      const printed = await AuditEvent.count({ where: { organisationId: org.organisation.id, actorId: org.manager.id, action: 'portfolio.printed' } });
      expect(printed).to.equal(3);
      // The processor prints only what the requester may read: another organisation's person is not found.
      const elsewhere = await createOrganisation();
      const stranger = await createPerson(elsewhere.organisation.id, {});
      await expectRejection(printPortfolio({ organisationId: org.organisation.id, requestedById: org.manager.id, workerId: stranger.id }), NotFound);
      const gone = await createPerson(org.organisation.id, { roles: ['manager'], deactivated: true });
      await expectRejection(printPortfolio({ organisationId: org.organisation.id, requestedById: gone.id, workerId: org.worker.id }), PermanentFailure);
    } finally {
      await closePrintingBrowser();
    }
  });
});
