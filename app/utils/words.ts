// Sentences people read: a count with the right form of its noun, "a" or "an" before a word, and a name made fit for a file name.

const pluralRules = new Intl.PluralRules('en-GB');

/** "1 policy", "0 policies", "3 policies"; the forms may carry their verb: plural(n, 'person has', 'people have'). */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${pluralRules.select(count) === 'one' ? one : other}`;
}

// Words whose first letter misleads: a vowel read as "you" or "won", or a silent h.
const SOUNDS_LIKE_A = /^(uni|use|usu|uti|one|once|eu|ewe)/i;
const SOUNDS_LIKE_AN = /^(hour|honest|honour|heir)/i;

/** "an appraisal session", "a regular session", "a one-off", "an hour". */
export function withArticle(phrase: string): string {
  const an = SOUNDS_LIKE_AN.test(phrase) || (/^[aeiou]/i.test(phrase) && !SOUNDS_LIKE_A.test(phrase));
  return `${an ? 'an' : 'a'} ${phrase}`;
}

/** A name safe in a file name: letters, digits and dashes, lower case, at most 60 characters; `fallback` if nothing is left. */
export function slugFor(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
