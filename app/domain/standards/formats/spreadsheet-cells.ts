// Keeps CSV cells from running as formulas in a spreadsheet, reversibly, so an exported file still imports exactly.

/*
 * OWASP's advice: a cell starting with =, +, -, @, tab or carriage return is given a leading single quote, which
 * spreadsheets read as "this is text". So that the importer can tell our quote from one that belongs to the text, a
 * cell already starting with a quote gets one too; the importer then removes exactly one leading quote from any cell
 * that has one. A hand-written CSV whose cell really starts with a quote must therefore double it, as spreadsheets do.
 */
const NEEDS_QUOTE = /^[=+\-@\t\r']/;

export function toSpreadsheetCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

export function toSpreadsheetRows(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row) => row.map(toSpreadsheetCell));
}
