import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../../../shared/dates.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { multipartFile } from '../resources/courseware.test-kit.js';
import { addParent, classOfParent, pupilsOf, userId } from './family.test-kit.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const at = (date: string, hhmm: string) => shanghaiInstant(date, hhmm);

/** 家校通知 with a moved clock: quiet hours, urgent, one delivery per family, receipts, reminders, reach. */
describe('notices: one delivery per family, receipts, reminders only to non-readers, quiet hours', () => {
  let t: TestApp;
  let classA: number;
  let classB: number;
  let schoolId: number;
  let countyId: number;
  let foreignCountyId: number;
  let foreignChild: number;
  let twoChildParent: { username: string; userId: number };
  let foreignParent: { username: string; userId: number };
  let unbound: { username: string; userId: number };

  const pushesTo = async (uid: number, like = 'notice:%') =>
    (await t.db.db.selectFrom('notifications').select(['title', 'link', 'dedupe_key']).where('user_id', '=', uid).where('dedupe_key', 'like', like).execute());
  const send = async (username: string, body: Record<string, unknown>) => (await t.login(username)).request('POST', '/api/notices', { title: '春游通知', body: '周五春游，请带午餐。', ...body });

  beforeAll(async () => {
    t = await createTestApp({ now: at('2026-12-07', '10:00') });
    const db = t.db.db;
    const a = await classOfParent(db, 'gxsy.parent');
    classA = a.classId;
    schoolId = a.schoolId;
    classB = (await classOfParent(db, 'gxsy.parent2')).classId;
    countyId = (await db.selectFrom('schools').select('county_id').where('id', '=', schoolId).executeTakeFirstOrThrow()).county_id;
    const sx = await db.selectFrom('students').innerJoin('schools', 'schools.id', 'students.school_id').select(['students.id', 'schools.county_id'])
      .where('schools.name', '=', '莘县实验小学').orderBy('students.id').executeTakeFirstOrThrow();
    [foreignChild, foreignCountyId] = [sx.id, sx.county_id];
    const [pa] = await pupilsOf(db, classA);
    const [pb] = await pupilsOf(db, classB);
    twoChildParent = await addParent(db, { username: 'notice.twochild', name: '两孩家长', children: [{ studentId: pa!.id, relation: '父亲' }, { studentId: pb!.id, relation: '父亲' }] });
    foreignParent = await addParent(db, { username: 'notice.shenxian', children: [{ studentId: foreignChild }] });
    unbound = await addParent(db, { username: 'notice.unbound', children: [] });
  });
  afterAll(async () => t.close());

  it('sends a teacher\'s notice to their class: the parent reads and confirms it, the receipt list updates; another class\'s parent never sees it', async () => {
    t.clock.set(at('2026-12-07', '10:00'));
    const res = await send('gxsy.teacher', { mustConfirm: true, audience: { kind: 'classes', ids: [classA] } });
    expect(res.statusCode).toBe(201);
    const sent = res.json();
    expect(sent).toMatchObject({ held: false, urgent: false, staff: 0, classes: 1 });
    const guardians = await t.db.db.selectFrom('guardianships').innerJoin('students', 'students.id', 'guardianships.student_id')
      .select('guardianships.user_id').distinct().where('students.class_id', '=', classA).execute();
    expect(sent.families).toBe(guardians.length);
    const parentId = await userId(t.db.db, 'gxsy.parent');
    expect(await pushesTo(parentId)).toEqual([expect.objectContaining({ link: `/family/notices/${sent.id}` })]);

    const teacher = await t.login('gxsy.teacher');
    const before = (await teacher.get(`/api/notices/${sent.id}/receipts`)).json();
    expect(before).toMatchObject({ recipients: sent.families, read: 0, confirmed: 0, namesShown: true });
    expect(before.classes[0].people.notRead.map((p: { userId: number }) => p.userId)).toContain(parentId);

    const parent = await t.login('gxsy.parent');
    const list = (await parent.get('/api/family/notices')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ id: sent.id, readAt: null, mustConfirm: true });
    expect(list.items[0].children[0].label).toMatch(/班 /);
    t.clock.advance(60_000);
    const opened = (await parent.get(`/api/family/notices/${sent.id}`)).json();
    expect(opened.readAt).toBe(t.clock.now().toISOString());
    let receipts = (await teacher.get(`/api/notices/${sent.id}/receipts?classId=${classA}`)).json();
    expect(receipts.read).toBe(1);
    expect(receipts.classes[0].people.read.map((p: { userId: number }) => p.userId)).toEqual([parentId]);
    expect((await parent.request('POST', `/api/family/notices/${sent.id}/confirm`)).statusCode).toBe(200);
    receipts = (await teacher.get(`/api/notices/${sent.id}/receipts`)).json();
    expect(receipts).toMatchObject({ read: 1, confirmed: 1 });
    expect(receipts.classes[0].people.confirmed[0]).toMatchObject({ userId: parentId, relation: expect.any(String) });
    expect((await parent.get('/api/family/notices/unread')).json().unread).toBe(0);

    // Class B's parent, a 莘县 parent, an unbound parent: 404 and nothing in lists or counts.
    for (const who of ['gxsy.parent2', foreignParent.username, unbound.username]) {
      const other = await t.login(who);
      expect((await other.get(`/api/family/notices/${sent.id}`)).statusCode).toBe(404);
      expect((await other.request('POST', `/api/family/notices/${sent.id}/confirm`)).statusCode).toBe(404);
      expect((await other.get('/api/family/notices')).json().items.map((n: { id: number }) => n.id)).not.toContain(sent.id);
    }
    expect((await (await t.login(unbound.username)).get('/api/family/notices/unread')).json()).toEqual({ unread: 0, byChild: [] });
    // The principal did not send it: its receipts are the sender's.
    expect((await (await t.login('gxsy.principal')).get(`/api/notices/${sent.id}/receipts`)).statusCode).toBe(404);
  });

  it('reminds only those who have not read, at most once in 30 minutes', async () => {
    t.clock.set(at('2026-12-07', '11:00'));
    const sent = (await send('gxsy.teacher', { audience: { kind: 'classes', ids: [classA] } })).json();
    const parent = await t.login('gxsy.parent');
    await parent.get(`/api/family/notices/${sent.id}`);
    const teacher = await t.login('gxsy.teacher');
    const res = await teacher.request('POST', `/api/notices/${sent.id}/remind`, { target: 'unread' });
    expect(res.statusCode).toBe(200);
    expect(res.json().reminded).toBe(sent.families - 1);
    const reminders = await t.db.db.selectFrom('notifications').select('user_id').where('dedupe_key', 'like', `notice-remind:${sent.id}:%`).execute();
    expect(reminders.map((r) => r.user_id)).not.toContain(await userId(t.db.db, 'gxsy.parent'));
    expect(reminders).toHaveLength(sent.families - 1);
    t.clock.advance(10 * 60_000);
    expect((await teacher.request('POST', `/api/notices/${sent.id}/remind`, { target: 'unread' })).statusCode).toBe(429);
    // Not a must-confirm notice: nothing to confirm.
    expect((await teacher.request('POST', `/api/notices/${sent.id}/remind`, { target: 'unconfirmed' })).statusCode).toBe(400);
    t.clock.advance(21 * 60_000);
    expect((await teacher.request('POST', `/api/notices/${sent.id}/remind`, { target: 'unread' })).statusCode).toBe(200);
  });

  it('sends a parent of children in two classes of the audience one notice, labelled with both', async () => {
    t.clock.set(at('2026-12-07', '12:00'));
    const res = await send('gxsy.principal', { audience: { kind: 'classes', ids: [classA, classB] } });
    expect(res.statusCode).toBe(201);
    const sent = res.json();
    const deliveries = await t.db.db.selectFrom('notice_deliveries').select('user_id').where('notice_id', '=', sent.id).where('user_id', '=', twoChildParent.userId).execute();
    expect(deliveries).toHaveLength(1);
    expect(await pushesTo(twoChildParent.userId, `notice:${sent.id}`)).toHaveLength(1);
    const item = (await (await t.login(twoChildParent.username)).get('/api/family/notices')).json().items.find((n: { id: number }) => n.id === sent.id);
    expect(item.children).toHaveLength(2);
    // The principal's receipts list them in each class; the family counts once in all.
    const receipts = (await (await t.login('gxsy.principal')).get(`/api/notices/${sent.id}/receipts`)).json();
    const inClasses = receipts.classes.flatMap((c: { people: { notRead: { userId: number }[] } }) => c.people.notRead).filter((p: { userId: number }) => p.userId === twoChildParent.userId);
    expect(inClasses).toHaveLength(2);
    expect(receipts.recipients).toBe(sent.families);
  });

  it('holds a notice sent in quiet hours and pushes it at 07:00; the principal\'s urgent one goes at once; a teacher cannot mark urgent', async () => {
    t.clock.set(at('2026-12-07', '22:00'));
    const held = (await send('gxsy.teacher', { title: '明日带伞', audience: { kind: 'classes', ids: [classA] } })).json();
    expect(held).toMatchObject({ held: true, pushed: 0, pushDueAt: at('2026-12-08', '07:00').toISOString() });
    const parentId = await userId(t.db.db, 'gxsy.parent');
    expect(await pushesTo(parentId, `notice:${held.id}`)).toEqual([]);
    // Held is only the push: the notice is in the app at once.
    expect((await (await t.login('gxsy.parent')).get('/api/family/notices')).json().items.map((n: { id: number }) => n.id)).toContain(held.id);
    // No reminder in quiet hours either.
    expect((await (await t.login('gxsy.teacher')).request('POST', `/api/notices/${held.id}/remind`, { target: 'unread' })).statusCode).toBe(400);

    const refused = await send('gxsy.teacher', { urgent: true, audience: { kind: 'classes', ids: [classA] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'NOTICE_URGENT_NOT_ALLOWED' });
    expect(refused.json().message).toMatch(/紧急/);

    const urgent = (await send('gxsy.principal', { title: '明日停课', urgent: true, audience: { kind: 'schools', ids: [schoolId] } })).json();
    expect(urgent).toMatchObject({ held: false, urgent: true });
    expect(await pushesTo(parentId, `notice:${urgent.id}`)).toHaveLength(1);

    t.clock.set(at('2026-12-08', '06:59'));
    await t.services.family.runDue(t.clock.now());
    expect(await pushesTo(parentId, `notice:${held.id}`)).toEqual([]);
    t.clock.set(at('2026-12-08', '07:00'));
    expect((await t.services.family.runDue(t.clock.now()))['notices.push']).toEqual({ pushed: 1 });
    expect(await pushesTo(parentId, `notice:${held.id}`)).toHaveLength(1);
    // Run again: nothing goes twice.
    expect((await t.services.family.runDue(t.clock.now()))['notices.push']).toEqual({ pushed: 0 });
  });

  it('keeps a teacher to their own classes and to classes only', async () => {
    t.clock.set(at('2026-12-08', '09:00'));
    expect((await send('gxsy.teacher', { audience: { kind: 'classes', ids: [classB] } })).statusCode).toBe(404);
    expect((await send('gxsy.teacher', { audience: { kind: 'schools', ids: [schoolId] } })).json()).toMatchObject({ code: 'NOTICE_AUDIENCE_KIND' });
    expect((await send('gxsy.teacher', { emergency: true, audience: { kind: 'classes', ids: [classA] } })).statusCode).toBe(400);
    expect((await send('gxsy.principal', { audience: { kind: 'counties', ids: [countyId] } })).statusCode).toBe(400);
    expect((await send('gxsy.teacher', { audience: { kind: 'classes', ids: [classA] }, extra: 1 })).statusCode).toBe(400);
    const options = (await (await t.login('gxsy.teacher')).get('/api/notices/audience')).json();
    expect(options).toMatchObject({ kinds: ['classes'], mayUrgent: false });
    expect(options.classes.map((c: { id: number }) => c.id)).toContain(classA);
    expect(options.classes.map((c: { id: number }) => c.id)).not.toContain(classB);
  });

  it('sends the county\'s emergency notice to its families and staff only, the rate rising as they read; figures without names', async () => {
    t.clock.set(at('2026-12-08', '23:00'));
    expect((await send('guanxian.admin', { emergency: true, audience: { kind: 'counties', ids: [foreignCountyId] } })).statusCode).toBe(404);
    const res = await send('guanxian.admin', { title: '寒潮预警', emergency: true, mustConfirm: true, audience: { kind: 'counties', ids: [countyId] } });
    expect(res.statusCode).toBe(201);
    const sent = res.json();
    expect(sent).toMatchObject({ emergency: true, urgent: true, held: false });
    expect(sent.staff).toBeGreaterThan(0);
    const teacherId = await userId(t.db.db, 'gxsy.teacher');
    expect(await pushesTo(teacherId, `notice:${sent.id}`)).toEqual([expect.objectContaining({ link: `/notices/received/${sent.id}` })]);
    expect(await pushesTo(foreignParent.userId, `notice:${sent.id}`)).toEqual([]);
    expect((await (await t.login(foreignParent.username)).get(`/api/family/notices/${sent.id}`)).statusCode).toBe(404);

    const admin = await t.login('guanxian.admin');
    const p0 = (await admin.get(`/api/notices/${sent.id}/progress`)).json();
    expect(p0).toMatchObject({ recipients: sent.recipients, read: 0, rate: 0 });
    await (await t.login('gxsy.parent')).get(`/api/family/notices/${sent.id}`);
    await (await t.login('gxsy.teacher')).get(`/api/family/notices/${sent.id}`);
    const p1 = (await admin.get(`/api/notices/${sent.id}/progress`)).json();
    expect(p1).toMatchObject({ read: 2, staff: { read: 1 } });
    expect(p1.rate).toBeCloseTo(2 / sent.recipients);
    const receipts = (await admin.get(`/api/notices/${sent.id}/receipts`)).json();
    expect(receipts.namesShown).toBe(false);
    expect(receipts.classes.every((c: { people: unknown }) => c.people === null)).toBe(true);
    expect(JSON.stringify(receipts)).not.toMatch(/班 /);
  });

  it('carries attachments to the families of the notice only', async () => {
    t.clock.set(at('2026-12-09', '09:00'));
    const teacher = await t.login('gxsy.teacher');
    const file = multipartFile('回执单.png', PNG);
    const up = await t.app.inject({ method: 'POST', url: '/api/notices/attachments', headers: { ...teacher.headers, ...file.headers }, body: file.body });
    expect(up.statusCode).toBe(201);
    const bad = multipartFile('病毒.png', Buffer.from('MZ not a picture'));
    expect((await t.app.inject({ method: 'POST', url: '/api/notices/attachments', headers: { ...teacher.headers, ...bad.headers }, body: bad.body })).statusCode).toBe(400);
    const sent = (await send('gxsy.teacher', { audience: { kind: 'classes', ids: [classA] }, attachmentIds: [up.json().id] })).json();
    const parent = await t.login('gxsy.parent');
    const detail = (await parent.get(`/api/family/notices/${sent.id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ name: '回执单.png', contentType: 'image/png' })]);
    const dl = await parent.get(`/api/family/notices/${sent.id}/attachments/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect((await (await t.login('gxsy.parent2')).get(`/api/family/notices/${sent.id}/attachments/${up.json().id}`)).statusCode).toBe(404);
    // An attachment goes with one notice only.
    expect((await send('gxsy.teacher', { audience: { kind: 'classes', ids: [classA] }, attachmentIds: [up.json().id] })).statusCode).toBe(404);
  });
  it('lets the principal send to a grade of the school, not another school\'s; an unbound child\'s notices leave the guardian\'s list', async () => {
    t.clock.set(at('2026-12-09', '10:00'));
    const db = t.db.db;
    const gradeOf = async (classId: number) => (await db.selectFrom('classes').select('grade_id').where('id', '=', classId).executeTakeFirstOrThrow()).grade_id;
    const foreignClass = (await db.selectFrom('students').select('class_id').where('id', '=', foreignChild).executeTakeFirstOrThrow()).class_id;
    expect((await send('gxsy.principal', { audience: { kind: 'grades', ids: [await gradeOf(foreignClass)] } })).statusCode).toBe(404);
    const res = await send('gxsy.principal', { audience: { kind: 'grades', ids: [await gradeOf(classA)] } });
    expect(res.statusCode).toBe(201);
    const sent = res.json();
    const parent = await t.login(twoChildParent.username);
    // Classes A and B are both 一年级: the two-child family gets one notice naming both.
    expect(await gradeOf(classB)).toBe(await gradeOf(classA));
    expect((await parent.get(`/api/family/notices/${sent.id}`)).json().children).toHaveLength(2);
    // Unbound from every child: the notice is gone from the list, its page is a 404.
    await db.deleteFrom('guardianships').where('user_id', '=', twoChildParent.userId).execute();
    expect((await parent.get('/api/family/notices')).json()).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await parent.get(`/api/family/notices/${sent.id}`)).statusCode).toBe(404);
  });
});
