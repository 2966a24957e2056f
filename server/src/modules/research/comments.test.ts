import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
interface Comment { id: number; parentId: number | null; atMs: number; body: string; deleted: boolean; edited: boolean; rubricItemKey: string | null;
  author: { userId: number; name: string; role: string | null; orgName: string | null }; canEdit: boolean; canDelete: boolean;
  replyTo: { id: number; authorName: string } | null }
interface Thread extends Comment { replies: Comment[] }
interface List { threads: Thread[]; total: number; reviewsOpen: boolean; canModerate: boolean; rubricItems: { key: string }[]; teacherUserId: number | null }

const RUBRIC = {
  dimensions: [
    { key: 'teacher', name: '教师教学', items: [{ key: 'questioning', text: '提问有层次', weight: 1, levels: [] }, { key: 'feedback', text: '反馈及时', weight: 1, levels: [] }] },
    { key: 'student', name: '学生学习', items: [{ key: 'engagement', text: '参与度', weight: 1, levels: [] }] },
  ],
};

/**
 * 评课 on a lesson: 冠县实验小学's lesson (taught by gxsy.teacher) in a city activity A with 莘县实验小学
 * (a rubric; gxsy.teacher and sxsy.principal take part), in a 冠县 activity B (gx2.teacher takes
 * part), and outside any activity.
 */
