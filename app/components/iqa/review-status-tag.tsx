// A decision's IQA review status as a GOV.UK tag: waiting, agreed, challenged, answered.
import type { ReviewStatus } from '#app/domain/assessment/sampling.server.ts';

const TAGS: Record<ReviewStatus, { label: string; colour: string }> = {
  waiting: { label: 'Waiting for review', colour: 'grey' },
  agreed: { label: 'Agreed', colour: 'green' },
  challenged: { label: 'Challenged', colour: 'red' },
  answered: { label: 'Answered', colour: 'blue' },
};

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const tag = TAGS[status];
  return <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{tag.label}</strong>;
}
