// The states of supervision agreements, sessions, records and actions; only named domain functions move them.
export const AGREEMENT_STATUS = { draft: 'draft', active: 'active', superseded: 'superseded' } as const;
export type AgreementStatus = (typeof AGREEMENT_STATUS)[keyof typeof AGREEMENT_STATUS];

export const SESSION_STATUS = { requested: 'requested', planned: 'planned', held: 'held', cancelled: 'cancelled', missed: 'missed' } as const;
export type SessionStatus = (typeof SESSION_STATUS)[keyof typeof SESSION_STATUS];

export const SESSION_TYPE = { regular: 'regular', probation: 'probation', appraisal: 'appraisal', urgentDebrief: 'urgent_debrief' } as const;
export type SessionType = (typeof SESSION_TYPE)[keyof typeof SESSION_TYPE];
export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  regular: 'Regular supervision',
  probation: 'Probation review',
  appraisal: 'Appraisal / performance review',
  urgent_debrief: 'Urgent debrief',
};

export const RECORD_STATUS = { draft: 'draft', shared: 'shared', agreed: 'agreed' } as const;
export type RecordStatus = (typeof RECORD_STATUS)[keyof typeof RECORD_STATUS];

export const ACTION_STATUS = { open: 'open', done: 'done' } as const;
export type ActionStatus = (typeof ACTION_STATUS)[keyof typeof ACTION_STATUS];

/** How a status reads on every supervision page: its words and the colour of its tag (GOV.UK tag colours). */
export type StatusTag = { label: string; colour: 'grey' | 'blue' | 'light-blue' | 'green' | 'yellow' | 'orange' | 'red' };

export const STATUS_TAGS = {
  agreement: {
    draft: { label: 'Draft, waiting for signatures', colour: 'yellow' },
    active: { label: 'Current', colour: 'green' },
    superseded: { label: 'Superseded', colour: 'grey' },
  },
  session: {
    requested: { label: 'Requested', colour: 'orange' },
    planned: { label: 'Planned', colour: 'blue' },
    held: { label: 'Held', colour: 'green' },
    cancelled: { label: 'Cancelled', colour: 'grey' },
    missed: { label: 'Missed', colour: 'red' },
  },
  record: {
    draft: { label: 'Being written', colour: 'yellow' },
    shared: { label: 'Shared with worker', colour: 'light-blue' },
    agreed: { label: 'Agreed and locked', colour: 'green' },
  },
  action: {
    open: { label: 'Open', colour: 'blue' },
    done: { label: 'Done', colour: 'green' },
  },
} as const satisfies {
  agreement: Record<AgreementStatus, StatusTag>;
  session: Record<SessionStatus, StatusTag>;
  record: Record<RecordStatus, StatusTag>;
  action: Record<ActionStatus, StatusTag>;
};

/** The tag of a status as it arrives from a loader (a plain string); one the map does not know shows as it is. */
export function statusTag(kind: keyof typeof STATUS_TAGS, status: string): StatusTag {
  const tags: Record<string, StatusTag> = STATUS_TAGS[kind];
  return tags[status] ?? { label: status, colour: 'grey' };
}

export const PARTY = { worker: 'worker', supervisor: 'supervisor' } as const;
export type Party = (typeof PARTY)[keyof typeof PARTY];

/** NICE home care quality standard: supervision never less often than every three months (13 weeks). */
export const MAX_INTERVAL_WEEKS = 13;

/** "Every week" or "Every 6 weeks". */
export function everyWeeks(weeks: number): string {
  return weeks === 1 ? 'Every week' : `Every ${weeks} weeks`;
}
