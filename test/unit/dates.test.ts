// The dates module: calendar days in London, their arithmetic, and dates typed in the GOV.UK date input.
import { expect } from 'chai';
import { z } from 'zod';
import {
  addDays,
  addMonths,
  dateField,
  formatDate,
  formatMonths,
  isoDate,
  londonDateOf,
  londonInstantsOf,
  londonParts,
  optionalDateField,
  outsideRange,
  parseDateParts,
  parseIsoDate,
  parseUkDateText,
  splitDate,
  today,
  type IsoDate,
} from '#app/utils/dates/index.ts';

describe('dates', () => {
  it('turns day, month and year into YYYY-MM-DD, and says what is wrong otherwise', () => {
    expect(parseDateParts({ day: '7', month: '3', year: '2026' }, 'date of the activity')).to.deep.equal({ ok: true, value: '2026-03-07' });
    expect(parseDateParts({}, 'date of the activity')).to.deep.equal({ ok: false, message: 'Enter the date of the activity' });
    expect(parseDateParts({ day: '7', year: '2026' }, 'date of the activity')).to.deep.equal({
      ok: false,
      message: 'The date of the activity must include a month',
    });
    expect(parseDateParts({ day: '31', month: '2', year: '2026' }, 'date').ok).to.equal(false);
    expect(parseDateParts({ day: '29', month: '2', year: '2028' }, 'date')).to.deep.equal({ ok: true, value: '2028-02-29' });
    expect(parseDateParts({ day: 'x', month: '2', year: '26' }, 'date').ok).to.equal(false);
  });

  it('reads dates typed as text in UK order or ISO, and refuses impossible ones', () => {
    expect(parseUkDateText('27 3 2026')).to.equal('2026-03-27');
    expect(parseUkDateText('27/03/2026')).to.equal('2026-03-27');
    expect(parseUkDateText('2026-03-27')).to.equal('2026-03-27');
    expect(parseUkDateText('3/27/2026')).to.equal(null);
    expect(parseUkDateText('yesterday')).to.equal(null);
  });

  it('knows today in London, not on the server’s clock', () => {
    expect(today(new Date('2026-06-30T23:30:00Z'))).to.equal('2026-07-01');
    expect(today(new Date('2026-12-31T23:30:00Z'))).to.equal('2026-12-31');
    expect(splitDate('2026-03-07')).to.deep.equal({ year: '2026', month: '3', day: '7' });
  });

  it('makes an IsoDate only of a real calendar date', () => {
    expect(parseIsoDate('2028-02-29')).to.equal('2028-02-29');
    expect(parseIsoDate('2026-02-29')).to.equal(null);
    expect(parseIsoDate('2026-3-7')).to.equal(null);
    expect(parseIsoDate('27 3 2026')).to.equal(null);
    expect(() => isoDate('2026-13-01')).to.throw(TypeError);
    // A plain string is not an IsoDate; the compiler says so.
    // @ts-expect-error a string must be parsed first
    const unchecked: IsoDate = '2026-01-01';
    expect(unchecked).to.be.a('string');
  });

  it('counts calendar days across the clock changes, and months to the last day a month has', () => {
    expect(addDays('2026-03-28', 1)).to.equal('2026-03-29');
    expect(addDays('2026-03-29', 1)).to.equal('2026-03-30');
    expect(addDays('2026-10-25', 1)).to.equal('2026-10-26');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2028-01-31', 1)).to.equal('2028-02-29');
    expect(addMonths('2026-10-25', 18)).to.equal('2028-04-25');
    expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
    expect(addMonths('2026-12-15', 1)).to.equal('2027-01-15');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-12-31', 400)).to.equal('2028-02-04');
    expect(addDays('0050-01-01', 1)).to.equal('0050-01-02');
    expect(() => addDays('not a date', 1)).to.throw(RangeError);
  });

  it("reads an instant on London's clock either side of the clock changes", () => {
    expect(londonParts(new Date('2026-03-29T00:59:00Z'))).to.deep.equal({ date: '2026-03-29', time: '00:59' });
    expect(londonParts(new Date('2026-03-29T01:00:00Z'))).to.deep.equal({ date: '2026-03-29', time: '02:00' });
    expect(londonParts(new Date('2026-10-25T00:30:00Z'))).to.deep.equal({ date: '2026-10-25', time: '01:30' });
    expect(londonParts(new Date('2026-10-25T01:30:00Z'))).to.deep.equal({ date: '2026-10-25', time: '01:30' });
    expect(londonParts(new Date('2026-06-30T23:00:00Z'))).to.deep.equal({ date: '2026-07-01', time: '00:00' });
    expect(londonInstantsOf('2026-10-25', '01:30')).to.have.length(2);
    expect(londonInstantsOf('2026-03-29', '01:30')).to.have.length(0);
  });

  it('knows the London day of an instant and writes days for people', () => {
    expect(londonDateOf('2026-07-31T23:30:00Z')).to.equal('2026-08-01');
    expect(londonDateOf(new Date('2026-01-31T23:30:00Z'))).to.equal('2026-01-31');
    expect(formatDate('2026-03-29')).to.equal('29 March 2026');
    expect(formatMonths(1)).to.equal('1 month');
    expect(formatMonths(12)).to.equal('12 months');
  });

  it('reads a date input into an IsoDate, with one message for the whole date', () => {
    const schema = z.object({ reviewOn: dateField('review date'), until: optionalDateField('date to plan until') });
    expect(schema.parse({ reviewOn: { day: '27', month: '3', year: '2027' } })).to.deep.equal({ reviewOn: '2027-03-27' });
    expect(schema.parse({ reviewOn: { day: '1', month: '1', year: '2027' }, until: { day: '', month: ' ', year: '' } }).until).to.equal(undefined);
    const messages = (value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? {} : result.error.flatten().fieldErrors;
    };
    expect(messages({})).to.deep.equal({ reviewOn: ['Enter the review date'] });
    expect(messages({ reviewOn: { day: '31', month: '2', year: '2027' } })).to.deep.equal({ reviewOn: ['The review date must be a real date, for example 27 3 2026'] });
    expect(messages({ reviewOn: { day: '1', month: '1', year: '2027' }, until: { day: '3' } })).to.deep.equal({
      until: ['The date to plan until must include a month and a year'],
    });
  });

  it('applies a further rule to a real date only', () => {
    const schema = z.object({ on: dateField('date of the activity', { check: (date) => (date > '2026-06-01' ? 'Too late' : null) }) });
    expect(schema.safeParse({ on: { day: '2', month: '6', year: '2026' } }).error?.issues[0]?.message).to.equal('Too late');
    expect(schema.parse({ on: { day: '1', month: '6', year: '2026' } }).on).to.equal('2026-06-01');
  });

  describe('sensible ranges', () => {
    it('refuse a date too far back or ahead of today, naming the earliest or latest day', () => {
      const now = isoDate('2026-12-01');
      expect(outsideRange(isoDate('1899-06-01'), 'date of the activity', { yearsBack: 100 }, now)).to.equal('The date of the activity must be on or after 1 December 1926');
      expect(outsideRange(isoDate('1926-12-01'), 'date of the activity', { yearsBack: 100 }, now)).to.equal(null);
      expect(outsideRange(isoDate('2036-12-02'), 'review date', { yearsBack: 10, yearsAhead: 10 }, now)).to.equal('The review date must be on or before 1 December 2036');
      expect(outsideRange(isoDate('2036-12-01'), 'review date', { yearsBack: 10, yearsAhead: 10 }, now)).to.equal(null);
    });

    it('put the message of a date out of range next to the date input', () => {
      const schema = z.object({ on: dateField('date of the activity', { within: { yearsBack: 100 } }) });
      const result = schema.safeParse({ on: { day: '1', month: '6', year: '1899' } });
      expect(result.success).to.equal(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).to.deep.equal(['on']);
      expect(result.error?.issues[0]?.message).to.match(/^The date of the activity must be on or after \d{1,2} \w+ \d{4}$/);
    });
  });
});
