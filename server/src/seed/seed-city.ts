import type { Db } from '../db/database.js';
import { seedDemoTimetables } from './demo-timetables.js';
import { firstKindergartenCode, seedKindergartenChildren } from './demo-kindergarten.js';
import { DEMO_ACCOUNTS, DEMO_SCHOOLS, type DemoAccount } from './demo-accounts.js';
import { BATCHES, LIAOCHENG, type CountyPlace } from './liaocheng-places.js';
import { type SchoolDetail, type SeedContext, type WrittenCity, writeCity } from './org-writer.js';
import { PeopleMaker } from './people-maker.js';
import { RowWriter, type SeedCounts } from './row-writer.js';
import {
  assignBatches, compulsoryCount, type KindCounts, markPoorVillages, type PlannedSchool, planCountySchools,
} from './school-plan.js';
import { seedProvince } from './seed-province.js';
import { apportion, SeededRandom } from './seeded-random.js';

export type SeedScale = 'test' | 'demo' | 'province';

export interface SeedOptions {
  scale: SeedScale;
  /** Same seed, same data (default 20180404). */
  seed?: number;
  /** The hash of DEMO_PASSWORD, computed once by the caller and given to every account. */
  passwordHash: string;
  log?: (m: string) => void;
}

export interface SeedSummary {
  scale: SeedScale;
  seed: number;
  counts: SeedCounts;
  ms: number;
}

export const DEFAULT_SEED = 20180404;
// The programme's data start before the first batch; a fixed date keeps two runs identical.
const CREATED_AT = '2018-03-01T00:00:00.000Z';
const POOR_VILLAGE_SHARE = 0.1;
const WITH_STUDENTS = new Set<string>([DEMO_SCHOOLS.guanxianShiyan.code, DEMO_SCHOOLS.shenxianShiyan.code]);

export class SeedError extends Error {
  constructor(readonly code: 'SEED_NOT_EMPTY' | 'SEED_BAD_OPTIONS', message: string) {
    super(message);
  }
}

/**
 * Seeds the Liaocheng 2018 demo city (and, at scale `province`, 15 more Shandong cities) into an
 * empty, migrated database, in one transaction. Deterministic: the same seed gives the same rows.
 */
export async function seedCity(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (!['test', 'demo', 'province'].includes(opts.scale)) {
    throw new SeedError('SEED_BAD_OPTIONS', `unknown seed scale ${String(opts.scale)}: use test, demo or province`);
  }
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new SeedError('SEED_BAD_OPTIONS', `the seed must be a whole number, got ${seed}`);
  const existing = await db.db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  if (existing) {
    throw new SeedError('SEED_NOT_EMPTY', 'the database already holds regions: the seed writes only into an empty database');
  }
  const log = opts.log ?? (() => {});

  const counts = await db.db.transaction().execute(async (trx) => {
    const rng = new SeededRandom(seed);
    const ctx: SeedContext = {
      rng, people: new PeopleMaker(rng), writer: new RowWriter(trx), passwordHash: opts.passwordHash, createdAt: CREATED_AT, log,
    };
    // Named accounts take the first user ids (sysadmin is 1); their roles follow once schools exist.
    const named = DEMO_ACCOUNTS.map((account) => ({ account, userId: addNamedUser(ctx, account) }));
    const city = await writeLiaocheng(ctx, opts.scale);
    for (const { account, userId } of named) addNamedRole(ctx, account, userId, city);
    log(`聊城市: ${city.schools.size} schools`);
    if (opts.scale === 'province') await seedProvince(ctx);
    // Last, on its own stream: every row before it keeps its draws and its id.
    seedKindergartenChildren(ctx, city, seed);
    await ctx.writer.flushAll();
    if (db.dialect === 'postgres') await ctx.writer.resetSequences();
    // Apart from the random numbers above: adding it changes no other row.
    log(`demo timetables: ${await seedDemoTimetables(trx, CREATED_AT)} lessons`);
    return ctx.writer.counts;
  });
  return { scale: opts.scale, seed, counts, ms: Math.round(performance.now() - started) };
}

function planLiaocheng(ctx: SeedContext, scale: SeedScale): PlannedSchool[][] {
  const planCtx = { rng: ctx.rng, people: ctx.people, cityName: LIAOCHENG.name, takenNames: new Set<string>() };
  let plans: PlannedSchool[][];
  let early: number[];
  if (scale === 'test') {
    plans = LIAOCHENG.counties.map((county) => planCountySchools(planCtx, county, ...testCounts(county)));
    early = plans.map(() => 1);
  } else {
    const weights = LIAOCHENG.counties.map((c) => c.populationWeight);
    const kindergartens = apportion(BATCHES.first.kindergarten, weights);
    const compulsory = apportion(BATCHES.first.primaryAndJunior + BATCHES.second.primaryAndJunior, weights);
    plans = LIAOCHENG.counties.map((county, i) => {
      const pj = compulsory[i] ?? 0;
      const junior = Math.round(pj * 0.2);
      const nineYear = Math.max(1, Math.round(pj * 0.06));
      const counts = { kindergarten: kindergartens[i] ?? 0, primary: pj - junior - nineYear, junior, nine_year: nineYear, senior: 0 };
      return planCountySchools(planCtx, county, counts);
    });
    early = apportion(BATCHES.first.primaryAndJunior, plans.map(compulsoryCount));
  }
  markPoorVillages(ctx.rng, plans.flat(), POOR_VILLAGE_SHARE);
  plans.forEach((schools, i) => assignBatches(schools, early[i] ?? 0));
  return plans;
}

