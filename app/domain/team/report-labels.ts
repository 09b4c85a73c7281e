// How the workforce report's filters and PDP states read, on the page and in the CSV.
export const WHO_LABELS = {
  'no-agreement': 'Without a current supervision agreement',
  'sessions-behind': 'Fewer sessions held than agreed',
  'records-late': 'A record not agreed within the agreed time',
  'pdp-none': 'No PDP',
  'pdp-not-agreed': 'A PDP never agreed',
  'pdp-stale': 'A PDP not reviewed within its review period',
  'pdp-current': 'A current PDP',
  'gaps-no-pdp': 'Gaps and no PDP',
  'standards-achieved': 'A standard achieved',
  'standards-in-progress': 'A standard in progress',
  'policies-outstanding': 'A current policy not acknowledged',
  'development-planned': 'Development planned in the period',
  'development-delivered': 'Development delivered in the period',
} as const;
export type Who = keyof typeof WHO_LABELS;

export type PdpState = 'none' | 'not_agreed' | 'stale' | 'current';
export const PDP_LABELS: Record<PdpState, string> = { none: 'None', not_agreed: 'Not agreed', stale: 'Review overdue', current: 'Current' };
