import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';

/** Data rows one import may hold; a larger file is refused whole, never cut silently. */
export const MAX_IMPORT_ROWS = 20_000;

export interface SheetRow {
  /** The row number Excel shows (the header is row 1). */
  row: number;
  /** Trimmed text of each cell, by column position (0 = column A). */
  cells: string[];
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  headers: string[];
  /** Non-empty data rows, at most MAX_IMPORT_ROWS of them. */
  rows: SheetRow[];
  /** How many non-empty data rows the file holds, counted on past the cap. */
  dataRowCount: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const unreadable = (message: string) => new AppError(400, 'IMPORT_FILE_UNREADABLE', message);

/**
 * Reads the first worksheet of an .xlsx file, or a CSV file in UTF-8 (with or without BOM), into
 * trimmed text cells. The format is told by the file's first bytes, not by its name.
 */
export async function readSheet(data: Buffer, filename: string): Promise<Sheet> {
  if (data.length === 0) throw unreadable('上传的文件是空的，请选择填好的导入文件');
  if (data.subarray(0, 4).equals(OLE_MAGIC)) {
    throw unreadable('不支持 Excel 97-2003（.xls）格式，请在 Excel 中“另存为” .xlsx 后再上传');
  }
  const workbook = new ExcelJS.Workbook();
  let worksheet: ExcelJS.Worksheet | undefined;
  let format: Sheet['format'];
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
    format = 'xlsx';
    try {
      await workbook.xlsx.load(data as never);
    } catch {
      throw unreadable(`无法读取“${filename}”：文件可能已损坏或不是 .xlsx 格式，请用 Excel 打开后另存为 .xlsx 再上传`);
    }
    worksheet = workbook.worksheets[0];
  } else {
    format = 'csv';
    // Excel keeps leading zeros and long codes only if no cell is turned into a number or date.
    worksheet = await workbook.csv.read(Readable.from([decodeUtf8(data, filename)]), { map: (v: unknown) => v });
  }
  if (!worksheet) throw unreadable(`“${filename}”中没有工作表，请使用导入模板填写`);
  return collectRows(worksheet, format);
}

function decodeUtf8(data: Buffer, filename: string): string {
  const body = data.subarray(0, 3).equals(UTF8_BOM) ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw unreadable(
      `无法按 UTF-8 编码读取“${filename}”（可能是 GBK 编码的 CSV，或不是表格文件）。` +
        '请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件',
    );
  }
}

function collectRows(ws: ExcelJS.Worksheet, format: Sheet['format']): Sheet {
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) headers.push(cellText(headerRow.getCell(c).value));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();

  const rows: SheetRow[] = [];
  let dataRowCount = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = headers.map((_, i) => cellText(row.getCell(i + 1).value));
    // Rows left blank (often hundreds of formatted but empty rows at the end) are not data.
    if (cells.every((c) => c === '')) continue;
    dataRowCount++;
    if (rows.length < MAX_IMPORT_ROWS) rows.push({ row: r, cells });
  }
  return { format, headers, rows, dataRowCount };
}

/** The text a person sees in a cell: numbers without grouping, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return clean(value.richText.map((t) => t.text).join(''));
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return clean(String(value.text));
  return '';
}

// Zero-width spaces and stray BOMs come with text pasted from web pages and chat apps.
const clean = (s: string) => s.replace(/[\u200b\ufeff]/g, '').trim();
