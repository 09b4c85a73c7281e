// One person's supervision sessions as an iCalendar file: each VEVENT with its UTC instants (DTSTART…Z), which
// calendars show in Europe/London at the right local time on both sides of the clock changes. Every calendar also
// carries the Europe/London VTIMEZONE: RFC 5545 wants at least one component even when there are no sessions, and
// it is the definition any TZID=Europe/London would need.
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

/** UK clock rules since 1996 (EU rules): BST from 1am GMT on the last Sunday in March to 2am BST on the last Sunday in October. */
export const EUROPE_LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

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
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:nosfolio/supervision',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${calendarName}`,
      'X-WR-TIMEZONE:Europe/London',
      ...EUROPE_LONDON_VTIMEZONE,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('Could not write the calendar');
  // The ics package writes no VTIMEZONE: put it before the first event, where RFC 5545 readers look for it.
  const firstEvent = value.indexOf('BEGIN:VEVENT');
  return `${value.slice(0, firstEvent)}X-WR-TIMEZONE:Europe/London\r\n${EUROPE_LONDON_VTIMEZONE.join('\r\n')}\r\n${value.slice(firstEvent)}`;
}
