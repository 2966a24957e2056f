import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';

/**
 * Builders for the compliance tests. The pipeline that will write recordings does not exist yet,
 * so tests insert finished recordings directly, with the `counts` verdict the pipeline would store.
 */
export async function demoSchools(db: Kysely<Database>) {
  const byCode = async (code: string) =>
    db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'kind', 'name', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
  const gxsy = await byCode(DEMO_SCHOOLS.guanxianShiyan.code);
  const gx2 = await byCode(DEMO_SCHOOLS.guanxianDier.code);
  const sxsy = await byCode(DEMO_SCHOOLS.shenxianShiyan.code);
  const guanxianKindergarten = await db.selectFrom('schools').select(['id', 'kind', 'code'])
    .where('county_id', '=', gxsy.county_id).where('kind', '=', 'kindergarten').executeTakeFirstOrThrow();
  return { gxsy, gx2, sxsy, guanxianKindergarten, cityId: gxsy.city_id, guanxian: gxsy.county_id, shenxian: sxsy.county_id };
}

export interface RecordingSpec {
  schoolId: number;
  day: string;
  group: string;
  counts: 0 | 1;
  track?: 'composite' | 'teacher' | 'students' | 'blackboard' | 'screen';
  minutes?: number;
  status?: 'queued' | 'processing' | 'ready' | 'failed';
}

/** Inserts one finished recording track and returns its id. */
export async function addRecording(db: Kysely<Database>, spec: RecordingSpec): Promise<number> {
  const school = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', spec.schoolId).executeTakeFirstOrThrow();
  const start = `${spec.day}T01:00:00.000Z`;
  const minutes = spec.minutes ?? 40;
  const row = await db.insertInto('recordings').values({
    school_id: spec.schoolId, county_id: school.county_id, city_id: school.city_id, room_id: null, group_id: spec.group,
    track: spec.track ?? 'composite', title: `${spec.group} 课`, subject: '语文', grade: '三年级', class_id: null,
    teacher_user_id: null, teacher_name: '李老师', lesson_start: start, lesson_end: start, school_day: spec.day,
    uploaded_by_user_id: null, uploaded_by_device_id: null, sha256: randomBytes(32).toString('hex'), size_bytes: 1000,
    source_key: `test/${spec.group}`, status: spec.status ?? 'ready', progress: 100, failure_code: null, failure_message: null,
    duration_seconds: minutes * 60, media_info: null, packaging: 'copy', renditions: null, has_audio: 1, audio_max_db: -10,
    counts: spec.counts, counts_reason: spec.counts ? null : `录像时长 ${minutes} 分钟，少于计入录播课所需的 30 分钟`, keep: 0,
    created_at: start, ready_at: start,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The week the compliance and dashboard suites share (Mon 2018-04-02 to Wed 04-04): 冠县实验小学
 * meets every day; 冠县第二实验小学 misses Tuesday; 莘县实验小学 records nothing.
 */
export async function recordDemoWeek(db: Kysely<Database>, s: Awaited<ReturnType<typeof demoSchools>>): Promise<void> {
  for (const day of ['2018-04-02', '2018-04-03', '2018-04-04']) {
    for (const g of ['a', 'b']) await addRecording(db, { schoolId: s.gxsy.id, day, group: `gxsy-${day}-${g}`, counts: 1 });
    if (day !== '2018-04-03') for (const g of ['a', 'b']) await addRecording(db, { schoolId: s.gx2.id, day, group: `gx2-${day}-${g}`, counts: 1 });
  }
}
