// Times people type ("14:30") as HH:MM, and London wall-clock times turned into UTC instants and back, across the
// clock changes: the hour that does not exist in spring and the hour that happens twice in autumn.
import { TZDate } from '@date-fns/tz';
import { londonInstantsOf, UK_TIME_ZONE } from './calendar.ts';
import { formatClock, formatDate } from './format.ts';

/** "9:30", "09:30", "14.30" as "HH:MM", or null. */
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/**
 * The UTC instant of a Europe/London wall-clock date and time. A time repeated when the clocks go back is the first
 * one (BST), as for typed times (resolveLondonTime); one skipped when they go forward moves an hour on (1:30 → 2:30 BST),
 * which only a planned series can meet, since a typed time in that hour is refused.
 */
export function londonInstant(date: string, time: string): Date {
  const [first] = londonInstantsOf(date, time);
  if (first) return first;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, UK_TIME_ZONE).getTime());
}

export type ResolvedLondonTime = { ok: true; instant: Date; repeated: boolean } | { ok: false; message: string };

/**
 * A date and time someone typed, as an instant. In the hour skipped when the clocks go forward the time does not
 * exist, and the message says why. In the hour repeated when they go back we take the first (BST), as calendars and
 * Temporal's "compatible" choice do; `repeated` says so, and the time is shown with BST wherever it appears.
 */
export function resolveLondonTime(date: string, time: string): ResolvedLondonTime {
  const instants = londonInstantsOf(date, time);
  if (instants.length) return { ok: true, instant: instants[0]!, repeated: instants.length > 1 };
  // The change happens at the last whole hour before the missing time (1am in the UK).
  const changeAt = formatClock(`${time.slice(0, 2)}:00`);
  return {
    ok: false,
    message: `The clocks go forward at ${changeAt} on ${formatDate(`${date}T12:00:00Z`)}, so ${formatClock(time)} does not exist that day. Choose another time.`,
  };
}
