// Planned sessions from an agreement's frequency, with rrule: the recurrence runs on London wall-clock time
// ("floating" dates), and each occurrence is then turned into its UTC instant, so 10:00 stays 10:00 across the
// clock changes.
import rrulePackage from 'rrule';
import { londonInstant } from '#app/utils/dates/index.ts';

const { RRule } = rrulePackage;

export type ScheduleInput = { startsOn: string; sessionTime: string; frequencyWeeks: number; durationMinutes: number };
export type PlannedSlot = { startsAt: Date; endsAt: Date };

/** The RFC 5545 rule for an agreement, for display and for calendars. */
export function recurrenceRule(frequencyWeeks: number): string {
  return new RRule({ freq: RRule.WEEKLY, interval: frequencyWeeks }).toString();
}

/** Sessions from the agreement's start date, every `frequencyWeeks`, until `until` (a date, inclusive). */
export function plannedSlots(input: ScheduleInput, until: string, limit = 60): PlannedSlot[] {
  if (!Number.isInteger(input.frequencyWeeks) || input.frequencyWeeks < 1) throw new RangeError('The frequency must be at least one week');
  const [year, month, day] = input.startsOn.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = input.sessionTime.split(':').map(Number) as [number, number];
  const [untilYear, untilMonth, untilDay] = until.split('-').map(Number) as [number, number, number];
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: input.frequencyWeeks,
    dtstart: new Date(Date.UTC(year, month - 1, day, hours, minutes)),
    until: new Date(Date.UTC(untilYear, untilMonth - 1, untilDay, 23, 59)),
    count: limit,
  });
  return rule.all().map((floating) => {
    const startsAt = londonInstant(floating.toISOString().slice(0, 10), floating.toISOString().slice(11, 16));
    return { startsAt, endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000) };
  });
}
