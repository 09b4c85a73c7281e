// Each workflow's transition table: every allowed transition leads where it should, and anything else is refused.
import { expect } from 'chai';
import { ACTION_STATUS, AGREEMENT_STATUS, RECORD_STATUS, SESSION_STATUS, STATUS_TAGS, statusTag } from '#app/domain/supervision/statuses.ts';
import { EVIDENCE_WORKFLOW } from '#app/domain/workflows/evidence.server.ts';
import {
  AGREEMENT_WORKFLOW,
  agreementStage,
  awaitingSignature,
  storedStatus,
  storedStatusesAllowing,
} from '#app/domain/workflows/supervision-agreement.server.ts';
import { ACTION_WORKFLOW, RECORD_WORKFLOW } from '#app/domain/workflows/supervision-record.server.ts';
import { SESSION_CREATION, SESSION_WORKFLOW } from '#app/domain/workflows/supervision-session.server.ts';
import { allowedActions, assertTransition, statusesAllowing, type Workflow } from '#app/domain/workflows/workflow.server.ts';
import { InvalidTransition, ValidationError } from '#app/utils/errors.server.ts';

function refusal(run: () => unknown): InvalidTransition {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidTransition);
    return error as InvalidTransition;
  }
  throw new Error('expected the transition to be refused');
}

/** Checks the table is exactly `expected`: each listed transition allowed and leading to its status, nothing else allowed. */
function expectTable<S extends string, A extends string, C>(workflow: Workflow<S, A, C>, expected: Record<S, Partial<Record<A, S>>>, context: C, actions: readonly A[]) {
  for (const from of Object.keys(expected) as S[]) {
    expect(allowedActions(workflow, from), `${workflow.name}: actions from ${from}`).to.deep.equal(Object.keys(expected[from]));
    for (const action of actions) {
      const to = expected[from][action];
      const attempt = () => (assertTransition as (w: unknown, f: S, a: A, c: C) => S)(workflow, from, action, context);
      if (to) expect(attempt(), `${workflow.name}: ${from} --${action}-->`).to.equal(to);
      else {
        const error = refusal(attempt);
        expect(error.refused).to.deep.include({ workflow: workflow.name, from, action });
        expect(error.message, `${workflow.name}: ${from} --${action}--> refused`).to.be.a('string').and.not.equal('');
      }
    }
  }
}

