// Dates and times people type in one text field ("27 3 2026", "14:30"), as YYYY-MM-DD / HH:MM, and local London
// wall-clock times turned into UTC instants. (To consolidate later with app/utils/uk-date.ts and the copy in
// app/routes/role-profiles.$profileId.tsx.)
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { UK_TIME_ZONE } from '#app/utils/dates.ts';

/** "27 3 2026", "27/03/2026" or "2026-03-27" as YYYY-MM-DD, or null if it is not a real date. */
export function parseUkDate(value: string): string | null {
  const text = value.trim();
  const uk = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [day, month, year] = uk ? [uk[1], uk[2], uk[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** "9:30", "09:30", "14.30" as "HH:MM", or null. */
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The UTC instant of a Europe/London wall-clock date and time. */
export function londonInstant(dateOnly: string, time: string): Date {
  const [year, month, day] = dateOnly.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, UK_TIME_ZONE).getTime());
}

/** The London calendar date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function londonParts(instant: Date): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), UK_TIME_ZONE);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

/** "27 3 2026" for a YYYY-MM-DD, to refill a text date field. */
export function toUkDateInput(dateOnly: string): string {
  const [year, month, day] = dateOnly.split('-');
  return `${Number(day)} ${Number(month)} ${year}`;
}

/** A date-only string `days` later. */
export function addDaysToDate(dateOnly: string, days: number): string {
  const [year, month, day] = dateOnly.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
