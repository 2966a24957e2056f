import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { SCHOOL_KINDS, type SchoolKind } from '../../../../shared/domain.js';
import { isIsoDate } from '../../../../shared/dates.js';
import type { Database } from '../../db/schema.js';
import { duplicateErrors, type ImportError, oneOf, readRows, text } from '../../http/column-spec.js';
import { readSheet } from '../../http/sheet-reader.js';
import { checkTerm, type TermInput } from './term-rules.js';

/**
 * The 校历 import: one row per term, checked whole before anything is written (as the imports
 * module's files: every error named by row and column, then all rows or none).
 */
const STAGE_NAMES: Record<string, SchoolKind | null> = {
  全部: null, 全部学段: null, 幼儿园: 'kindergarten', 小学: 'primary', 初中: 'junior', 九年一贯制: 'nine_year', 九年一贯制学校: 'nine_year', 高中: 'senior',
};

function day(raw: string, header: string): { value: string } | { error: string } {
  // Excel dates arrive as 2026-09-01; people also type 2026/9/1 and 2026.9.1.
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.replace(/\s/g, ''));
  const value = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : raw;
  if (!isIsoDate(value)) return { error: `${header}应为真实日期，如 2026-09-01，当前为 "${raw.slice(0, 40)}"` };
  return { value };
}

export const termColumns = {
  name: { header: '学期名称', required: true, width: 26, note: '如“2026—2027学年第一学期”，最多 40 个字；同一范围、同一学段内已有同名学期时，改为表中的日期', example: '2026—2027学年第一学期', parse: text({ max: 40 }) },
  stage: {
    header: '学段', required: false, fallback: null as SchoolKind | null, width: 12,
    note: '全部、幼儿园、小学、初中、九年一贯制、高中；留空为全部学段。某一学段的学期替代同名的全部学段学期', example: '全部',
    parse: oneOf(STAGE_NAMES),
  },
  county: {
    header: '县(市、区)', required: false, fallback: null as string | null, width: 14,
    note: '留空：全市（县级用户导入时为本县）；填县名：该县自己的学期，替代同名的全市学期（如晚一周开学）', example: '',
    parse: text({ max: 40 }),
  },
  startsOn: { header: '开学日期', required: true, width: 14, note: '学期第一天，格式 2026-09-01（也可用 Excel 日期格式）', example: '2026-09-01', parse: day },
  endsOn: { header: '结束日期', required: true, width: 14, note: '学期最后一天，不早于开学日期，且一学期不超过 366 天', example: '2027-01-22', parse: day },
};

export interface TermImportRow extends TermInput {
  row: number;
  countyId: number | null;
}

/**
 * Reads and checks a term file for a city (rows may name its counties) or a county (rows may name
 * only that county). Answers the rows when there is no error, else every error.
 */
export async function readTermFile(
  db: Kysely<Database>, file: { filename: string; data: Buffer }, place: { cityId: number; countyId: number | null },
): Promise<{ rows: TermImportRow[]; errors: ImportError[]; totalRows: number }> {
  const sheet = await readSheet(file.data, file.filename);
  const { rows, errors } = readRows(sheet, termColumns);
  const counties = await db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', place.cityId).where('level', '=', 'county').execute();
  const byName = new Map(counties.map((c) => [c.name, c.id]));
  const out: TermImportRow[] = [];
  for (const r of rows) {
    if (!r.ok) continue;
    const v = r.value;
    let countyId: number | null = place.countyId;
    if (v.county) {
      const id = byName.get(v.county);
      if (id === undefined) {
        errors.push({ row: r.row, column: termColumns.county.header, message: `县(市、区) "${v.county}" 不是本市的县(市、区)：请填写系统中的县名，或留空` });
        continue;
      }
      if (place.countyId !== null && id !== place.countyId) {
        errors.push({ row: r.row, column: termColumns.county.header, message: `只能导入本县的学期：“${v.county}”不是您管理的县(市、区)` });
        continue;
      }
      countyId = id;
    }
    try {
      const term = checkTerm({ name: v.name!, stage: v.stage ?? null, startsOn: v.startsOn!, endsOn: v.endsOn! });
      out.push({ row: r.row, countyId, ...term });
    } catch (err) {
      const column = (err as { code?: string }).code === 'TERM_NAME_BLANK' ? termColumns.name.header : termColumns.endsOn.header;
      errors.push({ row: r.row, column, message: (err as Error).message });
    }
  }
  errors.push(...duplicateErrors(
    out.map((r) => ({ row: r.row, value: r, ok: true })),
    (v) => `${v.countyId}|${v.stage}|${v.name}`, termColumns.name.header, '学期（同一范围、学段和名称）',
  ));
  errors.sort((a, b) => a.row - b.row);
  return { rows: errors.length ? [] : out, errors, totalRows: sheet.rows.length };
}

/** The template: a 学期 sheet with its header row and a 说明 sheet, as the other imports' templates. */
export async function termTemplate(): Promise<Buffer> {
  const columns = Object.values(termColumns);
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('学期', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  data.getRow(1).font = { bold: true };
  columns.forEach((_, i) => (data.getColumn(i + 1).numFmt = '@'));
  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 70 }, { width: 24 }];
  help.addRow(['列名', '是否必填', '填写要求', '示例']).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);
  help.addRow([]);
  help.addRow(['导入前系统会检查每一行：只要有一处错误，整个文件都不会导入；请按提示的行号和列名改正后重新上传。']);
  help.addRow([`学段可填：${Object.keys(STAGE_NAMES).join('、')}。共 ${SCHOOL_KINDS.length} 种学校类型。`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
