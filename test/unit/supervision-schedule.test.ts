// Supervision schedules (rrule) and calendars (ics) keep the same London wall-clock time across the clock changes.
import { TZDate } from '@date-fns/tz';
import { expect } from 'chai';
import { format } from 'date-fns';
import ical from 'node-ical';
import { sessionsToIcs } from '#app/domain/supervision/ics.ts';
import { plannedSlots, recurrenceRule } from '#app/domain/supervision/schedule.ts';
import { addDays, londonInstant, parseTime, resolveLondonTime, formatDateTime, parseUkDateText as parseUkDate } from '#app/utils/dates/index.ts';

const london = (date: Date) => format(new TZDate(date.getTime(), 'Europe/London'), 'yyyy-MM-dd HH:mm');

describe('supervision schedule', () => {
  it('plans every two weeks at 10:00 London time across 29 March and 25 October 2026', () => {
    const slots = plannedSlots({ startsOn: '2026-03-17', sessionTime: '10:00', frequencyWeeks: 2, durationMinutes: 60 }, '2026-11-30');
    const local = slots.map((slot) => london(slot.startsAt));
    expect(local.slice(0, 2)).to.deep.equal(['2026-03-17 10:00', '2026-03-31 10:00']);
    expect(local.every((value) => value.endsWith(' 10:00'))).to.equal(true);
    // GMT before 29 March, BST after, GMT again after 25 October.
    expect(slots[0]!.startsAt.toISOString()).to.equal('2026-03-17T10:00:00.000Z');
    expect(slots[1]!.startsAt.toISOString()).to.equal('2026-03-31T09:00:00.000Z');
    const november = slots.find((slot) => slot.startsAt.toISOString().startsWith('2026-11-10'))!;
    expect(november.startsAt.toISOString()).to.equal('2026-11-10T10:00:00.000Z');
    const october = slots.find((slot) => slot.startsAt.toISOString().startsWith('2026-10-13'))!;
    expect(october.startsAt.toISOString()).to.equal('2026-10-13T09:00:00.000Z');
    expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 3_600_000)).to.equal(true);
  });

  it('stops at the end date and refuses a frequency below one week', () => {
    const slots = plannedSlots({ startsOn: '2026-01-05', sessionTime: '09:30', frequencyWeeks: 6, durationMinutes: 45 }, '2026-03-01');
    expect(slots.map((slot) => london(slot.startsAt))).to.deep.equal(['2026-01-05 09:30', '2026-02-16 09:30']);
    expect(() => plannedSlots({ startsOn: '2026-01-05', sessionTime: '09:30', frequencyWeeks: 0, durationMinutes: 45 }, '2026-03-01')).to.throw(RangeError);
    expect(recurrenceRule(6)).to.equal('RRULE:FREQ=WEEKLY;INTERVAL=6');
  });

  it('reads UK dates and times', () => {
    expect(parseUkDate('27 3 2026')).to.equal('2026-03-27');
    expect(parseUkDate('31/02/2026')).to.equal(null);
    expect(parseTime('9.30')).to.equal('09:30');
    expect(parseTime('25:00')).to.equal(null);
    expect(addDays('2026-03-27', 7)).to.equal('2026-04-03');
    expect(londonInstant('2026-10-25', '10:00').toISOString()).to.equal('2026-10-25T10:00:00.000Z');
    expect(londonInstant('2026-10-24', '10:00').toISOString()).to.equal('2026-10-24T09:00:00.000Z');
  });
});

