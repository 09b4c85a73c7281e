// CLI: parse a NOS text file and print the standard as JSON on stdout, with warnings and a summary on stderr.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { NosParseError, parseNosText } from '#app/domain/standards/parse-nos-text.ts';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) {
    process.stderr.write('usage: tsx scripts/standards-parse.ts <file.txt>\n');
    return 1;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  try {
    const { standard, warnings } = parseNosText(text, { sourceName: basename(file, extname(file)) });
    process.stdout.write(`${JSON.stringify(standard, null, 2)}\n`);
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    const count = (kind: string) => standard.items.filter((item) => item.kind === kind).length;
    const flagged = standard.items.filter((item) => item.needsReview !== undefined).length;
    const review = flagged === 0 ? '' : `, ${flagged} flagged for review`;
    process.stderr.write(`${standard.urn}: ${count('P')} P, ${count('K')} K, ${plural(warnings.length, 'warning')}${review}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof NosParseError)) throw error;
    process.stderr.write(`error: ${file} is not a readable NOS: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
