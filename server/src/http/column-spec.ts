import { MAX_IMPORT_ROWS, type Sheet } from './sheet-reader.js';

/** One problem in an import file, where a person finds it in Excel. */
export interface ImportError {
  row: number;
  /** The column's header as in the template; empty for a problem with the whole file. */
  column: string;
  message: string;
}

type Parsed<T> = { value: T } | { error: string };

/** A column of an import template: its header, whether it must be filled, and how a cell is read. */
export interface Column<T> {
  header: string;
  required: boolean;
  /** Value of an empty cell in an optional column. */
  fallback?: T;
  /** What the 说明 sheet tells the person filling it in. */
  note: string;
  example: string;
  width?: number;
  parse(raw: string, header: string): Parsed<T>;
}

export type Columns = Record<string, Column<unknown>>;
type ParsedValue<Col> = Col extends { parse(...args: never[]): infer P } ? (P extends { value: infer V } ? V : never) : never;
type FallbackValue<Col> = Col extends { fallback: infer F } ? F : never;
/** The row a set of columns reads: each column's parsed value, or its fallback when left empty. */
export type RowOf<C extends Columns> = { [K in keyof C]: ParsedValue<C[K]> | FallbackValue<C[K]> };

/** A data row after reading its cells: cells that could not be read are missing from `value`. */
export interface ParsedRow<R> {
  row: number;
  value: Partial<R>;
  ok: boolean;
}

const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** Free text, optionally matching a pattern described to people as `rule`. */
export function text(opts: { min?: number; max: number; pattern?: RegExp; rule?: string }) {
  return (raw: string, header: string): Parsed<string> => {
    const length = [...raw].length;
    if (length > opts.max) return { error: `${header}最多 ${opts.max} 个字，当前为 ${length} 个字，请删减` };
    if (opts.min && length < opts.min) return { error: `${header}至少 ${opts.min} 个字，当前为 ${length} 个字` };
    if (opts.pattern && !opts.pattern.test(raw)) return { error: `${header}应为${opts.rule ?? '规定格式'}，当前为 "${shown(raw)}"` };
    return { value: raw };
  };
}

/** One of a fixed list of words, each standing for a stored value. */
export function oneOf<T>(choices: Record<string, T>) {
  return (raw: string, header: string): Parsed<T> => {
    if (Object.hasOwn(choices, raw)) return { value: choices[raw] as T };
    return { error: `${header} "${shown(raw)}" 无法识别，应为：${Object.keys(choices).join('、')}` };
  };
}

/** A whole number within bounds; thousands separators are tolerated. */
export function int(min: number, max: number) {
  return (raw: string, header: string): Parsed<number> => {
    const n = Number(raw.replace(/[,，]/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      return { error: `${header}应为 ${min} 到 ${max} 之间的整数，当前为 "${shown(raw)}"` };
    }
    return { value: n };
  };
}

export const yesNo = oneOf({ 是: 1, 否: 0 });

// People type headers with full-width brackets and stray spaces, and mark required ones with *.
const normalizeHeader = (h: string) => h.replace(/（/g, '(').replace(/）/g, ')').replace(/[\s*＊]/g, '');

/**
 * Reads the sheet's rows through the columns: a missing required header is one error on row 1;
 * an empty required cell or an unreadable cell is one error on its row. Unknown columns are ignored.
 */
export function readRows<C extends Columns>(sheet: Sheet, columns: C): { rows: ParsedRow<RowOf<C>>[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const index = new Map<string, number>();
  sheet.headers.forEach((h, i) => {
    const name = normalizeHeader(h);
    if (!name) return;
    const first = index.get(name);
    if (first !== undefined) {
      errors.push({ row: 1, column: h, message: `表头“${h}”出现了两次（第 ${columnLetter(first)} 列和第 ${columnLetter(i)} 列），请删除其中一列` });
    } else index.set(name, i);
  });
  for (const col of Object.values(columns)) {
    if (col.required && !index.has(normalizeHeader(col.header))) {
      errors.push({ row: 1, column: col.header, message: `缺少必填列“${col.header}”，请使用导入模板，第 1 行表头须与模板一致` });
    }
  }
  if (sheet.dataRowCount > MAX_IMPORT_ROWS) {
    errors.push({ row: 1, column: '', message: `文件有 ${sheet.dataRowCount} 行数据，超过单次导入上限 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件分别导入` });
  }
  if (errors.length) return { rows: [], errors };
  if (sheet.rows.length === 0) return { rows: [], errors: [{ row: 2, column: '', message: '文件中没有数据行，请从第 2 行起填写' }] };

  const rows = sheet.rows.map(({ row, cells }) => {
    const value: Record<string, unknown> = {};
    let ok = true;
    for (const [key, col] of Object.entries(columns)) {
      const at = index.get(normalizeHeader(col.header));
      const raw = at === undefined ? '' : (cells[at] ?? '');
      if (raw === '') {
        if (col.required) {
          errors.push({ row, column: col.header, message: `${col.header}为必填项，当前为空，请填写` });
          ok = false;
        } else value[key] = col.fallback;
        continue;
      }
      const parsed = col.parse(raw, col.header);
      if ('error' in parsed) {
        errors.push({ row, column: col.header, message: parsed.error });
        ok = false;
      } else value[key] = parsed.value;
    }
    return { row, value: value as Partial<RowOf<C>>, ok };
  });
  return { rows, errors };
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Flags rows repeating an earlier row's key: `第 5 行与第 3 行的学校标识码重复`. Rows without a key are skipped. */
export function duplicateErrors<R>(rows: ParsedRow<R>[], keyOf: (v: Partial<R>) => string | null, column: string, what: string): ImportError[] {
  const seen = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const r of rows) {
    const key = keyOf(r.value);
    if (key === null) continue;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: r.row, column, message: `第 ${r.row} 行与第 ${first} 行的${what}重复，请删除或改正其中一行` });
    else seen.set(key, r.row);
  }
  return errors;
}
