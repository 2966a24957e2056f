import { type Insertable, sql, type SqlBool } from 'kysely';
import { addDays, eachDay, shanghaiDate, spanDays } from '../../../shared/dates.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { RecordingTable } from '../db/schema.js';
import { loadCalendar } from '../modules/calendar/calendar-view.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { listMilestones } from '../modules/rollout/rollout.queries.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { LAGGING_COUNTIES, lessonsOf, type Performer, staffOf } from './demo-history.js';
import type { DemoRoom } from './demo-rooms.js';
import { type DemoTerm, lastTermDay } from './demo-school-year.js';
import { SeededRandom } from './seeded-random.js';

/**
 * The demo city's last four weeks of lessons up to the day of the first start (or, in a summer or
 * winter break, the last four weeks of the term before it), so "today" and "this month" show data
 * whenever the demo is started. The schools the rollout activated record in their rooms, one row
 * per track the room records; most meet the quota of two a day, some fall short, a few have
 * stopped, so the dashboards show the spread a bureau sees. Today's lessons are only those over
 * by now. Rows are history without their own video, like the 2018 term's; they may later share
 * the demo clips (demo-media.ts). Unlike the 2018 rows they are not kept forever: retention
 * purges them as it would real lessons. Compliance is recomputed by the compliance service as of now.
 */

export const RECENT_GROUP_PREFIX = 'recent';
/** Calendar days of history before the last term day (four weeks, that day included). */
const WINDOW_DAYS = 28;
const STOPPED_SHARE = 0.07;
const SHORT_SHARE = 0.18;

export interface RecentHistory {
  from: string;
  to: string;
  schools: number;
  recordings: number;
  schoolDays: number;
}

/** Seeds the recent lessons and recomputes compliance over them; call after the terms, rollout and rooms. */
export async function seedRecentHistory(
  db: Db, cityId: number, opts: { clock: Clock; terms: readonly DemoTerm[]; rooms: readonly DemoRoom[]; seed?: number },
): Promise<RecentHistory | null> {
  const now = opts.clock.now();
  const today = shanghaiDate(now);
  const to = lastTermDay(opts.terms, today);
  if (!to) return null;
  const from = addDays(to, -(WINDOW_DAYS - 1));
  const rng = new SeededRandom((opts.seed ?? 20180404) ^ 0x2026);
  return db.db.transaction().execute(async (trx) => {
    const performers = await activatedSchools(trx, cityId, from, rng);
    if (!performers.length) return { from, to, schools: 0, recordings: 0, schoolDays: 0 };
    const ids = performers.map((p) => p.performer.schoolId);
    const staff = await staffOf(trx, ids);
    const calendar = await loadCalendar(trx, { schoolIds: ids, from, to });
    const roomsOf = new Map<number, DemoRoom[]>();
    for (const r of opts.rooms) if (r.operating) roomsOf.set(r.schoolId, [...(roomsOf.get(r.schoolId) ?? []), r]);
    const rows: Insertable<RecordingTable>[] = [];
    for (const { performer: p, meets } of performers) {
      const rooms = roomsOf.get(p.schoolId) ?? [];
      for (const day of eachDay(from, to)) {
        if (!calendar.isSchoolDay(p.schoolId, day)) continue;
        const lessons = lessonsOf(p, staff.get(p.schoolId)!, day, lessonCount(p, meets, rng), rng, { groupPrefix: RECENT_GROUP_PREFIX, keep: false })
          .filter((l) => Date.parse(l.ready_at!) <= now.getTime());
        for (const lesson of lessons) rows.push(...tracksOf(lesson, rooms.length ? rng.pick(rooms) : null));
      }
    }
    for (let i = 0; i < rows.length; i += 250) await trx.insertInto('recordings').values(rows.slice(i, i + 250)).execute();
    const compliance = createComplianceService({ db: { ...db, db: trx }, clock: opts.clock });
    const tracked = new Set((await trx.selectFrom('compliance_tracking').select('school_id').where('school_id', 'in', ids).execute()).map((t) => t.school_id));
    await compliance.trackSchools(ids.filter((id) => !tracked.has(id)).map((schoolId) => ({ schoolId, since: from })));
    const schoolDays = await compliance.recomputeRecentDays(spanDays(from, today));
    return { from, to, schools: performers.length, recordings: rows.length, schoolDays };
  });
}

/** The schools activated by the rollout, each with its chance of meeting the quota on a school day. */
async function activatedSchools(trx: Db['db'], cityId: number, from: string, rng: SeededRandom) {
  const activated = new Map<number, string>();
  for (const m of await listMilestones(trx, sql<SqlBool>`schools.city_id = ${cityId}`, {})) {
    if (m.milestone === 'activated' && m.done_on) activated.set(m.school_id, m.done_on);
  }
  const schools = await trx.selectFrom('schools')
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .select(['schools.id', 'schools.code', 'schools.kind', 'schools.county_id', 'schools.city_id', 'county.code as county_code'])
    .where('schools.city_id', '=', cityId).where('schools.batch', 'is not', null).orderBy('schools.code').execute();
  return schools.filter((s) => activated.has(s.id)).map((s) => {
    const exemplary = s.code === DEMO_SCHOOLS.guanxianShiyan.code;
    const lagging = (LAGGING_COUNTIES as readonly string[]).includes(s.county_code);
    const draw = rng.next();
    // Stopped: the room is there but nobody records; short: records, but on many days fewer than two.
    const meets = exemplary ? 1 : draw < STOPPED_SHARE ? -1 : draw < STOPPED_SHARE + SHORT_SHARE ? 0.3 + rng.next() * 0.3 : (0.86 + rng.next() * 0.14) * (lagging ? 0.9 : 1);
    const performer: Performer = {
      schoolId: s.id, code: s.code, kind: s.kind, countyId: s.county_id, cityId: s.city_id, since: from,
      regularFrom: from, before: meets, after: meets, exemplary,
    };
    return { performer, meets };
  });
}

/** Lessons on a school day: two to four when the school meets the quota, none or one when not. */
function lessonCount(p: Performer, meets: number, rng: SeededRandom): number {
  if (meets < 0) return 0;
  if (p.exemplary) return rng.chance(0.5) ? 3 : 4;
  if (rng.chance(meets)) return rng.chance(0.6) ? 2 : rng.chance(0.75) ? 3 : 4;
  return rng.chance(0.6) ? 1 : 0;
}

/** One row per track the room records (one composite row without a room); a lesson's tracks share its group. */
function tracksOf(lesson: Insertable<RecordingTable>, room: DemoRoom | null): Insertable<RecordingTable>[] {
  if (!room) return [lesson];
  return room.tracks.map((track) => ({ ...lesson, room_id: room.id, track, sha256: `${lesson.group_id}-${track}` }));
}
