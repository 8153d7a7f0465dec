import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula; a record can hold
 * text typed by anyone, so such a cell gets a leading apostrophe, which Excel shows as text (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CSV_OPTIONS = {
  cast: {
    string: neutraliseFormula,
    boolean: (v: boolean) => (v ? 'true' : 'false'),
    object: (v: object) => neutraliseFormula(JSON.stringify(v)),
  },
};

/** The header line, with the UTF-8 byte order mark Excel needs to read the file as UTF-8. */
export function csvHeader(columns: readonly string[]): string {
  return stringify([], { ...CSV_OPTIONS, header: true, columns: [...columns], bom: true });
}

/** One page of rows as CSV lines, in the header's column order. */
export function csvRows(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  return rows.length ? stringify(rows as Array<Record<string, unknown>>, { ...CSV_OPTIONS, header: false, columns: [...columns] }) : '';
}
