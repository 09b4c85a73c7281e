// Page numbers that are only known once the document is printed (the contents, "Appendix 3, page 41") are left as
// empty links to these addresses; after printing, each link's box gets the number and becomes a link to that page.
// The addresses are never requested (printing loads nothing) and none is left in the issued file.
const SLOT_ORIGIN = 'https://page-slot.nosfolio.invalid';

/** The slot for the page on which the element with this id starts. */
export function pageOfSlot(anchor: string): string {
  return `${SLOT_ORIGIN}/page-of/${encodeURIComponent(anchor)}`;
}

/** The slot for the first page of an appended evidence file, in running text (the number starts at the slot's left). */
export function appendixSlot(number: number, align: 'start' | 'end' = 'start'): string {
  return `${SLOT_ORIGIN}/appendix/${number}/${align}`;
}

/** Where the number sits in its box: at the end (a contents column) or the start (in a sentence). */
export type SlotAlign = 'start' | 'end';
export type Slot = ({ kind: 'page-of'; anchor: string } | { kind: 'appendix'; number: number }) & { align: SlotAlign };

export function parseSlot(uri: string): Slot | null {
  if (!uri.startsWith(`${SLOT_ORIGIN}/`)) return null;
  const [kind, value, align] = uri.slice(SLOT_ORIGIN.length + 1).split('/') as [string, string | undefined, string | undefined];
  const side: SlotAlign = align === 'start' ? 'start' : 'end';
  if (kind === 'page-of' && value) return { kind, anchor: decodeURIComponent(value), align: side };
  if (kind === 'appendix' && value && /^\d+$/.test(value)) return { kind, number: Number(value), align: side };
  return null;
}

export function isSlot(uri: string): boolean {
  return uri.startsWith(`${SLOT_ORIGIN}/`);
}
