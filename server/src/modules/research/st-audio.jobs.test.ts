import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../../jobs/job-definition.js';
import { defaultFfmpegBinaries } from '../../media/ffmpeg-binaries.js';
import { probeMedia } from '../../media/probe.js';
import { recordingSourceKey } from '../../storage/keys.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { lessonAudioTracks, lessonsWithReadyTracksOn } from '../recordings/recordings.audio-tracks.js';
import { silentLog } from '../recordings/recordings.test-kit.js';
import { addLesson, schoolIdOf } from './research.test-kit.js';
import { createStAudioJobs, ST_AUDIO_JOB, ST_AUDIO_SCAN_JOB, stAudioOnRecordingReady } from './st-audio.jobs.js';
import * as q from './st-audio.queries.js';

const execFileAsync = promisify(execFile);

/**
 * The S-T draft jobs' promises without espeak-ng: a short two-channel lesson made by ffmpeg (a
 * "teacher" tone in bursts on the left, "students" noise bursts on the right, each leaking into the
 * other), put in the object store as a recording's source. A run repeated after its answer changes
 * nothing; a run overtaken by a newer request leaves that request to its own job; a source gone
 * from the store is "no audio", not a retry; a job given up says so; the scan after
 * `recording.ready` requests drafts once and re-asks only what a newly ready track may change.
 */
