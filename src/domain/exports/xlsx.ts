import ExcelJS from 'exceljs';
import { local } from '../../kernel/dates';
import type { ExportTable } from './columns';

/*
 * The registrations as an Excel workbook: one sheet, a bold header row that stays in view
 * (frozen) with filters on it, widths fitted to the content, moments as real dates shown
 * in Europe/Amsterdam. Text is written as text, never as a formula, so no cell is run.
 */

/**
 * Excel has no time zones: a date cell is a wall-clock time. Give it the Amsterdam wall
 * clock (exceljs writes a Date by its UTC fields).
 */
export function wallClock(d: Date): Date {
  const l = local(d);
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second));
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

export async function toXlsx(table: ExportTable, opts: { sheetName: string; title: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'bijeen';
  workbook.title = opts.title;
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(opts.sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.addRow(table.headers);
  for (const row of table.rows) sheet.addRow(row.map((c) => (c instanceof Date ? wallClock(c) : c)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.headers.length) } };
  table.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    const isDate = table.rows.some((r) => r[i] instanceof Date);
    if (isDate) column.numFmt = 'dd-mm-yyyy hh:mm';
    const longest = Math.max(
      header.length,
      ...table.rows.map((r) => {
        const c = r[i];
        return c === null || c === undefined ? 0 : c instanceof Date ? 16 : String(c).length;
      }),
    );
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
