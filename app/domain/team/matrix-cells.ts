// The team matrix's arithmetic, free of the database: a cell's counts by item state, what a cell says in words,
// how many gaps a person has, and the order of the rows.
import type { ItemState } from '../evidence-types.ts';

/** How many of the items behind one cell stand in each state; `total` is every item, `none` those with nothing. */
export type Cell = { total: number; met: number; notYetMet: number; submitted: number; mapped: number; none: number };

export const EMPTY_CELL: Cell = { total: 0, met: 0, notYetMet: 0, submitted: 0, mapped: 0, none: 0 };

const FIELD: Record<Exclude<ItemState, 'none'>, keyof Omit<Cell, 'total' | 'none'>> = {
  met: 'met',
  not_yet_met: 'notYetMet',
  submitted: 'submitted',
  mapped: 'mapped',
};

/** A cell of `total` items from the counts of the items something has happened to (the rest are `none`). */
export function cellOf(total: number, counts: Partial<Record<ItemState, number>>): Cell {
  const cell: Cell = { ...EMPTY_CELL, total };
  for (const [state, field] of Object.entries(FIELD) as [Exclude<ItemState, 'none'>, keyof Cell][]) cell[field] = counts[state] ?? 0;
  cell.none = Math.max(0, total - cell.met - cell.notYetMet - cell.submitted - cell.mapped);
  return cell;
}

export function addCells(a: Cell, b: Cell): Cell {
  return {
    total: a.total + b.total,
    met: a.met + b.met,
    notYetMet: a.notYetMet + b.notYetMet,
    submitted: a.submitted + b.submitted,
    mapped: a.mapped + b.mapped,
    none: a.none + b.none,
  };
}

/** Items not yet met: what the person still has to show. */
export function gapsOf(cell: Cell): number {
  return cell.total - cell.met;
}

/** What a cell's pattern shows: one item's state, or for many items the state that needs the most attention. */
export type CellTone = ItemState | 'part_met';

/**
 * Met when every item is met; else not yet met if any item is; else the furthest evidence has got (submitted,
 * mapped); else part met (some items met, the rest have nothing) or nothing at all.
 */
export function cellTone(cell: Cell): CellTone {
  if (cell.total > 0 && cell.met === cell.total) return 'met';
  if (cell.notYetMet > 0) return 'not_yet_met';
  if (cell.submitted > 0) return 'submitted';
  if (cell.mapped > 0) return 'mapped';
  return cell.met > 0 ? 'part_met' : 'none';
}

/** The cell in words, for the page and for a screen reader: "12 of 31 met", then what else stands where. */
export function describeCell(cell: Cell): { headline: string; detail: string[] } {
  const detail: string[] = [];
  if (cell.notYetMet) detail.push(`${cell.notYetMet} not yet met`);
  if (cell.submitted) detail.push(`${cell.submitted} submitted`);
  if (cell.mapped) detail.push(`${cell.mapped} evidence mapped`);
  if (cell.none) detail.push(`${cell.none} nothing yet`);
  return { headline: `${cell.met} of ${cell.total} met`, detail };
}

export type MatrixSort = 'gaps' | 'name';

// One collator for every comparison: localeCompare with a locale builds a new one per call, which for a location of
// 2,000 people was most of the page's time outside the database.
const names = new Intl.Collator('en-GB');

/** Most gaps first (then most flags, then name); or by name. */
export function sortRows<Row extends { name: string; gaps: number; flagCount: number }>(rows: Row[], sort: MatrixSort): Row[] {
  const byName = (a: Row, b: Row) => names.compare(a.name, b.name);
  return [...rows].sort(sort === 'name' ? byName : (a, b) => b.gaps - a.gaps || b.flagCount - a.flagCount || byName(a, b));
}
