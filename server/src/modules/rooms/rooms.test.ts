import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

describe('rooms: lifecycle, scope and timetable', () => {
  let t: TestApp;
  let gxsy: number;
  let gx2: number;
  let sxsy: number;
  let guanxian: number;
  let research: Client;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2030-04-03T09:50:00+08:00'));
    const school = async (name: string) => (await t.db.db.selectFrom('schools').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    gxsy = await school('冠县实验小学');
    gx2 = await school('冠县第二实验小学');
    sxsy = await school('莘县实验小学');
    guanxian = (await t.db.db.selectFrom('regions').select('id').where('name', '=', '冠县').executeTakeFirstOrThrow()).id;
    research = await t.login('guanxian.research');
  });
  afterAll(async () => t.close());

  async function createRoom(client: Client, schoolId: number, extra: Record<string, unknown> = {}) {
    const res = await client.request('POST', '/api/rooms', { schoolId, name: `录播室${Math.random().toString(36).slice(2, 8)}`, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; status: string; plannedOn: string | null; installedOn: string | null; activatedOn: string | null; inUseOn: string | null };
  }

  it('creates a planned room dated today (Asia/Shanghai) and refuses a second room of the same name', async () => {
    const res = await research.request('POST', '/api/rooms', { schoolId: gxsy, name: '一号录播室', tracks: ['composite', 'teacher', 'blackboard'], vendor: '奥威亚' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      schoolId: gxsy, schoolName: '冠县实验小学', countyId: guanxian, status: 'planned', plannedOn: '2030-04-03', installedOn: null,
      tracks: ['composite', 'teacher', 'blackboard'], connectivity: 'no_recorder', deviceCount: 0, devices: [],
    });
    const again = await research.request('POST', '/api/rooms', { schoolId: gxsy, name: '一号录播室' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROOM_NAME_TAKEN');
    expect((await research.request('POST', '/api/rooms', { schoolId: gxsy, name: '二号', tracks: ['composite', 'composite'] })).statusCode).toBe(400);
    expect((await research.request('POST', '/api/rooms', { schoolId: gxsy, name: '三号', tracks: ['drone'] })).statusCode).toBe(400);
  });

  it('moves forward with dates, refuses dates in the future or before an earlier stage, and audits each change', async () => {
    const room = await createRoom(research, gxsy, { statusDate: '2030-03-01' });
    const patch = (body: unknown) => research.request('PATCH', `/api/rooms/${room.id}`, body);

    const early = await patch({ status: 'installed', statusDate: '2030-02-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('ROOM_STATUS_DATE_BEFORE_PREVIOUS');
    const future = await patch({ status: 'installed', statusDate: '2030-04-04' });
    expect(future.json().code).toBe('ROOM_STATUS_DATE_IN_FUTURE');
    expect((await patch({ status: 'installed', statusDate: '2030-02-30' })).json()).toMatchObject({ code: 'DATE_INVALID', details: { field: '/statusDate' } });

    const installed = await patch({ status: 'installed', statusDate: '2030-03-10' });
    expect(installed.json()).toMatchObject({ status: 'installed', plannedOn: '2030-03-01', installedOn: '2030-03-10', activatedOn: null });
    // Skipping forward dates every stage passed.
    const inUse = await patch({ status: 'in_use', statusDate: '2030-03-20' });
    expect(inUse.json()).toMatchObject({ status: 'in_use', installedOn: '2030-03-10', activatedOn: '2030-03-20', inUseOn: '2030-03-20' });
    // The same status with a date corrects that stage's date, under the same order rule.
    expect((await patch({ status: 'in_use', statusDate: '2030-03-25' })).json()).toMatchObject({ status: 'in_use', inUseOn: '2030-03-25', activatedOn: '2030-03-20' });
    expect((await patch({ status: 'in_use', statusDate: '2030-03-15' })).json().code).toBe('ROOM_STATUS_DATE_BEFORE_PREVIOUS');

    const rows = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('target_type', '=', 'room').where('target_id', '=', String(room.id)).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['room.create', 'room.status', 'room.status', 'room.status']);
    expect(JSON.parse(rows[2]!.detail)).toMatchObject({ from: 'installed', to: 'in_use' });
  });

  it('steps back only with a reason, clearing the later stages, and keeps the reason in the audit log', async () => {
    const room = await createRoom(research, gxsy, { status: 'in_use', statusDate: '2030-03-01' });
    expect(room).toMatchObject({ plannedOn: '2030-03-01', installedOn: '2030-03-01', activatedOn: '2030-03-01', inUseOn: '2030-03-01' });
    const bare = await research.request('PATCH', `/api/rooms/${room.id}`, { status: 'installed' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('ROOM_STATUS_BACKWARD_NEEDS_REASON');
    const back = await research.request('PATCH', `/api/rooms/${room.id}`, { status: 'installed', reason: '录播主机返厂维修' });
    expect(back.json()).toMatchObject({ status: 'installed', installedOn: '2030-03-01', activatedOn: null, inUseOn: null });
    const row = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'room.status').where('target_id', '=', String(room.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail)).toMatchObject({ from: 'in_use', to: 'installed', reason: '录播主机返厂维修' });
    const stray = await research.request('PATCH', `/api/rooms/${room.id}`, { reason: '无关' });
    expect(stray.json().code).toBe('ROOM_REASON_WITHOUT_STATUS');
  });

  it('lets the county research office see and edit its county\'s rooms, and answers 404 for another county\'s', async () => {
    const shenxian = await t.login('shenxian.research');
    const foreign = await createRoom(shenxian, sxsy);
    const own = await createRoom(research, gx2);
    expect((await research.get(`/api/rooms/${foreign.id}`)).statusCode).toBe(404);
    expect((await research.request('PATCH', `/api/rooms/${foreign.id}`, { location: '三楼' })).statusCode).toBe(404);
    expect((await research.request('POST', '/api/rooms', { schoolId: sxsy, name: '越权' })).statusCode).toBe(404);
    expect((await research.get(`/api/rooms/${foreign.id}/timetable`)).statusCode).toBe(404);
    expect((await research.request('PATCH', `/api/rooms/${own.id}`, { location: '三楼' })).json()).toMatchObject({ location: '三楼' });

    const list = (await research.get('/api/rooms?pageSize=100')).json() as { items: { id: number; countyId: number }[]; total: number };
    expect(list.items.length).toBe(list.total);
    expect(list.items.map((r) => r.id)).toContain(own.id);
    expect(list.items.every((r) => r.countyId === guanxian)).toBe(true);
    // Asking for another county's rooms by filter yields nothing, not an error that reveals them.
    const sx = (await t.db.db.selectFrom('regions').select('id').where('name', '=', '莘县').executeTakeFirstOrThrow()).id;
    expect((await research.get(`/api/rooms?countyId=${sx}`)).json()).toMatchObject({ items: [], total: 0 });
    const summary = (await research.get('/api/rooms/summary')).json() as { counties: { name: string }[]; total: number };
    expect(summary.counties.map((c) => c.name)).toEqual(['冠县']);
    expect(summary.total).toBe(list.total);
  });

  it('lets a teacher read their own school\'s rooms but not write them, and a principal write only their own school\'s', async () => {
    const room = await createRoom(research, gxsy);
    const other = await createRoom(research, gx2);
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get(`/api/rooms/${room.id}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/rooms/${other.id}`)).statusCode).toBe(404);
    const items = (await teacher.get('/api/rooms?pageSize=100')).json().items as { schoolId: number }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.schoolId === gxsy)).toBe(true);
    expect((await teacher.request('PATCH', `/api/rooms/${room.id}`, { location: '二楼' })).statusCode).toBe(403);
    expect((await teacher.request('POST', '/api/rooms', { schoolId: gxsy, name: '教师建的' })).statusCode).toBe(403);
    expect((await teacher.request('POST', `/api/rooms/${room.id}/devices`, {})).statusCode).toBe(403);

    const principal = await t.login('gxsy.principal');
    expect((await principal.request('PATCH', `/api/rooms/${room.id}`, { location: '二楼' })).statusCode).toBe(200);
    expect((await principal.request('PATCH', `/api/rooms/${other.id}`, { location: '二楼' })).statusCode).toBe(404);
  });

  it('refuses room changes from county departments other than the 教科所, with a clear code', async () => {
    const room = await createRoom(research, gxsy);
    const edtech = await t.login('guanxian.edtech');
    expect((await edtech.get(`/api/rooms/${room.id}`)).statusCode).toBe(200);
    const res = await edtech.request('PATCH', `/api/rooms/${room.id}`, { location: '二楼' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ROOM_WRITE_RESEARCH_ONLY');
    expect((await edtech.request('POST', '/api/rooms', { schoolId: gxsy, name: '电教馆建的' })).json().code).toBe('ROOM_WRITE_RESEARCH_ONLY');
  });

  it('stores a weekly timetable, and rejects overlapping lessons, reversed times and another school\'s class', async () => {
    const room = await createRoom(research, gxsy);
    const url = `/api/rooms/${room.id}/timetable`;
    const lesson = { weekday: 3, startsAt: '10:00', endsAt: '10:40', subject: '数学', grade: '三年级', classId: null, teacher: '李晓燕' };
    const ok = await research.request('PUT', url, { lessons: [{ ...lesson, weekday: 5 }, lesson] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lessons.map((l: { weekday: number }) => l.weekday)).toEqual([3, 5]);
    const overlap = await research.request('PUT', url, { lessons: [lesson, { ...lesson, startsAt: '10:30', endsAt: '11:10' }] });
    expect(overlap.json().code).toBe('TIMETABLE_OVERLAP');
    expect((await research.request('PUT', url, { lessons: [{ ...lesson, endsAt: '09:00' }] })).json().code).toBe('TIMETABLE_END_BEFORE_START');
    expect((await research.request('PUT', url, { lessons: [{ ...lesson, startsAt: '25:00' }] })).statusCode).toBe(400);
    expect((await research.request('PUT', url, { lessons: [{ ...lesson, weekday: 8 }] })).statusCode).toBe(400);
    const foreignClass = await t.db.db.selectFrom('classes').select('id').where('school_id', '=', sxsy).executeTakeFirstOrThrow();
    expect((await research.request('PUT', url, { lessons: [{ ...lesson, classId: foreignClass.id }] })).json().code).toBe('TIMETABLE_CLASS_UNKNOWN');
    const ownClass = await t.db.db.selectFrom('classes').select('id').where('school_id', '=', gxsy).executeTakeFirstOrThrow();
    expect((await research.request('PUT', url, { lessons: [{ ...lesson, classId: ownClass.id }] })).statusCode).toBe(200);
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get(url)).json().lessons).toEqual([{ ...lesson, classId: ownClass.id }]);
  });

  it('counts rooms by lifecycle status in the county summary, and filters the list by status', async () => {
    const before = (await research.get(`/api/rooms/summary?countyId=${guanxian}`)).json();
    await createRoom(research, gx2, { status: 'activated' });
    const after = (await research.get(`/api/rooms/summary?countyId=${guanxian}`)).json();
    expect(after.total).toBe(before.total + 1);
    expect(after.byStatus.activated).toBe(before.byStatus.activated + 1);
    expect(after.noRecorder).toBe(before.noRecorder + 1);
    const activated = (await research.get('/api/rooms?status=activated&pageSize=100')).json();
    expect(activated.total).toBe(after.byStatus.activated);
    expect(activated.items.every((r: { status: string }) => r.status === 'activated')).toBe(true);
  });
});
