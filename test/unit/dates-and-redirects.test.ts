// UK date formatting across the clock changes, and redirects that never leave the portal.
import { expect } from 'chai';
import { formatDate, formatDateTime, formatYearMonth } from '#app/utils/dates.ts';
import { safeRedirect } from '#app/utils/redirect.ts';

describe('UK dates', () => {
  it('formats day month year in Europe/London whatever the server’s zone', () => {
    expect(formatDate('2026-11-25T10:00:00Z')).to.equal('25 November 2026');
    // 23:30 UTC on 31 May is already 1 June in British Summer Time.
    expect(formatDate('2026-05-31T23:30:00Z')).to.equal('1 June 2026');
    expect(formatDateTime('2026-03-29T00:30:00Z')).to.equal('29 March 2026 at 12:30am');
    expect(formatDateTime('2026-03-29T01:30:00Z')).to.equal('29 March 2026 at 2:30am');
    // The hour the clocks repeat is shown with its zone, so the two 1:30ams can be told apart.
    expect(formatDateTime('2026-10-25T00:30:00Z')).to.equal('25 October 2026 at 1:30am BST');
    expect(formatDateTime('2026-10-25T01:30:00Z')).to.equal('25 October 2026 at 1:30am GMT');
  });

  it('reads a standard’s year-month dates as month and year', () => {
    expect(formatYearMonth('2013-01')).to.equal('January 2013');
    expect(formatYearMonth('Spring 2013')).to.equal('Spring 2013');
  });
});

describe('safeRedirect', () => {
  it('keeps paths inside the portal and refuses anything else', () => {
    expect(safeRedirect('/people/3?x=1')).to.equal('/people/3?x=1');
    expect(safeRedirect('https://evil.example')).to.equal('/');
    expect(safeRedirect('//evil.example')).to.equal('/');
    expect(safeRedirect('/\\evil.example')).to.equal('/');
    expect(safeRedirect(undefined)).to.equal('/');
  });
});
