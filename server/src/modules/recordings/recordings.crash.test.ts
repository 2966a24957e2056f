import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../secrets.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { hlsPrefix } from '../../storage/keys.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { issueMediaToken } from './media-tokens.js';
import { hashToken } from '../auth/auth.service.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { countedLessonsForDay } from './recordings.counting-queries.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile, VIDEO_TEST_ENV } from './recordings.test-kit.js';

const RUNNER = fileURLToPath(new URL('./test-fixtures/crash-runner.ts', import.meta.url));

/** A job runner in its own process (test-fixtures/crash-runner.ts) on the test's database and storage; its stdout lines as they come. */
async function startRunner(t: TestApp, putDelayMs: number, holdAtStep?: string): Promise<{ child: ChildProcess; lines: string[]; waitFor(re: RegExp, count?: number): Promise<void> }> {
  const opts = t.db.dialect === 'postgres'
    ? { pgSchema: (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.db)).rows[0]!.s }
    : { sqliteFile: (await sql<{ file: string }>`pragma database_list`.execute(t.db.db)).rows[0]!.file };
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, JSON.stringify({
    ...opts, dataDir: t.config.dataDir, storageUrl: t.config.storageUrl, env: VIDEO_TEST_ENV, putDelayMs, holdAtStep,
  })], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  const waitFor = (re: RegExp, count = 1) => new Promise<void>((resolve, reject) => {
    const check = () => { if (lines.filter((l) => re.test(l)).length >= count) resolve(); };
    child.once('exit', () => reject(new Error(`runner exited before ${re}: ${lines.join(' | ')}`)));
    waiters.push(check);
    check();
  });
  return { child, lines, waitFor };
}

