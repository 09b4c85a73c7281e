// Attaches loose lines of text (wrapped continuations, text printed apart from its label) to the items they belong to.
import type { ParseContext } from './nos-items.ts';
import { endsDangling, seamCost, type Openers } from './nos-lexicon.ts';

export interface DraftItem {
  code: string;
  section: string;
  text: string;
  /** Source line of the label; labels sharing a line were run together by the PDF extraction. */
  line: number;
}

export type Entry = { type: 'item'; item: DraftItem } | { type: 'fragment'; text: string } | { type: 'heading' };

/**
 * Walk the entries and settle each block of loose lines (and labels that were left without text) against the items
 * before it. Runs after neighbouring items were repaired, so only genuinely loose text is left.
 */
export function resolveFragmentBlocks(entries: readonly Entry[], openers: Openers, context: ParseContext): void {
  let previous: DraftItem | null = null;
  let sinceLastBlock: DraftItem[] = [];
  let index = 0;
  while (index < entries.length) {
    const entry = entries[index];
    index += 1;
    if (entry === undefined) break;
    if (entry.type === 'heading') {
      previous = null;
      sinceLastBlock = [];
    } else if (entry.type === 'item' && entry.item.text !== '') {
      previous = entry.item;
      sinceLastBlock.push(entry.item);
    } else {
      const block: Entry[] = [entry];
      for (let member = entries[index]; isLoose(member); member = entries[index]) {
        block.push(member);
        index += 1;
      }
      const fragments = block.flatMap((member) => (member.type === 'fragment' ? [member.text] : []));
      const waiting = block.flatMap((member) => (member.type === 'item' ? [member.item] : []));
      const fresh = fragments.filter((text) => previous === null || !isReReading(previous, text, context));
      if (waiting.length === 0) attachContinuations(fresh, receiversFor(previous, sinceLastBlock), context);
      else fillWaitingLabels(waiting, fresh, previous, openers, context);
      previous = waiting.at(-1) ?? previous;
      sinceLastBlock = [];
    }
  }
}

function isLoose(entry: Entry | undefined): entry is Entry {
  return entry?.type === 'fragment' || (entry?.type === 'item' && entry.item.text === '');
}

/** Items still waiting for the rest of their text, in order, then the last item (whose wrapped line it usually is). */
function receiversFor(previous: DraftItem | null, sinceLastBlock: readonly DraftItem[]): DraftItem[] {
  const receivers = sinceLastBlock.filter((item) => endsDangling(item.text));
  if (previous !== null && !receivers.includes(previous)) receivers.push(previous);
  return receivers;
}

/** Continuation lines come out in the order of the rows they finish, so the last n receivers take n lines in order. */
function attachContinuations(fragments: readonly string[], receivers: readonly DraftItem[], context: ParseContext): void {
  if (fragments.length === 0) return;
  if (receivers.length === 0) {
    for (const text of fragments) context.warnings.push(`${context.source}: ignored text outside any item: "${text}"`);
    return;
  }
  const used = receivers.slice(-Math.min(fragments.length, receivers.length));
  for (const [position, text] of fragments.entries()) {
    const target = used[Math.min(position, used.length - 1)];
    if (target !== undefined) target.text = `${target.text} ${text}`;
  }
}

/**
 * Labels printed apart from their text ("P35", "P36" after a block of lines): the lines that open a statement are the
 * labels' texts in order; the first other line finishes the item above, and the rest go where they read on naturally.
 */
function fillWaitingLabels(
  waiting: readonly DraftItem[],
  fragments: readonly string[],
  previous: DraftItem | null,
  openers: Openers,
  context: ParseContext,
): void {
  const starts = fragments.filter((text) => openers.startsStatement(text));
  const continuations = fragments.filter((text) => !openers.startsStatement(text));
  if (starts.length !== waiting.length) {
    context.warnings.push(
      `${context.source}: could not match ${fragments.length} loose lines to ${waiting.map((item) => item.code).join(', ')}`,
    );
    attachContinuations(fragments, previous === null ? [] : [previous], context);
    return;
  }
  if (previous !== null && continuations.length > 0 && fragments[0] === continuations[0] && !/[.!?]$/.test(previous.text)) {
    previous.text = `${previous.text} ${continuations.shift()}`;
  }
  const texts = [...starts];
  const assignment = cheapestAssignment(starts, continuations);
  for (const [position, text] of continuations.entries()) {
    const target = assignment[position] ?? texts.length - 1;
    texts[target] = `${texts[target]} ${text}`;
  }
  for (const [position, item] of waiting.entries()) item.text = texts[position] ?? '';
}

// Beyond this many loose starts the exhaustive search gets slow, and lines are paired in order instead.
const MAX_SEARCHED_STARTS = 6;

/** For each continuation, the start it joins, choosing the combination whose seams read best. */
function cheapestAssignment(starts: readonly string[], continuations: readonly string[]): number[] {
  if (starts.length > MAX_SEARCHED_STARTS) return continuations.map((_, position) => Math.min(position, starts.length - 1));
  let best: { cost: number; targets: number[] } = { cost: Infinity, targets: [] };
  const search = (targets: number[]): void => {
    if (targets.length === Math.min(continuations.length, starts.length)) {
      const cost = starts.reduce((total, start, target) => {
        const position = targets.indexOf(target);
        const continuation = continuations[position];
        if (continuation === undefined) return total + (endsDangling(start) ? 3 : 0);
        return total + seamCost(start, continuation);
      }, 0);
      if (cost < best.cost) best = { cost, targets: [...targets] };
      return;
    }
    for (let target = 0; target < starts.length; target += 1) {
      if (!targets.includes(target)) search([...targets, target]);
    }
  };
  search([]);
  return best.targets;
}

/**
 * A line that re-reads the item above (the PDF carried both a text layer and an OCR pass): keep whichever reading uses
 * more words the standard uses elsewhere.
 */
function isReReading(item: DraftItem, text: string, context: ParseContext): boolean {
  const longer = Math.max(item.text.length, text.length);
  if (longer === 0 || Math.min(item.text.length, text.length) / longer < 0.7) return false;
  if (1 - editDistance(item.text.toLowerCase(), text.toLowerCase()) / longer < 0.75) return false;
  const [kept, dropped] =
    context.vocabulary.familiarity(text) > context.vocabulary.familiarity(item.text) ? [text, item.text] : [item.text, text];
  item.text = kept;
  context.warnings.push(`${context.source} ${item.code}: two readings of one line; kept "${kept}", dropped "${dropped}"`);
  return true;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitution));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
