// The team matrix's columns and each person's cells in them, assembled from the rows matrix-counts.server.ts reads:
// whole standards (one column per URN whatever version each person holds), a standard's sections, or a section's
// items. Free of the database; a person who does not hold a column's standard (section, item) has no cell there.
import type { ItemState } from '../evidence-types.ts';
import { addCells, cellOf, gapsOf, type Cell } from './matrix-cells.ts';
import type { CountRow, Holding, VersionItem } from './matrix-counts.server.ts';

export type MatrixLevel = 'standards' | 'sections' | 'items';
export type MatrixColumn = { key: string; label: string; text?: string };
/** A person's cells, one per column, null where they hold nothing behind that column. */
export type CellsOf = (workerId: number) => (Cell | null)[];

/** Per person, the whole-standard cells, one per URN (the counts of every version of it they hold). */
export function standardCells(holdings: Holding[], urns: string[]): CellsOf {
  const index = new Map(urns.map((urn, position) => [urn, position]));
  const byPerson = new Map<number, (Cell | null)[]>();
  for (const holding of holdings) {
    let cells = byPerson.get(holding.personId);
    if (!cells) byPerson.set(holding.personId, (cells = urns.map(() => null)));
    const column = index.get(holding.urn)!;
    const cell = cellOf(holding.total, { met: holding.met, not_yet_met: holding.notYetMet, submitted: holding.submitted, mapped: holding.mapped });
    cells[column] = cells[column] ? addCells(cells[column]!, cell) : cell;
  }
  return (workerId) => byPerson.get(workerId) ?? urns.map(() => null);
}

type Totals = Map<number, Map<string, number>>;

/** Per held version of the standard drilled into, the items in each column (a section, or an item of one section). */
export function drilledTotals(items: VersionItem[], level: MatrixLevel, section: string | undefined) {
  const totals: Totals = new Map();
  const keyOfItem = new Map<number, string>();
  for (const item of items) {
    if (section !== undefined && item.section !== section) continue;
    const key = level === 'sections' ? item.section : item.code;
    keyOfItem.set(item.id, key);
    const byColumn = totals.get(item.standardVersionId) ?? new Map<string, number>();
    byColumn.set(key, (byColumn.get(key) ?? 0) + 1);
    totals.set(item.standardVersionId, byColumn);
  }
  return { totals, keyOfItem };
}

/** The standards by URN (the newest version's title); a standard's sections or a section's items in the newest version's order. */
export function columnsOf(holdings: Holding[], items: VersionItem[], level: MatrixLevel, section: string | undefined): MatrixColumn[] {
  const columns = new Map<string, MatrixColumn>();
  if (level === 'standards') {
    for (const holding of [...holdings].sort((a, b) => a.urn.localeCompare(b.urn) || b.standardVersionId - a.standardVersionId)) {
      if (!columns.has(holding.urn)) columns.set(holding.urn, { key: holding.urn, label: holding.urn, text: holding.title });
    }
    return [...columns.values()];
  }
  for (const item of items) {
    if (section !== undefined && item.section !== section) continue;
    const key = level === 'sections' ? item.section : item.code;
    if (!columns.has(key)) columns.set(key, level === 'sections' ? { key, label: key } : { key, label: key, text: item.text });
  }
  return [...columns.values()];
}

/**
 * Each worker's drilled cells from the count rows: per column, the total of items in the versions they hold, with
 * the counts of the states something has happened to.
 */
export function drilledCells(
  rows: CountRow[],
  items: VersionItem[],
  level: MatrixLevel,
  section: string | undefined,
  columns: string[],
  heldVersions: Map<number, number[]>,
): CellsOf {
  const { totals, keyOfItem } = drilledTotals(items, level, section);
  const keyOfRow = (row: CountRow) => (level === 'sections' ? String(row.key) : keyOfItem.get(Number(row.key)));
  const index = new Map(columns.map((key, position) => [key, position]));
  const counts = new Map<number, Partial<Record<ItemState, number>>[]>();
  for (const row of rows) {
    const column = index.get(keyOfRow(row) ?? '');
    if (column === undefined || !totals.has(row.versionId)) continue;
    let list = counts.get(row.workerId);
    if (!list) counts.set(row.workerId, (list = Array.from({ length: columns.length }, (): Partial<Record<ItemState, number>> => ({}))));
    const cell = list[column]!;
    cell.met = (cell.met ?? 0) + row.met;
    cell.not_yet_met = (cell.not_yet_met ?? 0) + row.notYetMet;
    cell.submitted = (cell.submitted ?? 0) + row.submitted;
    cell.mapped = (cell.mapped ?? 0) + row.mapped;
  }
  return (workerId) => {
    const totalsOf = new Array<number>(columns.length).fill(0);
    for (const versionId of heldVersions.get(workerId) ?? []) {
      for (const [key, total] of totals.get(versionId) ?? []) {
        const column = index.get(key);
        if (column !== undefined) totalsOf[column] = (totalsOf[column] ?? 0) + total;
      }
    }
    const mine = counts.get(workerId);
    return totalsOf.map((total, column) => (total === 0 ? null : cellOf(total, mine?.[column] ?? {})));
  };
}

export function gapsAcross(cells: (Cell | null)[]) {
  return cells.reduce((sum, cell) => sum + (cell ? gapsOf(cell) : 0), 0);
}
