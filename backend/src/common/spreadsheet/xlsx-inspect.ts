import { inflateRawSync } from 'node:zlib';

/**
 * Looks inside an uploaded xlsx before any spreadsheet library does. A few megabytes of ZIP can inflate to gigabytes,
 * and a parser that trusts the archive would take seconds and most of the memory to find out; this reads the central
 * directory itself, then inflates every part with a hard output cap, so a directory that lies cannot get past either.
 */

export type XlsxRefusalReason =
  /** Not a ZIP archive at all (the caller may still read it as text). */
  | 'not_zip'
  /** An OLE compound file (an encrypted workbook or a legacy .xls), or a ZIP entry marked encrypted. */
  | 'encrypted'
  /** Truncated, garbled, or its directory does not match its contents. */
  | 'malformed'
  /** More entries, more inflated bytes or a higher compression ratio than any workbook has. */
  | 'too_large'
  /** More sheet rows than the limit. */
  | 'too_many_rows'
  /** More sheet cells than the limit: a parser's time and memory grow with cells, and a row can hold 16,384. */
  | 'too_many_cells';

export class XlsxRefusal extends Error {
  constructor(
    readonly reason: XlsxRefusalReason,
    /** For too_many_rows and too_many_cells: the rows or cells counted. */
    readonly count?: number,
  ) {
    super(`xlsx refused: ${reason}`);
  }
}

export interface XlsxLimits {
  maxRows: number;
  maxCells: number;
  /** Parts in the archive; a workbook has a few dozen. */
  maxEntries?: number;
  /** All parts inflated together. */
  maxUncompressedBytes?: number;
  /** Inflated to compressed, for parts above RATIO_FLOOR_BYTES; sheet XML compresses about 10 to 30 times. */
  maxRatio?: number;
}

export interface XlsxInspection {
  entries: number;
  uncompressedBytes: number;
  /** `<row>` and `<c>` elements over every worksheet. */
  rows: number;
  cells: number;
}

const DEFAULTS = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 } as const;
/** Small parts may compress far better than sheets (repeated style XML) and cannot hurt anyway. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const malformed = (): XlsxRefusal => new XlsxRefusal('malformed');

export function inspectXlsx(content: Buffer, limits: XlsxLimits): XlsxInspection {
  const { maxEntries, maxUncompressedBytes, maxRatio } = { ...DEFAULTS, ...limits };
  if (content.subarray(0, 4).equals(OLE_MAGIC)) throw new XlsxRefusal('encrypted');
  if (!content.subarray(0, 4).equals(ZIP_MAGIC)) throw new XlsxRefusal('not_zip');

  const entries = readCentralDirectory(content, maxEntries);
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x0001) throw new XlsxRefusal('encrypted');
    if (entry.method !== STORED && entry.method !== DEFLATED) throw malformed();
    declared += entry.uncompressedSize;
    if (declared > maxUncompressedBytes) throw new XlsxRefusal('too_large');
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > maxRatio) throw new XlsxRefusal('too_large');
  }

  let inflated = 0;
  let rows = 0;
  let cells = 0;
  for (const entry of entries) {
    const data = inflateEntry(content, entry, maxUncompressedBytes - inflated);
    // A directory that understates a part is lying about everything; the parser after this must not meet it.
    if (data.length !== entry.uncompressedSize) throw malformed();
    inflated += data.length;
    if (WORKSHEET.test(entry.name)) {
      rows += countElements(data, 'row');
      cells += countElements(data, 'c');
    }
  }
  if (rows > limits.maxRows) throw new XlsxRefusal('too_many_rows', rows);
  if (cells > limits.maxCells) throw new XlsxRefusal('too_many_cells', cells);
  return { entries: entries.length, uncompressedBytes: inflated, rows, cells };
}

function readCentralDirectory(content: Buffer, maxEntries: number): Entry[] {
  const eocd = findEndOfCentralDirectory(content);
  const total = content.readUInt16LE(eocd + 10);
  const size = content.readUInt32LE(eocd + 12);
  const offset = content.readUInt32LE(eocd + 16);
  // ZIP64 markers: no workbook under the upload limit needs them, and their absence keeps this reader small.
  if (total === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw malformed();
  if (total === 0 || offset + size > eocd) throw malformed();
  if (total > maxEntries) throw new XlsxRefusal('too_large');

  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < total; i++) {
    if (at + CENTRAL_SIZE > eocd || content.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw malformed();
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const end = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > eocd) throw malformed();
    const entry: Entry = {
      name: content.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength),
      flags: content.readUInt16LE(at + 8),
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localOffset: content.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw malformed();
    entries.push(entry);
    at = end;
  }
  if (at !== offset + size) throw malformed();
  return entries;
}

/** The end record sits in the last 22 bytes plus at most a 64 KiB comment; the last signature that fits wins. */
function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - EOCD_SIZE - 0xffff);
  for (let at = content.length - EOCD_SIZE; at >= lowest; at--) {
    if (content.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + content.readUInt16LE(at + 20) === content.length) return at;
  }
  throw malformed();
}

function inflateEntry(content: Buffer, entry: Entry, budget: number): Buffer {
  const local = entry.localOffset;
  if (local + LOCAL_SIZE > content.length || content.readUInt32LE(local) !== LOCAL_SIGNATURE) throw malformed();
  const start = local + LOCAL_SIZE + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
  const end = start + entry.compressedSize;
  if (end > content.length) throw malformed();
  const raw = content.subarray(start, end);
  if (entry.method === STORED) {
    if (raw.length > budget) throw new XlsxRefusal('too_large');
    return raw;
  }
  try {
    // One byte past the budget tells "too large" from "exactly the budget"; zlib stops as soon as it is passed.
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new XlsxRefusal('too_large');
    throw malformed();
  }
}

const LT = 0x3c;
const COLON = 0x3a;

/** `<name` or `<prefix:name` followed by whitespace, `>` or `/`: `<row` counts, `<rowBreaks>` and `<cols>` do not. */
function countElements(xml: Buffer, name: string): number {
  let count = 0;
  const length = name.length;
  for (let at = xml.indexOf(name); at !== -1; at = xml.indexOf(name, at + length)) {
    const next = xml[at + length];
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x3e && next !== 0x2f) continue;
    let before = at - 1;
    if (xml[before] === COLON) {
      before--;
      while (before >= 0 && isNameByte(xml[before]!)) before--;
    }
    if (xml[before] === LT) count++;
  }
  return count;
}

function isNameByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}