/** The test scale: three schools a county, a rural one where the integration tests need it. */
function testCounts(county: CountyPlace): [Partial<KindCounts>, Partial<KindCounts>] {
  if (county.slug === 'guanxian') return [{ primary: 2, kindergarten: 1 }, { primary: 2 }];
  if (county.slug === 'shenxian') return [{ primary: 2, kindergarten: 1 }, { primary: 1 }];
  return [{ primary: 1, junior: 1, kindergarten: 1 }, { primary: 1, junior: 0 }];
}

async function writeLiaocheng(ctx: SeedContext, scale: SeedScale): Promise<WrittenCity> {
  const withStudents = (s: PlannedSchool) => WITH_STUDENTS.has(s.code);
  const plans = planLiaocheng(ctx, scale);
  // gxyey.teacher (demo-kindergarten.ts) heads the first class of 冠县's first kindergarten.
  const kindergartenHead = firstKindergartenCode(plans[LIAOCHENG.counties.findIndex((c) => c.slug === 'guanxian')] ?? []);
  // A class has one 班主任: where a named teacher heads a class, the school's own turn skips it.
  const namedHeads = (s: PlannedSchool) => new Set([...DEMO_ACCOUNTS.flatMap((a) =>
    a.scope.level === 'school' && a.scope.code === s.code && a.scope.headOfClass !== undefined ? [a.scope.headOfClass] : []),
  ...(s.code === kindergartenHead ? [0] : [])]);
  const detail: SchoolDetail = scale === 'test'
    ? { gradeLimit: 2, classesPerGrade: { fixed: 2 }, teachers: () => 2, withStudents, namedHeads }
    : { gradeLimit: null, classesPerGrade: { max: 12 }, teachers: (s) => Math.max(2, Math.round(s.staffCount / 2)), withStudents, namedHeads };
  const city = await writeCity(ctx, LIAOCHENG, plans, detail);
  for (const school of Object.values(DEMO_SCHOOLS)) {
    if (!city.schools.has(school.code)) throw new Error(`seed: ${school.name} (${school.code}) was not planned`);
  }
  return city;
}

function addNamedUser(ctx: SeedContext, account: DemoAccount): number {
  return ctx.writer.add('users', {
    username: account.username, name: account.name, phone: ctx.people.mobile(), password_hash: ctx.passwordHash,
    kind: account.role === 'parent' ? 'guardian' : 'staff', disabled: 0, failed_logins: 0, locked_until: null,
    created_at: ctx.createdAt, updated_at: ctx.createdAt,
  });
}

function addNamedRole(ctx: SeedContext, account: DemoAccount, userId: number, city: WrittenCity): void {
  const scope = account.scope;
  let cityId: number | null = null;
  let countyId: number | null = null;
  let schoolId: number | null = null;
  if (scope.level === 'city') {
    cityId = city.cityId;
  } else if (scope.level === 'county') {
    cityId = city.cityId;
    countyId = city.countyIds.get(scope.code) ?? null;
    if (countyId === null) throw new Error(`seed: ${account.username} names unknown county ${scope.code}`);
  } else if (scope.level === 'school') {
    const school = city.schools.get(scope.code);
    if (!school) throw new Error(`seed: ${account.username} names unknown school ${scope.code}`);
    [cityId, countyId, schoolId] = [city.cityId, school.countyId, school.id];
    if (scope.headOfClass !== undefined) {
      const classId = school.classes[scope.headOfClass]?.id;
      if (classId === undefined) throw new Error(`seed: ${account.username} heads a class ${scope.headOfClass} that ${scope.code} does not have`);
      ctx.writer.teach({ class_id: classId, user_id: userId, duty: 'head', subject: '' });
    }
  } else if (scope.level === 'guardian') {
    const studentId = city.schools.get(scope.school)?.classes[scope.classIndex]?.firstStudentId;
    if (studentId == null) throw new Error(`seed: ${account.username} names a class without students`);
    ctx.writer.link({ user_id: userId, student_id: studentId, relation: scope.relation });
  }
  ctx.writer.add('role_assignments', {
    user_id: userId, role: account.role, department: account.department ?? null,
    city_id: cityId, county_id: countyId, school_id: schoolId, created_at: ctx.createdAt,
  });
}
