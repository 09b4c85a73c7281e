// Why a decision is in the IQA sample, in words the IQA page shows (no server code: the page's bundle imports it).
export type SampleReason = 'new_assessor' | 'answer' | 'percentage' | 'reviewed' | 'monthly_minimum';

export const SAMPLE_REASON_LABELS: Record<SampleReason, string> = {
  new_assessor: 'New assessor: every decision',
  answer: 'Answers an IQA challenge',
  percentage: 'Drawn by the percentage',
  reviewed: 'Already reviewed',
  monthly_minimum: 'The assessor’s minimum for the month',
};
