import ExcelJS from 'exceljs';
import { AppError } from '../../../common/errors';

/**
 * Reading an import file (docs/import.md): CSV or XLSX into rows of text cells. Refuses what is
 * not such a file before any row is looked at; what the rows mean is import-rows.ts's question.
 */

/** One row of the file, as text cells. */
export type Cells = string[];

/** RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(source: string): Cells[] {
  const textValue = source.replace(/^\uFEFF/, '');
  const firstLine = textValue.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: Cells[] = [];
  let row: Cells = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textValue.length; i++) {
    const c = textValue[i];
    if (quoted) {
      if (c === '"') {
        if (textValue[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && textValue[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Dates typed in Excel arrive as Date objects at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

async function parseXlsx(data: Buffer): Promise<Cells[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError('people.import.unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cells = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(cellText(row.getCell(col).value));
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A refusal of the whole file, shown by its name. */
export function fileError(key: string): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { fileName: key });
}

/** The file's rows as text cells; refuses what is not CSV/XLSX before looking at any row. */
export async function readRows(fileName: string, base64: string): Promise<Cells[]> {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0) throw fileError('people.import.empty');
  const ext = fileName.toLowerCase().split('.').pop();
  const zip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (ext === 'xlsx') {
    if (!zip) throw fileError('people.import.unreadable');
    return parseXlsx(data);
  }
  if (ext !== 'csv' && ext !== 'txt') throw fileError('people.import.type');
  if (zip || data.includes(0)) throw fileError('people.import.unreadable');
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (decoded.includes('\uFFFD')) throw fileError('people.import.encoding');
  return parseCsv(decoded);
}
