// The IQA's page: the sample for a period, filtered by assessor and standard, each decision with its evidence and
// review status; a fixed number of queries.
import { assertCan, canReviewDecision, type Actor } from '#app/utils/permissions.server.ts';
import { basisOf, sampleForPeriod, type EvidenceBasis, type Period, type SampledDecision } from './sampling.server.ts';

export type SampleFilters = { assessorId?: number | undefined; standardId?: number | undefined };

export type SamplePage = {
  decisions: (SampledDecision & { evidence: EvidenceBasis[]; mayReview: boolean })[];
  sampledCount: number;
  madeCount: number;
  rules: { samplePercent: number; minimumPerAssessorMonth: number };
  assessors: { id: number; name: string }[];
  standards: { id: number; urn: string }[];
};

export async function iqaSamplePage(actor: Actor, period: Period, filters: SampleFilters): Promise<SamplePage> {
  assertCan(actor, 'review:decisions:quality-assured');
  const { decisions, sample, rules } = await sampleForPeriod(actor, period);
  const shown = sample.filter(
    (decision) => (!filters.assessorId || decision.assessorId === filters.assessorId) && (!filters.standardId || decision.standardId === filters.standardId),
  );
  const basis = await basisOf(shown.map((decision) => decision.id));
  const assessors = new Map(sample.map((decision) => [decision.assessorId, decision.assessorName]));
  const standards = new Map(sample.map((decision) => [decision.standardId, decision.urn]));
  return {
    decisions: shown.map((decision) => ({ ...decision, evidence: basis.get(decision.id) ?? [], mayReview: canReviewDecision(actor, decision) })),
    sampledCount: sample.length,
    madeCount: decisions.length,
    rules,
    assessors: [...assessors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    standards: [...standards].map(([id, urn]) => ({ id, urn })).sort((a, b) => a.urn.localeCompare(b.urn)),
  };
}
