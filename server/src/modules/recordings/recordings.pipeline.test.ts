import { truncateSync } from 'node:fs';
import { copyFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { hlsMasterKey, hlsPlaylistKey, hlsPrefix, posterKey, thumbnailVttKey } from '../../storage/keys.js';
import { makeAudioOnly, makeLesson, makeNotVideo, makeTruncated } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { DurablePayload } from './recordings.pipeline.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile } from './recordings.test-kit.js';

/** From a complete file to a lesson that plays, or to a clear reason why not. */
describe('recordings: processing pipeline', () => {
  let t: TestApp;
  let schoolId: number;

  beforeAll(async () => {
    t = await createVideoTestApp();
    schoolId = (await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code)).id;
  });
  afterAll(async () => t.close());

  let n = 0;
  /** Ingests a copy of `file` as an upload would, runs the jobs, and answers the recording's row. */
  async function processFile(file: string, track: 'teacher' | 'blackboard' = 'teacher') {
    const copy = join(tmpdir(), `pipeline-${process.pid}-${++n}${file.slice(file.lastIndexOf('.'))}`);
    await copyFile(file, copy);
    const { recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId, roomId: null, groupId: `pipe-${n}`, track, title: '测试', subject: '数学', grade: '三年级', classId: null,
        teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    });
    await runJobs(t);
    return t.db.db.selectFrom('recordings').selectAll().where('id', '=', recordingId).executeTakeFirstOrThrow();
  }

  it('packages an H.264/AAC lesson by copy, then adds poster and thumbnails; a long enough one counts', async () => {
    const rec = await processFile(await makeLesson({ seconds: 62 }));
    expect(rec).toMatchObject({ status: 'ready', progress: 100, packaging: 'copy', has_audio: 1, counts: 1, counts_reason: null, failure_code: null });
    expect(rec.duration_seconds).toBeGreaterThan(61);
    expect(rec.audio_max_db).toBeGreaterThan(-50);
    expect(rec.ready_at).toBeTruthy();
    for (const key of [hlsMasterKey(rec.id), hlsPlaylistKey(rec.id, 'source'), posterKey(rec.id), thumbnailVttKey(rec.id)]) {
      expect(await t.storage.head(key), key).not.toBeNull();
    }
    const master = await t.storage.get(hlsMasterKey(rec.id));
    let text = '';
    for await (const chunk of master!.body) text += String(chunk);
    expect(text).toMatch(/^#EXTM3U/);
    expect(text).toContain('source/index.m3u8');
  });

  it('keeps a short lesson playable but not counted, saying by how much', async () => {
    const rec = await processFile(await makeLesson({ seconds: 4 }));
    expect(rec).toMatchObject({ status: 'ready', counts: 0, counts_reason: '录像时长 0 分钟，少于计入录播课所需的 1 分钟', counts_reason_code: 'too_short' });
    expect(JSON.parse(rec.counts_reason_values!)).toEqual({ minutes: 0, minMinutes: 1 });
  });

  it('makes a silent lesson ready but not counted, with the measured level', async () => {
    const rec = await processFile(await makeLesson({ seconds: 62, audio: 'silent' }));
    expect(rec.status).toBe('ready');
    expect(rec.counts).toBe(0);
    expect(rec.counts_reason).toMatch(/^音频为静音（最大音量 -\d+ dB），不计入录播课/);
    // The level the sentence names, for the English page to word it.
    expect(rec.counts_reason_code).toBe('silent');
    expect(rec.counts_reason).toContain(`最大音量 ${JSON.parse(rec.counts_reason_values!).maxDb} dB`);
    const noAudio = await processFile(await makeLesson({ seconds: 62, audio: 'none' }));
    expect(noAudio).toMatchObject({ status: 'ready', counts: 0, has_audio: 0 });
    expect(noAudio.counts_reason).toMatch(/没有音频/);
  });

  it('fails a file that is not a video, a truncated MP4 and an audio file, each with a clear reason the uploader sees', async () => {
    const notVideo = await processFile(await makeNotVideo());
    expect(notVideo).toMatchObject({ status: 'failed', failure_code: 'MEDIA_NOT_VIDEO', counts: 0 });
    expect(notVideo.failure_message).toMatch(/不是视频文件/);
    const truncated = await processFile(await makeTruncated(await makeLesson({ seconds: 6, width: 176, height: 144 })));
    expect(truncated).toMatchObject({ status: 'failed', failure_code: 'MEDIA_TRUNCATED' });
    expect(truncated.failure_message).toMatch(/不完整/);
    const audio = await processFile(await makeAudioOnly(3));
    expect(audio).toMatchObject({ status: 'failed', failure_code: 'MEDIA_NO_VIDEO_STREAM' });

    const teacher = await t.login('gxsy.teacher');
    const shown = (await teacher.get(`/api/recordings/${truncated.id}`)).json();
    expect(shown).toMatchObject({ status: 'failed', failureCode: 'MEDIA_TRUNCATED', counts: false });
    expect(shown.failureMessage).toMatch(/不完整/);
    // Nothing of a failed recording is stored but its source.
    expect(await t.storage.head(hlsMasterKey(truncated.id))).toBeNull();
    const job = (await t.jobs.queue.list({ kind: 'recording.process' })).find((j) => (j.payload as { recordingId: number }).recordingId === truncated.id);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
  });

  // On local disk the lesson plays before its segments reach the disk; the durable job, queued with
  // "ready", syncs them. A power cut in between (here: a segment cut short and one gone, as the
  // kernel may leave them) costs a repackaging from the durable source, never the lesson.
  it('syncs the stored segments after the lesson plays, and packages again from the source what a power cut lost first', async () => {
    const rec = await processFile(await makeLesson({ seconds: 30 }));
    expect(rec.status).toBe('ready');
    const jobs = (await t.jobs.queue.list({ kind: 'recording.durable' })).filter((j) => (j.payload as DurablePayload).recordingId === rec.id);
    if (t.storage.kind === 's3') {
      // Every S3 put is durable when it returns: nothing is deferred, nothing to sync later.
      expect(jobs).toEqual([]);
      return;
    }
    expect(jobs).toMatchObject([{ status: 'done' }]);
    const { objects, run } = jobs[0]!.payload as DurablePayload;
    // Every segment and playlist, with its size as stored.
    const stored: string[] = [];
    for await (const key of t.storage.list(hlsPrefix(rec.id))) stored.push(key);
    expect(objects.map((o) => o.key).sort()).toEqual(stored.sort());
    for (const o of objects) expect((await t.storage.head(o.key))!.size).toBe(o.size);
    const segments = objects.filter((o) => o.key.endsWith('.ts'));
    expect(segments.length).toBeGreaterThan(2);
    const [short, gone] = [segments[0]!, segments[2]!];
    const before = await sha256OfFile(t.storage.localPath(short.key)!);

    truncateSync(t.storage.localPath(short.key)!, 1000);
    await rm(t.storage.localPath(gone.key)!);
    await t.jobs.queue.enqueue('recording.durable', { recordingId: rec.id, run, objects }, { dedupeKey: `after-power-cut-${rec.id}` });
    await runJobs(t);

    const again = await t.db.db.selectFrom('recordings').selectAll().where('id', '=', rec.id).executeTakeFirstOrThrow();
    expect(again).toMatchObject({ status: 'ready', packaging: 'copy', counts: rec.counts });
    expect((await t.storage.head(short.key))!.size).toBe(short.size);
    expect(await sha256OfFile(t.storage.localPath(short.key)!)).toBe(before);
    expect(await t.storage.head(gone.key)).toEqual({ size: gone.size });
    const repackaged = (await t.jobs.queue.list({ kind: 'recording.process' })).filter((j) => (j.payload as { recordingId: number }).recordingId === rec.id);
    expect(repackaged.map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('transcodes what browsers cannot play (HEVC)', async () => {
    const rec = await processFile(await makeLesson({ seconds: 4, codec: 'hevc' }), 'blackboard');
    expect(rec).toMatchObject({ status: 'ready', packaging: 'transcode' });
  });
});
