import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { CLASS_HEADERS, STAFF_HEADERS, csvFile, upload, xlsxFile } from './import-test-kit.js';

const GXSY = '1371525001';
const GX2 = '1371525002';
const SXSY = '1371522001';
const PASSWORD = 'Gx#2019spring';

describe('imports: staff and classes, all or nothing', () => {
  let t: TestApp;
  let gxKindergarten: { code: string; name: string };

  const usersNamed = async (names: string[]) =>
    (await t.db.db.selectFrom('users').select('username').where('username', 'in', names).execute()).map((u) => u.username).sort();

  beforeAll(async () => {
    t = await createTestApp();
    gxKindergarten = await t.db.db
      .selectFrom('schools').innerJoin('regions', 'regions.id', 'schools.county_id')
      .select(['schools.code', 'schools.name'])
      .where('regions.name', '=', '冠县').where('schools.kind', '=', 'kindergarten')
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => t.close());

  it('creates staff accounts that can log in, each with its school role', async () => {
    const admin = await t.login('guanxian.admin');
    const file = await xlsxFile(STAFF_HEADERS, [
      ['gx.wanghong', '王红', '13800000001', GXSY, '教师', PASSWORD],
      ['gx.lisi', '李四', null, GX2, '校长', 'Sp@ring2019x'],
    ]);
    const res = await upload(t, admin, '/api/imports/staff', 'staff.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });

    const teacher = await t.login('gx.wanghong', PASSWORD);
    const me = (await teacher.get('/api/me')).json() as { name: string; phone: string; permissions: string[]; assignments: { role: string; scopeName: string }[] };
    expect(me).toMatchObject({ name: '王红', phone: '13800000001', assignments: [{ role: 'teacher', scopeName: '冠县实验小学' }] });
    expect(me.permissions).toContain('student:read');
    const principal = await t.login('gx.lisi', 'Sp@ring2019x');
    expect(principal.me).toBeTruthy();
    const audit = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'import.staff').where('result', '=', 'success').execute();
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ imported: 2, rows: 2, format: 'xlsx' });
    // The passwords of the file are nowhere in the audit log.
    const all = await t.db.db.selectFrom('audit_log').select('detail').execute();
    expect(all.some((a) => a.detail.includes(PASSWORD))).toBe(false);
  });

  it('checks usernames, schools in reach, roles and the password policy, row by row, and writes nothing', async () => {
    const admin = await t.login('guanxian.admin');
    const file = await csvFile(STAFF_HEADERS, [
      ['GXSY.Teacher', '重名', null, GXSY, '教师', PASSWORD],
      ['gx.zhao', '赵', null, SXSY, '教师', PASSWORD],
      ['gx.qian', '钱', '1380000', GXSY, '主任', 'abc12345'],
      ['gx.sun', '孙', null, GXSY, '教师', PASSWORD],
      ['GX.SUN', '孙二', null, GXSY, '教师', 'gx.sun#Strong1'],
    ], { bom: true });
    const res = await upload(t, admin, '/api/imports/staff', 'staff.csv', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: '用户名', message: '用户名 GXSY.Teacher 已被使用（不区分大小写），请换一个' },
      { row: 3, column: '学校标识码', message: `学校标识码 ${SXSY} 不存在或不在您的管理范围内，请核对标识码` },
      { row: 4, column: '手机号', message: '手机号应为 11 位手机号，当前为 "1380000"' },
      { row: 4, column: '角色', message: '角色 "主任" 无法识别，应为：校长、教师' },
      { row: 4, column: '初始密码', message: '初始密码不符合要求：密码需包含小写字母、大写字母、数字、符号中的至少三类' },
      { row: 6, column: '用户名', message: '第 6 行与第 5 行的用户名重复，请删除或改正其中一行' },
      { row: 6, column: '初始密码', message: '初始密码不符合要求：密码不能包含用户名' },
    ]);
    expect(JSON.stringify(res.json())).not.toContain(PASSWORD);
    expect(await usersNamed(['gx.zhao', 'gx.qian', 'gx.sun', 'GX.SUN'])).toEqual([]);
  });

  it('lets the security admin import staff anywhere, and refuses staff import to a principal (403)', async () => {
    const secadmin = await t.login('secadmin');
    const file = await xlsxFile(STAFF_HEADERS, [['sx.zhouli', '周丽', null, SXSY, '教师', PASSWORD]]);
    expect((await upload(t, secadmin, '/api/imports/staff', 'sx.xlsx', file)).json()).toEqual({ imported: 1 });
    const principal = await t.login('gxsy.principal');
    expect((await upload(t, principal, '/api/imports/staff/preview', 'sx.xlsx', file)).statusCode).toBe(403);
  });

  /**
   * Runs `fn` with a BEFORE INSERT trigger on `table` that runs `action` when `condition` holds:
   * a stand-in for what validation cannot foresee (a constraint, another writer, a lost connection).
   */
  async function withTrigger(table: string, condition: string, action: { sqlite: string; pg: string }, fn: () => Promise<void>) {
    const db = t.db.db;
    const pg = t.db.dialect === 'postgres';
    if (pg) {
      await sql.raw(`create function import_trap() returns trigger language plpgsql as $$ begin
        if ${condition} then ${action.pg}; end if; return new; end $$`).execute(db);
      await sql.raw(`create trigger import_trap before insert on ${table} for each row execute function import_trap()`).execute(db);
    } else {
      await sql.raw(`create trigger import_trap before insert on ${table} when ${condition} begin ${action.sqlite}; end`).execute(db);
    }
    try {
      await fn();
    } finally {
      await sql.raw(`drop trigger import_trap${pg ? ` on ${table}` : ''}`).execute(db);
      if (pg) await sql.raw('drop function import_trap()').execute(db);
    }
  }

  const failedImports = async () =>
    (await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'import.staff').where('result', '=', 'failure').execute())
      .map((a) => JSON.parse(a.detail).error);

  it('leaves nothing behind when the database refuses the last row inside the transaction', async () => {
    // The role of the file's last account is refused after every account row has been inserted.
    const admin = await t.login('guanxian.admin');
    const names = ['gx.a1', 'gx.a2', 'gx.a3', 'gx.boom'];
    const file = await xlsxFile(STAFF_HEADERS, names.map((u) => [u, '测试', null, GXSY, '教师', PASSWORD]));
    await withTrigger(
      'role_assignments', "(select username from users where id = new.user_id) = 'gx.boom'",
      { sqlite: "select raise(abort, 'forced failure')", pg: "raise exception 'forced failure'" },
      async () => {
        expect((await upload(t, admin, '/api/imports/staff/preview', 'boom.xlsx', file)).json()).toMatchObject({ ok: true });
        const res = await upload(t, admin, '/api/imports/staff', 'boom.xlsx', file);
        expect(res.statusCode).toBe(500);
      },
    );
    expect(await usersNamed(names)).toEqual([]);
    expect(await failedImports()).toContain('database');
  });

  it('answers 409 when someone else takes a username between the check and the write, keeping nothing of the file', async () => {
    // Inserting gx.clash1 makes "another writer" take gx.clash2, the file's next row.
    const admin = await t.login('guanxian.admin');
    const names = ['gx.clash1', 'gx.clash2', 'gx.clash3'];
    const file = await xlsxFile(STAFF_HEADERS, names.map((u) => [u, '测试', null, GX2, '教师', PASSWORD]));
    const other = "insert into users (username, name, password_hash, kind, disabled, failed_logins, created_at, updated_at) values ('gx.clash2', '他人', 'x', 'staff', 0, 0, '2018-09-01', '2018-09-01')";
    await withTrigger('users', "new.username = 'gx.clash1'", { sqlite: other, pg: other }, async () => {
      const res = await upload(t, admin, '/api/imports/staff', 'clash.xlsx', file);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('IMPORT_CONFLICT');
    });
    expect(await usersNamed(names)).toEqual([]);
    expect(await failedImports()).toContain('conflict');
  });

  it('imports classes into existing schools, creating a missing grade once', async () => {
    const admin = await t.login('city.admin');
    const file = await xlsxFile(CLASS_HEADERS, [
      [GX2, '一年级', '一年级(3)班'],
      [GX2, '六年级', '六年级(1)班'],
      [GX2, '六年级', '六年级(2)班'],
    ]);
    expect((await upload(t, admin, '/api/imports/classes', 'classes.xlsx', file)).json()).toEqual({ imported: 3 });
    const school = await t.db.db.selectFrom('schools').select('id').where('code', '=', GX2).executeTakeFirstOrThrow();
    const grades = (await admin.get(`/api/schools/${school.id}/classes`)).json() as { name: string; classes: { name: string }[] }[];
    expect(grades.filter((g) => g.name === '六年级').map((g) => g.classes.map((c) => c.name))).toEqual([['六年级(1)班', '六年级(2)班']]);
    expect(grades.find((g) => g.name === '一年级')?.classes.map((c) => c.name)).toContain('一年级(3)班');
  });

  it('checks classes against the school, its kind, existing classes and the county admin\'s reach', async () => {
    const admin = await t.login('guanxian.admin');
    const file = await xlsxFile(CLASS_HEADERS, [
      [GX2, '一年级', '一年级(1)班'],
      [SXSY, '一年级', '一年级(9)班'],
      [gxKindergarten.code, '一年级', '一年级(1)班'],
      [GX2, '七年级', '七年级(1)班'],
      [GX2, '二年级', '二年级(5)班'],
      [GX2, '二年级', '二年级(5)班'],
      [GX2, '十年级', '1班'],
    ]);
    const res = await upload(t, admin, '/api/imports/classes', 'classes.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: '班级', message: '冠县第二实验小学一年级已有班级“一年级(1)班”，请勿重复导入' },
      { row: 3, column: '学校标识码', message: `学校标识码 ${SXSY} 不存在或不在您的管理范围内，请先导入该学校或核对标识码` },
      { row: 4, column: '年级', message: `${gxKindergarten.name}是幼儿园，没有“一年级”，应为：小班、中班、大班` },
      { row: 5, column: '年级', message: '冠县第二实验小学是小学，没有“七年级”，应为：一年级、二年级、三年级、四年级、五年级、六年级' },
      { row: 7, column: '班级', message: '第 7 行与第 6 行的学校、年级和班级重复，请删除或改正其中一行' },
      { row: 8, column: '年级', message: '年级 "十年级" 无法识别，应为：小班、中班、大班、一年级、二年级、三年级、四年级、五年级、六年级、七年级、八年级、九年级、高一、高二、高三' },
    ]);
  });
});
