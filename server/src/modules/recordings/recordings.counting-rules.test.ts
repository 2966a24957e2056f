import { copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../media/run-ffmpeg.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { FIXTURE_DIR, makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { countedLessonsForDay } from './recordings.counting-queries.js';
import { addRoomWithDevice, createVideoTestApp, runJobs, sha256OfFile } from './recordings.test-kit.js';

const DAY = '2018-04-04';

/**
 * What counting sees beyond one file's bytes: lessons of one room at the same time are one lesson,
 * and a lesson whose picture is black or frozen does not count. Lessons are 62 s long: the test
 * minimum is one minute, so each would count on length and sound alone.
 */
describe('recordings: overlapping lessons and the picture check', () => {
  let t: TestApp;
  let room: Awaited<ReturnType<typeof addRoomWithDevice>>;

  beforeAll(async () => {
    t = await createVideoTestApp();
    t.clock.set(new Date(`${DAY}T20:00:00+08:00`));
    room = await addRoomWithDevice(t, DEMO_SCHOOLS.guanxianShiyan.code, ['teacher']);
    // Supervision follows the school from that week, so the day's rollup shows every recount.
    const school = await t.db.db.selectFrom('schools').select('city_id').where('id', '=', room.schoolId).executeTakeFirstOrThrow();
    await seedDemoCalendar(t.db.db, school.city_id);
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([{ schoolId: room.schoolId, since: '2018-04-02' }]);
  });
  afterAll(async () => t.close());

  let n = 0;
  /** Ingests a copy of `file` as an upload of the test room would, runs every job, and answers the row. */
  async function lesson(file: string, from: string, to: string, roomId: number | null = room.roomId) {
    const ext = file.slice(file.lastIndexOf('.') + 1);
    const copy = join(tmpdir(), `counting-rules-${process.pid}-${++n}.${ext}`);
    await copyFile(file, copy);
    const { recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext, move: true,
      uploadedBy: { userId: null, deviceId: room.deviceId },
      meta: {
        schoolId: room.schoolId, roomId, groupId: `rules-${n}`, track: 'teacher', title: '分数的初步认识', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: `${DAY}T${from}:00+08:00`, lessonEnd: `${DAY}T${to}:00+08:00`,
      },
    });
    await runJobs(t);
    return t.db.db.selectFrom('recordings').selectAll().where('id', '=', recordingId).executeTakeFirstOrThrow();
  }

  /** The school day as supervision has it (the rollup compliance keeps, recounted on every change). */
  async function countedBySupervision(): Promise<number> {
    const research = await t.login('guanxian.research');
    const res = await research.get(`/api/compliance/schools/${room.schoolId}/days?from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    const counted = (res.json() as { days: { counted: number | null }[] }).days[0]!.counted;
    expect(counted).not.toBeNull();
    return counted!;
  }

  it('counts a re-muxed copy of a lesson once, lets the next lesson of the room count, and recounts after a deletion', async () => {
    const db = t.db.db;
    const before = await countedLessonsForDay(db, room.schoolId, DAY);
    const source = await makeLesson({ seconds: 62 });
    // The same lesson packed again into MPEG-TS: other bytes, so no duplicate by hash.
    const remuxed = join(FIXTURE_DIR, `remux-${process.pid}.ts`);
    await runFfmpeg(['-i', source, '-map', '0', '-c', 'copy', '-f', 'mpegts', remuxed]);

    const first = await lesson(source, '10:00', '10:40');
    expect(first).toMatchObject({ status: 'ready', counts: 1 });
    const copy = await lesson(remuxed, '10:00', '10:40');
    expect(copy).toMatchObject({ status: 'ready', counts: 0, counts_reason_code: 'overlaps_another_lesson', counts_reason: expect.stringContaining('同一时段只计一节') });
    // The next lesson of the room counts: its given times start where the first's recording ended.
    const next = await lesson(await makeLesson({ seconds: 62, audio: 'mp3' }), '10:01', '10:40');
    expect(next).toMatchObject({ status: 'ready', counts: 1 });
    expect(await countedLessonsForDay(db, room.schoolId, DAY)).toBe(before + 2);
    expect(await countedBySupervision()).toBe(before + 2);

    const principal = await t.login('gxsy.principal');
    expect((await principal.get(`/api/recordings/${copy.id}`)).json()).toMatchObject({ counts: false, countsReasonCode: 'overlaps_another_lesson' });
    // The first one goes: the copy is the lesson of that slot now.
    expect((await principal.request('DELETE', `/api/recordings/${first.id}`)).statusCode).toBe(204);
    expect(await db.selectFrom('recordings').select(['counts', 'counts_reason_code']).where('id', '=', copy.id).executeTakeFirstOrThrow())
      .toEqual({ counts: 1, counts_reason_code: null });
    expect(await countedLessonsForDay(db, room.schoolId, DAY)).toBe(before + 2);
  });

  it('does not count a lesson with a black picture and sound, nor one with a frozen picture, and says why; test bars still count', async () => {
    const counted = await countedBySupervision();
    const black = await lesson(await makeLesson({ seconds: 62, picture: 'black' }), '14:00', '14:40', null);
    expect(black).toMatchObject({ status: 'ready', has_audio: 1, counts: 0, counts_reason_code: 'visual_black' });
    expect(black.counts_reason).toMatch(/^画面黑屏的时长占录像的 (9\d|100)%，超过一半，不计入录播课/);
    expect(JSON.parse(black.counts_reason_values!).percent).toBeGreaterThanOrEqual(90);
    // Counted when packaged (length and sound are fine), then taken back by the picture check: the day was recounted.
    expect(await countedBySupervision()).toBe(counted);

    const frozen = await lesson(await makeLesson({ seconds: 62, picture: 'frozen' }), '15:00', '15:40', null);
    expect(frozen).toMatchObject({ status: 'ready', counts: 0, counts_reason_code: 'visual_frozen', visual_black_share: 0 });
    expect(frozen.counts_reason).toMatch(/^画面静止不动的时长占录像的 (9\d|100)%/);

    const moving = await lesson(await makeLesson({ seconds: 62 }), '16:00', '16:40', null);
    expect(moving).toMatchObject({ status: 'ready', counts: 1, visual_black_share: 0, visual_frozen_share: 0 });
    expect(moving.visual_checked_at).toBeTruthy();
    expect(await countedBySupervision()).toBe(counted + 1);

    const detail = (await (await t.login('gxsy.principal')).get(`/api/recordings/${frozen.id}`)).json();
    expect(detail).toMatchObject({ counts: false, countsReasonCode: 'visual_frozen', countsReasonValues: { percent: expect.any(Number) } });
  });

  it('measures once: a rerun of the picture check keeps the verdict and recounts without decoding again', async () => {
    const black = await t.db.db.selectFrom('recordings').select(['id', 'visual_checked_at']).where('counts_reason_code', '=', 'visual_black').executeTakeFirstOrThrow();
    // As after a crash between storing the verdict and the recount.
    await t.jobs.queue.enqueue('recording.visual', { recordingId: black.id });
    await runJobs(t);
    const again = await t.db.db.selectFrom('recordings').select(['counts', 'counts_reason_code', 'visual_checked_at']).where('id', '=', black.id).executeTakeFirstOrThrow();
    expect(again).toEqual({ counts: 0, counts_reason_code: 'visual_black', visual_checked_at: black.visual_checked_at });
  });
});
