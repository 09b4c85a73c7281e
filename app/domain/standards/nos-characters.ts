// Makes text from any PDF or Word producer read like plain text: quotes, ligatures, soft hyphens, words hyphenated at line ends.
const CHARACTERS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/\ufb00/g, 'ff'],
  [/\ufb01/g, 'fi'],
  [/\ufb02/g, 'fl'],
  [/\ufb03/g, 'ffi'],
  [/\ufb04/g, 'ffl'],
  [/\ufb05|\ufb06/g, 'st'],
  [/\u00ad/g, ''],
];

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * A word broken at a line end ("commu-\nnication") is rejoined: without the hyphen when the whole word is used elsewhere
 * or neither half is a word on its own, otherwise as a hyphenated compound ("work-\nsetting" → "work-setting").
 */
const LINE_END_HYPHEN = /(\p{L}+)-[ \t]*\n[ \t]*(\p{Ll}+)/gu;

function rejoinHyphenation(text: string): string {
  // Counted without the broken words themselves, so their halves do not vouch for each other.
  const counts = wordCounts(text.replace(LINE_END_HYPHEN, ' '));
  const known = (word: string) => (counts.get(word.toLowerCase()) ?? 0) > 0;
  return text.replace(LINE_END_HYPHEN, (_match, left: string, right: string) => {
    const whole = `${left}${right}`;
    const compound = `${left}-${right}`.toLowerCase();
    if ((counts.get(compound) ?? 0) > 0) return `${left}-${right}`;
    return known(whole) || (!known(left) && !known(right)) ? whole : `${left}-${right}`;
  });
}

export function normaliseCharacters(text: string): string {
  const plain = CHARACTERS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text.replace(/\r\n?/g, '\n'));
  return rejoinHyphenation(plain);
}
