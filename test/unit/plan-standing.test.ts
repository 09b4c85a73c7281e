// The PDP standing rules: missing, draft, current and stale by the review period, when a version counts as agreed,
// and who is flagged for having gaps and no plan.
import { expect } from 'chai';
import { agreedAtOf, flaggedForNoPlan, instantOf, planStanding } from '#app/domain/development/standing.ts';

const agreed = new Date('2026-01-15T10:00:00Z');

describe('PDP standing', () => {
  it('is missing with no plan and a draft with a plan never agreed by both', () => {
    expect(planStanding({ hasPlan: false, agreedAt: null, reviewMonths: null }, '2026-03-01')).to.deep.equal({ state: 'missing', agreedAt: null, reviewDue: null });
    expect(planStanding({ hasPlan: true, agreedAt: null, reviewMonths: 6 }, '2026-03-01').state).to.equal('draft');
  });

  it('is current up to and on the day its review falls due, then stale (as the workforce report counts it)', () => {
    expect(planStanding({ hasPlan: true, agreedAt: agreed, reviewMonths: 6 }, '2026-07-15')).to.deep.equal({ state: 'current', agreedAt: agreed, reviewDue: '2026-07-15' });
    expect(planStanding({ hasPlan: true, agreedAt: agreed, reviewMonths: 6 }, '2026-07-16').state).to.equal('stale');
  });

  it('uses 6 months when the worker has no role profile, and the role profile’s period otherwise', () => {
    expect(planStanding({ hasPlan: true, agreedAt: agreed, reviewMonths: null }, '2026-03-01').reviewDue).to.equal('2026-07-15');
    expect(planStanding({ hasPlan: true, agreedAt: agreed, reviewMonths: 3 }, '2026-04-16').state).to.equal('stale');
    expect(planStanding({ hasPlan: true, agreedAt: agreed, reviewMonths: 12 }, '2026-12-31').state).to.equal('current');
  });

  it('reads the agreement date in London: 23:30 UTC on 31 March is 1 April (BST)', () => {
    const lateEvening = new Date('2026-03-31T23:30:00Z'); // 00:30 on 1 April in London
    expect(planStanding({ hasPlan: true, agreedAt: lateEvening, reviewMonths: 1 }, '2026-04-30').reviewDue).to.equal('2026-05-01');
  });

  it('counts a version as agreed only when both agreed, at the later time', () => {
    const earlier = new Date('2026-01-01T09:00:00Z');
    expect(agreedAtOf({ workerAgreedAt: earlier, supervisorAgreedAt: null })).to.equal(null);
    expect(agreedAtOf({ workerAgreedAt: null, supervisorAgreedAt: earlier })).to.equal(null);
    expect(agreedAtOf({ workerAgreedAt: earlier, supervisorAgreedAt: agreed })).to.equal(agreed);
    expect(agreedAtOf({ workerAgreedAt: agreed, supervisorAgreedAt: earlier })).to.equal(agreed);
  });

  it('flags a worker with gaps and no plan, not one with a plan or with no gaps', () => {
    const missing = planStanding({ hasPlan: false, agreedAt: null, reviewMonths: null }, '2026-03-01');
    const draft = planStanding({ hasPlan: true, agreedAt: null, reviewMonths: null }, '2026-03-01');
    expect(flaggedForNoPlan(missing, 12)).to.equal(true);
    expect(flaggedForNoPlan(missing, 0)).to.equal(false);
    expect(flaggedForNoPlan(draft, 12)).to.equal(false);
  });

  it('reads timestamps as SQLite and MariaDB return them', () => {
    expect(instantOf('2026-01-15 10:00:00.000 +00:00')!.toISOString()).to.equal('2026-01-15T10:00:00.000Z');
    expect(instantOf(agreed)).to.equal(agreed);
    expect(instantOf(null)).to.equal(null);
  });
});
