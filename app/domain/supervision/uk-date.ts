// Times people type ("14:30") as HH:MM, and London wall-clock times turned into UTC instants and back.
// Typed dates are read by app/utils/uk-date.ts.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { UK_TIME_ZONE } from '#app/utils/dates.ts';

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
