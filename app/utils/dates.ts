// Dates and times as people in the UK read them: Europe/London, day month year.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const UK_TIME_ZONE = 'Europe/London';

function inLondon(value: Date | string): TZDate {
  return new TZDate(new Date(value).getTime(), UK_TIME_ZONE);
}

/** 25 November 2026 */
export function formatDate(value: Date | string): string {
  return format(inLondon(value), 'd MMMM yyyy');
}

/**
 * Every instant at which London clocks show this date and time, earliest first: none in the hour skipped when the
 * clocks go forward, two in the hour repeated when they go back, one otherwise. London is UTC+0 or UTC+1.
 */
export function londonInstantsOf(dateOnly: string, time: string): Date[] {
  const [year, month, day] = dateOnly.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  return [asUtc - 3_600_000, asUtc]
    .filter((candidate) => format(inLondon(new Date(candidate)), 'yyyy-MM-dd HH:mm') === `${dateOnly} ${time}`)
    .map((candidate) => new Date(candidate));
}

/** 25 November 2026 at 2:05pm; in the hour the clocks repeat, which one: "25 October 2026 at 1:30am BST". */
export function formatDateTime(value: Date | string): string {
  const local = inLondon(value);
  const text = format(local, "d MMMM yyyy 'at' h:mmaaa");
  if (londonInstantsOf(format(local, 'yyyy-MM-dd'), format(local, 'HH:mm')).length < 2) return text;
  return `${text} ${local.getTimezoneOffset() === 0 ? 'GMT' : 'BST'}`;
}

/** "2013-01" (how standards give approval and review dates) as January 2013; anything else as given. */
export function formatYearMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? format(new Date(Number(match[1]), Number(match[2]) - 1, 1), 'MMMM yyyy') : value;
}
