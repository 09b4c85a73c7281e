// UK date formatting across the clock changes, and redirects that never leave the portal.
import { expect } from 'chai';
import { formatDate, formatDateTime, formatYearMonth } from '#app/utils/dates/index.ts';
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
  it('keeps paths inside the portal, with their query and fragment', () => {
    expect(safeRedirect('/people/3?x=1')).to.equal('/people/3?x=1');
    expect(safeRedirect('/evidence/2#files')).to.equal('/evidence/2#files');
    expect(safeRedirect('/')).to.equal('/');
    expect(safeRedirect(undefined)).to.equal('/');
    expect(safeRedirect(42)).to.equal('/');
  });

  // Each of these reaches another site once the browser has parsed it (tabs and newlines are dropped, a backslash
  // is a slash, a leading space is trimmed), or is not a path at all.
  const hostile = [
    'https://evil.example',
    'http:/evil.example',
    '//evil.example',
    '/\t/evil.example',
    '/\r/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/\t.//evil.example',
    ' //evil.example',
    '\u3000//evil.example',
    '\u00a0//evil.example',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    '%2F%2Fevil.example',
    '%5C%5Cevil.example',
    '%09//evil.example',
    'evil.example',
    '',
    // An absolute address is refused even when it is the portal's own: the portal only ever sends paths.
    'http://localhost:3000/people',
  ];
  for (const target of hostile) {
    it(`refuses ${JSON.stringify(target)}`, () => {
      expect(safeRedirect(target)).to.equal('/');
    });
  }

  // These stay on the portal; what comes back must be safe to put in a Location header as it is.
  const samePath: Array<[string, string]> = [
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/people\n', '/people'],
    ['/people/\u3000', '/people/%E3%80%80'],
    ['/people/\u00a0x', '/people/%C2%A0x'],
    ['/a/../people?q=\u3000', '/people?q=%E3%80%80'],
  ];
  for (const [target, expected] of samePath) {
    it(`keeps ${JSON.stringify(target)} on the portal as ${expected}`, () => {
      const result = safeRedirect(target);
      expect(result).to.equal(expected);
      expect(() => new Headers({ Location: result })).not.to.throw();
      expect(result.startsWith('//')).to.equal(false);
    });
  }
});
