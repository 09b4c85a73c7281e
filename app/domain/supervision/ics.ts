// One person's supervision sessions as an iCalendar file: each VEVENT with its UTC instants (DTSTART…Z), which
// calendars show in Europe/London at the right local time on both sides of the clock changes.
import { createEvents, type EventAttributes } from 'ics';

export type CalendarSession = {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  status: string;
  description?: string;
};

export function sessionsToIcs(sessions: CalendarSession[], host: string, calendarName = 'Supervision'): string {
  const events: EventAttributes[] = sessions.map((session) => ({
    uid: `supervision-session-${session.id}@${host}`,
    title: session.title,
    start: session.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: session.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(session.place ? { location: session.place } : {}),
    ...(session.description ? { description: session.description } : {}),
    status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    calName: calendarName,
    productId: 'nosfolio/supervision',
  }));
  if (events.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:nosfolio/supervision', `X-WR-CALNAME:${calendarName}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('Could not write the calendar');
  return value;
}
