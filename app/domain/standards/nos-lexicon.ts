// Word lists and word-level tests the NOS parser uses to tell where a criterion or knowledge statement starts and ends.
import type { NosItemKind } from '#standards/schema.ts';

const ARTICLES_AND_DETERMINERS = new Set(['a', 'an', 'the', 'any', 'each', 'every', 'such', 'their', 'your', 'its', 'our', 'my']);

const PREPOSITIONS_AND_CONJUNCTIONS = new Set([
  'of', 'to', 'for', 'with', 'between', 'in', 'on', 'at', 'by', 'from', 'about', 'into', 'onto', 'within', 'without',
  'through', 'towards', 'toward', 'upon', 'across', 'during', 'including', 'via', 'among', 'against', 'regarding', 'than', 'as',
  'and', 'or', 'but', 'nor', 'that', 'which', 'who', 'whom', 'whose', 'whether', 'if', 'because', 'while',
]);

// Linking words a statement cannot stop on; prepositions such as "from" or "with" are left out because a statement may
// legitimately end on one ("…want to withdraw from").
const NEVER_LAST = new Set(['and', 'or', 'but', 'nor', 'of', 'to', 'between', 'including', 'into', 'among', 'via', 'than', 'whether', 'because']);

// Adjectives that in NOS wording only ever precede their noun, so a statement cannot end on one.
const ATTRIBUTIVE_ADJECTIVES = new Set(['immediate', 'unforeseen', 'unplanned', 'potential', 'particular']);

// Imperative verbs (and adverb + verb openings) that begin performance criteria.
const CRITERION_VERBS = [
  'accept', 'access', 'act', 'actively', 'address', 'adhere', 'agree', 'allocate', 'analyse', 'apply', 'arrange', 'assess',
  'assist', 'carry', 'challenge', 'check', 'clarify', 'clearly', 'collect', 'communicate', 'comply', 'confirm', 'consult',
  'contribute', 'coordinate', 'co-ordinate', 'create', 'critically', 'deal', 'demonstrate', 'develop', 'discuss', 'enable',
  'encourage', 'engage', 'ensure', 'establish', 'evaluate', 'explain', 'explore', 'facilitate', 'follow', 'fully', 'gather',
  'give', 'help', 'identify', 'implement', 'inform', 'involve', 'keep', 'lead', 'liaise', 'maintain', 'make', 'manage',
  'monitor', 'negotiate', 'obtain', 'offer', 'organise', 'plan', 'prepare', 'promote', 'provide', 'reallocate', 'recognise',
  'record', 'refer', 'reflect', 'report', 'respect', 'respond', 'review', 'seek', 'select', 'set', 'share', 'supervise',
  'support', 'take', 'use', 'work',
];

// Words that begin knowledge statements ("how to…", "methods of…", "legal requirements…").
const KNOWLEDGE_OPENERS = [
  'how', 'what', 'when', 'where', 'why', 'which', 'whether', 'who', 'legal', 'legislation', 'legislative', 'theories',
  'principles', 'practices', 'methods', 'factors', 'indicators', 'types', 'ways', 'situations', 'issues', 'techniques',
  'models', 'systems', 'features', 'lessons', 'standards', 'national', 'local', 'internal', 'conflicts', 'sources', 'roles',
  'reasons', 'procedures', 'policies', 'signs',
];

// Openings that start many statements but also occur everywhere inside them, so they never mark a boundary.
const WEAK_OPENERS: Record<NosItemKind, readonly string[]> = {
  P: ['where', 'when', 'if'],
  K: ['the', 'your', 'a', 'an', 'current', 'relevant', 'key', 'common', 'different', 'organisational'],
};

const STRONG_OPENERS: Record<NosItemKind, ReadonlySet<string>> = {
  P: new Set(CRITERION_VERBS),
  K: new Set(KNOWLEDGE_OPENERS),
};

/** Lower-case word with surrounding punctuation removed, for look-ups. */
export function bareWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

export function isFunctionWord(word: string): boolean {
  const bare = bareWord(word);
  return ARTICLES_AND_DETERMINERS.has(bare) || PREPOSITIONS_AND_CONJUNCTIONS.has(bare);
}

/** True when the text stops where no statement can stop: on a comma, an article, "of", "and", "immediate"… */
export function endsDangling(text: string): boolean {
  const trimmed = text.trimEnd();
  if (trimmed === '') return false;
  if (/[,;:&(\-–]$/.test(trimmed)) return true;
  if (/[.!?)]$/.test(trimmed)) return false;
  const last = bareWord(words(trimmed).at(-1) ?? '');
  return ARTICLES_AND_DETERMINERS.has(last) || NEVER_LAST.has(last) || ATTRIBUTIVE_ADJECTIVES.has(last);
}

/** Openers of one kind of statement: the fixed lists plus first words that begin at least two statements of this standard. */
export class Openers {
  private readonly starts: Set<string>;

  constructor(
    readonly kind: NosItemKind,
    firstWordsSeen: readonly string[],
  ) {
    this.starts = new Set([...STRONG_OPENERS[kind], ...WEAK_OPENERS[kind]]);
    const counts = new Map<string, number>();
    for (const word of firstWordsSeen.map(bareWord)) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, count] of counts) if (count >= 2 && !isFunctionWord(word)) this.starts.add(word);
  }

  startsStatement(text: string): boolean {
    return this.starts.has(bareWord(words(text)[0] ?? ''));
  }

  /**
   * Word indexes where a new statement can begin inside run-together text: a strong opener that follows a word a
   * statement can end on (not a function word, not a trailing comma).
   */
  boundaries(text: string): number[] {
    const list = words(text);
    const found: number[] = [];
    for (let index = 1; index < list.length; index += 1) {
      const previous = list[index - 1] ?? '';
      if (!STRONG_OPENERS[this.kind].has(bareWord(list[index] ?? ''))) continue;
      if (isFunctionWord(previous) || /[,;:\-–]$/.test(previous)) continue;
      found.push(index);
    }
    return found;
  }
}

/** Split text at a word index into the part before and the part from that word on. */
export function splitAtWord(text: string, index: number): [string, string] {
  const list = words(text);
  return [list.slice(0, index).join(' '), list.slice(index).join(' ')];
}

/**
 * How badly two fragments read when joined (0 = natural). A fragment ending on a function word wants a content word
 * next ("conflicts between | workers"); one ending on a content word reads on into a preposition ("conflicts | between").
 */
export function seamCost(left: string, right: string): number {
  const next = bareWord(words(right)[0] ?? '');
  const nextIsLink = PREPOSITIONS_AND_CONJUNCTIONS.has(next);
  if (endsDangling(left)) return nextIsLink ? 3 : 0;
  if (nextIsLink) return 0;
  if (ARTICLES_AND_DETERMINERS.has(next)) return /ed$/i.test(bareWord(words(left).at(-1) ?? '')) ? 0 : 1;
  return 2;
}
