import ExcelJS from 'exceljs';
import type { Column } from '../../http/column-spec.js';
import type { AnyImportPlan } from './import-plan.js';
import { MAX_IMPORT_ROWS } from '../../http/sheet-reader.js';

/**
 * The template of one import: a data sheet holding only the header row, and a 说明 sheet telling
 * for each column whether it is required, what it must hold, with an example row to copy.
 */
export async function buildTemplate(plan: AnyImportPlan): Promise<Buffer> {
  const columns = Object.values(plan.columns) as Column<unknown>[];
  const wb = new ExcelJS.Workbook();

  const data = wb.addWorksheet(plan.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  data.getRow(1).font = { bold: true };
  // Text format: typed codes and phone numbers would otherwise lose leading zeros or become 1.37E+09.
  columns.forEach((_, i) => (data.getColumn(i + 1).numFmt = '@'));

  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 70 }, { width: 24 }];
  const title = help.addRow(['列名', '是否必填', '填写要求', '示例']);
  title.font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);
  help.addRow([]);
  help.addRow(['填写须知']).font = { bold: true };
  for (const line of [
    `只导入第一个工作表“${plan.title}”。第 1 行是表头，请勿修改或删除；从第 2 行起每行一条，单次最多 ${MAX_IMPORT_ROWS} 行。`,
    '也可“另存为”CSV UTF-8（逗号分隔）后上传。',
    '导入前系统会检查每一行：只要有一处错误，整个文件都不会导入；请按提示的行号和列名改正后重新上传。',
  ]) help.addRow([line]);
  help.addRow([]);
  help.addRow(['示例行（可参照填写第一个工作表）']).font = { bold: true };
  help.addRow(columns.map((c) => c.header)).font = { bold: true };
  help.addRow(columns.map((c) => c.example));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
