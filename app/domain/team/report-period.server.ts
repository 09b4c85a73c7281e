// The workforce report's period from the address (`from.day`, `from.month`, `from.year`, and the same for `to`):
// checked with the form's schema, so a period that ends before it starts is answered beside the end date.
import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { splitDate } from '#app/utils/dates/index.ts';
import { ReportPeriodSchema } from '../development/forms.ts';
import { defaultPeriod, type ReportPeriod } from './workforce-report.server.ts';

export type PeriodAsked = { period: ReportPeriod | null; reply: SubmissionResult<string[]> | null; query: string };

/** The address's query for a period, as the form sends it. */
export function periodQuery(period: ReportPeriod): string {
  const params = new URLSearchParams();
  for (const [name, date] of [['from', period.from], ['to', period.to]] as const) {
    const parts = splitDate(date);
    params.set(`${name}.day`, parts.day ?? '');
    params.set(`${name}.month`, parts.month ?? '');
    params.set(`${name}.year`, parts.year ?? '');
  }
  return params.toString();
}

/** No period in the address: the last twelve months. A period that does not read: the problems, and no period. */
export function periodAsked(searchParams: URLSearchParams): PeriodAsked {
  const asked = [...searchParams.keys()].some((key) => key.startsWith('from.') || key.startsWith('to.'));
  if (!asked) {
    const period = defaultPeriod();
    return { period, reply: null, query: periodQuery(period) };
  }
  const submission = parseWithZod(searchParams, { schema: ReportPeriodSchema });
  if (submission.status !== 'success') return { period: null, reply: submission.reply(), query: '' };
  return { period: submission.value, reply: null, query: periodQuery(submission.value) };
}
