import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { COMMENTS_PER_LESSON_CAP } from './comments.schema.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * 评课 from the attacker's side. A 冠县 lesson in activity A (冠县 and 莘县 schools; gxsy.teacher and
 * sxsy.principal take part) and activity B (冠县 only; gx2.teacher takes part). The attackers: a
 * teacher of the same county outside the activity, staff of a third county, a member of the other
 * activity, and anyone guessing comment ids.
 */
describe('lesson comments: what each outsider cannot see or do', () => {
  let t: TestApp;
  let lesson: number;
  let a: number;
  let b: number;
  let inA: number;
  let inB: number;
  let outside: number;
  let clients: Record<string, Client>;
  const everyRoute = (c: Client, id: number) => [
    c.get(`/api/research/comments/${id}/edits`),
    c.request('POST', `/api/research/comments/${id}/replies`, { body: '探测' }),
    c.request('PATCH', `/api/research/comments/${id}`, { body: '探测' }),
    c.request('DELETE', `/api/research/comments/${id}`),
  ];
  const statuses = async (c: Client, id: number) => (await Promise.all(everyRoute(c, id))).map((r) => r.statusCode);
  const bodies = async (c: Client, activityId: number | null) => {
    const res = await c.get(`/api/research/lessons/${lesson}/comments${activityId ? `?activityId=${activityId}` : ''}`);
    return { status: res.statusCode, text: res.body };
  };

  beforeAll(async () => {
    t = await createTestApp({ countStatements: true });
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const s = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const teacher = await userIdOf(db, 'gxsy.teacher');
    lesson = (await addLesson(db, { schoolId: gxsy, teacherUserId: teacher, teacherName: '李晓燕' })).recordingId;
    a = (await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: s.city_id }, schoolIds: [gxsy, sxsy],
      members: [{ userId: teacher, schoolId: gxsy }, { userId: await userIdOf(db, 'sxsy.principal'), schoolId: sxsy }], lessons: [{ recordingId: lesson }],
    })).activityId;
    b = (await addActivity(db, {
      organiserUserId: await userIdOf(db, 'guanxian.research'), owner: { cityId: s.city_id, countyId: s.county_id }, schoolIds: [gxsy, gx2],
      members: [{ userId: await userIdOf(db, 'gx2.teacher'), schoolId: gx2 }], lessons: [{ recordingId: lesson }],
    })).activityId;
    clients = {};
    for (const u of ['gxsy.teacher', 'gxsy.principal', 'gx2.teacher', 'sxsy.principal', 'gaotang.admin', 'gaotang.researcher', 'gxsy.parent', 'auditor']) {
      clients[u] = await t.login(u);
    }
    // A colleague of gx2.teacher who takes part in no activity.
    const outsider = await db.selectFrom('users').innerJoin('role_assignments as ra', 'ra.user_id', 'users.id').select('users.username')
      .where('ra.role', '=', 'teacher').where('ra.school_id', '=', gx2).where('users.username', '!=', 'gx2.teacher').orderBy('users.id').executeTakeFirstOrThrow();
    clients.outsider = await t.login(outsider.username);
    const post = async (c: Client, body: Record<string, unknown>) => {
      const res = await c.request('POST', `/api/research/lessons/${lesson}/comments`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    inA = await post(clients['sxsy.principal']!, { activityId: a, atMs: 60_000, body: '只在活动A里的评论' });
    inB = await post(clients['gx2.teacher']!, { activityId: b, atMs: 60_000, body: '只在活动B里的评论' });
    outside = await post(clients['gxsy.principal']!, { atMs: 60_000, body: '活动之外的评论' });
  });
  afterAll(async () => t.close());

  it('a teacher of the same county outside the activities: no list, no comment, no id route (404 as for a missing one)', async () => {
    const gx2 = clients.outsider!;
    expect((await bodies(gx2, a)).status).toBe(404);
    expect((await bodies(gx2, null)).status).toBe(404);
    expect(await statuses(gx2, inA)).toEqual([404, 404, 404, 404]);
    expect(await statuses(gx2, outside)).toEqual([404, 404, 404, 404]);
    expect((await gx2.request('POST', `/api/research/lessons/${lesson}/comments`, { activityId: a, atMs: 1, body: '闯入' })).statusCode).toBe(404);
    expect((await gx2.request('POST', `/api/research/lessons/${lesson}/comments`, { atMs: 1, body: '闯入' })).statusCode).toBe(404);
  });

  it('another county\'s bureau and researcher reach nothing of it', async () => {
    for (const who of ['gaotang.admin', 'gaotang.researcher']) {
      const c = clients[who]!;
      expect((await bodies(c, a)).status, who).toBe(404);
      expect((await bodies(c, b)).status, who).toBe(404);
      expect((await bodies(c, null)).status, who).toBe(404);
      for (const id of [inA, inB, outside]) expect(await statuses(c, id), `${who} → ${id}`).toEqual([404, 404, 404, 404]);
    }
  });

  it('parents and the system roles hold no research action', async () => {
    for (const who of ['gxsy.parent', 'auditor']) {
      expect((await bodies(clients[who]!, a)).status).toBe(403);
      expect(await statuses(clients[who]!, inA)).toEqual([403, 403, 403, 403]);
    }
  });

  it('activity A\'s comments are not seen through activity B, nor B\'s through A; neither outside', async () => {
    const gx2 = clients['gx2.teacher']!;
    const viaB = await bodies(gx2, b);
    expect(viaB.status).toBe(200);
    expect(viaB.text).toContain('只在活动B里的评论');
    expect(viaB.text).not.toContain('只在活动A里的评论');
    expect(await statuses(gx2, inA)).toEqual([404, 404, 404, 404]);
    const sx = clients['sxsy.principal']!;
    const viaA = await bodies(sx, a);
    expect(viaA.text).toContain('只在活动A里的评论');
    expect(viaA.text).not.toContain('只在活动B里的评论');
    expect(await statuses(sx, inB)).toEqual([404, 404, 404, 404]);
    // The school's principal reaches both activities and the lesson: each list holds its own only.
    const principal = clients['gxsy.principal']!;
    const own = await bodies(principal, null);
    expect(own.text).toContain('活动之外的评论');
    expect(own.text).not.toContain('只在活动A里的评论');
    expect(own.text).not.toContain('只在活动B里的评论');
    expect((await bodies(principal, a)).text).not.toContain('活动之外的评论');
    // B's member may watch the lesson (shared with them through B), so reads what was said about it
    // outside any activity: such comments are for whoever may see the recording.
    const outsideViaB = await bodies(gx2, null);
    expect(outsideViaB.text).toContain('活动之外的评论');
    expect(outsideViaB.text).not.toContain('只在活动A里的评论');
  });

  it('a lesson asked for through an activity it is not attached to answers 404', async () => {
    const other = await addLesson(t.db.db, { schoolId: await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianShiyan.code) });
    const teacher = clients['gxsy.teacher']!;
    expect((await teacher.get(`/api/research/lessons/${other.recordingId}/comments?activityId=${a}`)).statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/research/lessons/${other.recordingId}/comments`, { activityId: a, atMs: 1, body: 'x' })).statusCode).toBe(404);
  });

  it('guessed ids: a missing comment and a missing lesson answer like an unreachable one', async () => {
    const teacher = clients['gxsy.teacher']!;
    expect(await statuses(teacher, 2_000_000)).toEqual([404, 404, 404, 404]);
    expect((await teacher.get('/api/research/lessons/2000000/comments')).statusCode).toBe(404);
    expect((await teacher.get(`/api/research/lessons/${lesson}/comments?activityId=2000000`)).statusCode).toBe(404);
    expect((await teacher.get('/api/research/comments/0/edits')).statusCode).toBe(404);
  });

  it('holds up to the cap per lesson and place, in a fixed number of statements however many there are', async () => {
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const full = await addLesson(db, { schoolId: gxsy });
    const principal = clients['gxsy.principal']!;
    const url = `/api/research/lessons/${full.recordingId}/comments`;
    const author = await userIdOf(db, 'gxsy.teacher');
    const fill = async (from: number, to: number) => {
      const now = new Date().toISOString();
      const rows = [];
      for (let i = from; i < to; i++) {
        rows.push({
          school_id: gxsy, group_id: full.groupId, recording_id: full.recordingId, activity_id: null, parent_id: null, author_user_id: author,
          at_ms: i * 1000, body: `第 ${i} 条`, rubric_item_key: null, created_at: now, updated_at: now, deleted_at: null, deleted_by_user_id: null,
        });
      }
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('lesson_comments').values(rows.slice(i, i + 200)).execute();
    };
    const statementsOfList = async () => {
      t.statements!.reset();
      const res = await principal.get(url);
      expect(res.statusCode).toBe(200);
      return { count: t.statements!.statements.length, total: res.json().total as number };
    };
    await fill(0, 10);
    const ten = await statementsOfList();
    await fill(10, 500);
    const many = await statementsOfList();
    expect([ten.total, many.total]).toEqual([10, 500]);
    expect(many.count).toBe(ten.count);
    await fill(500, COMMENTS_PER_LESSON_CAP);
    const refused = await principal.request('POST', url, { atMs: 1, body: '第 2001 条' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('COMMENT_CAP_REACHED');
    expect((await principal.get(url)).json().total).toBe(COMMENTS_PER_LESSON_CAP);
  });
});
