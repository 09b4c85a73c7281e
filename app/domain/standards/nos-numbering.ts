// Gives every item of one part a plain label ("P1 text"), whichever way the source numbers it: "1.", "P1.", "P10make",
// or bullets alone; sub-items ("a.", bullets under an item) become part of their item's text.
import type { NosItemKind } from '#standards/schema.ts';

const BULLET = /^\s*[•·▪◦‣●○■□➢–-]\s+/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(?=\S)/;
const LETTERED = /^\s*(\(?[a-z]\)|[a-z]\.|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+(?=\S)/;

function labelPattern(kind: NosItemKind): { punctuated: RegExp; glued: RegExp; plain: RegExp } {
  return {
    // "P1." or "P1)" with the punctuation the official pages print after a label.
    punctuated: new RegExp(`^(\\s*(?:[-•*]\\s+)?)${kind}(\\d{1,3})[.):]\\s+`),
    // "P10make sure": a label run into its first word by the PDF extraction.
    glued: new RegExp(`^(\\s*(?:[-•*]\\s+)?)${kind}(\\d{1,3})(?=\\p{Ll}{2})`, 'u'),
    plain: new RegExp(`^\\s*(?:[-•*]\\s+)?${kind} ?[\\dIlO|]{1,3}(?![\\p{L}\\d])`, 'u'),
  };
}

/** Lines of one part with every item labelled; lines that are not items or sub-items are left as they are. */
export function labelItems(lines: readonly string[], kind: NosItemKind): string[] {
  const patterns = labelPattern(kind);
  const relabelled = lines.map((line) => line.replace(patterns.punctuated, `$1${kind}$2 `).replace(patterns.glued, `$1${kind}$2 `));
  const labelled = relabelled.some((line) => patterns.plain.test(line));
  const numbered = !labelled && relabelled.some((line) => NUMBERED.test(line));
  const bulletsOnly = !labelled && !numbered && relabelled.some((line) => BULLET.test(line));
  if (!labelled && !numbered && !bulletsOnly) return relabelled;

  const out: string[] = [];
  let count = 0;
  // Index in `out` of the item a sub-item joins: the item line just before it, with only blank lines between.
  let openItem: number | null = null;
  for (const line of relabelled) {
    if (line.trim() === '') {
      out.push(line);
      continue;
    }
    if (numbered && NUMBERED.test(line)) {
      count += 1;
      openItem = out.push(line.replace(NUMBERED, `${kind}${count} `)) - 1;
    } else if (bulletsOnly && BULLET.test(line)) {
      count += 1;
      openItem = out.push(line.replace(BULLET, `${kind}${count} `)) - 1;
    } else if (labelled && patterns.plain.test(line)) {
      openItem = out.push(line) - 1;
    } else if (openItem !== null && !bulletsOnly && !line.includes('\t') && (BULLET.test(line) || LETTERED.test(line))) {
      const subItem = BULLET.test(line) ? line.replace(BULLET, '• ') : line.trim();
      out[openItem] = `${(out[openItem] ?? '').trimEnd()} ${subItem.trim()}`;
      out.push(''); // keeps line numbers in messages true to the source
    } else {
      openItem = null;
      out.push(line);
    }
  }
  return out;
}
