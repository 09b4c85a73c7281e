// How the library search reads a query and the text it searches: case, hyphens and spaces inside words do not count.

/** Characters that do not tell words apart in a search: "Safe-guarding", "safe guarding" and "safeguarding" match. */
export const SEARCH_IGNORED_CHARACTERS = [' ', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u00ad', "'", '\u2019'] as const;

const IGNORED = new RegExp(`[${SEARCH_IGNORED_CHARACTERS.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** A text as the search compares it: lower case, without the ignored characters. */
export function searchForm(value: string): string {
  return value.toLowerCase().replace(IGNORED, '');
}

/** The words of a query (at most eight) in their search form; empty words are dropped. */
export function searchWords(query: string): string[] {
  return query.trim().split(/\s+/).map(searchForm).filter(Boolean).slice(0, 8);
}
