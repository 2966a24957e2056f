import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../modules/auth/passwords.js';
import { createTestDb } from '../test-support/test-db.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOLS } from './demo-accounts.js';
import { LIAOCHENG } from './liaocheng-places.js';
import { seedCity, type SeedSummary } from './seed-city.js';

type TestDb = Awaited<ReturnType<typeof createTestDb>>;

const dialect = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
// One argon2 hash for the file: every seeded account shares it, and hashing costs ~30 ms.
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(DEMO_PASSWORD);
});

async function seeded(scale: 'test' | 'demo', seed?: number): Promise<{ db: TestDb; summary: SeedSummary }> {
  const db = await createTestDb();
  return { db, summary: await seedCity(db, { scale, seed, passwordHash }) };
}

const schoolRows = (db: TestDb) => db.db.selectFrom('schools').selectAll().orderBy('id').execute();

/** Seeds a throwaway database and returns what `read` makes of it. The tests hold one database at
 * a time: Kysely's migrator, given no schema, mistakes another test schema's migration table for
 * its own on PostgreSQL. */
async function seedAndRead<T>(scale: 'test' | 'demo', seed: number | undefined, read: (db: TestDb) => Promise<T>): Promise<T> {
  const { db } = await seeded(scale, seed);
  try {
    return await read(db);
  } finally {
    await db.dropAll();
  }
}

