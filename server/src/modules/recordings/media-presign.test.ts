import { copyFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { hlsSegmentKey } from '../../storage/keys.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { PRESIGNED_SEGMENT_SECONDS } from './recordings.media.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile } from './recordings.test-kit.js';

/**
 * With S3 storage (s3rver here, whatever TEST_STORAGE says), a video segment's request is checked
 * as before — token, its session, the right to watch — and then answered with a redirect to a
 * presigned URL of the bucket, so the bytes never pass through the app. Playlists stay with the app.
 */
describe('media on S3: segments by presigned redirect', () => {
  let t: TestApp;
  let lesson: number;
  let endpoint: string;

  beforeAll(async () => {
    vi.stubEnv('TEST_STORAGE', 's3');
    t = await createVideoTestApp();
    endpoint = new URL(t.config.storageUrl!).searchParams.get('endpoint')!;
    const school = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const copy = join(tmpdir(), `media-presign-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 3, width: 160, height: 120 }), copy);
    ({ recordingId: lesson } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: 'presign-lesson', track: 'teacher', title: '直连测试', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    }));
    await runJobs(t);
    // Seeding, ffmpeg and the pipeline on a busy shared machine (PostgreSQL especially) outlast the default hook time.
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    vi.unstubAllEnvs();
  });

  /** A viewer's grant, the first segment's path under it, and a GET with any cookie. */
  async function watcher(username: string) {
    const viewer = await t.login(username);
    const grant = (await viewer.request('POST', `/api/recordings/${lesson}/playback`)).json() as { token: string; master: string };
    const get = (url: string, cookie: string | null = viewer.headers.cookie, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    const playlist = await get(`/api/media/${grant.token}/source/index.m3u8`);
    const segment = playlist.body.split('\n').find((l) => l && !l.startsWith('#'))!;
    return { viewer, grant, get, playlist, segment, segmentUrl: `/api/media/${grant.token}/source/${segment}` };
  }

  it('serves the playlists itself and redirects a segment to the bucket, whose answer is the segment', async () => {
    expect(t.storage.kind).toBe('s3');
    const w = await watcher('gxsy.teacher');
    const master = await w.get(w.grant.master);
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(w.playlist.statusCode).toBe(200);
    expect(w.segment).toMatch(/^seg_\d{5}\.ts$/);

    const res = await w.get(w.segmentUrl);
    expect(res.statusCode).toBe(302);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.length).toBe(0);
    const location = new URL(res.headers.location as string);
    expect(location.origin).toBe(endpoint);
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(PRESIGNED_SEGMENT_SECONDS);

    // What the browser does next: the bucket answers with the stored bytes, typed and privately cacheable.
    const stored = await t.storage.get(hlsSegmentKey(lesson, 'source', w.segment));
    const want = Buffer.concat(await stored!.body.toArray());
    const direct = await fetch(location, { headers: { origin: 'http://localhost:8080' } });
    expect(direct.status).toBe(200);
    expect(Buffer.from(await direct.arrayBuffer()).equals(want)).toBe(true);
    expect(direct.headers.get('content-type')).toBe('video/mp2t');
    expect(direct.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    // CORS as docs/operations.md asks of the bucket: hls.js reads the answer from the site's origin.
    expect(direct.headers.get('access-control-allow-origin')).toBeTruthy();
    // Ranges go to the bucket too (the redirected request keeps its Range header).
    const part = await fetch(location, { headers: { range: 'bytes=0-187' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(want.subarray(0, 188))).toBe(true);
    // Signed (SigV4 in the query) for this key alone. s3rver does not check V4 signatures, so that
    // the signature binds the key and expiry is S3's guarantee, not something this test can show.
    expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(location.pathname).toMatch(new RegExp(`/${hlsSegmentKey(lesson, 'source', w.segment)}$`));
  });

  it('plays through in Chromium: the site\'s CSP and the bucket\'s CORS let the player\'s XHR follow the redirect', async () => {
    const w = await watcher('gxsy.teacher');
    const stored = await t.storage.get(hlsSegmentKey(lesson, 'source', w.segment));
    const size = Buffer.concat(await stored!.body.toArray()).length;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'sc_session', value: w.viewer.token, url: base }]);
      const page = await context.newPage();
      // Any page of the site carries its CSP; the fetch is what hls.js does (XHR, no credentials beyond the site's cookie).
      await page.goto(`${base}/api/health`);
      const got = await page.evaluate((url) => new Promise<{ status: number; bytes: number; responseURL: string }>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', url, true);
        xhr.responseType = 'arraybuffer';
        xhr.onloadend = () => resolve({ status: xhr.status, bytes: (xhr.response as ArrayBuffer | null)?.byteLength ?? 0, responseURL: xhr.responseURL });
        xhr.send();
      }), w.segmentUrl);
      expect(got).toMatchObject({ status: 200, bytes: size });
      expect(got.responseURL.startsWith(`${endpoint}/`)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('refuses an expired token with 403, before any redirect', async () => {
    const w = await watcher('gxsy.teacher');
    t.clock.advance(601_000);
    try {
      const res = await w.get(w.segmentUrl);
      expect(res.statusCode).toBe(403);
      expect(res.headers.location).toBeUndefined();
      expect(res.json()).toMatchObject({ code: 'MEDIA_TOKEN_INVALID' });
    } finally {
      t.clock.advance(-601_000);
    }
  });

  it('attacker side: another viewer\'s token, or none, gets 403 and no URL into the bucket', async () => {
    const w = await watcher('gxsy.teacher');
    // The principal may watch this lesson, but not with the teacher's token.
    const principal = await t.login('gxsy.principal');
    for (const cookie of [principal.headers.cookie, null]) {
      const res = await w.get(w.segmentUrl, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.headers.location).toBeUndefined();
      expect(res.json()).toMatchObject({ code: 'MEDIA_SESSION_ENDED' });
    }
    // A teacher of another school cannot even get a grant.
    expect((await (await t.login('gx2.teacher')).request('POST', `/api/recordings/${lesson}/playback`)).statusCode).toBe(404);
  });

  it('still audits each view (the playback grant) with the viewer and the lesson', async () => {
    const before = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'recording.view').execute();
    const w = await watcher('guanxian.research');
    expect((await w.get(w.segmentUrl)).statusCode).toBe(302);
    const views = await t.db.db.selectFrom('audit_log').select(['actor_name', 'target_id', 'result']).where('action', '=', 'recording.view')
      .orderBy('id', 'desc').execute();
    expect(views.length).toBe(before.length + 1);
    expect(views[0]).toMatchObject({ target_id: String(lesson), result: 'success' });
    expect(views[0]!.actor_name).toBeTruthy();
  });
});
