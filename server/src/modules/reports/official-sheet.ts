import type ExcelJS from 'exceljs';

/**
 * Statistical tables in the layout bureau offices print and file (统计表): a title row, a line with
 * the period and the issuing office, multi-level merged headers, data rows with subtotal and total
 * rows, a frozen header, and print setup (A4 landscape, one page wide, header rows repeated on
 * every page, page numbers).
 */

export type CellValue = string | number | null;

/** A header cell: a leaf names the row field it shows; a group spans its children. */
export interface SheetColumn {
  header: string;
  key?: string;
  width?: number;
  /** Excel number format of the leaf's cells, e.g. '0.0%' or '#,##0'. */
  numFmt?: string;
  children?: SheetColumn[];
}

export interface SheetRow {
  kind: 'data' | 'subtotal' | 'total';
  values: Record<string, CellValue>;
  /** Text merged over the first `labelSpan` columns (小计 / 合计 rows). */
  label?: string;
  labelSpan?: number;
}

export interface OfficialSheet {
  /** The worksheet tab (at most 31 characters). */
  name: string;
  title: string;
  /** Left: the period (统计时段); right: the office and date (填报单位 / 制表日期). */
  subtitle?: { left?: string; right?: string };
  columns: SheetColumn[];
  rows: SheetRow[];
  notes?: string[];
  /** Columns kept in view when scrolling right (e.g. 序号 and 县). */
  freezeColumns?: number;
}

export interface HeaderCell {
  text: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Leaf {
  key: string;
  width: number;
  numFmt?: string;
}

/**
 * Lays the header tree out on a grid: 1-based header rows and columns of every cell, leaves
 * stretched down to the last header row. Pure, so the merges are unit-tested without a workbook.
 */
export function layoutHeader(columns: readonly SheetColumn[]): { depth: number; leaves: Leaf[]; cells: HeaderCell[] } {
  const depthOf = (c: SheetColumn): number => (c.children?.length ? 1 + Math.max(...c.children.map(depthOf)) : 1);
  const depth = Math.max(...columns.map(depthOf));
  const leaves: Leaf[] = [];
  const cells: HeaderCell[] = [];
  const place = (c: SheetColumn, row: number) => {
    const left = leaves.length + 1;
    if (c.children?.length) {
      for (const child of c.children) place(child, row + 1);
      cells.push({ text: c.header, top: row, left, bottom: row, right: leaves.length });
    } else {
      if (!c.key) throw new Error(`header 「${c.header}」 has neither a key nor children`);
      leaves.push({ key: c.key, width: c.width ?? 10, numFmt: c.numFmt });
      cells.push({ text: c.header, top: row, left, bottom: depth, right: left });
    }
  };
  for (const c of columns) place(c, 1);
  return { depth, leaves, cells };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';

/** Adds one official table as a worksheet; returns it with the row numbers of its parts. */
export function addOfficialSheet(wb: ExcelJS.Workbook, spec: OfficialSheet) {
  const { depth, leaves, cells } = layoutHeader(spec.columns);
  const width = leaves.length;
  const headerTop = 3;
  const headerBottom = headerTop + depth - 1;
  const ws = wb.addWorksheet(spec.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerBottom, xSplit: spec.freezeColumns ?? 0 }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      printTitlesRow: `${headerTop}:${headerBottom}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = leaves.map((l) => ({ key: l.key, width: l.width }));

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  if (spec.subtitle) {
    const half = Math.max(1, Math.floor(width / 2));
    ws.mergeCells(2, 1, 2, half);
    if (half < width) ws.mergeCells(2, half + 1, 2, width);
    const left = ws.getCell(2, 1);
    left.value = spec.subtitle.left ?? '';
    left.alignment = { horizontal: 'left', vertical: 'middle' };
    left.font = { name: FONT, size: 10 };
    if (half < width) {
      const right = ws.getCell(2, half + 1);
      right.value = spec.subtitle.right ?? '';
      right.alignment = { horizontal: 'right', vertical: 'middle' };
      right.font = { name: FONT, size: 10 };
    }
  }

  for (const c of cells) {
    const top = headerTop + c.top - 1;
    const bottom = headerTop + c.bottom - 1;
    if (bottom > top || c.right > c.left) ws.mergeCells(top, c.left, bottom, c.right);
    ws.getCell(top, c.left).value = c.text;
  }
  for (let r = headerTop; r <= headerBottom; r++) {
    const row = ws.getRow(r);
    row.height = 24;
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }

  let r = headerBottom + 1;
  const firstDataRow = r;
  for (const row of spec.rows) {
    const span = row.label !== undefined ? Math.max(1, Math.min(row.labelSpan ?? 1, width)) : 0;
    const excelRow = ws.getRow(r);
    leaves.forEach((leaf, i) => {
      const cell = excelRow.getCell(i + 1);
      const v = i < span ? (i === 0 ? row.label! : null) : row.values[leaf.key] ?? null;
      // A figure that does not apply (no school day judged) reads as a dash, as on paper.
      cell.value = v === null && i >= span && leaf.numFmt ? '—' : v;
      if (typeof v === 'number' && leaf.numFmt) cell.numFmt = leaf.numFmt;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10, bold: row.kind !== 'data' };
      cell.alignment = { vertical: 'middle', horizontal: typeof v === 'number' || cell.value === '—' || i < span ? 'center' : 'left' };
      if (row.kind !== 'data') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: row.kind === 'total' ? 'FFFCE4D6' : 'FFFFF2CC' } };
    });
    if (span > 1) ws.mergeCells(r, 1, r, span);
    excelRow.height = 20;
    r++;
  }
  const lastDataRow = r - 1;

  for (const note of spec.notes ?? []) {
    ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.font = { name: FONT, size: 9 };
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    r++;
  }
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${Math.max(r - 1, headerBottom)}`;
  return { ws, headerTop, headerBottom, firstDataRow, lastDataRow };
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
