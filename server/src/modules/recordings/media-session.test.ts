import { copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { createViewerCheck, VIEWER_CHECK_TTL_MS } from './media-viewer-check.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile } from './recordings.test-kit.js';

// The bound: playback stops within 30 s of a logout, a disabled account or a removed role.
const STOPS_WITHIN_MS = 30_000;

/** Media tokens are bound to the session that asked for them, and stop soon after it ends. */
describe('media tokens and the viewer\'s session', () => {
  let t: TestApp;
  let lesson: number;

  beforeAll(async () => {
    t = await createVideoTestApp();
    const school = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const copy = join(tmpdir(), `media-session-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 3, width: 160, height: 120 }), copy);
    ({ recordingId: lesson } = await t.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: 'session-lesson', track: 'teacher', title: '会话测试', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    }));
    await runJobs(t);
  });
  afterAll(async () => t.close());

  /** A viewer with a playback grant, and a way to fetch its master playlist with any cookie. */
  async function watcher(username: string) {
    const viewer = await t.login(username);
    const grant = (await viewer.request('POST', `/api/recordings/${lesson}/playback`)).json() as { master: string };
    const fetchAs = async (cookie: string | null) => {
      const res = await t.app.inject({ method: 'GET', url: grant.master, headers: cookie ? { cookie } : {} });
      return { status: res.statusCode, code: res.statusCode === 200 ? null : (res.json() as { code: string }).code };
    };
    return { viewer, grant, fetch: () => fetchAs(viewer.headers.cookie), fetchAs };
  }

  /** Moves the clock past the bound, as a viewer who keeps playing would experience it. */
  function laterBy(ms: number) {
    t.clock.advance(ms);
  }

  it('plays for the session that asked; stops within 30 s of its logout', async () => {
    const w = await watcher('gxsy.teacher');
    expect(await w.fetch()).toEqual({ status: 200, code: null });
    expect((await w.viewer.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    laterBy(STOPS_WITHIN_MS);
    expect(await w.fetch()).toEqual({ status: 403, code: 'MEDIA_SESSION_ENDED' });
  });

  it('refuses the same URL from another person\'s session, and without a session', async () => {
    const w = await watcher('gxsy.teacher');
    const other = await t.login('gxsy.principal'); // may watch the lesson, but not with this URL
    expect(await w.fetchAs(other.headers.cookie)).toEqual({ status: 403, code: 'MEDIA_SESSION_ENDED' });
    expect(await w.fetchAs(null)).toEqual({ status: 403, code: 'MEDIA_SESSION_ENDED' });
    // The same person's other session is another session too: a token does not travel between them.
    const again = await t.login('gxsy.teacher');
    expect(await w.fetchAs(again.headers.cookie)).toEqual({ status: 403, code: 'MEDIA_TOKEN_INVALID' });
    expect(await w.fetch()).toEqual({ status: 200, code: null });
  });

  it('stops within 30 s of the account being disabled', async () => {
    const w = await watcher('guanxian.researcher');
    expect(await w.fetch()).toEqual({ status: 200, code: null });
    const admin = await t.login('city.admin');
    expect((await admin.request('PATCH', `/api/people/${w.viewer.me.id}`, { disabled: true })).statusCode).toBe(200);
    laterBy(STOPS_WITHIN_MS);
    expect((await w.fetch()).status).toBe(403);
  });

  it('stops within 30 s of the role that allowed it being removed', async () => {
    const w = await watcher('city.research');
    expect(await w.fetch()).toEqual({ status: 200, code: null });
    const admin = await t.login('city.admin');
    const assignment = await t.db.db.selectFrom('role_assignments').select('id').where('user_id', '=', w.viewer.me.id).executeTakeFirstOrThrow();
    expect((await admin.request('DELETE', `/api/people/${w.viewer.me.id}/assignments/${assignment.id}`)).statusCode).toBe(204);
    laterBy(STOPS_WITHIN_MS);
    expect((await w.fetch()).status).toBe(403);
  });

  it('stops when the role goes even while the session lives on (the scope is checked again, not only the session)', async () => {
    const w = await watcher('guanxian.edtech');
    expect(await w.fetch()).toEqual({ status: 200, code: null });
    // A role row removed behind the service's back (an import, a database fix) leaves the session alive.
    await t.db.db.deleteFrom('role_assignments').where('user_id', '=', w.viewer.me.id).execute();
    laterBy(STOPS_WITHIN_MS);
    expect(await w.fetch()).toEqual({ status: 403, code: 'MEDIA_SESSION_ENDED' });
  });
});

describe('the viewer check cache', () => {
  const clock = new ManualClock(new Date('2018-04-04T02:00:00Z'));
  const allowed = { sessionId: 1, userId: 2, mayWatch: true, ready: true, mediaPrefix: null };

  it('asks once per session and recording within the TTL, again after it', async () => {
    let asked = 0;
    const check = createViewerCheck({ clock, lookup: async () => { asked++; return allowed; } });
    await check.check('cookie-a', 7);
    await check.check('cookie-a', 7);
    expect(asked).toBe(1);
    await check.check('cookie-a', 8);
    await check.check('cookie-b', 7);
    expect(asked).toBe(3);
    clock.advance(VIEWER_CHECK_TTL_MS);
    await check.check('cookie-a', 7);
    expect(asked).toBe(4);
    expect(VIEWER_CHECK_TTL_MS).toBeLessThanOrEqual(STOPS_WITHIN_MS);
  });

  it('keeps no refusal, and forgets the oldest entries beyond its size', async () => {
    let verdict = { ...allowed, mayWatch: false };
    const check = createViewerCheck({ clock, lookup: async () => verdict, maxEntries: 2 });
    expect((await check.check('c', 1)).mayWatch).toBe(false);
    verdict = allowed;
    expect((await check.check('c', 1)).mayWatch).toBe(true);
    await check.check('c', 2);
    await check.check('c', 3);
    expect(check.size()).toBe(2);
  });
});
