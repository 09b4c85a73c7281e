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

/** A figure as the page, the CSV's reader and the inspection pack read it: "3 of 5 (60%)", or the bare count. */
export function figureText(figure: { value: number; of: number | null }): string {
  if (figure.of === null) return String(figure.value);
  return `${figure.value} of ${figure.of}${figure.of ? ` (${Math.round((figure.value / figure.of) * 100)}%)` : ''}`;
}
