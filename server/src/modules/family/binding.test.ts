import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, classOfParent, nthClass, pupilsOf, userId } from './family.test-kit.js';

/**
 * Binding a parent to a child: a class's code, the child's name and digits, the class's staff
 * confirming; and from the attacker's side: another class's code, guessed digits, another class's
 * requests, revoked and expired codes, guessing held back.
 */
describe('binding: invitation codes, requests confirmed by the class\'s staff, unbinding', () => {
  let t: TestApp;
  let classA: number;
  let classB: number;
  let pupilsA: { id: number; name: string; studentNo: string }[];
  let pupilsB: { id: number; name: string; studentNo: string }[];
  let foreignPupil: { id: number; name: string; studentNo: string; classId: number };
  const last4 = (no: string) => no.slice(-4);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    classA = (await classOfParent(db, 'gxsy.parent')).classId;
    classB = (await classOfParent(db, 'gxsy.parent2')).classId;
    pupilsA = await pupilsOf(db, classA);
    pupilsB = await pupilsOf(db, classB);
    const sxsy = (await db.selectFrom('schools').select('id').where('name', '=', '莘县实验小学').executeTakeFirstOrThrow()).id;
    const sxClass = await nthClass(db, sxsy, 0);
    foreignPupil = { ...(await pupilsOf(db, sxClass))[0]!, classId: sxClass };
  });
  afterAll(async () => t.close());

  async function issueCode(username: string, classId: number, body: Record<string, unknown> = {}) {
    const res = await (await t.login(username)).request('POST', `/api/family/binding/classes/${classId}/codes`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; code: string; url: string; state: string };
  }

  it('issues a code, takes a request, and makes a guardianship once the 班主任 confirms; every step audited', async () => {
    const code = await issueCode('gxsy.teacher', classA);
    expect(code.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(code.url).toBe(`/family/bind?code=${code.code}`);
    expect(code.state).toBe('active');

    const p = await addParent(t.db.db, { username: 'bind.dad', name: '王大山', children: [] });
    const dad = await t.login('bind.dad');
    const child = pupilsA[2]!;
    const res = await dad.request('POST', '/api/family/binding/redeem', {
      code: code.code.toLowerCase(), childName: child.name, studentNoLast4: last4(child.studentNo), relation: '父亲',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', relation: '父亲', label: expect.stringContaining(child.name) });
    // Pending is not a guardianship yet: the parent sees no child, only the request.
    const mine = (await dad.get('/api/family/binding/mine')).json();
    expect(mine.children).toEqual([]);
    expect(mine.requests).toEqual([expect.objectContaining({ status: 'pending' })]);

    const teacher = await t.login('gxsy.teacher');
    // The 班主任 is told a family waits, with a link to the class's requests.
    const told = (await teacher.get('/api/notifications?pageSize=50')).json().items.filter((n: { title: string }) => n.title.includes('申请绑定'));
    expect(told).toEqual([expect.objectContaining({ title: expect.stringContaining(child.name), link: `/family-classes?classId=${classA}` })]);
    const pending = (await teacher.get(`/api/family/binding/classes/${classA}/requests?status=pending`)).json().items;
    expect(pending).toEqual([expect.objectContaining({ studentId: child.id, guardianUserId: p.userId, guardianName: '王大山', relation: '父亲' })]);
    const classes = (await teacher.get('/api/family/binding/classes')).json().items;
    expect(classes).toEqual([expect.objectContaining({ id: classA, pending: 1 })]);
    expect((await teacher.request('POST', `/api/family/binding/requests/${pending[0].id}/confirm`)).statusCode).toBe(200);
    // Twice: already decided.
    expect((await teacher.request('POST', `/api/family/binding/requests/${pending[0].id}/confirm`)).statusCode).toBe(409);

    const after = (await dad.get('/api/family/binding/mine')).json();
    expect(after.children).toEqual([expect.objectContaining({ studentId: child.id, relation: '父亲', label: expect.stringMatching(/班 /) })]);
    const roster = (await teacher.get(`/api/family/binding/classes/${classA}/roster`)).json();
    const row = roster.items.find((i: { studentId: number }) => i.studentId === child.id);
    expect(row.guardians).toEqual([expect.objectContaining({ userId: p.userId, relation: '父亲', boundAt: expect.any(String) })]);

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'result']).where('action', 'like', 'binding.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['binding.code_create', 'binding.request', 'binding.confirm', 'binding.roster_read']));
  });

  it('refuses wrong digits and a child of another class with one answer that reveals nothing', async () => {
    const code = await issueCode('gxsy.teacher', classA);
    await addParent(t.db.db, { username: 'bind.guess', children: [] });
    const guess = await t.login('bind.guess');
    const wrongDigits = await guess.request('POST', '/api/family/binding/redeem', {
      code: code.code, childName: pupilsA[3]!.name, studentNoLast4: last4(pupilsA[3]!.studentNo) === '0000' ? '0001' : '0000', relation: '母亲',
    });
    // Class A's code, class B's child (real name and digits): the same refusal.
    const otherClass = await guess.request('POST', '/api/family/binding/redeem', {
      code: code.code, childName: pupilsB[0]!.name, studentNoLast4: last4(pupilsB[0]!.studentNo), relation: '母亲',
    });
    const nobody = await guess.request('POST', '/api/family/binding/redeem', { code: code.code, childName: '查无此人', studentNoLast4: '1234', relation: '母亲' });
    for (const res of [wrongDigits, otherClass, nobody]) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BINDING_NOT_MATCHED' });
    }
    expect(wrongDigits.json().message).toBe(otherClass.json().message);
    expect(otherClass.json().message).toBe(nobody.json().message);
    expect(await t.db.db.selectFrom('binding_requests').select('id').where('student_id', '=', pupilsB[0]!.id).execute()).toEqual([]);
  });

  it('refuses revoked and expired codes', async () => {
    await addParent(t.db.db, { username: 'bind.late', children: [] });
    const late = await t.login('bind.late');
    const child = pupilsA[4]!;
    const body = (code: string) => ({ code, childName: child.name, studentNoLast4: last4(child.studentNo), relation: '祖母' });
    const revoked = await issueCode('gxsy.teacher', classA);
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.request('POST', `/api/family/binding/codes/${revoked.id}/revoke`)).json()).toMatchObject({ state: 'revoked' });
    expect((await late.request('POST', '/api/family/binding/redeem', body(revoked.code))).json()).toMatchObject({ code: 'BINDING_CODE_INVALID' });
    const short = await issueCode('gxsy.teacher', classA, { days: 1 });
    t.clock.advance(25 * 3_600_000);
    expect((await (await t.login('bind.late')).request('POST', '/api/family/binding/redeem', body(short.code))).json()).toMatchObject({ code: 'BINDING_CODE_INVALID' });
    const codes = (await (await t.login('gxsy.teacher')).get(`/api/family/binding/classes/${classA}/codes`)).json().items;
    expect(codes.find((c: { id: number }) => c.id === short.id).state).toBe('expired');
  });

  it('holds back guessing: after 5 failed tries in an hour, 429 even with the right answer, kept in the database', async () => {
    const code = await issueCode('gxsy.teacher', classA);
    await addParent(t.db.db, { username: 'bind.brute', children: [] });
    const brute = await t.login('bind.brute');
    const child = pupilsA[5]!;
    for (let i = 0; i < 5; i++) {
      const res = await brute.request('POST', '/api/family/binding/redeem', { code: code.code, childName: child.name, studentNoLast4: String(9000 + i), relation: '父亲' });
      expect(res.statusCode).toBe(400);
    }
    const right = { code: code.code, childName: child.name, studentNoLast4: last4(child.studentNo), relation: '父亲' };
    const blocked = await brute.request('POST', '/api/family/binding/redeem', right);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'BINDING_TOO_MANY_TRIES', message: expect.stringContaining('一小时') });
    t.clock.advance(61 * 60_000);
    expect((await (await t.login('bind.brute')).request('POST', '/api/family/binding/redeem', right)).statusCode).toBe(200);
  });

  it('keeps a teacher of class A out of class B\'s requests, codes and roster (404); the principal reaches both', async () => {
    await addParent(t.db.db, { username: 'bind.b', children: [] });
    const code = await issueCode('gxsy.principal', classB);
    const parent = await t.login('bind.b');
    const req = await parent.request('POST', '/api/family/binding/redeem', {
      code: code.code, childName: pupilsB[1]!.name, studentNoLast4: last4(pupilsB[1]!.studentNo), relation: '其他', relationText: '舅舅',
    });
    expect(req.json()).toMatchObject({ relation: '舅舅', status: 'pending' });
    const teacherA = await t.login('gxsy.teacher');
    for (const url of [`/api/family/binding/classes/${classB}/requests`, `/api/family/binding/classes/${classB}/codes`, `/api/family/binding/classes/${classB}/roster`, `/api/classes/${classB}/staff`]) {
      expect((await teacherA.get(url)).statusCode, url).toBe(404);
    }
    expect((await teacherA.request('POST', `/api/family/binding/requests/${req.json().id}/confirm`)).statusCode).toBe(404);
    expect((await teacherA.request('POST', `/api/family/binding/requests/${req.json().id}/reject`, { reason: '不认识' })).statusCode).toBe(404);
    expect((await teacherA.request('POST', `/api/family/binding/codes/${code.id}/revoke`)).statusCode).toBe(404);
    expect((await teacherA.request('POST', `/api/family/binding/classes/${classB}/codes`, {})).statusCode).toBe(404);
    // Another county's principal: nothing of this school.
    expect((await (await t.login('sxsy.principal')).request('POST', `/api/family/binding/requests/${req.json().id}/confirm`)).statusCode).toBe(404);
    const principal = await t.login('gxsy.principal');
    const rejected = await principal.request('POST', `/api/family/binding/requests/${req.json().id}/reject`, { reason: '家长信息与学籍登记不符' });
    expect(rejected.statusCode).toBe(200);
    expect((await parent.get('/api/family/binding/mine')).json().requests[0]).toMatchObject({ status: 'rejected', reason: '家长信息与学籍登记不符' });
    // A parent is not class staff.
    expect((await parent.get(`/api/family/binding/classes/${classA}/requests`)).statusCode).toBe(403);
    expect((await (await t.login('gxsy.parent')).get(`/api/family/binding/classes/${classA}/roster`)).statusCode).toBe(403);
  });

  it('shows a parent with children in two schools both, each labelled; an unbound parent sees nothing', async () => {
    await addParent(t.db.db, { username: 'bind.two', children: [{ studentId: pupilsA[6]!.id, relation: '母亲' }, { studentId: foreignPupil.id, relation: '母亲' }] });
    const mine = (await (await t.login('bind.two')).get('/api/family/binding/mine')).json();
    expect(mine.children).toHaveLength(2);
    expect(mine.children.map((c: { label: string }) => c.label)).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`班 ${pupilsA[6]!.name}$`)), expect.stringMatching(new RegExp(`班 ${foreignPupil.name}$`)),
    ]));
    expect(new Set(mine.children.map((c: { schoolName: string }) => c.schoolName))).toEqual(new Set(['冠县实验小学', '莘县实验小学']));
    await addParent(t.db.db, { username: 'bind.none', children: [] });
    expect((await (await t.login('bind.none')).get('/api/family/binding/mine')).json()).toEqual({ children: [], requests: [] });
  });

  it('lets a parent unbind themselves (another guardian stays) and the 班主任 remove a guardian with a reason; both audited', async () => {
    const db = t.db.db;
    const child = pupilsA[7]!;
    const mum = await addParent(db, { username: 'bind.mum', children: [{ studentId: child.id, relation: '母亲' }] });
    const gran = await addParent(db, { username: 'bind.gran', children: [{ studentId: child.id, relation: '外祖母' }] });
    const mumClient = await t.login('bind.mum');
    // Someone else's child: 404.
    expect((await mumClient.request('DELETE', `/api/family/binding/mine/${pupilsB[0]!.id}`)).statusCode).toBe(404);
    expect((await mumClient.request('DELETE', `/api/family/binding/mine/${child.id}`)).statusCode).toBe(200);
    expect((await mumClient.get('/api/family/binding/mine')).json().children).toEqual([]);
    expect((await mumClient.request('DELETE', `/api/family/binding/mine/${child.id}`)).statusCode).toBe(404);
    const left = await db.selectFrom('guardianships').select('user_id').where('student_id', '=', child.id).execute();
    expect(left.map((g) => g.user_id)).toContain(gran.userId);
    expect(left.map((g) => g.user_id)).not.toContain(mum.userId);

    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.request('POST', `/api/family/binding/students/${child.id}/guardians/${gran.userId}/remove`, { reason: '误绑' })).statusCode).toBe(200);
    expect((await teacher.request('POST', `/api/family/binding/students/${child.id}/guardians/${gran.userId}/remove`, { reason: '误绑' })).statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/family/binding/students/${pupilsB[0]!.id}/guardians/${await userId(db, 'gxsy.parent2')}/remove`, { reason: '误绑' })).statusCode).toBe(404);
    const audit = await db.selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('action', 'in', ['binding.unbind', 'binding.guardian_remove']).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.target_id])).toEqual([['binding.unbind', String(child.id)], ['binding.guardian_remove', String(child.id)]]);
    const detail = audit[1]!.detail;
    expect(typeof detail === 'string' ? detail : JSON.stringify(detail)).toContain('误绑');
  });

  it('lets the principal assign class staff among the school\'s teachers, one 班主任 per class; teachers only read', async () => {
    const db = t.db.db;
    const principal = await t.login('gxsy.principal');
    const list = (await principal.get(`/api/classes/${classB}/staff`)).json();
    expect(list.canEdit).toBe(true);
    const head = list.items.find((s: { duty: string }) => s.duty === 'head');
    const teacherId = await userId(db, 'gxsy.teacher');
    expect((await principal.request('POST', `/api/classes/${classB}/staff`, { userId: teacherId, duty: 'head' })).json()).toMatchObject({ code: 'CLASS_HEAD_TAKEN' });
    const added = await principal.request('POST', `/api/classes/${classB}/staff`, { userId: teacherId, duty: 'subject', subject: '数学' });
    expect(added.statusCode).toBe(200);
    expect(added.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: teacherId, duty: 'subject', subject: '数学' }), expect.objectContaining({ userId: head.userId })]));
    // A parent account is no teacher of the school.
    expect((await principal.request('POST', `/api/classes/${classB}/staff`, { userId: await userId(db, 'gxsy.parent'), duty: 'subject' })).json()).toMatchObject({ code: 'CLASS_STAFF_NOT_TEACHER' });
    // Now class staff of B, the teacher reaches B's requests; they cannot change its staff.
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get(`/api/family/binding/classes/${classB}/requests`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/classes/${classB}/staff`)).json().canEdit).toBe(false);
    expect((await teacher.request('DELETE', `/api/classes/${classB}/staff/${teacherId}`)).statusCode).toBe(403);
    expect((await principal.request('DELETE', `/api/classes/${classB}/staff/${teacherId}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/family/binding/classes/${classB}/requests`)).statusCode).toBe(404);
    const audit = await db.selectFrom('audit_log').select('action').where('action', 'in', ['class_staff.set', 'class_staff.remove']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['class_staff.set', 'class_staff.remove']);
  });

  it('refuses bodies with unknown fields or bad digits naming the field', async () => {
    const parent = await t.login('gxsy.parent');
    const bad = await parent.request('POST', '/api/family/binding/redeem', { code: 'ABCDEFGH', childName: '王', studentNoLast4: '12a4', relation: '父亲' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('studentNoLast4');
    expect((await parent.request('POST', '/api/family/binding/redeem', { code: 'ABCDEFGH', childName: '王', studentNoLast4: '1234', relation: '叔叔' })).statusCode).toBe(400);
    expect((await parent.request('POST', '/api/family/binding/redeem', { code: 'ABCDEFGH', childName: '王', studentNoLast4: '1234', relation: '其他' })).json()).toMatchObject({ code: 'BINDING_RELATION_TEXT' });
  });
});
