import { randomBytes } from 'node:crypto';
import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Recording ids the recordings matrix acts on: one ready lesson per target school, and one per actor to delete. */
export interface RecordingsFixture {
  recording: Record<Target, number>;
  spareRecording: Record<MatrixActor, Record<Target, number>>;
}

/**
 * Adds ready recordings (rows only: no route of the matrix reads their files) to each target
 * school of the access matrix and attaches the ids to the fixture. Called from buildMatrixFixture.
 */
export async function addRecordingsToFixture(t: TestApp, f: MatrixFixture): Promise<RecordingsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const insert = async (schoolId: number, title: string) => {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    const row = await db.insertInto('recordings').values({
      school_id: s.id, county_id: s.county_id, city_id: s.city_id, room_id: null, group_id: randomBytes(6).toString('hex'), track: 'composite',
      title, subject: '数学', grade: '三年级', class_id: null, teacher_user_id: null, teacher_name: '', lesson_start: '2018-04-04T02:00:00.000Z',
      lesson_end: null, school_day: '2018-04-04', uploaded_by_user_id: null, uploaded_by_device_id: null, sha256: randomBytes(32).toString('hex'),
      size_bytes: 1, source_key: `recordings/0/source.mp4`, status: 'ready', progress: 100, failure_code: null, failure_message: null,
      duration_seconds: 2400, media_info: null, packaging: 'copy', renditions: null, has_audio: 1, audio_max_db: -10, counts: 1,
      counts_reason: null, keep: 0, created_at: now, ready_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const out: RecordingsFixture = {
    recording: {} as Record<Target, number>,
    spareRecording: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as RecordingsFixture['spareRecording'],
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.recording[target] = await insert(f.school[target], `矩阵录像-${target}`);
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      out.spareRecording[actor][target] = await insert(f.school[target], `矩阵待删录像-${actor}-${target}`);
    }
  }
  Object.assign(f, out);
  return out;
}

/** The recordings part of a fixture that went through addRecordingsToFixture. */
export function recordingsOf(f: MatrixFixture): RecordingsFixture {
  const r = f as MatrixFixture & Partial<RecordingsFixture>;
  if (!r.recording || !r.spareRecording) throw new Error('the matrix fixture has no recordings: call addRecordingsToFixture(t, f) in buildMatrixFixture');
  return { recording: r.recording, spareRecording: r.spareRecording };
}
