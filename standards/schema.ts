// Zod schema and types for a parsed National Occupational Standard (the shape of standards/parsed/*.json).
import { z } from 'zod';

export const NosItemKindSchema = z.enum(['P', 'K']);

export const NosItemSchema = z
  .object({
    code: z.string().regex(/^[PK][1-9]\d*$/, 'code must look like P1 or K12'),
    kind: NosItemKindSchema,
    section: z.string().min(1),
    text: z.string(),
    // Set only when the source text is visibly cut short; the text is kept as the source has it.
    incomplete: z.literal(true).optional(),
    // Set by the parser when it is not sure of this item (why, in words); an admin must check it before it is saved.
    needsReview: z.string().min(1).optional(),
  })
  .strict()
  .refine((item) => item.code.startsWith(item.kind), { message: 'code prefix must match kind' })
  .refine((item) => item.text.length > 0 || item.incomplete === true, {
    message: 'text may only be empty on an item marked incomplete',
  });

export const NosGlossaryEntrySchema = z.object({ term: z.string().min(1), definition: z.string().min(1) }).strict();

export const NosScopeNoteSchema = z.object({ heading: z.string().min(1).optional(), text: z.string().min(1) }).strict();

// Dates are ISO year-month ("2012-01") when the source gives "Month YYYY", otherwise as the source writes them.
const optionalText = z.string().min(1).nullable();

export const NosStandardSchema = z
  .object({
    urn: z.string().min(1),
    title: z.string().min(1),
    version: optionalText,
    overview: optionalText,
    developedBy: optionalText,
    originatingOrganisation: optionalText,
    suite: optionalText,
    dateApproved: optionalText,
    indicativeReviewDate: optionalText,
    validity: optionalText,
    status: optionalText,
    relevantOccupations: z.array(z.string().min(1)),
    keywords: z.array(z.string().min(1)),
    items: z.array(NosItemSchema).min(1),
    glossary: z.array(NosGlossaryEntrySchema),
    scopeNotes: z.array(NosScopeNoteSchema),
    // Set when the URN is a guess (taken from the file name); an admin must confirm it before the standard is saved.
    urnNeedsReview: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((standard, ctx) => {
    const problem = checkItemSequence(standard.items.map((item) => item.code));
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['items'], message: problem });
  });

/** Codes must run P1..Pn then K1..Km with no gap, duplicate or interleaving; returns the first problem found. */
export function checkItemSequence(codes: readonly string[]): string | null {
  let kind: 'P' | 'K' = 'P';
  let expected = 1;
  for (const [index, code] of codes.entries()) {
    if (kind === 'P' && code === 'K1' && expected > 1) {
      kind = 'K';
      expected = 1;
    }
    const wanted = `${kind}${expected}`;
    if (code !== wanted) return `item ${index + 1} is ${code} but ${wanted} was expected`;
    expected += 1;
  }
  return codes.length === 0 ? 'there are no performance criteria' : null;
}

export type NosItemKind = z.infer<typeof NosItemKindSchema>;
export type NosItem = z.infer<typeof NosItemSchema>;
export type NosGlossaryEntry = z.infer<typeof NosGlossaryEntrySchema>;
export type NosScopeNote = z.infer<typeof NosScopeNoteSchema>;
export type NosStandard = z.infer<typeof NosStandardSchema>;
