// The words a standard uses in its running text, used to repair OCR-split headings and to pick between two readings of a line.
import { bareWord, words } from './nos-lexicon.ts';

export class Vocabulary {
  private readonly counts = new Map<string, number>();

  /** Counts words from sentence-like stretches only: short table cells are where the split and misread words live. */
  constructor(text: string) {
    for (const cell of text.split(/[\t\n]/)) {
      const cellWords = words(cell);
      if (cellWords.length < 4) continue;
      for (const word of cellWords) {
        const bare = bareWord(word);
        if (bare !== '') this.counts.set(bare, (this.counts.get(bare) ?? 0) + 1);
      }
    }
  }

  has(word: string): boolean {
    return this.counts.has(bareWord(word));
  }

  /** Seen at least twice, so not just a one-off misreading. */
  isEstablished(word: string): boolean {
    return (this.counts.get(bareWord(word)) ?? 0) >= 2;
  }

  /** Share of a reading's words that the standard uses elsewhere; the higher of two readings is the less garbled. */
  familiarity(text: string): number {
    const list = words(text).map(bareWord).filter((word) => word !== '');
    if (list.length === 0) return 0;
    return list.filter((word) => this.isEstablished(word)).length / list.length;
  }

  /**
   * Re-join a heading that a PDF table split into cells ("Commu" | "nication", "Personal" | "and professional…"): pieces
   * merge into one word when the merge is a known word, or when neither side is a word on its own.
   */
  joinCells(cells: readonly string[]): string {
    let joined = cells[0] ?? '';
    for (const cell of cells.slice(1)) {
      const left = words(joined).at(-1) ?? '';
      const right = words(cell)[0] ?? '';
      const merged = left + right;
      const glue = this.has(merged) || (!this.has(left) && !this.has(right)) ? '' : ' ';
      joined = `${joined}${glue}${cell}`;
    }
    return words(joined)
      .map((word) => this.correct(word))
      .join(' ');
  }

  /** Fix a word the standard never uses when exactly one word it does use is one deletion away ("Managirng" → "Managing"). */
  private correct(word: string): string {
    if (this.has(word) || word.length < 5) return word;
    const candidates = new Set<string>();
    for (let index = 0; index < word.length; index += 1) {
      const shorter = word.slice(0, index) + word.slice(index + 1);
      if (this.has(shorter)) candidates.add(shorter);
    }
    const [only] = candidates;
    return candidates.size === 1 && only !== undefined ? only : word;
  }
}
