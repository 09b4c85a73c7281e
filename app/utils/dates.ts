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

/** 25 November 2026 at 2:05pm */
export function formatDateTime(value: Date | string): string {
  return format(inLondon(value), "d MMMM yyyy 'at' h:mmaaa");
}

/** "2013-01" (how standards give approval and review dates) as January 2013; anything else as given. */
export function formatYearMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? format(new Date(Number(match[1]), Number(match[2]) - 1, 1), 'MMMM yyyy') : value;
}