describe(`seedCity, demo scale (${dialect})`, () => {
  let db: TestDb;
  let summary: SeedSummary;
  let firstRun: Awaited<ReturnType<typeof schoolRows>>;
  beforeAll(async () => {
    firstRun = await seedAndRead('demo', undefined, schoolRows);
    ({ db, summary } = await seeded('demo'));
  }, 120_000);
  afterAll(() => db?.dropAll());

  it('writes 聊城市 with its eight 2018 counties, each with three departments', async () => {
    const regions = await db.db.selectFrom('regions').selectAll().orderBy('id').execute();
    const city = regions.find((r) => r.level === 'city');
    expect(city).toMatchObject({ code: '371500', name: '聊城市', bureau_name: '聊城市教育局', parent_id: null });
    const counties = regions.filter((r) => r.level === 'county');
    expect(counties.map((c) => c.code).sort()).toEqual(LIAOCHENG.counties.map((c) => c.code).sort());
    expect(counties.every((c) => c.parent_id === city?.id)).toBe(true);
    expect(counties.find((c) => c.code === '371525')?.bureau_name).toBe('冠县教育局');
    const departments = await db.db.selectFrom('departments').selectAll().execute();
    expect(departments).toHaveLength(24);
    const guanxian = counties.find((c) => c.name === '冠县');
    expect(departments.filter((d) => d.region_id === guanxian?.id).map((d) => d.name).sort())
      .toEqual(['冠县教育局学前教研室', '冠县教育局教科所', '冠县教育局电教馆']);
  });

  it('writes the 630 programme schools: 200 kindergartens and 150 + 280 primary and junior schools by batch', async () => {
    const schools = await schoolRows(db);
    expect(summary.counts.schools).toBe(630);
    expect(schools).toHaveLength(630);
    const kindergartens = schools.filter((s) => s.kind === 'kindergarten');
    expect(kindergartens).toHaveLength(200);
    expect(kindergartens.every((s) => s.batch === '2018-08')).toBe(true);
    const compulsory = schools.filter((s) => s.kind !== 'kindergarten');
    expect(compulsory.every((s) => ['primary', 'junior', 'nine_year'].includes(s.kind))).toBe(true);
    expect(compulsory.filter((s) => s.kind === 'primary').length).toBeGreaterThan(compulsory.length / 2);
    expect(compulsory.filter((s) => s.batch === '2018-08')).toHaveLength(150);
    expect(compulsory.filter((s) => s.batch === '2019-02')).toHaveLength(280);
    expect(new Set(schools.map((s) => s.name)).size).toBe(630);
    const counties = await db.db.selectFrom('regions').select(['id', 'code']).where('level', '=', 'county').execute();
    const countyCode = new Map(counties.map((c) => [c.id, c.code]));
    for (const s of schools) {
      expect(s.code).toMatch(new RegExp(`^1${countyCode.get(s.county_id)}\\d{3}$`));
      expect(s.contact_phone).toMatch(/^1[3-9]\d{9}$/);
      expect(s.student_count).toBeGreaterThan(0);
    }
  });

  it('marks about a tenth of the schools as poor-village schools, all of them rural', async () => {
    const poor = (await schoolRows(db)).filter((s) => s.poor_village === 1);
    expect(poor.length).toBeGreaterThanOrEqual(55);
    expect(poor.length).toBeLessThanOrEqual(70);
    expect(poor.every((s) => s.locality === 'rural')).toBe(true);
  });

  it('has 冠县实验小学 (urban primary, first batch) and 莘县实验小学 at their fixed codes', async () => {
    const schools = await schoolRows(db);
    const gxsy = schools.find((s) => s.code === DEMO_SCHOOLS.guanxianShiyan.code);
    expect(gxsy).toMatchObject({ name: '冠县实验小学', kind: 'primary', locality: 'urban', batch: '2018-08' });
    expect(schools.find((s) => s.code === DEMO_SCHOOLS.guanxianDier.code)?.name).toBe('冠县第二实验小学');
    expect(schools.find((s) => s.code === DEMO_SCHOOLS.shenxianShiyan.code)?.name).toBe('莘县实验小学');
  });

  it('gives every named account its one role with the right scope columns', async () => {
    const schools = await schoolRows(db);
    const regions = await db.db.selectFrom('regions').selectAll().execute();
    const cityId = regions.find((r) => r.level === 'city')?.id;
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.db.selectFrom('users').selectAll().where('username', '=', account.username).executeTakeFirstOrThrow();
      expect(user.name).toBe(account.name);
      expect(user.kind).toBe(account.role === 'parent' ? 'guardian' : 'staff');
      const roles = await db.db.selectFrom('role_assignments').selectAll().where('user_id', '=', user.id).execute();
      expect(roles, account.username).toHaveLength(1);
      const role = roles[0];
      const scope = account.scope;
      let expected = { city_id: null as number | null, county_id: null as number | null, school_id: null as number | null };
      if (scope.level === 'city') expected = { ...expected, city_id: cityId ?? -1 };
      if (scope.level === 'county') {
        expected = { ...expected, city_id: cityId ?? -1, county_id: regions.find((r) => r.code === scope.code)?.id ?? -1 };
      }
      if (scope.level === 'school') {
        const school = schools.find((s) => s.code === scope.code);
        expected = { city_id: school?.city_id ?? -1, county_id: school?.county_id ?? -1, school_id: school?.id ?? -1 };
      }
      expect(role, account.username).toMatchObject({ role: account.role, department: account.department ?? null, ...expected });
    }
    const research = await db.db.selectFrom('users').innerJoin('role_assignments as ra', 'ra.user_id', 'users.id')
      .select(['ra.department', 'ra.county_id']).where('username', '=', 'guanxian.research').executeTakeFirstOrThrow();
    expect(research.department).toBe('research');
    expect(regions.find((r) => r.id === research.county_id)?.name).toBe('冠县');
  });

  it('links the two parents to children in two different classes of 冠县实验小学', async () => {
    const links = await db.db.selectFrom('guardianships as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('students as s', 's.id', 'g.student_id')
      .innerJoin('schools as sc', 'sc.id', 's.school_id')
      .innerJoin('classes as c', 'c.id', 's.class_id')
      .select(['u.username', 'g.relation', 'sc.code', 'c.name as className', 's.class_id'])
      .where('u.username', 'like', 'gxsy.%').orderBy('u.username').execute();
    expect(links).toHaveLength(2);
    expect(links[0]).toMatchObject({ username: 'gxsy.parent', relation: '母亲', code: DEMO_SCHOOLS.guanxianShiyan.code, className: '一年级(1)班' });
    expect(links[1]).toMatchObject({ username: 'gxsy.parent2', code: DEMO_SCHOOLS.guanxianShiyan.code });
    expect(links[1]?.class_id).not.toBe(links[0]?.class_id);
  });

  it('keeps children\'s data to 冠县实验小学 and 莘县实验小学, about 30 a class (and the kindergartens\' step)', async () => {
    const bySchool = await db.db.selectFrom('students as s').innerJoin('schools as sc', 'sc.id', 's.school_id')
      .select(['sc.code', 'sc.student_count', (eb) => eb.fn.countAll<number>().as('n')]).where('sc.kind', '<>', 'kindergarten')
      .groupBy(['sc.code', 'sc.student_count']).orderBy('sc.code').execute();
    expect(bySchool.map((r) => r.code)).toEqual([DEMO_SCHOOLS.shenxianShiyan.code, DEMO_SCHOOLS.guanxianShiyan.code]);
    for (const row of bySchool) expect(Number(row.n)).toBe(row.student_count);
    const students = await db.db.selectFrom('students').innerJoin('schools as sc', 'sc.id', 'students.school_id')
      .select(['class_id', 'gender', 'birth_date']).where('sc.kind', '<>', 'kindergarten').execute();
    const perClass = new Map<number, number>();
    for (const s of students) perClass.set(s.class_id, (perClass.get(s.class_id) ?? 0) + 1);
    expect([...perClass.values()].every((n) => n >= 28 && n <= 34)).toBe(true);
    expect(students.every((s) => (s.gender === 'm' || s.gender === 'f') && /^20\d\d-\d\d-\d\d$/.test(s.birth_date))).toBe(true);
  });

  it('gives each school a principal p<code> and teachers t<code>_<nn> scoped to it', async () => {
    const gxsy = await db.db.selectFrom('schools').selectAll().where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
    const staff = await db.db.selectFrom('users as u').innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .select(['u.username', 'u.name', 'ra.role', 'ra.city_id', 'ra.county_id', 'ra.school_id'])
      .where('u.username', 'like', `%${gxsy.code}%`).execute();
    expect(staff.find((s) => s.username === `p${gxsy.code}`)).toMatchObject({ role: 'principal', name: gxsy.contact_name });
    expect(staff.find((s) => s.username === `t${gxsy.code}_01`)?.role).toBe('teacher');
    expect(staff.every((s) => s.school_id === gxsy.id && s.county_id === gxsy.county_id && s.city_id === gxsy.city_id)).toBe(true);
    const accounts = await db.db.selectFrom('role_assignments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(accounts.n)).toBe(summary.counts.role_assignments);
  });

  it('leaves the id sequences past the seeded ids, so ordinary inserts still work', async () => {
    const id = await db.db.insertInto('regions')
      .values({ code: '379999', name: '测试市', level: 'city', parent_id: null, bureau_name: '测试市教育局' })
      .returning('id').executeTakeFirstOrThrow();
    expect(id.id).toBeGreaterThan(9);
    await db.db.deleteFrom('regions').where('id', '=', id.id).execute();
  });

  it('refuses a database that already holds a city', async () => {
    await expect(seedCity(db, { scale: 'test', passwordHash })).rejects.toThrow(/empty database/);
  });

  it('gives the same school rows for the same seed', async () => {
    expect(firstRun).toHaveLength(630);
    expect(await schoolRows(db)).toEqual(firstRun);
  });
});

describe(`seedCity, test scale (${dialect})`, () => {
  it('writes three schools a county with the named accounts, quickly', async () => {
    const { db, summary } = await seeded('test');
    try {
      expect(summary.counts.regions).toBe(9);
      expect(summary.counts.schools).toBe(24);
      expect(summary.counts.classes).toBeLessThanOrEqual(24 * 2 * 2);
      const guanxian = await db.db.selectFrom('schools').select('name').where('code', 'like', '1371525%').orderBy('code').execute();
      expect(guanxian.map((s) => s.name)).toEqual(['冠县实验小学', '冠县第二实验小学', '冠县第一幼儿园']);
      const names = await db.db.selectFrom('users').select('username').execute();
      for (const account of DEMO_ACCOUNTS) expect(names.map((u) => u.username)).toContain(account.username);
      expect(summary.ms).toBeLessThan(5000);
    } finally {
      await db.dropAll();
    }
  });

  it('gives 冠县\'s first kindergarten children, a teacher heading its first class and two parents, after all else', async () => {
    const { db } = await seeded('test');
    try {
      const kids = await db.db.selectFrom('students').innerJoin('schools as sc', 'sc.id', 'students.school_id')
        .select(['sc.name', 'students.class_id', (eb) => eb.fn.countAll<number>().as('n')]).where('sc.kind', '=', 'kindergarten')
        .groupBy(['sc.name', 'students.class_id']).orderBy('students.class_id').execute();
      expect(new Set(kids.map((k) => k.name))).toEqual(new Set(['冠县第一幼儿园', '莘县第一幼儿园']));
      expect(kids.every((k) => Number(k.n) >= 22 && Number(k.n) <= 28)).toBe(true);
      const links = await db.db.selectFrom('guardianships as g').innerJoin('users as u', 'u.id', 'g.user_id')
        .innerJoin('students as s', 's.id', 'g.student_id').select(['u.username', 's.class_id', 'g.relation'])
        .where('u.username', 'like', 'gxyey.%').orderBy('u.username').execute();
      expect(links.map((l) => [l.username, l.relation])).toEqual([['gxyey.parent', '母亲'], ['gxyey.parent2', '父亲']]);
      const head = await db.db.selectFrom('class_staff').innerJoin('users as u', 'u.id', 'class_staff.user_id')
        .select(['class_staff.class_id', 'class_staff.duty']).where('u.username', '=', 'gxyey.teacher').executeTakeFirstOrThrow();
      expect(head).toEqual({ class_id: links[0]?.class_id, duty: 'head' });
      expect(links[1]?.class_id).not.toBe(links[0]?.class_id);
    } finally {
      await db.dropAll();
    }
  });

  it('gives other data for another seed', async () => {
    const names = async (db: TestDb) => (await schoolRows(db)).map((s) => s.contact_name);
    const first = await seedAndRead('test', 1, names);
    expect(await seedAndRead('test', 2, names)).not.toEqual(first);
    expect(await seedAndRead('test', 1, names)).toEqual(first);
  });
});