describe('supervision calendar (.ics)', () => {
  it('parses with node-ical and shows the right local times on both sides of both clock changes', () => {
    const times = ['2026-03-27', '2026-03-30', '2026-10-23', '2026-10-26'].map((date, index) => ({
      id: index + 1,
      title: 'Supervision with David Price',
      startsAt: londonInstant(date, '10:00'),
      endsAt: londonInstant(date, '11:00'),
      place: 'Riverside House',
      status: 'planned',
    }));
    const text = sessionsToIcs(times, 'nosfolio.test');
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((entry) => entry?.type === 'VEVENT') as ical.VEvent[];
    expect(events).to.have.length(4);
    const local = events.map((event) => `${london(event.start)}–${london(event.end!).slice(11)}`).sort();
    expect(local).to.deep.equal([
      '2026-03-27 10:00–11:00',
      '2026-03-30 10:00–11:00',
      '2026-10-23 10:00–11:00',
      '2026-10-26 10:00–11:00',
    ]);
    expect(events.find((event) => event.uid === 'supervision-session-2@nosfolio.test')?.start.toISOString()).to.equal('2026-03-30T09:00:00.000Z');
    expect(events[0]!.location).to.equal('Riverside House');
  });

  it('writes a valid empty calendar: RFC 5545 needs one component, so it holds the Europe/London VTIMEZONE', () => {
    const text = sessionsToIcs([], 'nosfolio.test');
    const parsed = ical.sync.parseICS(text);
    expect(Object.values(parsed).filter((entry) => entry?.type === 'VEVENT')).to.have.length(0);
    expect(Object.values(parsed).filter((entry) => entry?.type === 'VTIMEZONE')).to.have.length(1);
    expect(text).to.match(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(text).to.contain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    expect(text).to.contain('TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).to.contain('TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nDTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
  });

  it('carries the VTIMEZONE when there are sessions too, once, before the events', () => {
    const text = sessionsToIcs([{ id: 1, title: 'Supervision', startsAt: londonInstant('2026-06-01', '10:00'), endsAt: londonInstant('2026-06-01', '11:00'), place: null, status: 'planned' }], 'nosfolio.test');
    expect(text.match(/BEGIN:VTIMEZONE/g)).to.have.length(1);
    expect(text.indexOf('BEGIN:VTIMEZONE')).to.be.below(text.indexOf('BEGIN:VEVENT'));
    const parsed = ical.sync.parseICS(text);
    expect(Object.values(parsed).filter((entry) => entry?.type === 'VEVENT')).to.have.length(1);
  });
});

describe('London times on the days the clocks change', () => {
  it('refuses a time in the hour skipped when the clocks go forward, naming the change', () => {
    expect(resolveLondonTime('2026-03-29', '01:30')).to.deep.equal({
      ok: false,
      message: 'The clocks go forward at 1am on 29 March 2026, so 1:30am does not exist that day. Choose another time.',
    });
    expect(resolveLondonTime('2026-03-29', '01:00')).to.deep.include({ ok: false });
    expect(resolveLondonTime('2026-03-29', '01:59')).to.deep.include({ ok: false });
    expect(resolveLondonTime('2027-03-28', '01:15')).to.deep.equal({
      ok: false,
      message: 'The clocks go forward at 1am on 28 March 2027, so 1:15am does not exist that day. Choose another time.',
    });
    expect(resolveLondonTime('2026-03-29', '00:59')).to.deep.equal({ ok: true, instant: new Date('2026-03-29T00:59:00Z'), repeated: false });
    expect(resolveLondonTime('2026-03-29', '02:00')).to.deep.equal({ ok: true, instant: new Date('2026-03-29T01:00:00Z'), repeated: false });
  });

  it('takes the first of a time that happens twice when the clocks go back (BST), and says so when shown', () => {
    const first = resolveLondonTime('2026-10-25', '01:30');
    expect(first).to.deep.equal({ ok: true, instant: new Date('2026-10-25T00:30:00Z'), repeated: true });
    expect(resolveLondonTime('2026-10-25', '02:00')).to.deep.equal({ ok: true, instant: new Date('2026-10-25T02:00:00Z'), repeated: false });
    expect(resolveLondonTime('2026-10-25', '00:59')).to.deep.include({ repeated: false });
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'))).to.equal('25 October 2026 at 1:30am BST');
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'))).to.equal('25 October 2026 at 1:30am GMT');
    expect(formatDateTime(new Date('2026-10-25T02:30:00Z'))).to.equal('25 October 2026 at 2:30am');
    expect(formatDateTime(new Date('2026-07-01T09:05:00Z'))).to.equal('1 July 2026 at 10:05am');
    // londonInstant (used by schedules) agrees with the choice made for typed times.
    expect(londonInstant('2026-10-25', '01:30').toISOString()).to.equal('2026-10-25T00:30:00.000Z');
  });
});
