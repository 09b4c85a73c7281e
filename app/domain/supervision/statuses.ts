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

export const PARTY = { worker: 'worker', supervisor: 'supervisor' } as const;
export type Party = (typeof PARTY)[keyof typeof PARTY];

/** NICE home care quality standard: supervision never less often than every three months (13 weeks). */
export const MAX_INTERVAL_WEEKS = 13;

/** "Every week" or "Every 6 weeks". */
export function everyWeeks(weeks: number): string {
  return weeks === 1 ? 'Every week' : `Every ${weeks} weeks`;
}