describe('lesson comments: at a time, threaded, tagged, told, edited and deleted', () => {
  let t: TestApp;
  let lesson: number;
  let activityA: number;
  let activityB: number;
  let ids: Record<string, number>;
  const clients = new Map<string, Client>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await t.login(username));
    return clients.get(username)!;
  };
  const list = async (who: Client, activityId: number | null) => {
    const res = await who.get(`/api/research/lessons/${lesson}/comments${activityId ? `?activityId=${activityId}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };
  const post = (who: Client, body: Record<string, unknown>, recordingId = lesson) => who.request('POST', `/api/research/lessons/${recordingId}/comments`, body);
  const inbox = async (who: Client) => (await who.get('/api/notifications?pageSize=50')).json().items as { kind: string; title: string; body: string; link: string }[];

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2018-04-10T10:00:00+08:00') });
    const db = t.db.db;
    ids = {};
    for (const u of ['gxsy.teacher', 'gxsy.principal', 'gx2.teacher', 'sxsy.principal', 'city.research', 'guanxian.research', 'shenxian.research']) ids[u] = await userIdOf(db, u);
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const school = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const sxCounty = (await db.selectFrom('schools').select('county_id').where('id', '=', sxsy).executeTakeFirstOrThrow()).county_id;
    lesson = (await addLesson(db, { schoolId: gxsy, teacherUserId: ids['gxsy.teacher'], teacherName: '李晓燕', title: '分数的初步认识' })).recordingId;
    const other = await addLesson(db, { schoolId: sxsy, title: '认识钟表' });
    const now = new Date().toISOString();
    const rubric = await db.insertInto('observation_rubrics').values({
      name: '课堂观察量表', description: '', city_id: school.city_id, county_id: null, definition: JSON.stringify(RUBRIC), status: 'published',
      created_by_user_id: ids['city.research']!, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    activityA = (await addActivity(db, {
      organiserUserId: ids['city.research']!, owner: { cityId: school.city_id }, schoolIds: [gxsy, sxsy], rubricId: rubric.id,
      members: [{ userId: ids['gxsy.teacher']!, schoolId: gxsy }, { userId: ids['sxsy.principal']!, role: 'observer', schoolId: sxsy }],
      lessons: [{ recordingId: lesson }, { recordingId: other.recordingId }],
    })).activityId;
    activityB = (await addActivity(db, {
      organiserUserId: ids['guanxian.research']!, owner: { cityId: school.city_id, countyId: school.county_id }, schoolIds: [gxsy, gx2],
      members: [{ userId: ids['gx2.teacher']!, role: 'observer', schoolId: gx2 }], lessons: [{ recordingId: lesson }],
    })).activityId;
    ids.sxCounty = sxCounty;
    ids.other = other.recordingId;
  });
  afterAll(async () => t.close());

  it('a participant from another county comments at 12:34 with a rubric tag; the teacher is told, replies, and the author is told', async () => {
    const observer = await as('sxsy.principal');
    const res = await post(observer, { activityId: activityA, atMs: 754_000, body: '这里的追问很好，学生说出了自己的想法。', rubricItemKey: 'questioning' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Comment;
    expect(c).toMatchObject({ atMs: 754_000, parentId: null, rubricItemKey: 'questioning', edited: false, canEdit: true, canDelete: true });
    expect(c.author).toMatchObject({ name: '赵立群', role: 'principal', orgName: '莘县实验小学' });

    const teacher = await as('gxsy.teacher');
    const told = (await inbox(teacher)).find((n) => n.kind === 'lesson_comment')!;
    expect(told).toMatchObject({ title: '赵立群评论了您的课「分数的初步认识」', link: `/research/activities/${activityA}/lessons/${lesson}?comment=${c.id}` });
    expect(told.body).toContain('12:34');

    const answer = await teacher.request('POST', `/api/research/comments/${c.id}/replies`, { body: '谢谢，这是预设的追问。' });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ parentId: c.id, atMs: 754_000, replyTo: null, author: { name: '李晓燕', role: 'teacher', orgName: '冠县实验小学' } });
    expect((await inbox(observer)).find((n) => n.kind === 'lesson_comment_reply')).toMatchObject({ title: '李晓燕回复了您在「分数的初步认识」的评论' });
    // A teacher answering on their own lesson is not told of it.
    expect((await inbox(teacher)).filter((n) => n.link.includes(`comment=${answer.json().id}`))).toEqual([]);

    // A reply to the reply: the same thread, naming whom it answers; the teacher and the author of the reply are told.
    const again = (await observer.request('POST', `/api/research/comments/${answer.json().id}/replies`, { body: '期待下次交流。' })).json() as Comment;
    expect(again).toMatchObject({ atMs: 754_000, replyTo: { id: answer.json().id, authorName: '李晓燕' } });
    expect((await inbox(teacher)).find((n) => n.link.endsWith(`comment=${again.id}`))).toMatchObject({ kind: 'lesson_comment_reply' });

    const seen = await list(await as('city.research'), activityA);
    const thread = seen.threads.find((x) => x.id === c.id)!;
    expect(thread.replies.map((r) => r.body)).toEqual(['谢谢，这是预设的追问。', '期待下次交流。']);
    expect(seen).toMatchObject({ reviewsOpen: true, canModerate: true, teacherUserId: ids['gxsy.teacher'] });
    expect(seen.rubricItems.map((i) => i.key)).toEqual(['questioning', 'feedback', 'engagement']);
    expect(thread.canEdit).toBe(false);
    expect(thread.canDelete).toBe(true);
  });

  it('lists in time order, each comment where it was made: activity A, activity B and outside any never mix', async () => {
    const principal = await as('gxsy.principal');
    const outside = (await post(principal, { atMs: 90_000, body: '活动外：板书清楚' })).json() as Comment;
    const inB = (await post(await as('gx2.teacher'), { activityId: activityB, atMs: 30_000, body: '活动B：导入简洁' })).json() as Comment;
    const early = (await post(await as('gxsy.teacher'), { activityId: activityA, atMs: 1_000, body: '活动A：开头' })).json() as Comment;

    const a = await list(principal, activityA);
    expect(a.threads.map((x) => x.atMs)).toEqual([...a.threads.map((x) => x.atMs)].sort((x, y) => x - y));
    expect(a.threads[0]!.id).toBe(early.id);
    const bodies = (l: List) => l.threads.flatMap((x) => [x.body, ...x.replies.map((r) => r.body)]);
    expect(bodies(a)).not.toContain('活动B：导入简洁');
    expect(bodies(a)).not.toContain('活动外：板书清楚');
    const b = await list(principal, activityB);
    expect(bodies(b)).toEqual(['活动B：导入简洁']);
    expect(b.rubricItems).toEqual([]);
    const none = await list(principal, null);
    expect(bodies(none)).toEqual(['活动外：板书清楚']);
    expect(outside.author).toMatchObject({ role: 'principal', orgName: '冠县实验小学' });
    expect(inB.author).toMatchObject({ role: 'teacher', orgName: '冠县第二实验小学' });
    // A comment made outside an activity by someone else than the teacher reaches the teacher too, linked to the lesson's own page.
    expect((await inbox(await as('gxsy.teacher'))).find((n) => n.link.endsWith(`comment=${outside.id}`))?.link).toBe(`/recordings/${lesson}?comment=${outside.id}`);
  });

  it('refuses tags outside the rubric, tags where there is none, a time past the lesson\'s end, and a reply without its parent', async () => {
    const teacher = await as('gxsy.teacher');
    expect((await post(teacher, { activityId: activityA, atMs: 5_000, body: '好', rubricItemKey: 'nonsense' })).json().code).toBe('COMMENT_TAG_UNKNOWN');
    expect((await post(await as('gx2.teacher'), { activityId: activityB, atMs: 5_000, body: '好', rubricItemKey: 'questioning' })).json().code).toBe('COMMENT_TAG_NO_RUBRIC');
    expect((await post(teacher, { atMs: 5_000, body: '好', rubricItemKey: 'questioning' })).json().code).toBe('COMMENT_TAG_NO_RUBRIC');
    expect((await post(teacher, { activityId: activityA, atMs: 3 * 3600_000, body: '好' })).json().code).toBe('COMMENT_TIME_PAST_END');
    expect((await post(teacher, { activityId: activityA, atMs: 5_000, body: '   ' })).statusCode).toBe(400);
    expect((await post(teacher, { activityId: activityA, atMs: -1, body: '好' })).statusCode).toBe(400);
    expect((await post(teacher, { activityId: activityA, atMs: 5_000, body: '好', parentId: 1 })).json().code).toBe('FIELD_NOT_ALLOWED');
    expect((await teacher.request('POST', '/api/research/comments/999999/replies', { body: '好' })).statusCode).toBe(404);
  });

  it('edits are the author\'s alone and keep the earlier wording', async () => {
    const observer = await as('sxsy.principal');
    const c = (await post(observer, { activityId: activityA, atMs: 600_000, body: '小组合作时间偏短' })).json() as Comment;
    const edited = await observer.request('PATCH', `/api/research/comments/${c.id}`, { body: '小组合作时间偏短，约 2 分钟' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: '小组合作时间偏短，约 2 分钟', edited: true });
    await observer.request('PATCH', `/api/research/comments/${c.id}`, { body: '小组合作时间偏短，约 3 分钟' });
    // The same wording again is no edit.
    await observer.request('PATCH', `/api/research/comments/${c.id}`, { body: '小组合作时间偏短，约 3 分钟' });
    const history = (await (await as('city.research')).get(`/api/research/comments/${c.id}/edits`)).json();
    expect(history.current.body).toBe('小组合作时间偏短，约 3 分钟');
    expect(history.items.map((e: { body: string }) => e.body)).toEqual(['小组合作时间偏短，约 2 分钟', '小组合作时间偏短']);
    expect(history.items[0].editedByName).toBe('赵立群');
    const other = await (await as('gxsy.teacher')).request('PATCH', `/api/research/comments/${c.id}`, { body: '改掉' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('COMMENT_NOT_AUTHOR');
    // The organiser moderates by deleting, never by rewording.
    expect((await (await as('city.research')).request('PATCH', `/api/research/comments/${c.id}`, { body: '改掉' })).statusCode).toBe(403);
    expect((await list(observer, activityA)).threads.find((x) => x.id === c.id)).toMatchObject({ edited: true, canEdit: true });
  });

  it('deletes softly: a deleted comment with replies shows as deleted with its replies kept; without replies it goes; audited', async () => {
    const teacher = await as('gxsy.teacher');
    const observer = await as('sxsy.principal');
    const root = (await post(observer, { activityId: activityA, atMs: 1_200_000, body: '要删除的评论' })).json() as Comment;
    const answer = (await teacher.request('POST', `/api/research/comments/${root.id}/replies`, { body: '留下的回复' })).json() as Comment;
    const lone = (await post(observer, { activityId: activityA, atMs: 1_300_000, body: '孤立的评论' })).json() as Comment;

    // A member who neither wrote it nor organises the activity may not delete it.
    const refused = await teacher.request('DELETE', `/api/research/comments/${root.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('COMMENT_DELETE_NOT_ALLOWED');
    expect((await observer.request('DELETE', `/api/research/comments/${root.id}`)).statusCode).toBe(204);
    // The organiser deletes another's comment.
    expect((await (await as('city.research')).request('DELETE', `/api/research/comments/${lone.id}`)).statusCode).toBe(204);
    expect((await observer.request('DELETE', `/api/research/comments/${root.id}`)).json().code).toBe('COMMENT_DELETED');

    const seen = await list(teacher, activityA);
    const thread = seen.threads.find((x) => x.id === root.id)!;
    expect(thread).toMatchObject({ deleted: true, body: '', canDelete: false, canEdit: false });
    expect(thread.replies.map((r) => r.id)).toEqual([answer.id]);
    expect(seen.threads.some((x) => x.id === lone.id)).toBe(false);
    expect((await teacher.request('POST', `/api/research/comments/${root.id}/replies`, { body: '再回复' })).json().code).toBe('COMMENT_DELETED');
    expect((await teacher.get(`/api/research/comments/${root.id}/edits`)).json().code).toBe('COMMENT_DELETED');

    const audits = await t.db.db.selectFrom('audit_log').select(['actor_id', 'target_id', 'detail']).where('action', '=', 'lesson_comment.delete').orderBy('id').execute();
    expect(audits.map((a) => [a.actor_id, String(a.target_id)])).toEqual([[ids['sxsy.principal'], String(root.id)], [ids['city.research'], String(lone.id)]]);
    const row = await t.db.db.selectFrom('lesson_comments').select(['deleted_at', 'deleted_by_user_id', 'body']).where('id', '=', root.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ deleted_by_user_id: ids['sxsy.principal'], body: '要删除的评论' });
    expect(row.deleted_at).not.toBeNull();
  });

  it('an activity that is summarised takes no more comments, replies or edits; its organiser still removes one', async () => {
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const s = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const { activityId } = await addActivity(db, {
      organiserUserId: ids['guanxian.research']!, owner: { cityId: s.city_id, countyId: s.county_id }, schoolIds: [gxsy],
      members: [{ userId: ids['gxsy.teacher']!, schoolId: gxsy }], lessons: [{ recordingId: lesson }],
    });
    const teacher = await as('gxsy.teacher');
    const c = (await post(teacher, { activityId, atMs: 10_000, body: '总结前的评论' })).json() as Comment;
    await db.updateTable('research_activities').set({ status: 'summarised' }).where('id', '=', activityId).execute();
    expect((await post(teacher, { activityId, atMs: 10_000, body: '总结后' })).json().code).toBe('RESEARCH_SUMMARISED');
    expect((await teacher.request('POST', `/api/research/comments/${c.id}/replies`, { body: '总结后' })).json().code).toBe('RESEARCH_SUMMARISED');
    expect((await teacher.request('PATCH', `/api/research/comments/${c.id}`, { body: '总结后' })).json().code).toBe('RESEARCH_SUMMARISED');
    expect((await teacher.request('DELETE', `/api/research/comments/${c.id}`)).json().code).toBe('RESEARCH_SUMMARISED');
    const seen = await list(teacher, activityId);
    expect(seen.reviewsOpen).toBe(false);
    expect(seen.threads[0]).toMatchObject({ canEdit: false, canDelete: false });
    expect((await (await as('guanxian.research')).request('DELETE', `/api/research/comments/${c.id}`)).statusCode).toBe(204);
  });

  it('tells the teacher only where the teacher may open the comment', async () => {
    const db = t.db.db;
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const s = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', sxsy).executeTakeFirstOrThrow();
    // A 莘县 activity showing the 冠县 lesson to 莘县 staff only (gxsy.teacher takes no part).
    const { activityId } = await addActivity(db, {
      organiserUserId: ids['shenxian.research']!, owner: { cityId: s.city_id, countyId: s.county_id }, schoolIds: [sxsy], lessons: [{ recordingId: lesson }],
    });
    const c = (await post(await as('shenxian.research'), { activityId, atMs: 20_000, body: '莘县内部讨论' })).json() as Comment;
    expect((await inbox(await as('gxsy.teacher'))).some((n) => n.link.endsWith(`comment=${c.id}`))).toBe(false);
    expect((await (await as('gxsy.teacher')).get(`/api/research/lessons/${lesson}/comments?activityId=${activityId}`)).statusCode).toBe(404);
  });
});