describe('the S-T draft jobs', () => {
  let t: TestApp;
  let dir: string;
  let stereoFile: string;
  let gxsy: number;
  let mediaInfo: string;
  const ctx = (): JobContext => ({
    jobId: 1, attempt: 1, maxAttempts: 3, run: 1, signal: new AbortController().signal, log: silentLog, heartbeat: async () => {}, clock: t.clock,
  });

  function jobs(over: Partial<Parameters<typeof createStAudioJobs>[0]> = {}) {
    const db = t.db.db;
    return createStAudioJobs({
      db, clock: t.clock, store: t.storage, workDir: join(t.config.dataDir, 'work'),
      enqueue: (kind, payload, opts) => t.jobs.queue.enqueue(kind, payload, opts),
      audioTracks: (schoolId, groupId) => lessonAudioTracks(db, schoolId, groupId),
      lessonsWithReadyTracksOn: (schoolId, day) => lessonsWithReadyTracksOn(db, schoolId, day),
      ...over,
    });
  }

  /** A ready composite lesson whose source is the two-channel file. */
  async function stereoLesson(readyAt = '2018-04-04T03:00:00.000Z') {
    const lesson = await addLesson(t.db.db, { schoolId: gxsy, durationSeconds: 40 });
    const key = recordingSourceKey(lesson.recordingId, 'mp4');
    await t.storage.putFile(key, stereoFile);
    await t.db.db.updateTable('recordings').set({ source_key: key, media_info: mediaInfo, ready_at: readyAt }).where('id', '=', lesson.recordingId).execute();
    return { ...lesson, key };
  }

  const queued = (lesson: { schoolId: number; groupId: string }, interval = 10) =>
    q.insertQueuedDraft(t.db.db, lesson, interval, t.clock.now().toISOString()).then((r) => r.row);

  beforeAll(async () => {
    t = await createTestApp();
    gxsy = await schoolIdOf(t.db.db, '1371525001');
    dir = await mkdtemp(join(tmpdir(), 'st-audio-jobs-'));
    stereoFile = join(dir, 'stereo.mp4');
    const { ffmpeg } = await defaultFfmpegBinaries();
    // 0–20 s teacher (left, leaking right at -10 dB), 20–30 s students (right, leaking left at -24 dB), 30–40 s quiet.
    const burst = 'lt(mod(t,0.26),0.2)';
    const teacher = `lt(t,20)*${burst}*0.3*sin(2*PI*(200+40*sin(2*PI*3*t))*t)`;
    const students = `gte(t,20)*lt(t,30)*${burst}*0.3*(random(0)-0.5)`;
    await execFileAsync(ffmpeg, [
      '-v', 'error', '-y', '-f', 'lavfi', '-i',
      `aevalsrc=exprs='${teacher}+0.06*(${students})+0.0003*(random(1)-0.5)|${students}+0.32*(${teacher})+0.003*(random(2)-0.5)':sample_rate=16000:duration=40`,
      '-f', 'lavfi', '-i', 'color=c=gray:size=64x48:rate=2:duration=40',
      '-map', '1:v', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-map', '0:a', '-c:a', 'aac', '-b:a', '48k', '-shortest', stereoFile,
    ]);
    mediaInfo = JSON.stringify(await probeMedia(stereoFile));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('computes a queued draft once: the rerun after its answer changes nothing', async () => {
    const lesson = await stereoLesson();
    const row = await queued(lesson);
    expect(await jobs().compute(row.id, ctx())).toBe('settled');
    const done = await q.draftById(t.db.db, row.id);
    expect(done).toMatchObject({ status: 'done', codes: 'TTS-' });
    expect(JSON.parse(done!.detail!)).toMatchObject({ source: 'channels', teacher: { channel: 'left', recordingId: lesson.recordingId } });
    expect(await jobs().compute(row.id, ctx())).toBe('gone');
    expect(await q.draftById(t.db.db, row.id)).toEqual(done);
  });

  it('a run overtaken by a newer request stores nothing: the newer request\'s own job answers it', async () => {
    const lesson = await stereoLesson();
    const row = await queued(lesson);
    let newer: q.StAudioDraftRow | undefined;
    const overtaken = jobs({
      audioTracks: async (schoolId, groupId) => {
        // Someone asks again (after an "unavailable", say) while this run reads the tracks.
        await t.db.db.updateTable('st_audio_drafts').set({ status: 'unavailable', computed_at: t.clock.now().toISOString() }).where('id', '=', row.id).execute();
        newer = await q.requeueDraft(t.db.db, (await q.draftById(t.db.db, row.id))!, t.clock.now().toISOString());
        return lessonAudioTracks(t.db.db, schoolId, groupId);
      },
    });
    expect(await overtaken.compute(row.id, ctx())).toBe('stale');
    expect(newer!.requested_at > row.requested_at).toBe(true);
    expect(await q.draftById(t.db.db, row.id)).toMatchObject({ status: 'queued', requested_at: newer!.requested_at, codes: null });
  });

  it('a source gone from the store is "no audio" at once, not a retry', async () => {
    const lesson = await stereoLesson();
    await t.storage.delete(lesson.key);
    const row = await queued(lesson);
    expect(await jobs().compute(row.id, ctx())).toBe('settled');
    expect(await q.draftById(t.db.db, row.id)).toMatchObject({ status: 'unavailable', reason_code: 'ST_AUDIO_NONE' });
  });

  it('a job given up marks its draft failed with the reason; a settled draft is left alone', async () => {
    const lesson = await stereoLesson();
    const row = await queued(lesson);
    const [draftJob] = jobs().definitions;
    await draftJob.onFailed!({ draftId: row.id }, { jobId: 1, cause: 'attempts', reason: 'ffmpeg crashed', attempts: 3, lostRuns: 0 });
    expect(await q.draftById(t.db.db, row.id)).toMatchObject({ status: 'failed', reason_code: 'ST_AUDIO_FAILED' });
    const other = await queued(lesson, 30);
    await jobs().compute(other.id, ctx());
    await draftJob.onFailed!({ draftId: other.id }, { jobId: 2, cause: 'lost-runs', reason: 'lost', attempts: 1, lostRuns: 4 });
    expect(await q.draftById(t.db.db, other.id)).toMatchObject({ status: 'done' });
  });

  it('the scan after recording.ready asks once per lesson, and re-asks only what a newly ready track may change', async () => {
    const day = '2018-05-07';
    const a = await addLesson(t.db.db, { schoolId: gxsy, lessonStart: `${day}T02:00:00.000Z` });
    await t.db.db.updateTable('recordings').set({ media_info: mediaInfo, ready_at: `${day}T03:00:00.000Z` }).where('id', '=', a.recordingId).execute();
    // A mono lesson of the same day: no automatic draft.
    const mono = await addLesson(t.db.db, { schoolId: gxsy, lessonStart: `${day}T04:00:00.000Z` });
    const monoInfo = JSON.parse(mediaInfo) as { audio: { channels: number } };
    monoInfo.audio.channels = 1;
    await t.db.db.updateTable('recordings').set({ media_info: JSON.stringify(monoInfo), ready_at: `${day}T04:10:00.000Z` }).where('id', '=', mono.recordingId).execute();
    // Someone asked for the mono lesson's draft while its students track was still processing.
    const monoDraft = await queued(mono, 30);
    await q.settleDraft(t.db.db, monoDraft, { status: 'unavailable', reason_code: 'ST_AUDIO_NOT_READY', computed_at: `${day}T04:30:00.000Z` });

    expect(await jobs().scan({ schoolId: gxsy, day })).toBe(1);
    expect(await jobs().scan({ schoolId: gxsy, day })).toBe(0);
    const drafts = await q.draftsOfLesson(t.db.db, gxsy, a.groupId);
    expect(drafts.map((d) => [d.interval_seconds, d.status])).toEqual([[30, 'queued']]);
    expect((await q.draftOf(t.db.db, gxsy, mono.groupId, 30))!.status).toBe('unavailable');

    // The students track turns ready after that answer: the mono lesson's draft is asked again.
    const students = await addLesson(t.db.db, { schoolId: gxsy, groupId: mono.groupId, track: 'students', lessonStart: `${day}T04:00:00.000Z` });
    await t.db.db.updateTable('recordings').set({ ready_at: `${day}T05:00:00.000Z` }).where('id', '=', students.recordingId).execute();
    expect(await jobs().scan({ schoolId: gxsy, day })).toBe(1);
    expect((await q.draftOf(t.db.db, gxsy, mono.groupId, 30))!.status).toBe('queued');
    const queuedJobs = await t.jobs.queue.list({ kind: ST_AUDIO_JOB });
    expect(queuedJobs.filter((j) => [drafts[0]!.id, monoDraft.id].includes((j.payload as { draftId: number }).draftId))).toHaveLength(2);
  });

  it('the recording.ready handler only queues the scan, and never fails the lesson when it cannot', async () => {
    const before = (await t.jobs.queue.list({ kind: ST_AUDIO_SCAN_JOB })).length;
    await stAudioOnRecordingReady((kind, payload, opts) => t.jobs.queue.enqueue(kind, payload, opts))({ schoolId: gxsy, day: '2018-05-08' });
    expect((await t.jobs.queue.list({ kind: ST_AUDIO_SCAN_JOB })).length).toBe(before + 1);
    const warned: string[] = [];
    await expect(stAudioOnRecordingReady(async () => { throw new Error('database gone'); }, (_obj, msg) => warned.push(msg))({ schoolId: gxsy, day: '2018-05-08' }))
      .resolves.toBeUndefined();
    expect(warned).toHaveLength(1);
  });
});
