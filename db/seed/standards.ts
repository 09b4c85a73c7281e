// Loads the three seed standards (reviewed parsed JSON) into the demo organisation's library.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';

const parsedDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'standards', 'parsed');

export const SEED_STANDARD_URNS = ['ASTH325', 'HSC3331', 'LMCA4'] as const;

export function loadSeedStandard(urn: (typeof SEED_STANDARD_URNS)[number]): NosStandard {
  return NosStandardSchema.parse(JSON.parse(readFileSync(path.join(parsedDir, `${urn}.json`), 'utf8')));
}
