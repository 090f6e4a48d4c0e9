import { xlsxFile } from '../../../test/fixtures/roster/roster-files.js';
import { rowsBomb, sheetXml, xlsxParts, zeroBomb, zipFile } from '../../../test/fixtures/roster/zip-files.js';
import { inspectXlsx, type XlsxLimits, XlsxRefusal, type XlsxRefusalReason } from './xlsx-inspect.js';

const limits: XlsxLimits = { maxRows: 100, maxCells: 300 };

function refusal(content: Buffer, own: XlsxLimits = limits): XlsxRefusal {
  try {
    inspectXlsx(content, own);
  } catch (error) {
    if (error instanceof XlsxRefusal) return error;
    throw error;
  }
  throw new Error('the workbook was accepted');
}

const reasonOf = (content: Buffer, own?: XlsxLimits): XlsxRefusalReason => refusal(content, own).reason;

describe('inspectXlsx', () => {
  it('accepts a workbook as Excel writes it and counts the rows of its sheets', async () => {
    const file = await xlsxFile([['姓名', '手机号'], ['甲', '13900000001'], ['乙', '13900000002']]);
    const seen = inspectXlsx(file, limits);
    expect(seen.rows).toBe(3);
    expect(seen.cells).toBe(6);
    expect(seen.entries).toBeGreaterThan(3);
    expect(seen.uncompressedBytes).toBeGreaterThan(file.length);
  });

  it('counts <row> elements, with or without a namespace prefix, and nothing that merely starts with "row"', () => {
    const prefixed = '<x:worksheet><x:cols><x:col/></x:cols><x:sheetData><x:row r="1"/><x:row r="2"><x:c/></x:row></x:sheetData></x:worksheet>';
    expect(inspectXlsx(zipFile(xlsxParts({ name: '', content: prefixed })), limits)).toMatchObject({ rows: 2, cells: 1 });
    expect(inspectXlsx(zipFile(xlsxParts({ name: '', content: sheetXml(7) })), limits)).toMatchObject({ rows: 7, cells: 7 });
  });

  it('refuses more rows than the limit, saying how many there are', () => {
    const error = refusal(zipFile(xlsxParts({ name: '', content: sheetXml(101) })));
    expect(error.reason).toBe('too_many_rows');
    expect(error.count).toBe(101);
  });

  it('refuses more cells than the limit, however few rows hold them', () => {
    const wide = `<worksheet><sheetData><row r="1">${'<c t="n"><v>1</v></c>'.repeat(301)}</row></sheetData></worksheet>`;
    const error = refusal(zipFile(xlsxParts({ name: '', content: wide })));
    expect([error.reason, error.count]).toEqual(['too_many_cells', 301]);
  });

  it('tells an OLE compound file (an encrypted workbook or a legacy .xls) and an encrypted entry apart from the rest', () => {
    expect(reasonOf(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]))).toBe('encrypted');
    expect(reasonOf(zipFile(xlsxParts({ name: '', content: sheetXml(1), flags: 1 })))).toBe('encrypted');
    expect(reasonOf(Buffer.from('姓名,手机号\r\n'))).toBe('not_zip');
  });

  it('refuses a truncated, a garbled or a lying archive as malformed', async () => {
    const file = await xlsxFile([['姓名', '手机号'], ['甲', '13900000001']]);
    expect(reasonOf(file.subarray(0, Math.floor(file.length / 2)))).toBe('malformed');
    expect(reasonOf(file.subarray(0, file.length - 5))).toBe('malformed');
    expect(reasonOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).toBe('malformed');
    const corrupt = Buffer.from(file);
    const sheetAt = corrupt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    corrupt.fill(0xff, sheetAt, sheetAt + 40);
    expect(reasonOf(corrupt)).toBe('malformed');
    expect(reasonOf(zipFile(xlsxParts({ name: '', content: sheetXml(3), declaredSize: 10 })))).toBe('malformed');
  });

  // Stopping at the cap is zlib's maxOutputLength (xlsx-inspect.ts), not a clock: the last two bombs lie about their
  // size, so only the capped inflation can refuse them. No timing assertion, which flaked on a loaded machine.
  it('refuses a zip bomb by its directory, by its compression ratio, and by inflating no further than the cap', () => {
    expect(reasonOf(zipFile(xlsxParts({ name: '', deflated: zeroBomb(512) })))).toBe('too_large');
    expect(reasonOf(zipFile(xlsxParts({ name: '', deflated: zeroBomb(20) })))).toBe('too_large');
    expect(reasonOf(zipFile(xlsxParts({ name: '', deflated: zeroBomb(512), declaredSize: 1000 })))).toBe('too_large');
    expect(reasonOf(zipFile(xlsxParts({ name: '', deflated: rowsBomb(100), declaredSize: 1000 })))).toBe('too_large');
  });

  it('refuses an archive of more entries than a workbook has', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/image${i}.png`, content: 'x' }));
    expect(reasonOf(zipFile([...xlsxParts({ name: '', content: sheetXml(1) }), ...entries]), { ...limits, maxEntries: 20 })).toBe('too_large');
  });
});
