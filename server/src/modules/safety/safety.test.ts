import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addDays, shanghaiDate } from '../../../../shared/dates.js';
import { addParent, userId } from '../family/family.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function multipart(filename: string, data: Buffer) {
  const boundary = '----sunshine-safety';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    data, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

/** 平安校园: checks raise hazards, overdue hazards escalate to the county once, and each reader sees only their scope. */
describe('safety: checks, hazards, escalation and figures', () => {
  let t: TestApp;
  let gxsy: number;
  let gx2: number;
  let sxsy: number;
  let principal: Client;
  let teacher: Client;
  let county: Client;
  const schoolId = async (name: string) => (await t.db.db.selectFrom('schools').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const today = () => shanghaiDate(t.clock.now());

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-16T02:00:00Z') });
    [gxsy, gx2, sxsy] = [await schoolId('冠县实验小学'), await schoolId('冠县第二实验小学'), await schoolId('莘县实验小学')];
  });
  afterAll(async () => t.close());
  // Sessions end after 30 idle minutes: the clock moves days, so each test (and each move) signs in again.
  async function signIn() {
    principal = await t.login('gxsy.principal');
    teacher = await t.login('gxsy.teacher');
    county = await t.login('guanxian.admin');
  }
  beforeEach(signIn);

  async function hazard(c: Client, school: number, deadline: string, title = '灭火器过期') {
    const res = await c.request('POST', '/api/safety/hazards', {
      schoolId: school, area: 'fire', title, level: 'major', responsibleUserId: c.me.id, deadline,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  }

  it('records a safety check whose problem item raises a hazard, answered for by the checker a week on', async () => {
    const res = await teacher.request('POST', '/api/safety/checks', {
      schoolId: gxsy, date: today(),
      areas: [
        { area: 'gate', items: [{ key: 'guard_on_duty', ok: true }, { key: 'visitor_log', ok: false, note: '登记簿缺两天记录' }] },
        { area: 'fire', items: [{ key: 'extinguishers', ok: true }] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check).toMatchObject({ schoolId: gxsy, problems: 1 });
    expect(check.hazardIds).toHaveLength(1);
    const h = (await teacher.get(`/api/safety/hazards/${check.hazardIds[0]}`)).json();
    expect(h).toMatchObject({
      status: 'open', area: 'gate', item: 'visitor_log', level: 'general', description: '登记簿缺两天记录', checkId: check.id,
      responsibleUserId: teacher.me.id, deadline: addDays(today(), 7), overdue: false,
    });
    expect(h.title).toContain('门卫/校门');
    // An item not on the checklist, and a problem without a note, are refused.
    const bad = await teacher.request('POST', '/api/safety/checks', { schoolId: gxsy, date: today(), areas: [{ area: 'gate', items: [{ key: 'nope', ok: true }] }] });
    expect(bad.json().code).toBe('SAFETY_ITEM_UNKNOWN');
    const noNote = await teacher.request('POST', '/api/safety/checks', { schoolId: gxsy, date: today(), areas: [{ area: 'gate', items: [{ key: 'cctv', ok: false }] }] });
    expect(noNote.json().code).toBe('SAFETY_PROBLEM_NOTE');
  });

  it('lets the principal turn off the dormitory and bus, after which a safety check of them is refused', async () => {
    const res = await principal.request('PUT', `/api/safety/schools/${gxsy}/areas`, { enabled: ['gate', 'fire', 'canteen'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enabled).toEqual(['gate', 'fire', 'canteen']);
    expect((await teacher.request('PUT', `/api/safety/schools/${gxsy}/areas`, { enabled: ['gate'] })).statusCode).toBe(403);
    const bus = await teacher.request('POST', '/api/safety/checks', { schoolId: gxsy, date: today(), areas: [{ area: 'bus', items: [{ key: 'driver', ok: true }] }] });
    expect(bus.json().code).toBe('SAFETY_AREA_DISABLED');
  });

  it('escalates an overdue hazard to the county once, after its deadline and not before', async () => {
    const deadline = addDays(today(), 2);
    const id = await hazard(principal, gxsy, deadline, '消防通道堆放杂物');
    const escalatedList = async () => ((await county.get('/api/safety/hazards?escalated=true')).json().items as { id: number }[]).map((h) => h.id);
    const countyInbox = async () => Number((await t.db.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
      .select((eb) => eb.fn.countAll().as('n')).where('users.username', '=', 'guanxian.admin').where('notifications.kind', '=', 'safety_hazard_escalated')
      .executeTakeFirstOrThrow()).n);

    // On the deadline day itself: not yet.
    t.clock.set(new Date(`${deadline}T10:00:00Z`));
    await signIn();
    await t.services.family.runDue(t.clock.now());
    expect(await escalatedList()).not.toContain(id);
    expect((await principal.get(`/api/safety/hazards/${id}`)).json().status).toBe('open');

    // The day after (Asia/Shanghai): escalated, the county told once.
    t.clock.set(new Date(`${addDays(deadline, 1)}T01:00:00Z`));
    await signIn();
    const before = await countyInbox();
    const done = await t.services.family.runDue(t.clock.now());
    expect(done['safety.escalate']).toMatchObject({ escalated: expect.any(Number) });
    expect(await escalatedList()).toContain(id);
    expect((await county.get(`/api/safety/hazards/${id}`)).json()).toMatchObject({ status: 'escalated', overdue: true, escalatedAt: expect.any(String) });
    expect(await countyInbox()).toBe(before + 1);

    // A rerun adds nothing.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    const again = await t.services.family.runDue(t.clock.now());
    expect(again['safety.escalate']).toMatchObject({ escalated: 0 });
    expect(await countyInbox()).toBe(before + 1);
    expect((await escalatedList()).filter((x) => x === id)).toHaveLength(1);

    // 莘县 sees none of it.
    const shenxian = await t.login('shenxian.admin');
    expect(((await shenxian.get('/api/safety/hazards?escalated=true')).json().items as { id: number }[]).map((h) => h.id)).not.toContain(id);

    // The school still rectifies it; the principal verifies; it stays in the county's escalated list, rectified late.
    expect((await principal.request('POST', `/api/safety/hazards/${id}/rectify`, { note: '杂物已清理' })).json().status).toBe('rectified');
    expect((await principal.request('POST', `/api/safety/hazards/${id}/verify`, { accepted: true })).json().status).toBe('verified');
    expect(await escalatedList()).toContain(id);
  });

  it('walks open → rectifying → rectified → verified, by the responsible person and the principal only', async () => {
    const id = await hazard(teacher, gxsy, addDays(today(), 5));
    const gx2Teacher = await t.login('gx2.teacher');
    expect((await gx2Teacher.request('POST', `/api/safety/hazards/${id}/start`)).statusCode).toBe(404);
    expect((await county.request('POST', `/api/safety/hazards/${id}/start`)).statusCode).toBe(403);
    expect((await teacher.request('POST', `/api/safety/hazards/${id}/start`)).json().status).toBe('rectifying');
    expect((await teacher.request('POST', `/api/safety/hazards/${id}/rectify`, { note: '已更换灭火器' })).json().status).toBe('rectified');
    expect((await teacher.request('POST', `/api/safety/hazards/${id}/verify`, { accepted: true })).json().code).toBe('SAFETY_PRINCIPAL_ONLY');
    expect((await principal.request('POST', `/api/safety/hazards/${id}/verify`, { accepted: false, note: '请补拍照片' })).json().status).toBe('rectifying');
    expect((await teacher.request('POST', `/api/safety/hazards/${id}/rectify`, { note: '已补拍' })).json().status).toBe('rectified');
    expect((await principal.request('POST', `/api/safety/hazards/${id}/verify`, { accepted: true })).json()).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    expect((await principal.request('POST', `/api/safety/hazards/${id}/verify`, { accepted: true })).statusCode).toBe(409);
  });

  it('keeps photos that are images, refusing any other file, and serves them to readers in scope only', async () => {
    const id = await hazard(teacher, gxsy, addDays(today(), 3));
    const send = (c: Client, filename: string, data: Buffer) => {
      const m = multipart(filename, data);
      return t.app.inject({ method: 'POST', url: `/api/safety/hazards/${id}/photos?stage=report`, headers: { ...c.headers, ...m.headers }, body: m.body });
    };
    const fake = await send(teacher, 'photo.jpg', Buffer.from('<html>not an image</html>'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('SAFETY_PHOTO_NOT_IMAGE');
    const ok = await send(teacher, 'IMG_0001.png', PNG);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'image/png', stage: 'report' });
    const img = await county.get(`/api/safety/hazards/${id}/photos/${ok.json().id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await (await t.login('sxsy.principal')).get(`/api/safety/hazards/${id}/photos/${ok.json().id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/safety/hazards/${id}`)).json().photos).toHaveLength(1);
  });

  it('hides another county\'s and another school\'s hazards (404, and out of lists); a parent and an unbound parent get nothing', async () => {
    const sxPrincipal = await t.login('sxsy.principal');
    const sxHazard = await hazard(sxPrincipal, sxsy, addDays(today(), 3), '莘县的隐患');
    const gx2Teacher = await t.login('gx2.teacher');
    const gx2Hazard = await hazard(gx2Teacher, gx2, addDays(today(), 3), '二实小的隐患');
    expect((await county.get(`/api/safety/hazards/${sxHazard}`)).statusCode).toBe(404);
    expect((await county.get(`/api/safety/hazards/${gx2Hazard}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/safety/hazards/${gx2Hazard}`)).statusCode).toBe(404);
    const teacherList = (await teacher.get('/api/safety/hazards?pageSize=100')).json().items as { schoolId: number }[];
    expect(teacherList.length).toBeGreaterThan(0);
    expect(teacherList.every((h) => h.schoolId === gxsy)).toBe(true);
    const countyList = (await county.get('/api/safety/hazards?pageSize=100')).json().items as { schoolId: number }[];
    expect(countyList.some((h) => h.schoolId === gx2)).toBe(true);
    expect(countyList.some((h) => h.schoolId === sxsy)).toBe(false);
    expect((await teacher.request('POST', '/api/safety/hazards', { schoolId: gx2, area: 'fire', title: 'x', level: 'general', responsibleUserId: teacher.me.id, deadline: today() })).statusCode).toBe(404);
    // Parents hold no safety action.
    expect((await (await t.login('gxsy.parent')).get('/api/safety/hazards')).statusCode).toBe(403);
    const unbound = await addParent(t.db.db, { username: 'safety.unbound', children: [] });
    expect((await (await t.login(unbound.username)).get('/api/safety/stats')).statusCode).toBe(403);
    // A responsible person must be the school's staff.
    const foreignStaff = await userId(t.db.db, 'sxsy.principal');
    const res = await principal.request('POST', '/api/safety/hazards', { schoolId: gxsy, area: 'fire', title: 'x', level: 'general', responsibleUserId: foreignStaff, deadline: today() });
    expect(res.json().code).toBe('SAFETY_RESPONSIBLE_NOT_STAFF');
  });

  it('records drills and counts the county as the sum of its schools; the city sees each county', async () => {
    const drill = await teacher.request('POST', '/api/safety/drills', { schoolId: gxsy, kind: 'fire', date: today(), participants: 620, durationMinutes: 25, note: '全校疏散' });
    expect(drill.statusCode, drill.body).toBe(201);
    expect((await county.request('POST', '/api/safety/drills', { schoolId: gxsy, kind: 'fire', date: today(), participants: 1, durationMinutes: 1 })).json().code).toBe('SAFETY_SCHOOL_STAFF_ONLY');
    const stats = (await county.get('/api/safety/stats')).json();
    const gx = stats.schools.find((s: { schoolId: number }) => s.schoolId === gxsy);
    expect(gx.drillsThisTerm).toBeGreaterThanOrEqual(1);
    expect(gx.checksThisMonth).toBeGreaterThanOrEqual(0);
    expect(stats.schools.every((s: { countyName: string }) => s.countyName === '冠县')).toBe(true);
    for (const k of ['checksThisMonth', 'openHazards', 'overdueHazards', 'escalatedHazards', 'rectified', 'rectifiedOnTime', 'drillsThisTerm'] as const) {
      expect(stats.totals[k]).toBe(stats.schools.reduce((n: number, s: Record<string, number>) => n + (s[k] ?? 0), 0));
    }
    expect(stats.totals.escalatedHazards + stats.totals.rectified).toBeGreaterThan(0);
    const city = (await (await t.login('city.admin')).get('/api/safety/stats')).json();
    expect(city.counties.length).toBeGreaterThan(1);
    const gxCounty = city.counties.find((c: { countyName: string }) => c.countyName === '冠县');
    expect(gxCounty).toMatchObject({ drillsThisTerm: stats.totals.drillsThisTerm, openHazards: stats.totals.openHazards, schools: stats.totals.schools });
    // An inspector reads the figures too.
    expect((await (await t.login('guanxian.inspector')).get('/api/safety/stats')).statusCode).toBe(200);
  });
});

describe('safety: the demo seed', () => {
  it('gives 冠县 safety checks, hazards with some escalated, and drills; the first due run escalates the one left overdue', async () => {
    const t = await createTestApp({ now: new Date('2026-11-16T02:00:00Z') });
    try {
      const { seedDemoSafety } = await import('../../seed/demo-safety.js');
      const seeded = await seedDemoSafety(t.db.db, t.clock.now());
      expect(seeded.checks).toBeGreaterThan(0);
      expect(seeded.drills).toBeGreaterThan(0);
      expect(await seedDemoSafety(t.db.db, t.clock.now())).toEqual({ checks: 0, hazards: 0, escalated: 0, drills: 0 });
      const county = await t.login('guanxian.admin');
      const before = (await county.get('/api/safety/hazards?escalated=true')).json().total as number;
      expect(before).toBe(seeded.escalated);
      await t.services.family.runDue(t.clock.now());
      const after = (await county.get('/api/safety/hazards?escalated=true')).json().total as number;
      expect(after).toBeGreaterThanOrEqual(before);
      const stats = (await county.get('/api/safety/stats')).json();
      expect(stats.totals.checksThisMonth + stats.totals.drillsThisTerm).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 120_000);
});
