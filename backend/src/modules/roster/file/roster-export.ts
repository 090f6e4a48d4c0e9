import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { neutralizeCell } from '../../../common/spreadsheet/safe-cell.js';
import { EXPORT_HEADERS, ROSTER_FIELDS, type RosterField } from './roster-columns.js';

export type ExportRow = Record<RosterField, string>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WIDTHS: Record<RosterField, number> = { memberId: 38, name: 12, phone: 15, unit: 24, branch: 18, status: 10 };

/**
 * Streams the roster as xlsx with the same headers the import recognises, member id first, so an export can be
 * edited and imported back. Every column is text: Excel must not turn phone numbers into 1.39E+10, and no cell may
 * read as a formula (a member named "=HYPERLINK(…)" or "@cmd").
 */
export function writeRosterXlsx(rows: ExportRow[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_FIELDS.map((field) => ({
    header: EXPORT_HEADERS[field],
    key: field,
    width: WIDTHS[field],
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const write = async (): Promise<void> => {
    sheet.getRow(1).commit();
    for (const row of rows) sheet.addRow(safeRow(row)).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function safeRow(row: ExportRow): ExportRow {
  const out = { ...row };
  for (const field of ROSTER_FIELDS) out[field] = neutralizeCell(row[field]);
  return out;
}

/** attachment; an ASCII fallback name plus the Chinese one in RFC 5987 form, which every current browser reads. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
