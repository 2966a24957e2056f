import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createJobRunner } from '../../jobs/job-runner.js';
import type { JobLogger } from '../../jobs/job-definition.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { newDeviceToken } from '../rooms/device-auth.js';

/** Settings that let seconds-long generated files through validation. */
export const VIDEO_TEST_ENV = { RECORDING_MIN_SECONDS: '1', LESSON_MIN_MINUTES: '1', LESSON_MIN_MINUTES_KINDERGARTEN: '1' };

export const silentLog: JobLogger = { info() {}, warn() {}, error() {}, child: () => silentLog };

/** A test app (real routes, real job registry) with the video settings above. */
export function createVideoTestApp(env: Record<string, string> = {}) {
  return createTestApp({ env: { ...VIDEO_TEST_ENV, ...env } });
}

/** Runs every due job (and the follow-ups they queue) to the end, as the server's runner would. */
export async function runJobs(t: TestApp): Promise<number> {
  const runner = createJobRunner({ db: t.db, clock: t.clock, registry: t.jobs.registry, log: silentLog });
  return runner.runDue();
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function schoolByCode(t: TestApp, code: string) {
  return t.db.db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'kind']).where('code', '=', code).executeTakeFirstOrThrow();
}

/** A room with the given tracks in a school, and a recorder for it with a fresh token. */
export async function addRoomWithDevice(t: TestApp, schoolCode: string = DEMO_SCHOOLS.guanxianShiyan.code, tracks = ['composite', 'teacher', 'blackboard']) {
  const db = t.db.db;
  const s = await schoolByCode(t, schoolCode);
  const now = new Date().toISOString();
  const room = await db.insertInto('rooms').values({
    school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: `测试录播室-${Math.random().toString(36).slice(2, 8)}`, location: '',
    vendor: '', model: '', tracks: JSON.stringify(tracks), status: 'in_use', planned_on: null, installed_on: null, activated_on: null,
    in_use_on: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const { token, hash, hint } = newDeviceToken();
  const device = await db.insertInto('devices').values({
    room_id: room.id, school_id: s.id, name: '测试主机', serial: '', token_hash: hash, token_hint: hint, created_at: now, rotated_at: null,
    revoked_at: null, last_heartbeat_at: null, last_state: null, disk_free_bytes: null, firmware: null, last_ip: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { schoolId: s.id, roomId: room.id, deviceId: device.id, token };
}

/** tus Upload-Metadata from plain values. */
export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values).map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`).join(',');
}

let groupSeq = 0;
/** Metadata of a lesson track; a new group id each call unless given. */
export function lessonMetadata(extra: Record<string, string> = {}): Record<string, string> {
  return {
    filename: 'lesson.mp4', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: '2018-04-04T10:40:00+08:00', subject: '数学',
    grade: '三年级', teacher: '李晓燕', title: '分数的初步认识', track: 'teacher', groupId: `g-${process.pid}-${++groupSeq}`, ...extra,
  };
}
