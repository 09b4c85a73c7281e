// Calendar days (IsoDate, "2026-03-27") and the arithmetic on them, in Europe/London: one today(), one addDays.
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysTo, addMonths as addMonthsTo, format, isValid, parseISO } from 'date-fns';

export const UK_TIME_ZONE = 'Europe/London';

/** A calendar day written YYYY-MM-DD, with no time and no zone. Only this module makes one from a string. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A real calendar date written YYYY-MM-DD, or null (2026-02-30 is not one). */
export function parseIsoDate(value: string): IsoDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parseISO(value);
  return isValid(date) && format(date, 'yyyy-MM-dd') === value ? (value as IsoDate) : null;
}

/** For values already known to be dates (a DATEONLY column, a constant); throws on anything else. */
export function isoDate(value: string): IsoDate {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new TypeError(`Not a calendar date: ${value}`);
  return parsed;
}

/** A DATE column as a raw query gives it: MariaDB's driver a Date at UTC midnight (the connection's zone), SQLite text. */
export function dateColumn(value: string | Date): IsoDate {
  return (value instanceof Date ? value.toISOString().slice(0, 10) : value) as IsoDate;
}

/** Today's date in London, whatever the server's clock zone. */
export function today(now: Date = new Date()): IsoDate {
  return format(new TZDate(now.getTime(), UK_TIME_ZONE), 'yyyy-MM-dd') as IsoDate;
}

/** The London calendar day of an instant. */
export function londonDateOf(instant: Date | string): IsoDate {
  return today(new Date(instant));
}

/** The day `days` later (or earlier, if negative). Calendar days, so a clock change never shifts it. */
export function addDays(date: string, days: number): IsoDate {
  return format(addDaysTo(parseISO(date), days), 'yyyy-MM-dd') as IsoDate;
}

/** The date `months` later; a day the month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): IsoDate {
  return format(addMonthsTo(parseISO(date), months), 'yyyy-MM-dd') as IsoDate;
}

export type DateParts = { day?: string | undefined; month?: string | undefined; year?: string | undefined };

/** The day, month and year boxes' values for a date, to refill a date input ("7", "3", "2026"). */
export function splitDate(value: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match ? { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) } : {};
}

/**
 * Every instant at which London clocks show this date and time, earliest first: none in the hour skipped when the
 * clocks go forward, two in the hour repeated when they go back, one otherwise. London is UTC+0 or UTC+1.
 */
export function londonInstantsOf(date: string, time: string): Date[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  return [asUtc - 3_600_000, asUtc]
    .filter((candidate) => format(new TZDate(candidate, UK_TIME_ZONE), 'yyyy-MM-dd HH:mm') === `${date} ${time}`)
    .map((candidate) => new Date(candidate));
}
