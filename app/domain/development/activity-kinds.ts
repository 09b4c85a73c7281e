// The kinds of development a manager plans against a gap, and how each is written for people.
export const ACTIVITY_KINDS = {
  training: 'Training session',
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  shadowing: 'Shadowing',
  e_learning: 'E-learning',
  guided_reading: 'Guided reading',
  action_learning_set: 'Action learning set',
  peer_group_discussion: 'Peer group discussion',
  other: 'Other',
} as const;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export const ACTIVITY_KIND_KEYS = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]];

export function activityKindLabel(kind: string): string {
  return (ACTIVITY_KINDS as Record<string, string>)[kind] ?? kind;
}

/** What a manager records for a participant from the activity page, and the opportunity status each sets. */
export const ATTENDANCE = {
  attended: { status: 'in_progress', label: 'Attended' },
  did_not_attend: { status: 'did_not_attend', label: 'Did not attend' },
  completed: { status: 'completed', label: 'Completed' },
} as const;
export type Attendance = keyof typeof ATTENDANCE;

const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'Attended',
  completed: 'Completed',
  did_not_attend: 'Did not attend',
  cancelled: 'Cancelled',
};
export function participationLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** A gap in the address of its page: `item-12`, `standard-3`, or a section as `standard-3` with `?section=`. */
export type GapRef = { kind: 'item'; itemId: number } | { kind: 'standard'; standardId: number } | { kind: 'section'; standardId: number; section: string };

export function gapPath(gap: GapRef): string {
  if (gap.kind === 'item') return `/team/gaps/item-${gap.itemId}`;
  if (gap.kind === 'standard') return `/team/gaps/standard-${gap.standardId}`;
  return `/team/gaps/standard-${gap.standardId}?section=${encodeURIComponent(gap.section)}`;
}

/** The gap an address names, or null when it names none. */
export function parseGapRef(param: string, section: string | null): GapRef | null {
  const match = /^(item|standard)-(\d{1,10})$/.exec(param);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  if (match[1] === 'item') return section === null ? { kind: 'item', itemId: id } : null;
  return section === null || section === '' ? { kind: 'standard', standardId: id } : { kind: 'section', standardId: id, section: section.slice(0, 300) };
}
