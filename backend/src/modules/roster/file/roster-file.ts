import ExcelJS from 'exceljs';
import { DomainException } from '../../../common/errors/domain.exception.js';
import { restoreCell } from '../../../common/spreadsheet/safe-cell.js';
import { inspectXlsx, XlsxRefusal } from '../../../common/spreadsheet/xlsx-inspect.js';
import { detectDelimiter, parseCsv } from './csv-parser.js';

/** Data rows one import takes. */
export const ROSTER_MAX_ROWS = 5000;
/**
 * Sheet rows (all sheets, blank and title rows included) an xlsx may have before it is parsed at all: room for
 * lookup sheets and formatted empty rows, and still a bound on what the parser is given.
 */
export const XLSX_MAX_SHEET_ROWS = 4 * ROSTER_MAX_ROWS;
/** Cells over all sheets: ten columns a row on average. A roster needs four to six; the parser's time grows with cells. */
export const XLSX_MAX_SHEET_CELLS = 10 * XLSX_MAX_SHEET_ROWS;

/** One non-empty row of the uploaded sheet; `row` is the 1-based number the spreadsheet shows beside it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function invalid(message: string): DomainException {
  return new DomainException('ROSTER_FILE_INVALID', message);
}

/**
 * Reads an uploaded roster as rows of text, whatever the extension says: xlsx by its zip signature, otherwise text
 * CSV in UTF-8 (with or without the BOM Excel writes), UTF-16 (Excel's "Unicode text"), or GB18030 (Excel's default
 * "CSV" on a Chinese Windows).
 */
export async function readRosterFile(content: Buffer): Promise<SheetRow[]> {
  if (content.length === 0) throw invalid('上传的名册文件是空的，请选择填好内容的 xlsx 或 csv 文件');
  try {
    inspectXlsx(content, { maxRows: XLSX_MAX_SHEET_ROWS, maxCells: XLSX_MAX_SHEET_CELLS });
  } catch (error) {
    if (!(error instanceof XlsxRefusal)) throw error;
    if (error.reason === 'not_zip') return restored(readCsv(decodeText(content)));
    throw refusal(error);
  }
  return restored(await readXlsx(content));
}

function refusal(error: XlsxRefusal): DomainException {
  switch (error.reason) {
    case 'encrypted':
      return new DomainException('ROSTER_XLSX_ENCRYPTED');
    case 'too_large':
      return new DomainException('ROSTER_XLSX_TOO_LARGE');
    case 'too_many_rows':
      return new DomainException(
        'ROSTER_TOO_LARGE',
        `Excel 文件的工作表共有 ${error.count} 行，超过 ${XLSX_MAX_SHEET_ROWS} 行；每次最多导入 ${ROSTER_MAX_ROWS} 行，请删去多余的工作表或分批导入`,
      );
    case 'too_many_cells':
      return new DomainException(
        'ROSTER_TOO_LARGE',
        `Excel 文件的工作表共有 ${error.count} 个单元格，超过 ${XLSX_MAX_SHEET_CELLS} 个，请删去多余的列和工作表，只保留姓名、手机号、单位、支部等名册列后再上传`,
      );
    default:
      return new DomainException('ROSTER_XLSX_CORRUPT');
  }
}

/** Our own exports put an apostrophe before text that could start a formula; the import takes exactly that off. */
function restored(rows: SheetRow[]): SheetRow[] {
  for (const row of rows) row.cells = row.cells.map(restoreCell);
  return rows;
}

async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainException('ROSTER_XLSX_CORRUPT', '无法读取该 Excel 文件，文件可能已损坏或不是 xlsx 格式，请在 Excel 中重新保存为 .xlsx 后再上传');
  }
  // Hidden sheets (code lists, lookups) are skipped in favour of the first visible sheet that has rows.
  const sheets = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = sheets.find((ws) => ws.state === 'visible') ?? sheets[0];
  if (!sheet) throw invalid('Excel 文件中没有任何内容，请填写名册后再上传');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** Excel keeps phone numbers typed without a leading apostrophe as numbers; rich text, links and formulas as objects. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  return '';
}

function decodeText(content: Buffer): string {
  let text: string;
  if (startsWith(content, [0xef, 0xbb, 0xbf])) text = decode('utf-8', content.subarray(3));
  else if (startsWith(content, [0xff, 0xfe])) text = decode('utf-16le', content.subarray(2));
  else if (startsWith(content, [0xfe, 0xff])) text = decode('utf-16be', content.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      text = decode('gb18030', content);
    }
  }
  // Text files never hold NUL or other C0 controls besides tab and line breaks; binaries (PDF, images) do.
  const sample = text.slice(0, 8192);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(sample)) {
    throw invalid('无法识别的文件格式，请上传 xlsx 或 csv 格式的名册');
  }
  return text;
}

function decode(encoding: string, bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalid('名册文件的文字编码无法识别，请在 Excel 中另存为“CSV UTF-8”或 xlsx 后再上传');
  }
}

function readCsv(text: string): SheetRow[] {
  const records = parseCsv(text, detectDelimiter(text));
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return rows;
}
