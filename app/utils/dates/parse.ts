// Dates people type in the GOV.UK date input (day, month and year boxes), checked and turned into an IsoDate.
import { format, isValid } from 'date-fns';
import { z } from 'zod';
import { addMonths, today, type DateParts, type IsoDate } from './calendar.ts';
import { formatDate } from './format.ts';

/** An IsoDate for a real calendar date, or the message to show next to the date input. `label` reads "review date". */
export function parseDateParts(parts: DateParts, label: string): { ok: true; value: IsoDate } | { ok: false; message: string } {
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
  return { ok: true, value: format(date, 'yyyy-MM-dd') as IsoDate };
}

/** "27 3 2026", "27/03/2026" or "2026-03-27" as an IsoDate, or null if it is not a real date. */
export function parseUkDateText(value: string): IsoDate | null {
  const uk = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const [day, month, year] = uk ? [uk[1], uk[2], uk[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const parsed = parseDateParts({ day, month, year }, 'date');
  return parsed.ok ? parsed.value : null;
}

const parts = z.object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() }).optional();

/**
 * How far from today a date may sensibly be, in whole years, so that a mistyped year (1899, 2206) is caught next to
 * the field rather than saved. Each form chooses its own (docs/decisions/013-dates.md lists them).
 */
export type DateRange = { yearsBack?: number; yearsAhead?: number };

type DateFieldOptions = {
  /** A further rule on the real date: the message, or null when it is fine. */
  check?: (date: IsoDate) => string | null;
  within?: DateRange;
};

/** The message for a date outside `range` of today, or null. */
export function outsideRange(date: IsoDate, label: string, range: DateRange, now: IsoDate = today()): string | null {
  const earliest = range.yearsBack === undefined ? null : addMonths(now, -12 * range.yearsBack);
  const latest = range.yearsAhead === undefined ? null : addMonths(now, 12 * range.yearsAhead);
  if (earliest && date < earliest) return `The ${label} must be on or after ${formatDate(earliest)}`;
  if (latest && date > latest) return `The ${label} must be on or before ${formatDate(latest)}`;
  return null;
}

/**
 * The schema of one GOV.UK date input (fields `NAME.day`, `NAME.month`, `NAME.year`), giving an IsoDate. `label`
 * reads like "review date"; its problem is one message for the whole date, reported with every other field's.
 */
export function dateField(label: string, options?: DateFieldOptions): z.ZodEffects<typeof parts, IsoDate, z.input<typeof parts>> {
  return parts.transform((value, ctx) => {
    const date = parseDateParts(value ?? {}, label);
    const range = date.ok && options?.within ? outsideRange(date.value, label, options.within) : null;
    const message = date.ok ? (range ?? options?.check?.(date.value) ?? null) : date.message;
    if (message || !date.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message ?? '' });
      return z.NEVER;
    }
    return date.value;
  });
}

/** A date input that may be left empty (all three boxes): undefined then. */
export function optionalDateField(label: string, options?: DateFieldOptions) {
  const required = dateField(label, options);
  return parts.transform((value, ctx) => {
    if (!value?.day?.trim() && !value?.month?.trim() && !value?.year?.trim()) return undefined;
    const result = required.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue.message });
    return z.NEVER;
  });
}
