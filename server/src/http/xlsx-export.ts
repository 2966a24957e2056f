import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null;
}

/**
 * Streams rows into an .xlsx download without holding the workbook in memory, so an export of a
 * province's staff costs the same memory as one of a school's. Resolves with the row count.
 *
 * `beforeLastByte` runs once every row is written and before the download ends (the audit
 * record of an export goes there): a download that completes is always on record, and if the
 * record cannot be written the download is cut instead of finishing unrecorded.
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  opts: {
    filename: string; sheet: string; columns: ExportColumn<T>[]; rows: AsyncIterable<T>;
    beforeLastByte?: (rows: number) => Promise<void>;
  },
): Promise<number> {
  // Read the first row before the first byte goes out: a query that fails (a bad filter, a
  // database error) then answers as a normal error instead of cutting a started download.
  const rows = opts.rows[Symbol.asyncIterator]();
  let next = await rows.next();
  const stream = new PassThrough();
  const out = new PassThrough();
  stream.pipe(out, { end: false });
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(opts.filename)}`)
    .header('cache-control', 'no-store');
  void reply.send(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for (; !next.done; next = await rows.next()) {
    const row = next.value;
    ws.addRow(opts.columns.map((c) => c.value(row))).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  await finished(stream);
  try {
    await opts.beforeLastByte?.(n);
  } catch (err) {
    out.destroy(err as Error);
    throw err;
  }
  out.end();
  return n;
}
