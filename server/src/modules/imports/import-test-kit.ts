import ExcelJS from 'exceljs';
import type { TestApp } from '../../test-support/test-app.js';

/** Builders of import files and uploads for the imports tests. */

type Client = Awaited<ReturnType<TestApp['login']>>;
export type Cells = (string | number | null)[];

export const SCHOOL_HEADERS = [
  '学校标识码', '学校名称', '县(市、区)', '办学类型', '乡镇(街道)', '城乡', '贫困村学校', '学生数', '教职工数', '地址', '联系人', '联系电话', '建设批次',
];
export const STAFF_HEADERS = ['用户名', '姓名', '手机号', '学校标识码', '角色', '初始密码'];
export const CLASS_HEADERS = ['学校标识码', '年级', '班级'];

/** A school row with sensible values; `over` replaces cells by header. */
export function schoolRow(code: string, name: string, county: string, over: Record<string, string | number> = {}): Cells {
  const base: Record<string, string | number> = {
    学校标识码: code, 学校名称: name, '县(市、区)': county, 办学类型: '小学', '乡镇(街道)': '清泉街道', 城乡: '城区',
    贫困村学校: '否', 学生数: 600, 教职工数: 40, 地址: '振兴路 1 号', 联系人: '王老师', 联系电话: '0635-5210000', 建设批次: '2019-02',
  };
  return SCHOOL_HEADERS.map((h) => (h in over ? over[h] : base[h]) ?? null);
}

export async function xlsxFile(headers: string[], rows: Cells[], opts: { trailingBlankRows?: number } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  // Blank but formatted rows, as Excel leaves them after rows are cleared.
  for (let i = 0; i < (opts.trailingBlankRows ?? 0); i++) ws.addRow([' ', '']).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function csvFile(headers: string[], rows: Cells[], opts: { bom?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  const body = Buffer.from(await wb.csv.writeBuffer());
  return opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** POSTs a file as the multipart field `file`, with the client's session and CSRF header. */
export function upload(t: TestApp, client: Client, url: string, filename: string, data: Buffer) {
  const boundary = `----sunshine${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST', url, payload,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
