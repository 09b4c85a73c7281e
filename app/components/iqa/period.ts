// The period an IQA page shows, read from its address (?from=&to=, UK or ISO dates): the last month by default.
import { addDays, addMonths, formatDate, parseUkDateText, today, type IsoDate } from '#app/utils/dates/index.ts';

export type PeriodQuery = { from: IsoDate; to: IsoDate; errors: { from?: string; to?: string }; typed: { from: string; to: string } };

/** A period's dates for an address or a form box: "1/3/2026". */
export function periodText(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)}/${Number(month)}/${year}`;
}

export function periodFromQuery(params: URLSearchParams, now: Date = new Date()): PeriodQuery {
  const defaultTo = today(now);
  const defaultFrom = addDays(addMonths(defaultTo, -1), 1);
  const typed = { from: params.get('from')?.trim() ?? '', to: params.get('to')?.trim() ?? '' };
  const errors: PeriodQuery['errors'] = {};
  const read = (key: 'from' | 'to', fallback: IsoDate) => {
    if (!typed[key]) return fallback;
    const date = parseUkDateText(typed[key]);
    if (!date) errors[key] = `Enter the ${key === 'from' ? 'start' : 'end'} date as a real date, for example 1/3/2026`;
    return date ?? fallback;
  };
  let from = read('from', defaultFrom);
  let to = read('to', defaultTo);
  if (!errors.from && !errors.to && from > to) {
    errors.to = `The end date must be on or after the start date (${formatDate(from)})`;
    [from, to] = [defaultFrom, defaultTo];
  }
  // A period longer than two years would read every decision the organisation ever made: keep pages quick.
  if (!errors.from && !errors.to && addMonths(from, 24) < to) {
    errors.from = 'Choose a period of two years or less';
    [from, to] = [defaultFrom, defaultTo];
  }
  return { from, to, errors, typed: { from: typed.from || periodText(from), to: typed.to || periodText(to) } };
}

/** The period's problems for the error summary, each linked to its box. */
export function periodErrors(period: PeriodQuery): { fieldId: string; message: string }[] {
  return (['from', 'to'] as const).flatMap((key) => (period.errors[key] ? [{ fieldId: `period-${key}`, message: period.errors[key] }] : []));
}
