import { type Insertable, type Kysely, sql, type SqlBool } from 'kysely';
import type { SchoolKind } from '../../../shared/domain.js';
import { addDays } from '../../../shared/dates.js';
import type { Database, DeviceTable, RoomTable, RoomTimetableTable } from '../db/schema.js';
import { newDeviceToken } from '../modules/rooms/device-auth.js';
import type { TRACKS } from '../modules/rooms/rooms.schema.js';
import { listMilestones } from '../modules/rollout/rollout.queries.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { KINDERGARTEN_SUBJECTS, MINUTES, PERIODS, SCHOOL_SUBJECTS, type Staff, staffOf } from './demo-history.js';
import { SeededRandom } from './seeded-random.js';

/**
 * The demo city's recording rooms: every school whose programme is marked built (已建成录播室) has
 * one, the biggest two, each with a recorder and a weekly timetable. Their lifecycle follows the
 * school's rollout milestones (installed, activated, in regular use, with the same dates), so the
 * rooms page and the rollout tell one story. Recorders of activated rooms were heard moments ago,
 * except a few that went offline days ago; rooms only installed have a recorder never connected.
 *
 * The recorders are simulated: their serial starts with DEMO_SERIAL_PREFIX and the demo keeps the
 * online ones beating while the server runs (demo-recorders.ts). Their tokens are thrown away: a
 * real recorder joins by staff rotating a token on the room's page.
 */

export const DEMO_SERIAL_PREFIX = 'DEMO-';
type Track = (typeof TRACKS)[number];

const VENDORS = [
  { vendor: '奥威亚', model: 'AVA-RS3000' }, { vendor: '卡欣', model: 'KX-LB520' },
  { vendor: '中庆', model: 'ZQ-R8' }, { vendor: '捷视飞通', model: 'JS-REC600' },
] as const;
const LOCATIONS = ['教学楼一楼东侧', '教学楼二楼西侧', '教学楼三楼中间', '综合楼二楼', '实验楼一楼', '科技楼三楼'] as const;
const TRACK_SETS: readonly (readonly [readonly Track[], number])[] = [
  [['composite'], 0.6], [['teacher', 'blackboard'], 0.25], [['teacher', 'students', 'blackboard', 'screen'], 0.15],
];
const OFFLINE_SHARE = 0.12;
/** The share of built schools, the biggest by pupils, that have a second room. */
const TWO_ROOM_SHARE = 0.2;

export interface DemoRoom {
  id: number;
  schoolId: number;
  tracks: Track[];
  operating: boolean;
}

