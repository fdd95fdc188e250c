import { stringify } from 'csv-stringify/sync';
import { local } from '../../kernel/dates';
import type { Cell, ExportTable } from './columns';

/*
 * The CSV dialect (docs/decisions/014): UTF-8 with a byte-order mark, semicolons between
 * cells, CRLF line ends, RFC 4180 quoting (a cell with ; " or a line break is quoted,
 * quotes doubled). That is what Excel with Dutch regional settings opens with a double
 * click, accents intact; LibreOffice and every CSV library read it too.
 */

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula, and a
 * leading tab or carriage return can hide one (CSV injection, OWASP). Such text gets a
 * leading apostrophe, so it shows as the text it is.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** "22-11-2026 12:00" in Europe/Amsterdam: Dutch Excel reads it as a date and time. */
export function csvDate(d: Date): string {
  return local(d).toFormat('dd-MM-yyyy HH:mm');
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return csvDate(cell);
  if (typeof cell === 'number') return String(cell);
  return neutralise(cell);
}

export function toCsv(table: ExportTable): string {
  return stringify([table.headers.map(csvCell), ...table.rows.map((row) => row.map(csvCell))], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
  });
}
