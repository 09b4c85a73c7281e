// The one way to handle dates: calendar days (IsoDate) and their arithmetic, London times across the clock changes,
// what people type in a date input, and how dates are written for people. See docs/decisions/013-dates.md.
export { addDays, addMonths, dateColumn, isoDate, londonDateOf, londonInstantsOf, londonParts, parseIsoDate, splitDate, today, UK_TIME_ZONE } from './calendar.ts';
export type { DateParts, IsoDate } from './calendar.ts';
export { formatClock, formatDate, formatDateTime, formatMonths, formatYearMonth } from './format.ts';
export { londonInstant, parseTime, resolveLondonTime } from './london-time.ts';
export type { ResolvedLondonTime } from './london-time.ts';
export { dateField, optionalDateField, outsideRange, parseDateParts, parseUkDateText } from './parse.ts';
export type { DateRange } from './parse.ts';
