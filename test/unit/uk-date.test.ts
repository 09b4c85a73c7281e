// Dates typed the UK way: day, month and year boxes, or text such as 27 3 2026.
import { expect } from 'chai';
import { parseDateParts, parseUkDateText, splitDate, todayInUk } from '#app/utils/uk-date.ts';

describe('UK date entry', () => {
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
    expect(todayInUk(new Date('2026-06-30T23:30:00Z'))).to.equal('2026-07-01');
    expect(todayInUk(new Date('2026-12-31T23:30:00Z'))).to.equal('2026-12-31');
    expect(splitDate('2026-03-07')).to.deep.equal({ year: '2026', month: '3', day: '7' });
  });
});
