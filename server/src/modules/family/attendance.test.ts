import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { csvFile, upload } from '../imports/import-test-kit.js';
import { addParent, classOfParent, pupilsOf } from './family.test-kit.js';

// A Wednesday of the demo spring term; 2018-04-05 is 清明 (a public holiday).
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const DAY = '2018-04-04';

async function openApp(hhmm: string) {
  const t = await createTestApp({ now: at(DAY, hhmm) });
  const cityId = (await t.db.db.selectFrom('schools').select('city_id').executeTakeFirstOrThrow()).city_id;
  await seedDemoCalendar(t.db.db, cityId);
  return t;
}

describe('attendance: roll call, gate file and check-ins, a parent\'s view, reach', () => {
  let t: TestApp;
  let a: { classId: number; studentId: number; schoolId: number };
  let b: { classId: number; studentId: number; schoolId: number };
  let pupilsA: { id: number; name: string; studentNo: string }[];

  beforeAll(async () => {
    t = await openApp('07:00');
    a = await classOfParent(t.db.db, 'gxsy.parent');
    b = await classOfParent(t.db.db, 'gxsy.parent2');
    pupilsA = await pupilsOf(t.db.db, a.classId);
  });
  afterAll(async () => t.close());

  it('marks the whole class present but for the exceptions, for the class\'s staff only', async () => {
    const teacher = await t.login('gxsy.teacher');
    const [, absent, late] = pupilsA;
    const res = await teacher.request('PUT', `/api/classes/${a.classId}/attendance`, {
      exceptions: [{ studentId: absent!.id, status: 'absent' }, { studentId: late!.id, status: 'late', arrivedAt: '08:10' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ day: DAY, present: pupilsA.length - 2, late: 1, absent: 1, onLeave: 0 });
    const roll = (await teacher.get(`/api/classes/${a.classId}/attendance`)).json();
    expect(roll.items.find((i: { studentId: number }) => i.studentId === absent!.id).status).toBe('absent');
    expect(roll.items.find((i: { studentId: number }) => i.studentId === late!.id)).toMatchObject({ status: 'late', arrivedAt: at(DAY, '08:10').toISOString() });
    // Class B is not theirs: 404 for reading and for marking, and nothing written.
    expect((await teacher.get(`/api/classes/${b.classId}/attendance`)).statusCode).toBe(404);
    expect((await teacher.request('PUT', `/api/classes/${b.classId}/attendance`, { exceptions: [] })).statusCode).toBe(404);
    expect(await t.db.db.selectFrom('attendance_days').select('student_id').where('class_id', '=', b.classId).execute()).toEqual([]);
    // A holiday, a future day: refused with what to do.
    const sunday = await teacher.request('PUT', `/api/classes/${a.classId}/attendance`, { day: '2018-04-01', exceptions: [] });
    expect(sunday.json()).toMatchObject({ code: 'ATTENDANCE_NOT_SCHOOL_DAY' });
    expect(sunday.json().message).toContain('不是');
    expect((await teacher.request('PUT', `/api/classes/${a.classId}/attendance`, { day: '2018-04-09', exceptions: [] })).json().code).toBe('ATTENDANCE_FUTURE_DAY');
    // A parent holds no class:write.
    expect((await (await t.login('gxsy.parent')).get(`/api/classes/${a.classId}/attendance`)).statusCode).toBe(403);
  });

  it('shows a parent their own child\'s morning and month, 404 for class B\'s child, nothing to an unbound parent', async () => {
    const parent = await t.login('gxsy.parent');
    const mine = (await parent.get('/api/attendance/mine')).json();
    expect(mine.items).toEqual([expect.objectContaining({ studentId: a.studentId, schoolDay: true })]);
    expect(mine.items[0].label).toMatch(/班 /);
    const month = await parent.get(`/api/children/${a.studentId}/attendance?month=2018-04`);
    expect(month.statusCode).toBe(200);
    expect(month.json().items.map((i: { day: string }) => i.day)).toEqual(['2018-04-01', '2018-04-02', '2018-04-03', '2018-04-04']);
    expect(month.json().items.find((i: { day: string }) => i.day === '2018-04-01').schoolDay).toBe(false);
    expect((await parent.get(`/api/children/${b.studentId}/attendance`)).statusCode).toBe(404);
    const unbound = await addParent(t.db.db, { username: 'att.unbound', children: [] });
    const nobody = await t.login(unbound.username);
    expect((await nobody.get('/api/attendance/mine')).json().items).toEqual([]);
    expect((await nobody.get('/api/leave-requests/mine')).json().items).toEqual([]);
    expect((await nobody.get(`/api/children/${a.studentId}/attendance`)).statusCode).toBe(404);
  });

  it('imports a gate file all or nothing, naming every wrong row and column in Chinese', async () => {
    t.clock.set(at(DAY, '09:00'));
    const principal = await t.login('gxsy.principal');
    const before = await t.db.db.selectFrom('attendance_days').selectAll().execute();
    const p = pupilsA;
    const bad = await csvFile(['student_no', 'time', 'direction'], [
      [p[3]!.studentNo, `${DAY} 07:20:00`, 'in'],
      ['NO-SUCH-1', `${DAY} 07:21:00`, 'in'],
      [p[4]!.studentNo, '昨天早上', 'in'],
      [p[5]!.studentNo, `${DAY} 07:25`, 'sideways'],
      [p[6]!.studentNo, '2018-04-05 07:25', 'in'],
    ]);
    const res = await upload(t, principal, '/api/attendance/import', 'gate.csv', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ATTENDANCE_IMPORT_INVALID');
    expect(res.json().details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:student_no', '4:time', '5:direction', '6:time']);
    expect(res.json().details.errors[0].message).toContain('NO-SUCH-1');
    expect(await t.db.db.selectFrom('attendance_days').selectAll().execute()).toEqual(before);

    const good = await csvFile(['student_no', 'time', 'direction'], [
      [p[3]!.studentNo, `${DAY} 07:20:00`, 'in'], [p[3]!.studentNo, `${DAY} 16:40:00`, 'out'], [p[1]!.studentNo, `${DAY} 08:20`, 'in'],
    ]);
    const ok = await upload(t, principal, '/api/attendance/import', 'gate.csv', good);
    expect(ok.statusCode, ok.body).toBe(400); // 16:40 lies after the clock (07:00): the file is refused whole
    t.clock.set(at(DAY, '17:00'));
    const ok2 = await upload(t, await t.login('gxsy.principal'), '/api/attendance/import', 'gate.csv', good);
    expect(ok2.json()).toEqual({ imported: 3, arrivals: 2 });
    const row = await t.db.db.selectFrom('attendance_days').selectAll().where('student_id', '=', p[1]!.id).where('day', '=', DAY).executeTakeFirstOrThrow();
    // Marked absent by the teacher, then seen at the gate at 08:20: late.
    expect(row).toMatchObject({ status: 'late', source: 'gate', arrived_at: at(DAY, '08:20').toISOString() });
    // A teacher importing a file with class B's pupil: that row is not theirs.
    const teacher = await t.login('gxsy.teacher');
    const pupilB = (await pupilsOf(t.db.db, b.classId))[0]!;
    const other = await upload(t, teacher, '/api/attendance/import', 'gate.csv', await csvFile(['student_no', 'time', 'direction'], [[pupilB.studentNo, `${DAY} 07:30`, 'in']]));
    expect(other.statusCode).toBe(400);
    t.clock.set(at(DAY, '07:00'));
  });

  it('takes check-ins from a gate with the school\'s token (hashed), present or late by the school\'s time', async () => {
    const principal = await t.login('gxsy.principal');
    expect((await principal.request('PUT', `/api/schools/${a.schoolId}/attendance/settings`, { alertAt: '08:30', lateAfter: '07:45' })).statusCode).toBe(200);
    const created = await principal.request('POST', `/api/schools/${a.schoolId}/attendance/gates`, { name: '东门闸机' });
    expect(created.statusCode, created.body).toBe(200);
    const { token } = created.json();
    const stored = await t.db.db.selectFrom('attendance_gates').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const pupilB = (await pupilsOf(t.db.db, b.classId))[0]!;
    const send = (body: unknown, tok = token) => t.app.inject({ method: 'POST', url: '/api/attendance/check-ins', payload: body as never, headers: { authorization: `Bearer ${tok}` } });
    t.clock.set(at(DAY, '07:50'));
    const r1 = await send({ studentNo: pupilB.studentNo, direction: 'in', at: at(DAY, '07:40').toISOString() });
    expect(r1.json()).toEqual({ studentNo: pupilB.studentNo, day: DAY, counted: true, status: 'present' });
    const r2 = await send({ studentNo: (await pupilsOf(t.db.db, b.classId))[1]!.studentNo, direction: 'in' });
    expect(r2.json().status).toBe('late');
    expect((await send({ studentNo: 'NO-SUCH', direction: 'in' })).statusCode).toBe(404);
    expect((await send({ studentNo: pupilB.studentNo, direction: 'in' }, 'scg_' + 'x'.repeat(43))).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/attendance/check-ins', payload: { studentNo: '1', direction: 'in' } })).statusCode).toBe(401);
    // A teacher sets neither times nor gates.
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.request('POST', `/api/schools/${a.schoolId}/attendance/gates`, { name: 'x' })).statusCode).toBe(404);
  });

  it('gives bureaus rates per school and day, without a name', async () => {
    const county = await t.login('guanxian.admin');
    const res = await county.get(`/api/attendance/figures?from=2018-04-02&to=${DAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const own = res.json().items.find((s: { schoolId: number }) => s.schoolId === a.schoolId);
    expect(own.periods.map((p: { start: string }) => p.start)).toEqual(['2018-04-02', '2018-04-03', DAY]);
    expect(own.periods[2].arrived).toBeGreaterThan(0);
    expect(res.body).not.toContain(pupilsA[0]!.name);
    const week = (await county.get(`/api/attendance/figures?from=2018-04-02&to=${DAY}&by=week&schoolId=${a.schoolId}`)).json();
    expect(week.items[0].periods).toHaveLength(1);
    expect((await (await t.login('gxsy.parent')).get(`/api/attendance/figures?from=2018-04-02&to=${DAY}`)).statusCode).toBe(403);
  });
});

describe('absence alert: at the school\'s time, once, not for leave, not on a holiday', () => {
  let t: TestApp;
  let a: { classId: number; studentId: number; schoolId: number };
  let b: { classId: number; studentId: number; schoolId: number };
  // Only this school's: other schools (the test city's kindergartens) alert at their own time.
  const absentNotes = async (kind = 'attendance_absent') => {
    const db = t.db.db;
    const students = new Set((await db.selectFrom('students').select('id').where('school_id', '=', a.schoolId).execute()).map((r) => String(r.id)));
    const classes = new Set((await db.selectFrom('classes').select('id').where('school_id', '=', a.schoolId).execute()).map((r) => String(r.id)));
    const rows = await db.selectFrom('notifications').select(['user_id', 'title', 'dedupe_key']).where('kind', '=', kind).execute();
    return rows.filter((n) => (kind === 'attendance_absent' ? students : classes).has(String(n.dedupe_key?.split(':')[1])));
  };

  beforeAll(async () => {
    t = await openApp('07:00');
    a = await classOfParent(t.db.db, 'gxsy.parent');
    b = await classOfParent(t.db.db, 'gxsy.parent2');
  });
  afterAll(async () => t.close());

  it('asks, approves and alerts at the configured time only', async () => {
    const principal = await t.login('gxsy.principal');
    expect((await principal.request('PUT', `/api/schools/${a.schoolId}/attendance/settings`, { alertAt: '08:45', lateAfter: '08:00' })).statusCode).toBe(200);
    // Class A's child is on leave, asked by the parent and approved by class A's teacher.
    const parent = await t.login('gxsy.parent');
    const asked = await parent.request('POST', `/api/children/${a.studentId}/leave-requests`, { from: DAY, to: DAY, part: 'whole', reason: 'sick', note: '发烧' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await parent.request('POST', `/api/children/${b.studentId}/leave-requests`, { from: DAY, to: DAY, part: 'whole', reason: 'sick' })).statusCode).toBe(404);
    const teacher = await t.login('gxsy.teacher');
    const pending = (await teacher.get(`/api/classes/${a.classId}/leave-requests?status=pending`)).json().items;
    expect(pending).toEqual([expect.objectContaining({ id: asked.json().id, status: 'pending' })]);
    expect((await teacher.get(`/api/classes/${b.classId}/leave-requests`)).statusCode).toBe(404);
    const approved = await teacher.request('POST', `/api/leave-requests/${asked.json().id}/decision`, { decision: 'approved' });
    expect(approved.json().status).toBe('approved');
    expect((await teacher.request('POST', `/api/leave-requests/${asked.json().id}/decision`, { decision: 'declined' })).statusCode).toBe(409);
    expect((await parent.get('/api/leave-requests/mine')).json().items[0].status).toBe('approved');
    // Class B's parent asks too; class A's teacher cannot decide it.
    const other = await (await t.login('gxsy.parent2')).request('POST', `/api/children/${b.studentId}/leave-requests`, { from: '2018-04-09', to: '2018-04-09', part: 'am', reason: 'personal' });
    expect((await teacher.request('POST', `/api/leave-requests/${other.json().id}/decision`, { decision: 'approved' })).statusCode).toBe(404);

    t.clock.set(at(DAY, '08:40'));
    await t.services.family.runDue(t.clock.now());
    expect(await absentNotes()).toEqual([]);

    t.clock.set(at(DAY, '08:46'));
    await t.services.family.runDue(t.clock.now());
    const notes = await absentNotes();
    const parent2 = (await t.db.db.selectFrom('users').select('id').where('username', '=', 'gxsy.parent2').executeTakeFirstOrThrow()).id;
    const parent1 = (await t.db.db.selectFrom('users').select('id').where('username', '=', 'gxsy.parent').executeTakeFirstOrThrow()).id;
    expect(notes.filter((n) => n.user_id === parent2).map((n) => n.title)).toEqual([expect.stringContaining('今日未到校')]);
    expect(notes.some((n) => n.user_id === parent1)).toBe(false);
    const headB = await t.db.db.selectFrom('class_staff').select('user_id').where('class_id', '=', b.classId).where('duty', '=', 'head').executeTakeFirstOrThrow();
    const summaries = await absentNotes('attendance_absent_summary');
    expect(summaries.filter((n) => n.user_id === headB.user_id && n.dedupe_key === `attendance_absent_summary:${b.classId}:${DAY}`)).toHaveLength(1);

    // Once: the next minutes send nothing more.
    t.clock.set(at(DAY, '08:47'));
    await t.services.family.runDue(t.clock.now());
    expect(await absentNotes()).toHaveLength(notes.length);

    // 清明: no school day, no alert.
    t.clock.set(at('2018-04-05', '09:00'));
    await t.services.family.runDue(t.clock.now());
    expect((await absentNotes()).filter((n) => n.dedupe_key?.includes('2018-04-05'))).toEqual([]);
  });
});
