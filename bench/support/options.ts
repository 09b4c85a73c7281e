// A bench's own options (`--evidence 500`, `--links-per-evidence=4`), read into camelCase keys and checked by its schema.
import type { z } from 'zod';

export function parseBenchOptions<Schema extends z.AnyZodObject>(bench: string, schema: Schema, args: string[]): z.infer<Schema> {
  const raw: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(args[index]!);
    if (!match) throw new Error(`${bench}: unexpected argument ${args[index]}`);
    const key = match[1]!.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    raw[key] = match[2] ?? args[++index] ?? '';
  }
  return schema.strict().parse(raw);
}
