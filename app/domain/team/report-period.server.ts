// The workforce report's period from the address (`from.day`, `from.month`, `from.year`, and the same for `to`):
// checked with the form's schema, so a period that ends before it starts is answered beside the end date.
import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { z } from 'zod';
import { ScopeField } from '#app/components/portfolio-batch-schema.ts';
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

/** The inspection pack form sent back to the report page: its period and choice as the address carries them, `pack` set. */
export function packRetryQuery(formData: FormData): string {
  const params = new URLSearchParams();
  for (const name of ['from.day', 'from.month', 'from.year', 'to.day', 'to.month', 'to.year', 'scope']) {
    const value = formData.get(name);
    params.set(name, typeof value === 'string' ? value.slice(0, 30) : '');
  }
  params.set('pack', 'retry');
  return params.toString();
}

/** The inspection pack form's problems with its choice of team or location, when it came back (`pack` in the address). */
export function packAsked(searchParams: URLSearchParams): { reply: SubmissionResult<string[]> | null; scope: string } {
  const scope = searchParams.get('scope') ?? '';
  if (!searchParams.has('pack')) return { reply: null, scope };
  // The period's own problems stand beside the report's date inputs, which show the same period.
  const submission = parseWithZod(searchParams, { schema: z.object({ scope: ScopeField }) });
  return { reply: submission.status === 'success' ? null : submission.reply(), scope };
}
