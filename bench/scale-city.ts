import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { newDeviceToken } from '../server/src/modules/rooms/device-auth.js';
import { DEMO_SCHOOLS } from '../server/src/seed/demo-accounts.js';
import { seedDemoIfEmpty } from '../server/src/seed/seed-on-start.js';
import { ROOT } from './support.js';

/**
 * The city the scale bench loads: the demo city as `npm start` seeds it on first start (聊城市,
 * its 630 programme schools, the spring term's and this school year's lessons), in a PostgreSQL
 * database of its own (both the 1-node and the 2-node cluster read it: a second node needs a
 * shared database), plus what the city-day mix needs and the demo seed has not:
 * - recorders: RECORDERS_PER_SCHOOL rooms at each programme school, each with a recorder whose
 *   token the bench keeps (the seed's rooms have tokens nobody knows). The city has one per
 *   school (630); the compressed day sends each recorder's heartbeats many times faster than every
 *   30 s, and a recorder may send 20 a minute (devices.routes.ts), so the compressed heartbeats
 *   come from ten times as many recorders, each within its limit, as ten real days' would;
 * - PARENTS parent accounts, each the guardian of one pupil of the two schools the seed gives
 *   pupils.
 * Built once (a minute or two) and kept while VERSION stays: database `sunshine_bench_scale_v<VERSION>`,
 * the tokens in bench/out/. BENCH_REBUILD=1 drops and builds it again.
 */
const VERSION = 1;
export const RECORDERS_PER_SCHOOL = 10;
export const PARENTS = 2000;

export interface ScaleCity {
  databaseUrl: string;
  /** Recorder tokens (Bearer), RECORDERS_PER_SCHOOL per programme school. */
  deviceTokens: string[];
  parents: { username: string; studentId: number }[];
  /** Officials to sign in: city, county and school accounts with the ids their dashboards take. */
  officials: { username: string; level: 'city' | 'county' | 'school'; countyId: number | null; schoolId: number | null }[];
  schools: number;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

export async function openScaleCity(serverUrl: string, log: (m: string) => void): Promise<ScaleCity> {
  const name = `sunshine_bench_scale_v${VERSION}`;
  const databaseUrl = withDatabase(serverUrl, name);
  const outDir = join(ROOT, 'bench', 'out');
  const keep = join(outDir, `scale-city-v${VERSION}.json`);
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && existsSync(keep) && process.env.BENCH_REBUILD !== '1') {
      log(`  reusing PostgreSQL database ${name} (BENCH_REBUILD=1 to build it again)`);
      return { databaseUrl, ...(JSON.parse(readFileSync(keep, 'utf8')) as Omit<ScaleCity, 'databaseUrl'>) };
    }
    if (exists) await admin.query(`drop database ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const started = performance.now();
  log(`  building PostgreSQL database ${name}: the demo city's first start, then ${RECORDERS_PER_SCHOOL} recorders a school and ${PARENTS} parents …`);
  const h = openDb({ databaseUrl, dataDir: outDir });
  try {
    await migrateToLatest(h);
    await seedDemoIfEmpty(h, () => {});
    const db = h.db;
    const now = new Date().toISOString();
    const schools = await db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'code']).orderBy('code').execute();
    const deviceTokens: string[] = [];
    for (let from = 0; from < schools.length; from += 50) {
      const batch = schools.slice(from, from + 50).flatMap((s) => Array.from({ length: RECORDERS_PER_SCHOOL }, (_, n) => ({ s, n })));
      const rooms = await db.insertInto('rooms').values(batch.map(({ s, n }) => ({
        school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: `基准录播室${n + 1}`, location: '', vendor: '', model: '',
        tracks: JSON.stringify(['composite']), status: 'in_use' as const, planned_on: null, installed_on: null, activated_on: null, in_use_on: null,
        created_at: now, updated_at: now,
      }))).returning(['id', 'school_id']).execute();
      const devices = rooms.map((r) => ({ r, t: newDeviceToken() }));
      await db.insertInto('devices').values(devices.map(({ r, t }) => ({
        room_id: r.id, school_id: r.school_id, name: '基准主机', serial: '', token_hash: t.hash, token_hint: t.hint, created_at: now, rotated_at: null,
        revoked_at: null, last_heartbeat_at: null, last_state: null, disk_free_bytes: null, firmware: null, last_ip: null,
      }))).execute();
      deviceTokens.push(...devices.map(({ t }) => t.token));
    }
    // Parents: one child each, among the pupils of the schools the seed gives pupils.
    const pupils = await db.selectFrom('students').innerJoin('schools', 'schools.id', 'students.school_id')
      .select('students.id').where('schools.code', 'in', [DEMO_SCHOOLS.guanxianShiyan.code, DEMO_SCHOOLS.shenxianShiyan.code])
      .orderBy('students.id').execute();
    if (!pupils.length) throw new Error('the demo city has no pupils');
    const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'gxsy.parent').executeTakeFirstOrThrow()).password_hash;
    const parents: ScaleCity['parents'] = Array.from({ length: PARENTS }, (_, i) => ({
      username: `bench.parent.${String(i).padStart(4, '0')}`, studentId: pupils[i % pupils.length]!.id,
    }));
    for (let from = 0; from < parents.length; from += 500) {
      const batch = parents.slice(from, from + 500);
      const users = await db.insertInto('users').values(batch.map((p) => ({
        username: p.username, name: '基准家长', phone: null, password_hash: hash, kind: 'guardian' as const,
        disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
      }))).returning(['id', 'username']).execute();
      await db.insertInto('role_assignments').values(users.map((u) => ({
        user_id: u.id, role: 'parent' as const, department: null, city_id: null, county_id: null, school_id: null, created_at: now,
      }))).execute();
      const byName = new Map(batch.map((p) => [p.username, p.studentId]));
      await db.insertInto('guardianships').values(users.map((u) => ({ user_id: u.id, student_id: byName.get(u.username)!, relation: '母亲' }))).execute();
    }
    // Officials: the city admin, every county's six accounts, and principals of the schools.
    const counties = await db.selectFrom('regions').select(['id', 'code']).where('level', '=', 'county').execute();
    const { LIAOCHENG } = await import('../server/src/seed/liaocheng-places.js');
    const officials: ScaleCity['officials'] = [{ username: 'city.admin', level: 'city', countyId: null, schoolId: null }];
    for (const c of LIAOCHENG.counties) {
      const countyId = counties.find((r) => r.code === c.code)?.id ?? null;
      for (const who of ['admin', 'research', 'edtech', 'inspector']) officials.push({ username: `${c.slug}.${who}`, level: 'county', countyId, schoolId: null });
    }
    for (const s of schools.filter((_, i) => i % 7 === 0)) officials.push({ username: `p${s.code}`, level: 'school', countyId: s.county_id, schoolId: s.id });
    const city: Omit<ScaleCity, 'databaseUrl'> = { deviceTokens, parents, officials, schools: schools.length };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(keep, JSON.stringify(city));
    log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s: ${schools.length} schools, ${deviceTokens.length} recorders, ${parents.length} parents`);
    return { databaseUrl, ...city };
  } finally {
    await h.close();
  }
}
