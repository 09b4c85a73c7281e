// Page numbers that are only known once the document is printed (the contents, "Appendix 3, page 41") are left as
// empty links to these addresses; after printing, each link's box gets the number and becomes a link to that page.
// A frame slot marks the box an appended evidence page is drawn into, and becomes a link to that evidence's entry.
// The addresses are never requested (printing loads nothing) and none is left in the issued file.
export const SLOT_ORIGIN = 'https://page-slot.nosfolio.invalid';

/** The slot for the page on which the element with this id starts. */
export function pageOfSlot(anchor: string): string {
  return `${SLOT_ORIGIN}/page-of/${encodeURIComponent(anchor)}`;
}

/** The slot for the number in running text ("Appendix 3, page 41"): it starts at the slot's left. */
export function pageOfSlotInText(anchor: string): string {
  return `${pageOfSlot(anchor)}/start`;
}

/** The box that page `page` of appended file `number` is drawn into; it then links to the element `backTo`. */
export function frameSlot(number: number, page: number, backTo: string): string {
  return `${SLOT_ORIGIN}/frame/${number}/${page}/${encodeURIComponent(backTo)}`;
}

/** Where the number sits in its box: at the end (a contents column) or the start (in a sentence). */
export type SlotAlign = 'start' | 'end';
export type Slot = { kind: 'page-of'; anchor: string; align: SlotAlign } | { kind: 'frame'; number: number; page: number; backTo: string | null };

export function parseSlot(uri: string): Slot | null {
  if (!uri.startsWith(`${SLOT_ORIGIN}/`)) return null;
  const [kind, value, align, backTo] = uri.slice(SLOT_ORIGIN.length + 1).split('/') as [string, string | undefined, string | undefined, string | undefined];
  const side: SlotAlign = align === 'start' ? 'start' : 'end';
  if (kind === 'page-of' && value) return { kind, anchor: decodeURIComponent(value), align: side };
  if (kind === 'frame' && value && align && /^\d+$/.test(value) && /^\d+$/.test(align)) return { kind, number: Number(value), page: Number(align), backTo: backTo ? decodeURIComponent(backTo) : null };
  return null;
}
