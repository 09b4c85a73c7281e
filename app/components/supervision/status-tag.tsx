// A supervision status as a tag with words, from the one map of labels in statuses.ts.
import { STATUS_TAGS, statusTag } from '#app/domain/supervision/statuses.ts';

export function StatusTag({ kind, status }: { kind: keyof typeof STATUS_TAGS; status: string }) {
  const { label, colour } = statusTag(kind, status);
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{label}</strong>;
}
