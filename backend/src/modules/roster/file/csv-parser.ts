/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and CR all end a
 * record. Returns one array of cells per record, so record index + 1 is the row number a spreadsheet shows.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // A quote opens a quoted field only at its start (leading spaces tolerated); elsewhere it is a plain character.
      cell = '';
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      record.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** Comma, semicolon or tab, whichever the first line uses most outside quotes (Excel's "Unicode text" uses tabs). */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const firstLine = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';', '，']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
