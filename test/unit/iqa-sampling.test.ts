// The IQA sample: reproducible, every new assessor's decision in it, at least the minimum per assessor per month.
import { expect } from 'chai';
import { drawSample, londonMonthOf, sampleScore, type SampleCandidate } from '#app/domain/assessment/sampling.ts';

/** 300 decisions by three assessors over two months (March and April 2026, London time). */
function decisions(): SampleCandidate[] {
  return Array.from({ length: 300 }, (_, index) => ({
    id: 1000 + index,
    assessorId: [11, 12, 13][index % 3]!,
    createdAt: new Date(Date.UTC(2026, 2 + (index % 2), 1 + (index % 28), 10)),
  }));
}

describe('IQA sampling', () => {
  it('draws the same sample from the same rules and decisions, in any order', () => {
    const rules = { samplePercent: 10, minimumPerAssessorMonth: 1 };
    const first = drawSample(7, rules, decisions(), new Set());
    const second = drawSample(7, rules, decisions().reverse(), new Set());
    expect([...second.entries()].sort()).to.deep.equal([...first.entries()].sort());
    expect(first.size).to.be.within(10, 60);
    // Another organisation draws differently from the same ids.
    expect([...drawSample(8, rules, decisions(), new Set()).keys()].sort()).to.not.deep.equal([...first.keys()].sort());
  });

  it('draws more as the percentage rises, keeping every decision already drawn', () => {
    const at10 = drawSample(7, { samplePercent: 10, minimumPerAssessorMonth: 0 }, decisions(), new Set());
    const at25 = drawSample(7, { samplePercent: 25, minimumPerAssessorMonth: 0 }, decisions(), new Set());
    expect([...at10.keys()].every((id) => at25.has(id))).to.equal(true);
    const expected = decisions().filter((decision) => sampleScore(7, decision.id) < 0.25).map((decision) => decision.id);
    expect([...at25.keys()].sort()).to.deep.equal(expected.sort());
    expect(drawSample(7, { samplePercent: 0, minimumPerAssessorMonth: 0 }, decisions(), new Set()).size).to.equal(0);
    expect(drawSample(7, { samplePercent: 100, minimumPerAssessorMonth: 0 }, decisions(), new Set()).size).to.equal(300);
  });

  it('includes every decision of an assessor marked new', () => {
    const sample = drawSample(7, { samplePercent: 5, minimumPerAssessorMonth: 1 }, decisions(), new Set([12]));
    const ofNew = decisions().filter((decision) => decision.assessorId === 12);
    expect(ofNew.every((decision) => sample.get(decision.id) === 'new_assessor')).to.equal(true);
  });

  it('takes at least the minimum for each assessor in each London month, the lowest scores first', () => {
    // Nothing by percentage: only the monthly minimum draws.
    const sample = drawSample(7, { samplePercent: 0, minimumPerAssessorMonth: 2 }, decisions(), new Set());
    const groups = new Map<string, number>();
    for (const decision of decisions()) {
      if (sample.has(decision.id)) groups.set(`${decision.assessorId}|${londonMonthOf(decision.createdAt)}`, (groups.get(`${decision.assessorId}|${londonMonthOf(decision.createdAt)}`) ?? 0) + 1);
    }
    expect([...groups.values()]).to.deep.equal([2, 2, 2, 2, 2, 2]);
    expect([...sample.values()].every((reason) => reason === 'monthly_minimum')).to.equal(true);
    const march11 = decisions().filter((decision) => decision.assessorId === 11 && londonMonthOf(decision.createdAt) === '2026-03');
    const lowest = march11.sort((a, b) => sampleScore(7, a.id) - sampleScore(7, b.id)).slice(0, 2).map((decision) => decision.id);
    expect(lowest.every((id) => sample.has(id))).to.equal(true);
  });

  it('keeps a reviewed decision and every answer to a challenge in the sample as more decisions arrive', () => {
    const rules = { samplePercent: 0, minimumPerAssessorMonth: 1 };
    const first = { id: 1, assessorId: 11, createdAt: new Date('2026-03-02T10:00:00Z') };
    const [drawn] = [...drawSample(7, rules, [first], new Set()).keys()];
    expect(drawn).to.equal(1);
    const later = Array.from({ length: 20 }, (_, index) => ({ id: 2 + index, assessorId: 11, createdAt: new Date('2026-03-20T10:00:00Z') }));
    const answer = { id: 50, assessorId: 11, createdAt: new Date('2026-03-21T10:00:00Z'), answersChallenge: true };
    const sample = drawSample(7, rules, [{ ...first, reviewed: true }, ...later, answer], new Set());
    expect([...sample.entries()].sort()).to.deep.equal([[1, 'reviewed'], [50, 'answer']]);
  });

  it('counts the month by London time: 23:30 UTC on 31 May is June in London', () => {
    expect(londonMonthOf(new Date('2026-05-31T23:30:00Z'))).to.equal('2026-06');
    expect(londonMonthOf(new Date('2026-01-31T23:30:00Z'))).to.equal('2026-01');
  });
});
