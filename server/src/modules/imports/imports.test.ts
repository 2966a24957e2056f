import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { schoolExportColumns } from '../org/org.export.js';
import { SCHOOL_HEADERS, csvFile, schoolRow, upload, xlsxFile } from './import-test-kit.js';

const BUILT_HEADERS = [...SCHOOL_HEADERS, '已建成录播室'];

describe('imports: schools, files, access', () => {
  let t: TestApp;
  const codesIn = async (codes: string[]) =>
    (await t.db.db.selectFrom('schools').select('code').where('code', 'in', codes).execute()).map((r) => r.code).sort();

  // Whether each school reads as built in the rollout, as the city admin sees it there.
  const builtOf = async (codes: string[]) => {
    const admin = await t.login('city.admin');
    const out: Record<string, boolean> = {};
    for (const s of await t.db.db.selectFrom('schools').select(['id', 'code']).where('code', 'in', codes).execute()) {
      const res = await admin.get(`/api/rollout/schools/${s.id}`);
      expect(res.statusCode, res.body).toBe(200);
      out[s.code] = (res.json() as { built: boolean }).built;
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('refuses every import route to a role without the permission (teacher, 教科所 staff) with 403', async () => {
    const teacher = await t.login('gxsy.teacher');
    const research = await t.login('guanxian.research');
    const file = await xlsxFile(SCHOOL_HEADERS, [schoolRow('1371525901', '冠县测试小学', '冠县')]);
    for (const client of [teacher, research]) {
      for (const kind of ['schools', 'classes', 'staff']) {
        expect((await client.get(`/api/imports/templates/${kind}.xlsx`)).statusCode).toBe(403);
        expect((await upload(t, client, `/api/imports/${kind}/preview`, 'a.xlsx', file)).statusCode).toBe(403);
        expect((await upload(t, client, `/api/imports/${kind}`, 'a.xlsx', file)).statusCode).toBe(403);
      }
    }
    // The system admin runs the org data but not accounts (等保 separation of duties).
    const sysadmin = await t.login('sysadmin');
    expect((await sysadmin.get('/api/imports/templates/schools.xlsx')).statusCode).toBe(200);
    expect((await sysadmin.get('/api/imports/templates/staff.xlsx')).statusCode).toBe(403);
    expect(await codesIn(['1371525901'])).toEqual([]);
  });

  it('serves a template with the export headers and a 说明 sheet', async () => {
    const admin = await t.login('city.admin');
    const res = await admin.get('/api/imports/templates/schools.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const [data, help] = wb.worksheets;
    // The export's columns in its order, so an export imports back.
    expect((data?.getRow(1).values as unknown[]).slice(1)).toEqual(schoolExportColumns.map((c) => c.header));
    expect(data?.actualRowCount).toBe(1);
    expect(help?.name).toBe('说明');
    expect(help?.getCell('A2').value).toBe('学校标识码');
    const staff = await admin.get('/api/imports/templates/staff.xlsx');
    await wb.xlsx.load(staff.rawPayload as never);
    expect((wb.worksheets[0]?.getRow(1).values as unknown[]).slice(1)).toEqual(['用户名', '姓名', '手机号', '学校标识码', '角色', '初始密码']);
  });

  it('imports nothing from a sheet with three bad rows among good ones, and names exactly those three', async () => {
    const admin = await t.login('city.admin');
    const file = await xlsxFile(SCHOOL_HEADERS, [
      schoolRow('1371525911', '冠县甲小学', '冠县'),
      schoolRow('12345', '冠县乙小学', '冠县'),
      schoolRow('1371525913', '冠县丙小学', '冠县'),
      schoolRow('1371525914', '冠县丁小学', '冠县', { 办学类型: '大学' }),
      schoolRow('1371522915', '莘县戊小学', '莘县'),
      schoolRow('1371525911', '冠县己小学', '冠县'),
    ], { trailingBlankRows: 3 });
    const expected = [
      { row: 3, column: '学校标识码', message: '学校标识码应为 10 位数字，当前为 "12345"' },
      { row: 5, column: '办学类型', message: '办学类型 "大学" 无法识别，应为：幼儿园、小学、初中、九年一贯制、高中' },
      { row: 7, column: '学校标识码', message: '第 7 行与第 2 行的学校标识码重复，请删除或改正其中一行' },
    ];
    const preview = await upload(t, admin, '/api/imports/schools/preview', 'schools.xlsx', file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ kind: 'schools', totalRows: 6, errors: expected, errorCount: 3, ok: false });

    const res = await upload(t, admin, '/api/imports/schools', 'schools.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件有 3 处错误，未导入任何数据', details: { errors: expected } });
    expect(await codesIn(['1371525911', '1371525913', '1371525914', '1371522915'])).toEqual([]);
  });

  it('imports a clean CSV (UTF-8 with BOM) in one go; the schools then appear in the list; preview alone wrote nothing', async () => {
    const admin = await t.login('city.admin');
    const rows = [
      schoolRow('1371525921', '冠县清泉示范小学', '冠县'),
      schoolRow('1371525922', '冠县东古城示范幼儿园', '冠县', { 办学类型: '幼儿园', 城乡: '农村', 贫困村学校: '是', 建设批次: '' }),
      schoolRow('1371522923', '莘县燕塔示范小学', '莘县', { '县(市、区)': '莘县', 建设批次: '2018年8月' }),
    ];
    const file = await csvFile(SCHOOL_HEADERS, rows, { bom: true });
    const preview = await upload(t, admin, '/api/imports/schools/preview', 'schools.csv', file);
    expect(preview.json()).toEqual({ kind: 'schools', totalRows: 3, errors: [], errorCount: 0, ok: true });
    expect(await codesIn(['1371525921', '1371525922', '1371522923'])).toEqual([]);

    const res = await upload(t, admin, '/api/imports/schools', '学校名单.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    const list = (await admin.get('/api/schools?q=示范&pageSize=100')).json() as { items: { code: string; countyName: string; kind: string; poorVillage: boolean; batch: string | null }[] };
    const byCode = new Map(list.items.map((s) => [s.code, s]));
    expect(byCode.get('1371525922')).toMatchObject({ countyName: '冠县', kind: 'kindergarten', poorVillage: true, batch: null });
    expect(byCode.get('1371522923')).toMatchObject({ countyName: '莘县', batch: '2018-08' });
    const guanxian = (await (await t.login('guanxian.admin')).get('/api/schools?q=示范&pageSize=100')).json() as { items: { code: string }[] };
    expect(guanxian.items.map((s) => s.code).sort()).toEqual(['1371525921', '1371525922']);
    const audit = await t.db.db.selectFrom('audit_log').select(['result', 'detail']).where('action', '=', 'import.schools').where('result', '=', 'success').execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toContainEqual({ file: '学校名单.csv', format: 'csv', rows: 3, imported: 3 });
  });

  it('marks the schools imported with 已建成录播室 是 as built for the rollout; 否 or empty leaves them new', async () => {
    const admin = await t.login('city.admin');
    const file = await xlsxFile(BUILT_HEADERS, [
      [...schoolRow('1371525971', '冠县已建录播小学', '冠县', { 建设批次: '2018-08' }), '是'],
      [...schoolRow('1371525972', '冠县新建录播小学', '冠县', { 建设批次: '2018-08' }), '否'],
      [...schoolRow('1371525973', '冠县未填录播小学', '冠县', { 建设批次: '2018-08' }), ''],
    ]);
    const res = await upload(t, admin, '/api/imports/schools', 'built.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(await builtOf(['1371525971', '1371525972', '1371525973'])).toEqual({ 1371525971: true, 1371525972: false, 1371525973: false });
  });

  it('marks nothing when another row of the file is wrong, and refuses 是 for a school outside the programme', async () => {
    const admin = await t.login('city.admin');
    const before = await t.db.db.selectFrom('rollout_schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const file = await xlsxFile(BUILT_HEADERS, [
      [...schoolRow('1371525981', '冠县已建甲小学', '冠县', { 建设批次: '2018-08' }), '是'],
      [...schoolRow('1371525982', '冠县已建乙小学', '冠县', { 建设批次: '' }), '是'],
      [...schoolRow('1371525983', '冠县已建丙小学', '冠县', { 学生数: '很多' }), '是'],
    ]);
    const res = await upload(t, admin, '/api/imports/schools', 'built-bad.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 3, column: '已建成录播室', message: '已建成录播室填了“是”，但建设批次为空：只有阳光校园项目学校区分已建成与新建。请填写该校的建设批次，或将已建成录播室改为“否”或留空' },
      { row: 4, column: '学生数', message: '学生数应为 0 到 20000 之间的整数，当前为 "很多"' },
    ]);
    expect(await codesIn(['1371525981', '1371525982', '1371525983'])).toEqual([]);
    const after = await t.db.db.selectFrom('rollout_schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('reads a CSV without BOM too, and refuses one that is not UTF-8 (GBK) saying how to save it', async () => {
    const admin = await t.login('city.admin');
    const plain = await csvFile(SCHOOL_HEADERS, [schoolRow('1371525931', '冠县无签名小学', '冠县')]);
    expect((await upload(t, admin, '/api/imports/schools/preview', 'plain.csv', plain)).json()).toMatchObject({ ok: true, totalRows: 1 });
    // "学校标识码,学校名称" as Excel saves it on a Chinese Windows: GBK, not valid UTF-8.
    const gbk = Buffer.from('d1a7d0a3b1eacab6c2eb2cd1a7d0a3c3fbb3c60a', 'hex');
    const res = await upload(t, admin, '/api/imports/schools/preview', 'gbk.csv', gbk);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_FILE_UNREADABLE');
    expect(res.json().message).toContain('UTF-8');
    expect(res.json().message).toContain('GBK');
  });

  it('reports a missing required column once, on row 1, by its name', async () => {
    const admin = await t.login('city.admin');
    const headers = SCHOOL_HEADERS.filter((h) => h !== '办学类型');
    const row = schoolRow('1371525941', '冠县缺列小学', '冠县').filter((_, i) => SCHOOL_HEADERS[i] !== '办学类型');
    const res = await upload(t, admin, '/api/imports/schools/preview', 'missing.xlsx', await xlsxFile(headers, [row, row]));
    expect(res.json().errors).toEqual([{ row: 1, column: '办学类型', message: '缺少必填列“办学类型”，请使用导入模板，第 1 行表头须与模板一致' }]);
  });

  it('tells a county admin that another county is outside their reach, and refuses codes already taken', async () => {
    const admin = await t.login('guanxian.admin');
    const file = await xlsxFile(SCHOOL_HEADERS, [
      schoolRow('1371522951', '莘县越界小学', '莘县'),
      schoolRow('1371525001', '冠县重复小学', '冠县'),
      schoolRow('1371525952', '某县小学', '莘县县'),
    ]);
    const res = await upload(t, admin, '/api/imports/schools', 'scope.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: '县(市、区)', message: '县(市、区) "莘县" 不在您的管理范围内，您可导入的县(市、区)为：冠县' },
      { row: 3, column: '学校标识码', message: '学校标识码 1371525001 已存在，请勿重复导入；如需修改该校信息，请在学校列表中编辑' },
      { row: 4, column: '县(市、区)', message: '县(市、区) "莘县县" 不存在，请检查名称是否写全（如“东昌府区”），您可导入的县(市、区)为：冠县' },
    ]);
    expect(await codesIn(['1371522951', '1371525952'])).toEqual([]);
  });

  it('refuses more than 20,000 data rows with one clear error', async () => {
    const admin = await t.login('city.admin');
    const line = schoolRow('1371525961', '冠县超量小学', '冠县').join(',');
    const csv = Buffer.from([SCHOOL_HEADERS.join(','), ...Array.from({ length: 20_001 }, () => line)].join('\n'));
    const res = await upload(t, admin, '/api/imports/schools/preview', 'big.csv', csv);
    expect(res.json()).toMatchObject({
      totalRows: 20_001, ok: false,
      errors: [{ row: 1, column: '', message: '文件有 20001 行数据，超过单次导入上限 20000 行，请拆分为多个文件分别导入' }],
    });
  });

  it('takes files of several MB (past the 1 MB JSON body limit), refuses one over 20 MB (413) and a request without a file (400)', async () => {
    const admin = await t.login('city.admin');
    const rows = Array.from({ length: 15_000 }, (_, i) => schoolRow(String(1371590000 + i), `冠县批量小学${i}`, '冠县', { 地址: '聊城市冠县清泉街道振兴路'.repeat(4) }).join(','));
    const big = Buffer.from([SCHOOL_HEADERS.join(','), ...rows].join('\r\n'));
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);
    const res = await upload(t, admin, '/api/imports/schools/preview', 'big.csv', big);
    expect(res.json()).toEqual({ kind: 'schools', totalRows: 15_000, errors: [], errorCount: 0, ok: true });

    const huge = await upload(t, admin, '/api/imports/schools/preview', 'huge.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('IMPORT_FILE_TOO_LARGE');
    const none = await admin.request('POST', '/api/imports/schools/preview', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('IMPORT_NO_FILE');
  });

  it('round-trips an export: the exported sheet, with new codes, imports as it is', async () => {
    const admin = await t.login('city.admin');
    const exported = await admin.get('/api/schools/export.xlsx?q=冠县');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const builtColumn = (ws.getRow(1).values as unknown[]).indexOf('已建成录播室');
    const codes: string[] = [];
    const builtCodes: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(1);
      const code = `1371525${String(800 + r).padStart(3, '0')}`;
      cell.value = code;
      codes.push(code);
      if (ws.getRow(r).getCell(builtColumn).value === '是') builtCodes.push(code);
    }
    expect(codes.length).toBeGreaterThan(1);
    // The seeded rollout has 冠县's early schools built: the flag travels with the sheet.
    expect(builtCodes.length).toBeGreaterThan(0);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(t, admin, '/api/imports/schools', 'export.xlsx', file);
    expect(res.json()).toEqual({ imported: codes.length });
    expect(await codesIn(codes)).toEqual(codes.sort());
    const built = await t.db.db.selectFrom('rollout_schools').innerJoin('schools', 'schools.id', 'rollout_schools.school_id')
      .select('schools.code').where('schools.code', 'in', codes).where('rollout_schools.built', '=', 1).execute();
    expect(built.map((r) => r.code).sort()).toEqual(builtCodes.sort());
  });
});
