// The tamper-evident chain on both databases: whole after real writes, broken at the row changed or removed behind the
// portal's back, never forked by concurrent writers, and the same hash after a round trip through the database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { QueryTypes, UniqueConstraintError } from 'sequelize';
import sqlite3 from 'sqlite3';
import { checkAuditRecord } from '#app/domain/audit-chain.server.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from '#app/domain/audit.server.ts';
import { refreshItemStates } from '#app/domain/evidence/item-states.server.ts';
import { Forbidden } from '#app/utils/errors.server.ts';
import { verifyChain } from '#db/chain-verify.ts';
import { CHAINED_TABLES, entryHash } from '#db/chain.ts';
import { dialect } from '#db/connection.ts';
import { chainExistingAuditEvents } from '#db/migrations/0015-chain-existing-audit.ts';
import { AssessmentDecision, AuditEvent, IqaReview, sequelize } from '#db/models/index.ts';
import { createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

type Org = Awaited<ReturnType<typeof chainedOrganisation>>;

/** An organisation with a standard imported through the domain API (audit events) and held by its worker. */
async function chainedOrganisation() {
  const org = await createStaffedOrganisation();
  const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
  return { ...org, organisationId: org.organisation.id, itemIds: items.map((item) => item.id) };
}

function decisionValues(org: Org, overrides: Partial<{ outcome: string; feedback: string; createdAt: Date; submissionKey: string }> = {}) {
  return {
    organisationId: org.organisationId,
    workerId: org.worker.id,
    standardItemId: org.itemIds[0]!,
    assessorId: org.supervisor.id,
    outcome: 'met',
    method: 'direct_observation',
    feedback: '',
    countersignRequired: true,
    answersReviewId: null,
    submissionKey: unique('submission'),
    ...overrides,
  };
}

/** A decision, its countersign and an audit event, created directly in one transaction as the assessment API would. */
async function decideAndCountersign(org: Org, overrides: Parameters<typeof decisionValues>[1] = {}) {
  return sequelize.transaction(async (transaction) => {
    const decision = await AssessmentDecision.create(decisionValues(org, overrides), { transaction });
    const review = await IqaReview.create(
      { organisationId: org.organisationId, decisionId: decision.id, iqaId: org.admin.id, outcome: 'agreed', note: 'Agreed' },
      { transaction },
    );
    // As the assessment API does: the worker's item states follow, so the projection stays whole for other tests.
    await refreshItemStates([decision.workerId], transaction);
    await recordAuditEvent(
      { organisationId: org.organisationId, actorId: org.supervisor.id, action: AUDIT_ACTIONS.personUpdated, summary: `decided ${decision.id}` },
      transaction,
    );
    return { decision, review };
  });
}

/** Every entry number of the chain, from every chained table. */
async function chainSeqs(organisationId: number): Promise<number[]> {
  const seqs: number[] = [];
  for (const table of CHAINED_TABLES) {
    const rows = await sequelize.query<{ seq: number }>(`SELECT chain_seq AS seq FROM ${table.table} WHERE organisation_id = ?`, {
      type: QueryTypes.SELECT,
      replacements: [organisationId],
    });
    seqs.push(...rows.map((row) => Number(row.seq)));
  }
  return seqs.sort((a, b) => a - b);
}

const oneTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

async function lastAuditEvent(organisationId: number) {
  return (await AuditEvent.findOne({ where: { organisationId }, order: [['chainSeq', 'DESC']] }))!;
}

describe('tamper-evident chain', () => {
  it('is whole after writes through the domain API and decisions and countersigns created in transactions', async () => {
    const org = await chainedOrganisation();
    await decideAndCountersign(org);
    await decideAndCountersign(org, { outcome: 'not_yet_met', feedback: 'Watch the hand-washing steps again' });
    await recordAuditEvent({ organisationId: org.organisationId, actorId: org.admin.id, action: AUDIT_ACTIONS.logout, summary: 'signed out' });
    const seqs = await chainSeqs(org.organisationId);
    const report = await verifyChain(org.organisationId, 3);
    expect(report.broken).to.equal(null);
    expect(seqs).to.deep.equal(oneTo(seqs.length));
    expect(report.entries).to.equal(seqs.length);
    expect(report.head!.seq).to.equal(seqs.length);
  });

  it('names the audit event whose summary was changed with raw SQL', async () => {
    const org = await chainedOrganisation();
    await decideAndCountersign(org);
    const event = (await AuditEvent.findOne({ where: { organisationId: org.organisationId }, order: [['chainSeq', 'ASC']] }))!;
    await sequelize.query('UPDATE audit_events SET summary = ? WHERE id = ?', { replacements: ['nothing happened', event.id] });
    const report = await verifyChain(org.organisationId);
    expect(report.broken).to.include({ table: 'audit_events', id: event.id, seq: event.chainSeq, problem: 'altered' });
    expect(report.entries).to.equal(event.chainSeq! - 1);
  });

  it('names the decision whose outcome was changed with raw SQL, and a row whose hash was rewritten breaks the next link', async () => {
    const org = await chainedOrganisation();
    const { decision, review } = await decideAndCountersign(org, { outcome: 'not_yet_met', feedback: 'Not yet' });
    await sequelize.query("UPDATE assessment_decisions SET outcome = 'met' WHERE id = ?", { replacements: [decision.id] });
    expect((await verifyChain(org.organisationId)).broken).to.include({ table: 'assessment_decisions', id: decision.id, problem: 'altered' });

    // Recomputing the altered row's own hash does not help: the entry after it still links to the old one.
    const forged = entryHash(CHAINED_TABLES.find((table) => table.table === 'assessment_decisions')!, decision.chainSeq!, decision.previousHash!, {
      ...decision.get(),
      outcome: 'met',
    });
    await sequelize.query('UPDATE assessment_decisions SET entry_hash = ? WHERE id = ?', { replacements: [forged, decision.id] });
    const report = await verifyChain(org.organisationId);
    expect(report.broken).to.include({ table: 'iqa_reviews', id: review.id, seq: decision.chainSeq! + 1, problem: 'link' });
  });

  it('fails at the entry after a deleted row, and names the missing entries when the last ones are deleted', async () => {
    const org = await chainedOrganisation();
    await decideAndCountersign(org);
    await decideAndCountersign(org);
    const first = (await AuditEvent.findOne({ where: { organisationId: org.organisationId }, order: [['chainSeq', 'ASC']] }))!;
    await sequelize.query('DELETE FROM audit_events WHERE id = ?', { replacements: [first.id] });
    const broken = (await verifyChain(org.organisationId)).broken!;
    expect(broken).to.include({ seq: first.chainSeq! + 1, problem: 'missing' });
    expect(broken.detail).to.equal(`entry missing before it: entry ${first.chainSeq} is not there`);

    const other = await chainedOrganisation();
    const last = await lastAuditEvent(other.organisationId);
    await sequelize.query('DELETE FROM audit_events WHERE id = ?', { replacements: [last.id] });
    const report = await verifyChain(other.organisationId);
    expect(report.broken).to.include({ table: null, seq: last.chainSeq, problem: 'missing' });
    expect(report.broken!.detail).to.include(`the chain head records ${last.chainSeq}`);
  });

  it('names a row added with no entry number, and one numbered past the head', async () => {
    const org = await chainedOrganisation();
    const last = await lastAuditEvent(org.organisationId);
    await sequelize.query(
      `INSERT INTO audit_events (organisation_id, actor_id, action, summary, created_at, chain_seq, previous_hash, entry_hash)
       VALUES (?, NULL, 'logout', 'slipped in', ?, ?, ?, ?)`,
      { replacements: [org.organisationId, new Date(), last.chainSeq! + 1, last.entryHash, 'f'.repeat(64)] },
    );
    expect((await verifyChain(org.organisationId)).broken).to.include({ table: 'audit_events', seq: last.chainSeq! + 1, problem: 'head' });
    const fresh = await chainedOrganisation();
    await sequelize.query("INSERT INTO audit_events (organisation_id, action, summary, created_at) VALUES (?, 'logout', 'slipped in', ?)", {
      replacements: [fresh.organisationId, new Date()],
    });
    expect((await verifyChain(fresh.organisationId)).broken).to.include({ table: 'audit_events', seq: null, problem: 'unchained' });
  });

  it('concurrent writers never fork it: 30 transactions at once append in turn, on a new chain and on one in use', async () => {
    const org = await chainedOrganisation();
    const fresh = await createStaffedOrganisation();
    await Promise.all([
      ...oneTo(30).map(() => decideAndCountersign(org)),
      ...oneTo(30).map((n) =>
        sequelize.transaction(async (transaction) => {
          for (const step of [1, 2]) {
            await recordAuditEvent(
              { organisationId: fresh.organisation.id, actorId: fresh.admin.id, action: AUDIT_ACTIONS.personUpdated, summary: `writer ${n} step ${step}` },
              transaction,
            );
          }
        }),
      ),
    ]);
    for (const organisationId of [org.organisationId, fresh.organisation.id]) {
      const seqs = await chainSeqs(organisationId);
      expect(seqs).to.deep.equal(oneTo(seqs.length));
      const report = await verifyChain(organisationId, 7);
      expect(report.broken).to.equal(null);
      expect(report.entries).to.equal(seqs.length);
    }
    expect(await chainSeqs(fresh.organisation.id)).to.have.length(60);
  });

  it('an insert that fails and is caught leaves the chain whole, and creates started together in one transaction take turns', async () => {
    const org = await chainedOrganisation();
    const submissionKey = unique('submission');
    await sequelize.transaction(async (transaction) => {
      const decision = await AssessmentDecision.create(decisionValues(org, { submissionKey }), { transaction });
      await refreshItemStates([decision.workerId], transaction);
      const duplicate = await AssessmentDecision.create(decisionValues(org, { submissionKey }), { transaction }).catch((error: unknown) => error);
      expect(duplicate).to.be.instanceOf(UniqueConstraintError);
      await Promise.all(
        oneTo(5).map((n) =>
          recordAuditEvent({ organisationId: org.organisationId, actorId: null, action: AUDIT_ACTIONS.logout, summary: `together ${n}` }, transaction),
        ),
      );
    });
    const seqs = await chainSeqs(org.organisationId);
    expect(seqs).to.deep.equal(oneTo(seqs.length));
    expect((await verifyChain(org.organisationId)).broken).to.equal(null);
  });

  it('gives the same hash after a round trip: whole seconds, booleans, ints, and text with emoji, quotes and lone surrogates', async () => {
    const org = await chainedOrganisation();
    const feedback = '  Café “quoted” 👩‍⚕️ line\nbreak \\ back-slash, trailing  ';
    const { decision } = await decideAndCountersign(org, { createdAt: new Date('2026-03-04T05:06:07.891Z'), feedback });
    await recordAuditEvent({ organisationId: org.organisationId, actorId: org.admin.id, action: AUDIT_ACTIONS.logout, summary: 'half \uD83D a pair' });
    const table = CHAINED_TABLES.find((candidate) => candidate.table === 'assessment_decisions')!;
    const reread = (await AssessmentDecision.findByPk(decision.id))!;
    expect(reread.createdAt.toISOString()).to.equal('2026-03-04T05:06:07.000Z');
    expect(reread.feedback).to.equal(feedback);
    expect(entryHash(table, reread.chainSeq!, reread.previousHash!, reread.get())).to.equal(decision.entryHash);
    const report = await verifyChain(org.organisationId);
    expect(report.broken).to.equal(null);
  });

  it('migration 0015 chains audit events older than the chain, in id order after the head, and a second run finds none', async () => {
    const org = await chainedOrganisation();
    const before = (await chainSeqs(org.organisationId)).length;
    const insert = (organisationId: number | null, summary: string, at: Date) =>
      sequelize.query(
        `INSERT INTO audit_events (organisation_id, actor_id, action, subject_type, subject_id, summary, ip_address, created_at)
         VALUES (?, NULL, 'login.failed', 'person', 3, ?, '10.0.0.1', ?)`,
        { replacements: [organisationId, summary, at] },
      );
    for (const n of oneTo(5)) await insert(org.organisationId, `old event ${n} “quoted”`, new Date(Date.UTC(2025, 0, n, 3, 4, 5, 678)));
    await insert(null, 'unknown@example.org failed to sign in', new Date(Date.UTC(2025, 0, 9, 1, 2, 3, 456)));
    expect((await verifyChain(org.organisationId)).broken).to.include({ problem: 'unchained' });

    expect(await chainExistingAuditEvents(sequelize, 2)).to.be.at.least(6);
    const report = await verifyChain(org.organisationId, 4);
    expect(report.broken).to.equal(null);
    expect(report.entries).to.equal(before + 5);
    const old = await AuditEvent.findAll({ where: { organisationId: org.organisationId, action: 'login.failed' }, order: [['id', 'ASC']] });
    expect(old.map((event) => event.chainSeq)).to.deep.equal(oneTo(5).map((n) => before + n));
    expect((await verifyChain(0)).broken).to.equal(null);
    expect(await chainExistingAuditEvents(sequelize)).to.equal(0);
  });

  it('the audit page checks only the admin’s own organisation, and is refused to others', async () => {
    const org = await chainedOrganisation();
    const other = await chainedOrganisation();
    const whole = await checkAuditRecord(org.admin);
    expect(whole.problem).to.equal(null);
    expect(whole.entries).to.equal((await chainSeqs(org.organisationId)).length);
    expect(whole.head!.hash).to.equal((await lastAuditEvent(org.organisationId)).entryHash);
    await expectRejection(checkAuditRecord(org.worker), Forbidden);

    const event = await lastAuditEvent(other.organisationId);
    await sequelize.query("UPDATE audit_events SET summary = 'rewritten' WHERE id = ?", { replacements: [event.id] });
    expect((await checkAuditRecord(org.admin)).problem).to.equal(null);
    expect((await checkAuditRecord(other.admin)).problem).to.match(new RegExp(`^audit_events ${event.id} \\(entry ${event.chainSeq}\\): content altered`));
  });

  it('npm run audit:verify passes on the demo and exits non-zero naming the row altered by hand', function () {
    if (dialect() !== 'sqlite') this.skip(); // it runs against a database of its own, SQLite whichever run this is
    this.timeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'nosfolio-verify-'));
    const file = path.join(dir, 'demo.sqlite');
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${file}` };
    const run = (script: string) => spawnSync('node_modules/.bin/tsx', [script], { env, encoding: 'utf8' });
    try {
      expect(run('scripts/migrate.ts').status).to.equal(0);
      expect(run('db/seed/index.ts').status).to.equal(0);
      const passed = run('scripts/verify-audit-chain.ts');
      expect(passed.status, passed.stderr).to.equal(0);
      expect(passed.stdout).to.match(/: whole, \d+ entries/);
      return new Promise<void>((resolve, reject) => {
        const db = new sqlite3.Database(file);
        db.run("UPDATE audit_events SET summary = 'nothing to see' WHERE chain_seq = 3", (error) =>
          db.close(() => {
            if (error) return reject(error);
            const failed = run('scripts/verify-audit-chain.ts');
            try {
              expect(failed.status).to.equal(1);
              expect(failed.stderr).to.match(/The record is not whole: Organisation \d+ \(.+\), audit_events \d+ \(entry 3\): content altered/);
              resolve();
            } catch (assertion) {
              reject(assertion as Error);
            }
          }),
        );
      }).finally(() => rmSync(dir, { recursive: true, force: true }));
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  });
});
