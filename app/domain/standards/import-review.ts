// The admin's review of an import preview: corrected texts applied, and every flagged item (and a guessed URN) looked at.
import type { NosItem, NosStandard } from '#standards/schema.ts';

/** The submitted preview form, read field by field (FormData fits). */
export interface ReviewAnswers {
  get(name: string): unknown;
}

export const reviewFieldNames = {
  text: (index: number, code: string) => `item:${index}:${code}`,
  checked: (index: number, code: string) => `checked:${index}:${code}`,
  urn: (index: number) => `urn:${index}`,
};

/** An item the admin must look at before saving: the parser is unsure of it, or its source text is cut short. */
export function needsCheck(item: NosItem): boolean {
  return item.needsReview !== undefined || item.incomplete === true;
}

export const CHECK_ITEM_MESSAGE = 'Check this item against the source, then tick “I have checked this item” or correct its text';

function reviewItem(item: NosItem, index: number, answers: ReviewAnswers, errors: Record<string, string[]>): NosItem {
  const name = reviewFieldNames.text(index, item.code);
  const submitted = answers.get(name);
  const text = (typeof submitted === 'string' ? submitted : item.text).replace(/\s+/g, ' ').trim();
  const checked = answers.get(reviewFieldNames.checked(index, item.code)) === 'yes';
  const { needsReview: _needsReview, incomplete: _incomplete, ...plain } = item;
  if (text === '') errors[name] = ['Enter the text of this item'];
  else if (text !== item.text) return { ...plain, text };
  else if (needsCheck(item) && !checked) errors[name] = [CHECK_ITEM_MESSAGE];
  // Checked but unchanged: the review flag goes, and a cut-short source stays marked as such.
  return item.incomplete ? { ...plain, incomplete: true } : plain;
}

/**
 * Applies corrections and checks to the previewed standards. Errors are keyed by the form field they belong next to;
 * the standards are fit to save only when there are none.
 */
export function applyImportReview(
  standards: readonly NosStandard[],
  answers: ReviewAnswers,
): { standards: NosStandard[]; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const reviewed = standards.map((standard, index) => {
    const { urnNeedsReview, ...rest } = standard;
    if (urnNeedsReview !== undefined && answers.get(reviewFieldNames.urn(index)) !== 'confirmed') {
      errors[reviewFieldNames.urn(index)] = [`Confirm that ${standard.urn} is the right URN for this standard`];
    }
    return { ...rest, items: standard.items.map((item) => reviewItem(item, index, answers, errors)) };
  });
  return { standards: reviewed, errors };
}

/** A standard still carrying a flag nobody has looked at; the library refuses to save one. */
export function unreviewedFlag(standard: NosStandard): string | null {
  if (standard.urnNeedsReview !== undefined) return `${standard.urn}: the URN has not been confirmed`;
  const item = standard.items.find((candidate) => candidate.needsReview !== undefined);
  return item ? `${standard.urn} ${item.code} has not been checked` : null;
}
