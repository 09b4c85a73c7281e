// Dates and times as people in the UK read them: Europe/London, day month year, with BST or GMT where it matters.
import { format } from 'date-fns';
import { plural } from '#app/utils/words.ts';
import { londonInstantsOf, londonParts, UK_TIME_ZONE } from './calendar.ts';

// Made once: a page of 200 people writes hundreds of dates, and a TZDate formatted by date-fns costs about 30 µs.
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** 25 November 2026 (a calendar day, or the London day of an instant). */
export function formatDate(value: Date | string): string {
  return LONDON_DAY.format(new Date(value));
}

/** 25 November 2026 at 2:05pm; in the hour the clocks repeat, which one: "25 October 2026 at 1:30am BST". */
export function formatDateTime(value: Date | string): string {
  const instant = new Date(value);
  const { date, time } = londonParts(instant);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const text = `${formatDate(instant)} at ${hours % 12 || 12}:${String(minutes).padStart(2, '0')}${hours < 12 ? 'am' : 'pm'}`;
  const readings = londonInstantsOf(date, time);
  if (readings.length < 2) return text;
  // The first reading of a repeated time is BST, the second, an hour later, GMT.
  return `${text} ${instant.getTime() - readings[0]!.getTime() < 3_600_000 ? 'BST' : 'GMT'}`;
}

/** "2013-01" (how standards give approval and review dates) as January 2013; anything else as given. */
export function formatYearMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? format(new Date(Number(match[1]), Number(match[2]) - 1, 1), 'MMMM yyyy') : value;
}

/** "1:30am", "2pm": a London wall-clock time HH:MM as people say it. */
export function formatClock(time: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const suffix = hours < 12 ? 'am' : 'pm';
  return `${hours % 12 || 12}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}${suffix}`;
}

/** "1 month", "12 months". */
export function formatMonths(months: number): string {
  return plural(months, 'month', 'months');
}