describe('workflows', () => {
  it('evidence: a draft changes in place or is submitted; submitted evidence changes by revision', () => {
    expectTable(EVIDENCE_WORKFLOW, { draft: { change: 'draft', submit: 'submitted' }, submitted: { change: 'submitted' } }, undefined, ['change', 'submit']);
    expect(refusal(() => assertTransition(EVIDENCE_WORKFLOW, 'submitted', 'submit')).message).to.equal('This evidence has already been submitted');
  });

  it('supervision session: requested and planned sessions move or cancel; a planned one is missed or held; the end states are final', () => {
    expectTable(
      SESSION_WORKFLOW,
      {
        requested: { move: 'planned', cancel: 'cancelled' },
        planned: { move: 'planned', cancel: 'cancelled', miss: 'missed', record: 'held' },
        held: { record: 'held' },
        cancelled: {},
        missed: {},
      },
      undefined,
      ['move', 'cancel', 'miss', 'record'],
    );
    const refused = refusal(() => assertTransition(SESSION_WORKFLOW, 'cancelled', 'cancel'));
    expect(refused.message).to.equal('Only a planned or requested session can be cancelled');
    expect(refused.fieldErrors).to.deep.equal({});
    // A session is planned, requested, or recorded after it took place, when it starts held and its record is written next.
    expect(SESSION_CREATION).to.deep.equal({ plan: 'planned', request: 'requested', recordHeld: 'held' });
    expect(allowedActions(SESSION_WORKFLOW, SESSION_CREATION.recordHeld)).to.deep.equal(['record']);
  });

  it('supervision record: the supervisor writes and shares, the worker agrees and it locks; a locked record takes only addenda', () => {
    const lockedAt = new Date('2026-03-27T10:00:00Z');
    expectTable(
      RECORD_WORKFLOW,
      {
        draft: { save: 'draft', addAction: 'draft', share: 'shared' },
        shared: { save: 'shared', addAction: 'shared', agree: 'agreed' },
        agreed: { addAddendum: 'agreed' },
      },
      { lockedAt },
      ['save', 'addAction', 'share', 'agree', 'addAddendum'],
    );
    // Refusals a person meets while typing come back beside the field they were typing in.
    const locked = refusal(() => assertTransition(RECORD_WORKFLOW, 'agreed', 'save', { lockedAt }));
    expect(locked).to.be.instanceOf(ValidationError);
    expect(locked.fieldErrors.discussion?.[0]).to.match(/^This record was agreed and locked on .+: add an addendum instead$/);
    expect(refusal(() => assertTransition(RECORD_WORKFLOW, 'draft', 'agree', { lockedAt: null })).fieldErrors).to.deep.equal({
      comments: ['Your supervisor has not shared this record with you yet'],
    });
    expect(refusal(() => assertTransition(RECORD_WORKFLOW, 'shared', 'share', { lockedAt: null })).fieldErrors).to.deep.equal({});
  });

  it('supervision action: open until done, once', () => {
    expectTable(ACTION_WORKFLOW, { open: { complete: 'done' }, done: {} }, undefined, ['complete']);
    expect(refusal(() => assertTransition(ACTION_WORKFLOW, 'done', 'complete')).message).to.equal('This action is already done');
  });

  it('supervision agreement: a draft signed by one, then by both, is current; a newer version supersedes it', () => {
    expectTable(
      AGREEMENT_WORKFLOW,
      {
        draft: { sign: 'signed_by_one', redraft: 'superseded' },
        signed_by_one: { sign: 'current', redraft: 'superseded' },
        current: { replace: 'superseded' },
        superseded: {},
      },
      undefined,
      ['sign', 'redraft', 'replace'],
    );
    expect(refusal(() => assertTransition(AGREEMENT_WORKFLOW, 'current', 'sign')).message).to.equal('Only a draft agreement can be signed');
    expect(agreementStage('draft', [])).to.equal('draft');
    expect(agreementStage('draft', ['worker'])).to.equal('signed_by_one');
    expect(agreementStage('active', ['worker', 'supervisor'])).to.equal('current');
    expect(agreementStage('superseded', [])).to.equal('superseded');
    expect(['draft', 'signed_by_one', 'current', 'superseded'].map((stage) => storedStatus(stage as never))).to.deep.equal(['draft', 'draft', 'active', 'superseded']);
    expect(statusesAllowing(AGREEMENT_WORKFLOW, 'redraft')).to.deep.equal(['draft', 'signed_by_one']);
    expect(storedStatusesAllowing('redraft')).to.deep.equal(['draft']);
    expect(storedStatusesAllowing('replace')).to.deep.equal(['active']);
    expect(awaitingSignature(['supervisor'])).to.deep.equal(['worker']);
    expect(awaitingSignature([])).to.deep.equal(['worker', 'supervisor']);
  });

  it('every supervision status has words and a tag colour, from one map; an unknown one shows as it is', () => {
    expect(Object.keys(STATUS_TAGS.session)).to.deep.equal(Object.values(SESSION_STATUS));
    expect(Object.keys(STATUS_TAGS.record)).to.deep.equal(Object.values(RECORD_STATUS));
    expect(Object.keys(STATUS_TAGS.agreement)).to.deep.equal(Object.values(AGREEMENT_STATUS));
    expect(Object.keys(STATUS_TAGS.action)).to.deep.equal(Object.values(ACTION_STATUS));
    expect([statusTag('session', 'held').label, statusTag('session', 'planned').label]).to.deep.equal(['Held', 'Planned']);
    expect([statusTag('record', 'shared').label, statusTag('record', 'agreed').label]).to.deep.equal(['Shared with worker', 'Agreed and locked']);
    expect(statusTag('session', 'postponed')).to.deep.equal({ label: 'postponed', colour: 'grey' });
  });
});
