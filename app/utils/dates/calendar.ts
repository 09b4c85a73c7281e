// Calendar days (IsoDate, "2026-03-27") and the arithmetic on them, in Europe/London: one today(), one addDays.
import { format, isValid, parseISO } from 'date-fns';

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

// London's wall clock: its offset from UTC, asked of the platform's time-zone data (Intl) once for each hour an
// instant falls in, since London's clocks change only on the hour. A TZDate formatted by date-fns costs about 30 µs,
// and a team page of 200 people reads hundreds of instants.
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

function londonOffsetMs(instant: number): number {
  const hourStart = Math.floor(instant / HOUR_MS) * HOUR_MS;
  const known = offsetByHour.get(hourStart);
  if (known !== undefined) return known;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of LONDON_CLOCK.formatToParts(hourStart)) part[type] = value;
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(Number(part.year), Number(part.month) - 1, Number(part.day));
  wallClock.setUTCHours(Number(part.hour), Number(part.minute), Number(part.second));
  const offset = wallClock.getTime() - hourStart;
  if (offsetByHour.size >= 100_000) offsetByHour.clear();
  offsetByHour.set(hourStart, offset);
  return offset;
}

/** The London calendar date and wall-clock time (HH:MM) of an instant. */
export function londonParts(instant: Date | number): { date: IsoDate; time: string } {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  const local = new Date(time + londonOffsetMs(time)).toISOString();
  return { date: local.slice(0, 10) as IsoDate, time: local.slice(11, 16) };
}

/** Today's date in London, whatever the server's clock zone. */
export function today(now: Date = new Date()): IsoDate {
  return londonParts(now).date;
}

/** The London calendar day of an instant. */
export function londonDateOf(instant: Date | string): IsoDate {
  return today(new Date(instant));
}

// Calendar arithmetic on UTC days, where no day is 23 or 25 hours long and the server's own zone plays no part
// (setUTCFullYear, unlike Date.UTC, leaves the years 0–99 as they are). Not a date: a RangeError.
function utcDay(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

const isoOf = (day: Date) => day.toISOString().slice(0, 10) as IsoDate;

/** The day `days` later (or earlier, if negative). Calendar days, so a clock change never shifts it. */
export function addDays(date: string, days: number): IsoDate {
  const [year, month, day] = utcDay(date);
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, day + days);
  return isoOf(shifted);
}

/** The date `months` later; a day the month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): IsoDate {
  const [year, month, day] = utcDay(date);
  const shifted = new Date(0);
  // Day 0 of the month after is the last day of the month wanted.
  shifted.setUTCFullYear(year, month + months, 0);
  shifted.setUTCDate(Math.min(day, shifted.getUTCDate()));
  return isoOf(shifted);
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
    .filter((candidate) => {
      const clock = londonParts(candidate);
      return clock.date === date && clock.time === time;
    })
    .map((candidate) => new Date(candidate));
}