/** Seeds rooms, recorders, timetables and heartbeats of the built schools; returns the rooms. */
export async function seedDemoRooms(db: Kysely<Database>, cityId: number, now: Date, seed = 20180404): Promise<DemoRoom[]> {
  const rng = new SeededRandom(seed ^ 0x600d);
  const schools = await db.selectFrom('rollout_schools')
    .innerJoin('schools', 'schools.id', 'rollout_schools.school_id')
    .select(['schools.id', 'schools.code', 'schools.kind', 'schools.county_id', 'schools.city_id', 'schools.student_count'])
    .where('rollout_schools.city_id', '=', cityId).where('rollout_schools.built', '=', 1)
    .orderBy('schools.code').execute();
  if (!schools.length) return [];
  const dates = await milestoneDates(db, cityId);
  const bySize = [...schools].sort((a, b) => b.student_count - a.student_count || a.code.localeCompare(b.code));
  const twoRooms = new Set(bySize.slice(0, Math.round(schools.length * TWO_ROOM_SHARE)).filter((s) => s.kind !== 'kindergarten').map((s) => s.id));
  const staff = await staffOf(db, schools.map((s) => s.id));
  const rooms: DemoRoom[] = [];
  const timetable: Insertable<RoomTimetableTable>[] = [];
  const devices: Insertable<DeviceTable>[] = [];
  for (const s of schools) {
    const d = dates.get(s.id) ?? {};
    const installed = d.installed ?? addDays(now.toISOString().slice(0, 10), -30);
    const activated = d.activated ?? null;
    const inUse = activated ? d.in_regular_use ?? null : null;
    const status: RoomTable['status'] = inUse ? 'in_use' : activated ? 'activated' : 'installed';
    const count = twoRooms.has(s.id) ? 2 : 1;
    const make = rng.pick(VENDORS);
    for (let n = 1; n <= count; n++) {
      // 冠县实验小学, the demo's model school, records every track.
      const tracks = s.code === DEMO_SCHOOLS.guanxianShiyan.code && n === 1
        ? ['teacher', 'students', 'blackboard', 'screen'] as Track[]
        : [...pickWeighted(rng, TRACK_SETS)];
      const createdAt = new Date(`${installed}T09:00:00+08:00`).toISOString();
      const room = await db.insertInto('rooms').values({
        school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: count === 1 ? '录播室' : `录播室${n === 1 ? '一' : '二'}`,
        location: rng.pick(LOCATIONS), vendor: make.vendor, model: make.model, tracks: JSON.stringify(tracks), status,
        planned_on: d.registered ?? addDays(installed, -30), installed_on: installed, activated_on: activated, in_use_on: inUse,
        created_at: createdAt, updated_at: createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      const operating = status !== 'installed';
      rooms.push({ id: room.id, schoolId: s.id, tracks, operating });
      devices.push(recorder(rng, room.id, s.id, s.code, n, createdAt, operating, now));
      timetable.push(...weekOf(rng, room.id, s.kind, staff.get(s.id)!, n));
    }
  }
  for (let i = 0; i < devices.length; i += 200) await db.insertInto('devices').values(devices.slice(i, i + 200)).execute();
  for (let i = 0; i < timetable.length; i += 300) await db.insertInto('room_timetable').values(timetable.slice(i, i + 300)).execute();
  return rooms;
}

/** Each programme school's done milestones by name. */
async function milestoneDates(db: Kysely<Database>, cityId: number): Promise<Map<number, Partial<Record<string, string>>>> {
  const out = new Map<number, Partial<Record<string, string>>>();
  for (const m of await listMilestones(db, sql<SqlBool>`schools.city_id = ${cityId}`, {})) {
    if (!m.done_on) continue;
    out.set(m.school_id, { ...out.get(m.school_id), [m.milestone]: m.done_on });
  }
  return out;
}

function pickWeighted<T>(rng: SeededRandom, entries: readonly (readonly [T, number])[]): T {
  let x = rng.next();
  for (const [value, weight] of entries) {
    if (x < weight) return value;
    x -= weight;
  }
  return entries[entries.length - 1]![0];
}

/**
 * A room's recorder: operating rooms' recorders were heard within the last minute (online) or,
 * for a few, days ago; a recorder of a room only installed has never connected. `last_state` is
 * null for those the demo does not keep beating (it is shown only while a recorder is online).
 */
function recorder(
  rng: SeededRandom, roomId: number, schoolId: number, code: string, n: number, createdAt: string, operating: boolean, now: Date,
): Insertable<DeviceTable> {
  const { hash, hint } = newDeviceToken();
  const online = operating && !rng.chance(OFFLINE_SHARE);
  const heard = !operating ? null
    : online ? new Date(now.getTime() - rng.int(5, 50) * 1000) : new Date(now.getTime() - rng.int(26, 240) * 3_600_000);
  return {
    room_id: roomId, school_id: schoolId, name: n === 1 ? '录播主机' : '录播主机（二）', serial: `${DEMO_SERIAL_PREFIX}${code}-${n}`,
    token_hash: hash, token_hint: hint, created_at: createdAt, rotated_at: null, revoked_at: null,
    last_heartbeat_at: heard?.toISOString() ?? null, last_state: online ? 'idle' : null,
    disk_free_bytes: heard ? rng.int(60, 900) * 1024 ** 3 : null, firmware: heard ? `V3.${rng.int(1, 4)}.${rng.int(0, 9)}` : null,
    last_ip: heard ? `10.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(2, 254)}` : null,
  };
}

/** A week of timetabled lessons: two or three a school day, in distinct periods, for the school's grades and teachers. */
function weekOf(rng: SeededRandom, roomId: number, kind: SchoolKind, staff: Staff, n: number): Insertable<RoomTimetableTable>[] {
  const kindergarten = kind === 'kindergarten';
  const subjects = kindergarten ? KINDERGARTEN_SUBJECTS : SCHOOL_SUBJECTS;
  const periods = kindergarten ? PERIODS.kindergarten : PERIODS.school;
  const rows: Insertable<RoomTimetableTable>[] = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    // A second room takes other periods than the first, so the school's lessons do not collide.
    const own = periods.filter((_, i) => (n === 1 ? i % 2 === 0 : i % 2 === 1) || periods.length <= 4);
    for (const at of rng.shuffle([...own]).slice(0, rng.int(2, 3)).sort()) {
      const grade = staff.grades.length ? rng.pick(staff.grades) : null;
      const level = grade?.level ?? 1;
      const fitting = subjects.filter((s) => s.levels[0] <= level && level <= s.levels[1]);
      const subject = rng.pick(fitting.length ? fitting : subjects);
      const [h, m] = at.split(':').map(Number) as [number, number];
      const end = h * 60 + m + MINUTES[kind];
      rows.push({
        room_id: roomId, weekday, starts_at: at, ends_at: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
        subject: subject.name, grade: grade?.name ?? '', class_id: grade?.classIds.length ? rng.pick(grade.classIds) : null,
        teacher_name: staff.teachers.length ? rng.pick(staff.teachers).name : '',
      });
    }
  }
  return rows;
}
