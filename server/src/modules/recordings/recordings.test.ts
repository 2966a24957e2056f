import { copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { hlsMasterKey, recordingPrefix } from '../../storage/keys.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile } from './recordings.test-kit.js';

/** Who may list, open, watch and delete lessons — tried from the attacker's side too. */
describe('recordings: access, playback tokens and media serving', () => {
  let t: TestApp;
  let own: number; // a ready two-track lesson of 冠县实验小学 (its teacher track)
  let ownBoard: number;
  let sibling: number; // 冠县第二实验小学
  let foreign: number; // 莘县实验小学

  async function ingest(schoolId: number, groupId: string, track: 'teacher' | 'blackboard', seconds: number) {
    const copy = join(tmpdir(), `rec-${process.pid}-${groupId}-${track}.mp4`);
    await copyFile(await makeLesson({ seconds, width: 160, height: 120 }), copy);
    const r = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId, roomId: null, groupId, track, title: `课-${groupId}`, subject: '数学', grade: '三年级', classId: null,
        teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    });
    return r.recordingId;
  }

  beforeAll(async () => {
    t = await createVideoTestApp();
    const [a, b, c] = await Promise.all([DEMO_SCHOOLS.guanxianShiyan, DEMO_SCHOOLS.guanxianDier, DEMO_SCHOOLS.shenxianShiyan].map((s) => schoolByCode(t, s.code)));
    own = await ingest(a!.id, 'own-lesson', 'teacher', 3);
    ownBoard = await ingest(a!.id, 'own-lesson', 'blackboard', 4);
    sibling = await ingest(b!.id, 'sibling-lesson', 'teacher', 5);
    foreign = await ingest(c!.id, 'foreign-lesson', 'teacher', 6);
    await runJobs(t);
  });
  afterAll(async () => t.close());

  const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((i) => i.id).sort((x, y) => x - y);

  it('lists only what the caller may see, filtered in SQL', async () => {
    expect(ids(await (await t.login('gxsy.teacher')).get('/api/recordings'))).toEqual([own, ownBoard]);
    expect(ids(await (await t.login('guanxian.research')).get('/api/recordings'))).toEqual([own, ownBoard, sibling]);
    const city = await t.login('city.admin');
    expect(ids(await city.get('/api/recordings'))).toEqual([own, ownBoard, sibling, foreign]);
    const schoolId = (await schoolByCode(t, DEMO_SCHOOLS.shenxianShiyan.code)).id;
    expect(ids(await city.get(`/api/recordings?schoolId=${schoolId}`))).toEqual([foreign]);
    expect((await city.get('/api/recordings?counts=true')).json().total).toBe(0);
    expect((await city.get('/api/recordings?status=ready&from=2018-04-04&to=2018-04-04')).json().total).toBe(4);
    expect((await city.get('/api/recordings?from=2018-04-05')).json().total).toBe(0);
    for (const who of ['gxsy.parent', 'sysadmin', 'auditor']) expect((await (await t.login(who)).get('/api/recordings')).statusCode).toBe(403);
  });

  it('shows a lesson with its tracks, status and why it does not count; another school\'s is 404', async () => {
    const teacher = await t.login('gxsy.teacher');
    const body = (await teacher.get(`/api/recordings/${own}`)).json();
    expect(body).toMatchObject({ status: 'ready', progress: 100, counts: false, packaging: 'copy' });
    expect(body.countsReason).toMatch(/录像时长 0 分钟/);
    expect(body).toMatchObject({ countsReasonCode: 'too_short', countsReasonValues: { minutes: 0 } });
    expect(body.tracks.map((x: { track: string }) => x.track)).toEqual(['teacher', 'blackboard']);
    expect((await teacher.get(`/api/recordings/${sibling}`)).statusCode).toBe(404);
  });

  it('grants playback to the school and the county in scope, audits each grant, and refuses others with 404', async () => {
    const teacher = await t.login('gxsy.teacher');
    const res = await teacher.request('POST', `/api/recordings/${own}/playback`);
    expect(res.statusCode).toBe(200);
    const grant = res.json();
    expect(grant.master).toBe(`/api/media/${grant.token}/master.m3u8`);
    expect(grant.tracks.map((x: { recordingId: number }) => x.recordingId)).toEqual([own, ownBoard]);
    expect(new Date(grant.expiresAt).getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(600_000);
    expect((await (await t.login('guanxian.research')).request('POST', `/api/recordings/${sibling}/playback`)).statusCode).toBe(200);
    expect((await (await t.login('gx2.teacher')).request('POST', `/api/recordings/${own}/playback`)).statusCode).toBe(404);
    expect((await (await t.login('shenxian.research')).request('POST', `/api/recordings/${own}/playback`)).statusCode).toBe(404);
    expect((await (await t.login('sxsy.principal')).request('POST', `/api/recordings/${own}/playback`)).statusCode).toBe(404);
    expect((await (await t.login('gxsy.parent')).request('POST', `/api/recordings/${own}/playback`)).statusCode).toBe(403);
    const views = await t.db.db.selectFrom('audit_log').select(['actor_name', 'target_id']).where('action', '=', 'recording.view').execute();
    expect(views).toHaveLength(2);
    expect(views.map((v) => v.target_id).sort()).toEqual([String(own), String(sibling)].sort());
  });

  it('serves playlists and segments to the token and its session: relative links, ranges, private caching', async () => {
    const teacher = await t.login('gxsy.teacher');
    const grant = (await teacher.request('POST', `/api/recordings/${own}/playback`)).json();
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie: teacher.headers.cookie, ...headers } });
    const master = await get(grant.master);
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toMatch(/^private, max-age=(600|599)$/);
    const playlistPath = master.body.split('\n').find((l) => l && !l.startsWith('#'))!;
    expect(playlistPath).toBe('source/index.m3u8');
    const playlist = await get(`/api/media/${grant.token}/${playlistPath}`);
    const segment = playlist.body.split('\n').find((l) => l && !l.startsWith('#'))!;
    expect(segment).toMatch(/^seg_\d{5}\.ts$/);
    // On S3 a segment answers 302 to a presigned URL (media-presign.test.ts): follow it, as a browser does.
    const getSegment = async (url: string, headers: Record<string, string> = {}) => {
      const res = await get(url, headers);
      if (res.statusCode !== 302) return res;
      const direct = await fetch(res.headers.location as string, { headers });
      return { statusCode: direct.status, headers: Object.fromEntries(direct.headers), rawPayload: Buffer.from(await direct.arrayBuffer()) };
    };
    const seg = await getSegment(`/api/media/${grant.token}/source/${segment}`);
    expect(seg.statusCode).toBe(200);
    expect(seg.headers['content-type']).toBe('video/mp2t');
    expect(Number(seg.headers['content-length'])).toBe(seg.rawPayload.length);
    const part = await getSegment(`/api/media/${grant.token}/source/${segment}`, { range: 'bytes=0-187' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-187/${seg.rawPayload.length}`);
    expect(part.rawPayload.equals(seg.rawPayload.subarray(0, 188))).toBe(true);
    const head = await t.app.inject({ method: 'HEAD', url: `/api/media/${grant.token}/source/${segment}`, headers: { cookie: teacher.headers.cookie } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(seg.rawPayload.length));
    expect(head.headers['x-media-key']).toBe(`recordings/${own}/hls/source/${segment}`);
    const past = await getSegment(`/api/media/${grant.token}/source/${segment}`, { range: `bytes=${seg.rawPayload.length}-` });
    expect(past.statusCode).toBe(416);
    expect((await get(`/api/media/${grant.token}/../${sibling}/hls/master.m3u8`)).statusCode).not.toBe(200);
  });

  it('answers 403 to a token for another recording, a forged one and an expired one', async () => {
    const teacher = await t.login('gxsy.teacher');
    const grant = (await teacher.request('POST', `/api/recordings/${own}/playback`)).json();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: teacher.headers.cookie } });
    const [, user, exp, sig] = (grant.token as string).split('.');
    const moved = `${ownBoard}.${user}.${exp}.${sig}`;
    expect((await get(`/api/media/${moved}/master.m3u8`)).statusCode).toBe(403);
    expect((await get('/api/media/1.1.99999999999.abc/master.m3u8')).statusCode).toBe(403);
    t.clock.advance(601_000);
    try {
      expect((await get(grant.master)).statusCode).toBe(403);
    } finally {
      t.clock.advance(-601_000);
    }
  });

  it('serves nothing of a recording that is not ready', async () => {
    const teacher = await t.login('gxsy.teacher');
    const grant = (await teacher.request('POST', `/api/recordings/${ownBoard}/playback`)).json();
    const board = grant.tracks.find((x: { recordingId: number }) => x.recordingId === ownBoard).master as string;
    await t.db.db.updateTable('recordings').set({ status: 'processing' }).where('id', '=', ownBoard).execute();
    try {
      expect((await t.app.inject({ method: 'GET', url: board, headers: { cookie: teacher.headers.cookie } })).statusCode).toBe(404);
      expect((await teacher.request('POST', `/api/recordings/${ownBoard}/playback`)).statusCode).toBe(409);
    } finally {
      await t.db.db.updateTable('recordings').set({ status: 'ready' }).where('id', '=', ownBoard).execute();
    }
  });

  it('lets the principal and the county 教科所 set a track\'s start offset, which playback hands to the player', async () => {
    const principal = await t.login('gxsy.principal');
    const set = await principal.request('PUT', `/api/recordings/${ownBoard}/start-offset`, { startOffsetMs: 2500 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ id: ownBoard, track: 'blackboard', startOffsetMs: 2500 });
    const grant = (await (await t.login('gxsy.teacher')).request('POST', `/api/recordings/${own}/playback`)).json();
    expect(grant.tracks.map((x: { startOffsetMs: number }) => x.startOffsetMs)).toEqual([0, 2500]);
    expect(grant.tracks[0].thumbnails).toBe(`${grant.tracks[0].master.replace('master.m3u8', '')}thumbs/sprite.vtt`);
    expect((await (await t.login('gxsy.teacher')).get(`/api/recordings/${own}`)).json().tracks.map((x: { startOffsetMs: number }) => x.startOffsetMs)).toEqual([0, 2500]);
    expect((await (await t.login('guanxian.research')).request('PUT', `/api/recordings/${ownBoard}/start-offset`, { startOffsetMs: -1000 })).statusCode).toBe(200);
    expect((await (await t.login('gxsy.teacher')).request('PUT', `/api/recordings/${ownBoard}/start-offset`, { startOffsetMs: 0 })).statusCode).toBe(403);
    expect((await (await t.login('shenxian.research')).request('PUT', `/api/recordings/${ownBoard}/start-offset`, { startOffsetMs: 0 })).statusCode).toBe(404);
    expect((await principal.request('PUT', `/api/recordings/${ownBoard}/start-offset`, { startOffsetMs: 600_001 })).statusCode).toBe(400);
    const audit = await t.db.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'recording.offset').orderBy('id').execute();
    expect(audit.map((a) => JSON.parse(a.detail!) as { from: number; to: number }).map((d) => [d.from, d.to])).toEqual([[0, 2500], [2500, -1000]]);
  });

  it('lets the school\'s principal and the county 教科所 delete (files first, then the row), nobody else', async () => {
    expect((await (await t.login('gxsy.teacher')).request('DELETE', `/api/recordings/${ownBoard}`)).statusCode).toBe(403);
    expect((await (await t.login('guanxian.edtech')).request('DELETE', `/api/recordings/${ownBoard}`)).statusCode).toBe(403);
    expect((await (await t.login('gxsy.principal')).request('DELETE', `/api/recordings/${sibling}`)).statusCode).toBe(404);
    expect((await (await t.login('shenxian.research')).request('DELETE', `/api/recordings/${sibling}`)).statusCode).toBe(404);
    expect(await t.storage.head(hlsMasterKey(ownBoard))).not.toBeNull();
    expect((await (await t.login('gxsy.principal')).request('DELETE', `/api/recordings/${ownBoard}`)).statusCode).toBe(204);
    expect((await (await t.login('guanxian.research')).request('DELETE', `/api/recordings/${sibling}`)).statusCode).toBe(204);
    for (const id of [ownBoard, sibling]) {
      expect(await t.db.db.selectFrom('recordings').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      const left: string[] = [];
      for await (const key of t.storage.list(recordingPrefix(id))) left.push(key);
      expect(left).toEqual([]);
    }
    expect(await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'recording.delete').execute()).toHaveLength(2);
  });

  it('purges lessons past RETENTION_DAYS unless kept, objects and rows together, audited', async () => {
    await t.db.db.updateTable('recordings').set({ keep: 1 }).where('id', '=', foreign).execute();
    await t.db.db.updateTable('recordings').set({ created_at: '2018-04-04T02:00:00.000Z' }).execute();
    t.clock.set(new Date('2018-10-05T00:00:00Z'));
    const result = await t.services.recordings!.purgeExpired();
    expect(result.recordingsPurged).toBe(1);
    expect(await t.db.db.selectFrom('recordings').select('id').execute()).toEqual([{ id: foreign }]);
    expect(await t.storage.head(hlsMasterKey(own))).toBeNull();
    expect(await t.storage.head(hlsMasterKey(foreign))).not.toBeNull();
    expect(await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'recording.purge').execute()).toHaveLength(1);
    expect((await t.services.recordings!.purgeExpired()).recordingsPurged).toBe(0);
  });
});
