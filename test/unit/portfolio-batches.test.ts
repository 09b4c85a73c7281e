// Team portfolio batches without the database: the transition tables, who may ask and follow, the names inside a ZIP,
// the ZIP written chunk by chunk, and the reasons a requester reads.
import { expect } from 'chai';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { uniqueEntryNames, zipChunks } from '#app/domain/portfolio/queue/assemble-batch.server.ts';
import { describeFailure } from '#app/domain/portfolio/queue/run-task.server.ts';
import { PermanentFailure } from '#app/domain/portfolio/queue/types.ts';
import { BATCH_ITEM_WORKFLOW, BATCH_WORKFLOW } from '#app/domain/workflows/portfolio-batch.server.ts';
import { allowedActions, assertTransition, statusesAllowing } from '#app/domain/workflows/workflow.server.ts';
import { Forbidden, InvalidTransition, NotFound } from '#app/utils/errors.server.ts';
import { canReadPortfolioBatch, canRequestPortfolioBatch, type Actor } from '#app/utils/permissions.server.ts';
import { slugFor } from '#app/utils/words.ts';

function actor(roles: Actor['roles'], id = 1): Actor {
  return { id, organisationId: 1, organisationName: 'Org', name: 'A', email: 'a@example.org', roles, teamId: null, lineSupervisorId: null };
}

describe('team portfolio batches', () => {
  it('a batch waits, runs and ends ready, failed or cancelled; the ends are final', () => {
    expect(allowedActions(BATCH_WORKFLOW, 'queued')).to.deep.equal(['start', 'fail', 'cancel']);
    expect(allowedActions(BATCH_WORKFLOW, 'running')).to.deep.equal(['start', 'complete', 'fail', 'cancel']);
    for (const end of ['done', 'failed', 'cancelled'] as const) expect(allowedActions(BATCH_WORKFLOW, end), end).to.deep.equal([]);
    expect(assertTransition(BATCH_WORKFLOW, 'running', 'complete')).to.equal('done');
    const again = (() => {
      try {
        assertTransition(BATCH_WORKFLOW, 'cancelled', 'cancel');
      } catch (error) {
        return error;
      }
    })();
    expect(again).to.be.instanceOf(InvalidTransition);
    expect((again as InvalidTransition).message).to.equal('These portfolios were already cancelled');
  });

  it('an item is started again while running (its worker died), waits again for a retry, and only a waiting one is cancelled', () => {
    expect(assertTransition(BATCH_ITEM_WORKFLOW, 'running', 'start')).to.equal('running');
    expect(assertTransition(BATCH_ITEM_WORKFLOW, 'running', 'retry')).to.equal('queued');
    expect(assertTransition(BATCH_ITEM_WORKFLOW, 'running', 'discard')).to.equal('cancelled');
    expect(statusesAllowing(BATCH_ITEM_WORKFLOW, 'cancel')).to.deep.equal(['queued']);
    expect(statusesAllowing(BATCH_ITEM_WORKFLOW, 'start')).to.deep.equal(['queued', 'running']);
    for (const end of ['done', 'failed', 'cancelled'] as const) expect(allowedActions(BATCH_ITEM_WORKFLOW, end), end).to.deep.equal([]);
  });

  it('managers ask for what they manage, admins for anything; the requester and admins follow a batch', () => {
    expect(canRequestPortfolioBatch(actor(['manager']), { managed: true })).to.equal(true);
    expect(canRequestPortfolioBatch(actor(['manager']), { managed: false })).to.equal(false);
    expect(canRequestPortfolioBatch(actor(['supervisor', 'worker']), { managed: true }), 'a manager link without the role').to.equal(false);
    expect(canRequestPortfolioBatch(actor(['admin']), { managed: false })).to.equal(true);
    expect(canReadPortfolioBatch(actor(['manager'], 7), { requestedById: 7 })).to.equal(true);
    expect(canReadPortfolioBatch(actor(['manager'], 8), { requestedById: 7 })).to.equal(false);
    expect(canReadPortfolioBatch(actor(['worker'], 7), { requestedById: 7 }), 'a requester who is no longer a manager').to.equal(false);
    expect(canReadPortfolioBatch(actor(['admin'], 9), { requestedById: 7 })).to.equal(true);
  });

  it('names files plainly and keeps two people of the same name apart in a ZIP', () => {
    expect(slugFor('Liam O’Brien', 'worker')).to.equal('liam-obrien');
    expect(slugFor('Adult Services — Customer Contact', 'team')).to.equal('adult-services-customer-contact');
    expect(slugFor('***', 'team')).to.equal('team');
    expect(uniqueEntryNames(['a.pdf', 'b.pdf', 'A.pdf', 'a.pdf', 'noext'])).to.deep.equal(['a.pdf', 'b.pdf', 'A-2.pdf', 'a-3.pdf', 'noext']);
  });

  it('writes a ZIP chunk by chunk, reading each file only when its turn comes', async () => {
    const read: string[] = [];
    const entries = ['one', 'two', 'three'].map((name) => ({
      name: `${name}.pdf`,
      read: async () => {
        read.push(name);
        return strToU8(`%PDF ${name}`);
      },
    }));
    const chunks: Uint8Array[] = [];
    const stream = zipChunks(entries);
    const first = await stream.next();
    expect(read, 'only the first file read for the first chunks').to.deep.equal(['one']);
    chunks.push(first.value as Uint8Array);
    for await (const chunk of stream) chunks.push(chunk);
    const zip = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      zip.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const files = unzipSync(zip);
    expect(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))).to.deep.equal({
      'one.pdf': '%PDF one',
      'two.pdf': '%PDF two',
      'three.pdf': '%PDF three',
    });
  });

  it('tells the requester why a portfolio failed in words, never the error itself', () => {
    expect(describeFailure(new NotFound('Person'))).to.equal('You may no longer print this person’s portfolio');
    expect(describeFailure(new Forbidden())).to.equal('You may no longer print this person’s portfolio');
    expect(describeFailure(new PermanentFailure('The person who asked for these portfolios is no longer active'))).to.equal(
      'The person who asked for these portfolios is no longer active',
    );
    expect(describeFailure(Object.assign(new Error('Navigation timeout of 60000 ms exceeded'), { name: 'TimeoutError' }))).to.equal('Printing it took too long');
    expect(describeFailure(new Error("ENOENT: no such file or directory, open '/data/uploads/ab/cd/x.pdf'"))).to.equal('Something went wrong while printing it');
  });
});
