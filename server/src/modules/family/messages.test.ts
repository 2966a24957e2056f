import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, classOfParent, pupilsOf, userId } from './family.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/** 家校沟通 from both sides and from the attacker's: class A's parent never meets class B's conversations. */
describe('messages: guardians and class staff talk; nobody deletes; the school hides a reported message for a reason', () => {
  let t: TestApp;
  let classA: number;
  let classB: number;
  let childA: number;
  let childB: number;
  let teacherA: number;
  let headBName: string;
  let headB: number;
  let parentA: Client;
  let parentB: Client;
  let teacher: Client;
  let teacherB: Client;
  let directA: number;
  let directB: number;
  let classConvA: number;
  let classConvB: number;
  let messageB: number;

  // Wednesday 2026-12-09, 10:00 in Shanghai: inside Mon–Fri 08:00–17:30.
  const WORKING = new Date('2026-12-09T10:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp({ now: WORKING });
    const db = t.db.db;
    ({ classId: classA, studentId: childA } = await classOfParent(db, 'gxsy.parent'));
    ({ classId: classB, studentId: childB } = await classOfParent(db, 'gxsy.parent2'));
    teacherA = await userId(db, 'gxsy.teacher');
    const head = await db.selectFrom('class_staff').innerJoin('users', 'users.id', 'class_staff.user_id')
      .select(['users.id', 'users.username']).where('class_staff.class_id', '=', classB).where('class_staff.duty', '=', 'head').executeTakeFirstOrThrow();
    [headB, headBName] = [head.id, head.username];
    parentA = await t.login('gxsy.parent');
    parentB = await t.login('gxsy.parent2');
    teacher = await t.login('gxsy.teacher');
    teacherB = await t.login(headBName);
  });
  afterAll(async () => t.close());

  it('lets a guardian open a conversation with their child\'s teacher, labelled with the child, and the teacher answer', async () => {
    const contacts = (await parentA.get('/api/family/message-contacts')).json();
    expect(contacts.items).toEqual([expect.objectContaining({ child: expect.objectContaining({ id: childA }), people: expect.arrayContaining([expect.objectContaining({ userId: teacherA, note: '班主任' })]) })]);
    const opened = await parentA.request('POST', '/api/family/conversations', { studentId: childA, withUserId: teacherA });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ created: true });
    directA = opened.json().id;
    // Opening again finds the same conversation.
    expect((await parentA.request('POST', '/api/family/conversations', { studentId: childA, withUserId: teacherA })).json()).toEqual({ id: directA, created: false });

    const posted = await parentA.request('POST', `/api/family/conversations/${directA}/messages`, { body: '  王老师您好，孩子今天咳嗽，请多关照。 ' });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ body: '王老师您好，孩子今天咳嗽，请多关照。', mine: true, hidden: false, sender: { side: 'guardian' } });

    const list = (await teacher.get('/api/family/conversations')).json();
    const item = list.items.find((c: { id: number }) => c.id === directA);
    const className = (await t.db.db.selectFrom('classes').select('name').where('id', '=', classA).executeTakeFirstOrThrow()).name;
    expect(item).toMatchObject({ kind: 'direct', label: expect.stringMatching(new RegExp(`^${className.replace(/[()]/g, '\\$&')} `)), unread: 1 });
    expect(item.label).toBe(item.child.label);
    expect((await teacher.get('/api/family/conversations/unread-count')).json()).toEqual({ unreadTotal: 1, conversations: 1 });
    expect((await teacher.request('POST', `/api/family/conversations/${directA}/read`)).json()).toMatchObject({ unread: 0 });
    expect((await teacher.get('/api/family/conversations/unread-count')).json()).toEqual({ unreadTotal: 0, conversations: 0 });

    await teacher.request('POST', `/api/family/conversations/${directA}/messages`, { body: '收到，会留意的。' });
    const page = (await parentA.get(`/api/family/conversations/${directA}/messages`)).json();
    expect(page.items.map((m: { body: string }) => m.body)).toEqual(['王老师您好，孩子今天咳嗽，请多关照。', '收到，会留意的。']);
    expect(page.items[1]).toMatchObject({ mine: false, sender: { userId: teacherA, side: 'staff' } });
    expect((await parentA.get('/api/family/conversations')).json().unreadTotal).toBe(1);
  });

  it('pages back through a conversation, newest last', async () => {
    for (let i = 0; i < 5; i++) await parentA.request('POST', `/api/family/conversations/${directA}/messages`, { body: `第${i}条` });
    const last = (await parentA.get(`/api/family/conversations/${directA}/messages?limit=3`)).json();
    expect(last.items.map((m: { body: string }) => m.body)).toEqual(['第2条', '第3条', '第4条']);
    expect(last.hasMore).toBe(true);
    const older = (await parentA.get(`/api/family/conversations/${directA}/messages?limit=3&before=${last.items[0].id}`)).json();
    expect(older.items.map((m: { body: string }) => m.body)).toEqual(['收到，会留意的。', '第0条', '第1条']);
  });

  it('lets class staff open their class\'s conversation, which reaches its guardians and nobody of class B', async () => {
    // A guardian does not open class conversations; another class's teacher cannot open class A's.
    expect((await parentA.request('POST', '/api/family/conversations/class', { classId: classA })).statusCode).toBe(403);
    expect((await teacherB.request('POST', '/api/family/conversations/class', { classId: classA })).statusCode).toBe(404);
    const principal = await t.login('gxsy.principal');
    expect((await principal.request('POST', '/api/family/conversations/class', { classId: classA })).statusCode).toBe(404);
    classConvA = (await teacher.request('POST', '/api/family/conversations/class', { classId: classA })).json().id;
    classConvB = (await teacherB.request('POST', '/api/family/conversations/class', { classId: classB })).json().id;
    await teacher.request('POST', `/api/family/conversations/${classConvA}/messages`, { body: '明天春游，请带水壶。' });
    messageB = (await teacherB.request('POST', `/api/family/conversations/${classConvB}/messages`, { body: '二班明天考试。' })).json().id;
    const a = (await parentA.get('/api/family/conversations')).json();
    expect(a.items.map((c: { id: number }) => c.id)).toContain(classConvA);
    expect(a.items.find((c: { id: number }) => c.id === classConvA)).toMatchObject({ kind: 'class', label: expect.any(String), child: null, unread: 1 });
    directB = (await parentB.request('POST', '/api/family/conversations', { studentId: childB, withUserId: headB })).json().id;
    await parentB.request('POST', `/api/family/conversations/${directB}/messages`, { body: '老师好' });
  });

  it('shows a parent of class A nothing of class B: every conversation, message and report 404, lists and counts without them', async () => {
    const before = (await parentA.get('/api/family/conversations')).json();
    const ids = before.items.map((c: { id: number }) => c.id);
    expect(ids).not.toContain(classConvB);
    expect(ids).not.toContain(directB);
    const count = (await parentA.get('/api/family/conversations/unread-count')).json();
    expect(count.unreadTotal).toBe(before.unreadTotal);
    for (const id of [classConvB, directB, 999999]) {
      expect((await parentA.get(`/api/family/conversations/${id}`)).statusCode, String(id)).toBe(404);
      expect((await parentA.get(`/api/family/conversations/${id}/messages`)).statusCode).toBe(404);
      expect((await parentA.request('POST', `/api/family/conversations/${id}/messages`, { body: '试试' })).statusCode).toBe(404);
      expect((await parentA.request('POST', `/api/family/conversations/${id}/read`)).statusCode).toBe(404);
    }
    for (const id of [messageB, 999999]) {
      expect((await parentA.request('POST', `/api/family/messages/${id}/report`, { reason: '猜的' })).statusCode).toBe(404);
    }
    // Nor can they open a conversation about class B's child or with class B's teacher.
    expect((await parentA.request('POST', '/api/family/conversations', { studentId: childB, withUserId: headB })).statusCode).toBe(404);
    expect((await parentA.request('POST', '/api/family/conversations', { studentId: childA, withUserId: headB })).statusCode).toBe(404);
    // Class A's teacher is not in class B's conversations either.
    expect((await teacher.get(`/api/family/conversations/${classConvB}`)).statusCode).toBe(404);
    expect((await teacher.request('POST', '/api/family/conversations', { studentId: childB, withUserId: (await userId(t.db.db, 'gxsy.parent2')) })).statusCode).toBe(404);
    expect(await t.db.db.selectFrom('family_messages').select('id').where('body', '=', '试试').execute()).toEqual([]);
  });

  it('shows a guardian bound to no child nothing at all', async () => {
    await addParent(t.db.db, { username: 'msg.unbound', children: [] });
    const unbound = await t.login('msg.unbound');
    expect((await unbound.get('/api/family/conversations')).json()).toEqual({ items: [], unreadTotal: 0 });
    expect((await unbound.get('/api/family/conversations/unread-count')).json()).toEqual({ unreadTotal: 0, conversations: 0 });
    expect((await unbound.get('/api/family/message-contacts')).json()).toEqual({ items: [], classes: [] });
    expect((await unbound.get(`/api/family/conversations/${classConvA}`)).statusCode).toBe(404);
    expect((await unbound.request('POST', '/api/family/conversations', { studentId: childA, withUserId: teacherA })).statusCode).toBe(404);
  });

  it('lets a new guardian of class A into the class conversation, not into another family\'s direct one', async () => {
    const pupil = (await pupilsOf(t.db.db, classA)).find((p) => p.id !== childA)!;
    await addParent(t.db.db, { username: 'msg.classmate', children: [{ studentId: pupil.id }] });
    const classmate = await t.login('msg.classmate');
    const ids = (await classmate.get('/api/family/conversations')).json().items.map((c: { id: number }) => c.id);
    expect(ids).toEqual([classConvA]);
    expect((await classmate.get(`/api/family/conversations/${directA}/messages`)).statusCode).toBe(404);
  });

  it('has no way to delete a message, for either side', async () => {
    const [m] = (await parentA.get(`/api/family/conversations/${directA}/messages?limit=1`)).json().items;
    for (const client of [parentA, teacher]) {
      const res = await client.request('DELETE', `/api/family/messages/${m.id}`);
      expect(res.statusCode).toBe(404);
      expect((await client.request('DELETE', `/api/family/conversations/${directA}`)).statusCode).toBe(404);
    }
    expect(await t.db.db.selectFrom('family_messages').select('id').where('id', '=', m.id).execute()).toHaveLength(1);
  });

  it('notifies the principal of a report; the principal hides it for a reason: both sides see the placeholder, the original stays in the audit', async () => {
    const teacherMessage = (await teacher.request('POST', `/api/family/conversations/${directA}/messages`, { body: '不当言论示例' })).json();
    // One's own message is not reported.
    expect((await teacher.request('POST', `/api/family/messages/${teacherMessage.id}/report`, { reason: '自己' })).statusCode).toBe(400);
    const reported = await parentA.request('POST', `/api/family/messages/${teacherMessage.id}/report`, { reason: '言辞不当' });
    expect(reported.json()).toMatchObject({ created: true, state: 'open' });
    expect((await parentA.request('POST', `/api/family/messages/${teacherMessage.id}/report`, { reason: '再次' })).json()).toMatchObject({ created: false });

    const principal = await t.login('gxsy.principal');
    const inbox = (await principal.get('/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('message_reported');
    // The principal is no participant: the conversation itself stays closed to them.
    expect((await principal.get(`/api/family/conversations/${directA}/messages`)).statusCode).toBe(404);
    expect((await principal.get('/api/family/conversations')).json().items).toEqual([]);
    const reports = (await principal.get('/api/family/message-reports')).json().items;
    expect(reports).toEqual([expect.objectContaining({ messageId: teacherMessage.id, reason: '言辞不当', body: '不当言论示例', state: 'open' })]);
    // Teachers and parents do not handle reports; another county's principal meets it as 404.
    expect((await teacher.get('/api/family/message-reports')).statusCode).toBe(403);
    expect((await parentA.request('POST', `/api/family/message-reports/${reports[0].id}/hide`, { reason: 'x' })).statusCode).toBe(403);
    expect((await (await t.login('sxsy.principal')).request('POST', `/api/family/message-reports/${reports[0].id}/hide`, { reason: 'x' })).statusCode).toBe(404);
    expect((await principal.request('POST', `/api/family/message-reports/${reports[0].id}/hide`, {})).statusCode).toBe(400);

    const hidden = await principal.request('POST', `/api/family/message-reports/${reports[0].id}/hide`, { reason: '含不当言辞' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ state: 'hidden', messageHidden: true, handledNote: '含不当言辞' });
    for (const client of [parentA, teacher]) {
      const page = (await client.get(`/api/family/conversations/${directA}/messages`)).json();
      expect(page.items.find((m: { id: number }) => m.id === teacherMessage.id)).toMatchObject({ body: '该消息已被学校隐藏', hidden: true });
      expect(JSON.stringify(page)).not.toContain('不当言论示例');
    }
    const row = await t.db.db.selectFrom('family_messages').select(['body', 'hidden_reason']).where('id', '=', teacherMessage.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ body: '不当言论示例', hidden_reason: '含不当言辞' });
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'target_id', 'detail']).where('action', '=', 'message.hide').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(principal.me.id);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ reason: '含不当言辞', original: '不当言论示例' });
    expect((await principal.get('/api/family/message-reports')).json().items).toEqual([]);
    expect((await principal.get('/api/family/message-reports?state=handled')).json().items).toHaveLength(1);
  });

  it('lets a teacher set working hours that parents see in the header, with the off-hours note after them', async () => {
    expect((await parentA.request('PUT', '/api/family/working-hours/mine', { ranges: [] })).statusCode).toBe(403);
    const ranges = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:30' }));
    const saved = await teacher.request('PUT', '/api/family/working-hours/mine', { ranges });
    expect(saved.statusCode).toBe(200);
    expect((await teacher.get('/api/family/working-hours/mine')).json().ranges).toEqual(ranges);
    const header = (await parentA.get(`/api/family/conversations/${directA}`)).json();
    expect(header).toMatchObject({ side: 'guardian', offHours: false, teachers: [expect.objectContaining({ userId: teacherA, atWork: true, hours: ranges })] });

    t.clock.set(new Date('2026-12-09T20:00:00+08:00'));
    const evening = await t.login('gxsy.parent');
    expect((await evening.get(`/api/family/conversations/${directA}`)).json()).toMatchObject({ offHours: true, teachers: [expect.objectContaining({ atWork: false })] });
    // Messages still go outside the hours.
    expect((await evening.request('POST', `/api/family/conversations/${directA}/messages`, { body: '晚上打扰了' })).statusCode).toBe(200);
    t.clock.set(WORKING);

    for (const bad of [[{ weekday: 1, start: '18:00', end: '08:00' }], [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '14:00' }]]) {
      expect((await teacher.request('PUT', '/api/family/working-hours/mine', { ranges: bad })).statusCode).toBe(400);
    }
  });

  it('refuses empty, too long and unknown bodies, naming the field', async () => {
    const parent = await t.login('gxsy.parent');
    const post = (body: unknown) => parent.request('POST', `/api/family/conversations/${directA}/messages`, body);
    for (const body of [{ body: '   ' }, { body: '字'.repeat(1001) }, { body: '' }, {}, { body: 3 }]) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.json().details.field).toBe('/body');
    }
    expect((await post({ body: '好', to: 1 })).json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED' });
    expect((await parent.request('PUT', '/api/family/working-hours/mine', { ranges: [{ weekday: 8, start: '08:00', end: '09:00' }] })).statusCode).toBe(403);
    const teacherNow = await t.login('gxsy.teacher');
    const bad = await teacherNow.request('PUT', '/api/family/working-hours/mine', { ranges: [{ weekday: 8, start: '08:00', end: '09:00' }] });
    expect(bad.statusCode).toBe(400);
  });
});
