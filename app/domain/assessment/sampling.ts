// Which decisions an IQA samples (docs/decisions/030): every decision of an assessor still marked new, every answer
// to a challenge, each decision whose score falls under the organisation's percentage, every decision already
// reviewed, and for each assessor and London calendar month short of the minimum, the lowest-scoring others. Pure:
// the same rules over the same decisions (and reviews) draw the same sample.
import { createHash } from 'node:crypto';
import { londonDateOf } from '#app/utils/dates/index.ts';
import type { SampleReason } from './sample-reasons.ts';

export type { SampleReason } from './sample-reasons.ts';

export type SamplingRules = { samplePercent: number; minimumPerAssessorMonth: number };

export const DEFAULT_SAMPLING_RULES: SamplingRules = { samplePercent: 10, minimumPerAssessorMonth: 1 };

export type SampleCandidate = {
  id: number;
  assessorId: number;
  createdAt: Date | string;
  /** Made while the assessor was marked new: its met counts once countersigned, so it is always sampled. */
  countersignRequired?: boolean;
  /** Answers an IQA challenge: the IQA sees the answer. */
  answersChallenge?: boolean;
  /** Already countersigned or challenged: it stays in the sample as later decisions arrive. */
  reviewed?: boolean;
};


/**
 * A decision's place in the draw, in [0, 1): SHA-256 of the organisation and the decision, the same every time. The
 * percentage is the threshold, not part of the hash, so raising it only adds decisions: those already drawn (and
 * perhaps reviewed) stay in the sample, and lowering it only removes the highest scores.
 */
export function sampleScore(organisationId: number, decisionId: number): number {
  const digest = createHash('sha256').update(`nosfolio-iqa-sample:${organisationId}:${decisionId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** The London calendar month of an instant, as "2026-03". */
export function londonMonthOf(instant: Date | string): string {
  return londonDateOf(instant).slice(0, 7);
}

/** The sampled decisions, each with why it was drawn (the first reason that applies). */
export function drawSample(
  organisationId: number,
  rules: SamplingRules,
  decisions: SampleCandidate[],
  newAssessorIds: ReadonlySet<number>,
): Map<number, SampleReason> {
  const sample = new Map<number, SampleReason>();
  const scored = decisions.map((decision) => ({ decision, score: sampleScore(organisationId, decision.id) }));
  for (const { decision, score } of scored) {
    if (newAssessorIds.has(decision.assessorId) || decision.countersignRequired) sample.set(decision.id, 'new_assessor');
    else if (decision.answersChallenge) sample.set(decision.id, 'answer');
    else if (score < rules.samplePercent / 100) sample.set(decision.id, 'percentage');
    else if (decision.reviewed) sample.set(decision.id, 'reviewed');
  }
  const byAssessorMonth = new Map<string, typeof scored>();
  for (const entry of scored) {
    const key = `${entry.decision.assessorId}|${londonMonthOf(entry.decision.createdAt)}`;
    byAssessorMonth.set(key, [...(byAssessorMonth.get(key) ?? []), entry]);
  }
  for (const group of byAssessorMonth.values()) {
    const missing = rules.minimumPerAssessorMonth - group.filter((entry) => sample.has(entry.decision.id)).length;
    if (missing <= 0) continue;
    group
      .filter((entry) => !sample.has(entry.decision.id))
      .sort((a, b) => a.score - b.score || a.decision.id - b.decision.id)
      .slice(0, missing)
      .forEach((entry) => sample.set(entry.decision.id, 'monthly_minimum'));
  }
  return sample;
}