async function kill(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/**
 * kill -9 of a job runner in the middle of processing, twice — once while ffmpeg packages, once
 * while segments are being stored — and then a fresh runner finishes the lesson. A player polling
 * the media route the whole time never gets a playlist or segment before the lesson is ready.
 */
describe('recordings: kill -9 during processing', () => {
  let t: TestApp;
  let recordingId: number;
  const seen: number[] = [];
  const early: string[] = [];
  let polling = true;
  let poller: Promise<void>;

  beforeAll(async () => {
    t = await createVideoTestApp();
    const school = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    // HEVC is transcoded: a packaging run long enough to be killed in.
    const copy = join(tmpdir(), `crash-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 20, codec: 'hevc' }), copy);
    ({ recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: 'crash', track: 'teacher', title: '断电测试', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    }));
    const key = (await loadSecrets({ db: t.db, dataDir: t.config.dataDir })).mediaTokenKey;
    // Media is served to a session that may watch the lesson, with a token signed for it.
    const viewer = await t.login('gxsy.teacher');
    const session = await t.db.db.selectFrom('sessions').select('id').where('token_hash', '=', hashToken(viewer.token)).executeTakeFirstOrThrow();
    const paths = ['master.m3u8', 'source/index.m3u8', 'source/seg_00000.ts', 'source/seg_00001.ts'];
    poller = (async () => {
      while (polling) {
        const grant = { recordingId, viewerUserId: viewer.me.id, expiresAt: Math.floor(t.clock.now().getTime() / 1000) + 600 };
        const token = issueMediaToken(key, grant, session.id);
        for (const p of paths) {
          const status = (await t.app.inject({ method: 'GET', url: `/api/media/${token}/${p}`, headers: { cookie: viewer.headers.cookie } })).statusCode;
          // A 200 (or, on S3, a segment's 302 to the bucket) is only allowed once the row is ready
          // (read after the answer: ready never goes back).
          const ready = (await row()).status === 'ready';
          seen.push(status);
          if ((status === 200 || status === 302) && !ready) early.push(p);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
  });
  afterAll(async () => {
    polling = false;
    await poller;
    await t.close();
  });

  const row = () => t.db.db.selectFrom('recordings').select(['status', 'progress']).where('id', '=', recordingId).executeTakeFirstOrThrow();

  it('survives a kill while ffmpeg packages and a kill while segments are stored; a new runner finishes it', async () => {
    const first = await startRunner(t, 0);
    await first.waitFor(/^STEP package$/);
    await new Promise((r) => setTimeout(r, 400));
    await kill(first.child);
    expect((await row()).status).toBe('processing');

    const second = await startRunner(t, 400);
    await second.waitFor(/^PUT recordings\//, 2);
    await kill(second.child);
    expect((await row()).status).toBe('processing');
    const stored: string[] = [];
    for await (const key of t.storage.list(hlsPrefix(recordingId))) stored.push(key);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((k) => k.endsWith('master.m3u8'))).toBe(false);

    // The dead runner's lease runs out; this process takes the job over.
    t.clock.advance(5 * 60_000);
    await runJobs(t);
    expect(await row()).toEqual({ status: 'ready', progress: 100 });
    polling = false;
    await poller;
    expect(seen.filter((s) => s === 404).length).toBeGreaterThan(10);
    expect(early, 'media served before the lesson was ready').toEqual([]);

    const teacher = await t.login('gxsy.teacher');
    const grant = (await teacher.request('POST', `/api/recordings/${recordingId}/playback`)).json();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: teacher.headers.cookie } });
    const master = await get(grant.master);
    expect(master.statusCode).toBe(200);
    const playlist = await get(`/api/media/${grant.token}/source/index.m3u8`);
    expect(playlist.body).toContain('#EXT-X-ENDLIST');
    for (const seg of playlist.body.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect([200, 302]).toContain((await get(`/api/media/${grant.token}/source/${seg}`)).statusCode);
    }
    const job = (await t.jobs.queue.list({ kind: 'recording.process' }))[0]!;
    expect(job).toMatchObject({ status: 'done', attempts: 3, lostRuns: 2 });
  }, 120_000);
});

/**
 * kill -9 of the runner during a job's final attempt: the run is taken over once its lease runs
 * out, without using up an attempt (the server dying is not the lesson's fault). A job whose
 * runners keep dying is given up after JobDefinition.maxLostRuns, and its recording fails with a
 * reason the uploader sees — it never stays `processing`.
 */
describe('recordings: kill -9 during the final attempt', () => {
  let t: TestApp;
  let schoolId: number;
  beforeAll(async () => {
    t = await createVideoTestApp();
    schoolId = (await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code)).id;
  });
  afterAll(async () => t.close());

  async function ingest(width: number): Promise<{ recordingId: number; jobId: number }> {
    // The runner process keeps system time: jobs enqueued after an earlier advance would not be due for it.
    t.clock.set(new Date());
    const copy = join(tmpdir(), `final-${process.pid}-${width}.mp4`);
    await copyFile(await makeLesson({ seconds: 4, width, height: 240 }), copy);
    const { recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId, roomId: null, groupId: `final-${width}`, track: 'teacher', title: '最后一次', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    });
    const job = (await t.jobs.queue.list({ kind: 'recording.process' })).find((j) => (j.payload as { recordingId: number }).recordingId === recordingId)!;
    return { recordingId, jobId: job.id };
  }

  /** A runner process takes the job and is killed while it stores segments (slowly, so the kill lands first). */
  async function killMidJob() {
    const runner = await startRunner(t, 5_000);
    await runner.waitFor(/^STEP upload$/);
    await kill(runner.child);
  }

  const recording = (id: number) => t.db.db.selectFrom('recordings').select(['status', 'failure_code', 'failure_message']).where('id', '=', id).executeTakeFirstOrThrow();

  it('takes a job killed in its final attempt over, without using up an attempt, and finishes it', async () => {
    const { recordingId, jobId } = await ingest(320);
    // As if four attempts had already ended in a retry: the next run is the last of five.
    await t.db.db.updateTable('jobs').set({ attempts: 4, last_error: 'ffmpeg exited with 1' }).where('id', '=', jobId).execute();
    await killMidJob();
    expect((await recording(recordingId)).status).toBe('processing');
    expect(await t.jobs.queue.get(jobId)).toMatchObject({ status: 'running', attempts: 5, lostRuns: 0 });

    t.clock.advance(5 * 60_000);
    await runJobs(t);
    expect((await recording(recordingId)).status).toBe('ready');
    expect(await t.jobs.queue.get(jobId)).toMatchObject({ status: 'done', attempts: 6, lostRuns: 1 });
  }, 120_000);

  it('gives a job up once its runners have died too often, and fails its recording with a reason the uploader sees', async () => {
    const { recordingId, jobId } = await ingest(352);
    // Three runs already lost (the default maxLostRuns); this kill is the fourth.
    await t.db.db.updateTable('jobs').set({ attempts: 4, lost_runs: 3 }).where('id', '=', jobId).execute();
    await killMidJob();
    t.clock.advance(5 * 60_000);
    await runJobs(t);

    const job = await t.jobs.queue.get(jobId);
    expect(job).toMatchObject({ status: 'failed', attempts: 6, lostRuns: 4 });
    expect(job!.lastError).toMatch(/stopped 4 times/);
    expect(await recording(recordingId)).toMatchObject({ status: 'failed', failure_code: 'RECORDING_PROCESSING_INTERRUPTED' });
    const shown = (await (await t.login('gxsy.teacher')).get(`/api/recordings/${recordingId}`)).json();
    expect(shown).toMatchObject({ status: 'failed', failureCode: 'RECORDING_PROCESSING_INTERRUPTED' });
    expect(shown.failureMessage).toContain('意外中断了 4 次');
    expect(shown.failureMessage).toContain(`#${jobId}`);
  }, 120_000);
});

/**
 * kill -9 of the runner after the picture check stored what it measured and before it changed
 * the verdict: the job is taken over, does not decode again, turns the lesson to not counted and
 * recounts the school day — nothing is left counted that the check found black.
 */
describe('recordings: kill -9 during the picture check', () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof schoolByCode>>;
  beforeAll(async () => {
    t = await createVideoTestApp();
    school = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    // Supervision follows the school that week; then back to real time, which the runner process keeps.
    t.clock.set(new Date('2018-04-04T20:00:00+08:00'));
    await seedDemoCalendar(t.db.db, school.city_id);
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([{ schoolId: school.id, since: '2018-04-02' }]);
    t.clock.set(new Date());
  });
  afterAll(async () => t.close());

  /** The school day's counted lessons as supervision's rollup has them. */
  async function countedBySupervision(): Promise<number | null> {
    const res = await (await t.login('guanxian.research')).get(`/api/compliance/schools/${school.id}/days?from=2018-04-04&to=2018-04-04`);
    return (res.json() as { days: { counted: number | null }[] }).days[0]!.counted;
  }

  it('finishes the verdict and the recount in the run that takes the job over', async () => {
    const copy = join(tmpdir(), `visual-crash-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 62, picture: 'black' }), copy);
    const { recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: 'visual-crash', track: 'teacher', title: '遮挡镜头', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '', lessonStart: '2018-04-04T14:00:00+08:00', lessonEnd: null,
      },
    });
    const runner = await startRunner(t, 0, 'visual:verdict');
    await runner.waitFor(/^STEP visual:verdict$/);
    await kill(runner.child);
    const row = () => t.db.db.selectFrom('recordings').select(['status', 'counts', 'counts_reason_code', 'visual_black_share', 'visual_checked_at'])
      .where('id', '=', recordingId).executeTakeFirstOrThrow();
    const measured = await row();
    // Packaged and counted on length and sound; the check measured the black picture, then the runner died.
    expect(measured).toMatchObject({ status: 'ready', counts: 1, counts_reason_code: null });
    expect(measured.visual_black_share).toBeGreaterThan(0.9);
    expect(await countedLessonsForDay(t.db.db, school.id, '2018-04-04')).toBe(1);
    expect(await countedBySupervision()).toBe(1);

    t.clock.advance(5 * 60_000);
    await runJobs(t);
    expect(await row()).toMatchObject({ counts: 0, counts_reason_code: 'visual_black', visual_checked_at: measured.visual_checked_at });
    expect(await countedLessonsForDay(t.db.db, school.id, '2018-04-04')).toBe(0);
    expect(await countedBySupervision()).toBe(0);
    const job = (await t.jobs.queue.list({ kind: 'recording.visual' }))[0]!;
    expect(job).toMatchObject({ status: 'done', lostRuns: 1 });
  }, 120_000);
});
