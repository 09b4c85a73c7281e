// Dates people type as day, month and year (GOV.UK date input), checked and turned into YYYY-MM-DD.
import { TZDate } from '@date-fns/tz';
import { format, isValid } from 'date-fns';
import { z } from 'zod';
import { UK_TIME_ZONE } from './dates.ts';

export type DateParts = { day?: string | undefined; month?: string | undefined; year?: string | undefined };

/** YYYY-MM-DD for a real calendar date, or the message to show next to the date input. */
export function parseDateParts(parts: DateParts, label: string): { ok: true; value: string } | { ok: false; message: string } {
  const day = parts.day?.trim() ?? '';
  const month = parts.month?.trim() ?? '';
  const year = parts.year?.trim() ?? '';
  if (!day && !month && !year) return { ok: false, message: `Enter the ${label}` };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length) return { ok: false, message: `The ${label} must include a ${missing.join(' and a ')}` };
  if (![day, month, year].every((part) => /^\d+$/.test(part)) || year.length !== 4) {
    return { ok: false, message: `The ${label} must be a real date, for example 27 3 2026` };
  }
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  if (!isValid(date) || date.getDate() !== Number(day) || date.getMonth() !== Number(month) - 1) {
    return { ok: false, message: `The ${label} must be a real date, for example 27 3 2026` };
  }
  return { ok: true, value: format(date, 'yyyy-MM-dd') };
}

/** Today's date in the UK, YYYY-MM-DD. */
export function todayInUk(now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), UK_TIME_ZONE), 'yyyy-MM-dd');
}

export function splitDate(value: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match ? { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) } : {};
}

/** "27 3 2026", "27/03/2026" or "2026-03-27" as YYYY-MM-DD, or null if it is not a real date. */
export function parseUkDateText(value: string): string | null {
  const uk = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const [day, month, year] = uk ? [uk[1], uk[2], uk[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const parsed = parseDateParts({ day, month, year }, 'date');
  return parsed.ok ? parsed.value : null;
}

/** A form field holding a date typed as text; `what` reads like "the start date". */
export const ukDateField = (what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .trim()
    .transform((value, ctx) => {
      const parsed = parseUkDateText(value);
      if (parsed) return parsed;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date, for example 27 3 2026` });
      return z.NEVER;
    });
