import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
const BIG = 3_000_000_000;

// Runs on SQLite, and on PostgreSQL with DATABASE_URL: PostgreSQL is where an id past 2³¹−1, a NUL
// byte or an impossible date used to end in a 500.
describe('input that must be refused', () => {
  let t: TestApp;
  let admin: Client;
  let research: Client;
  let schoolId: number;
  let roomId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('city.admin');
    research = await t.login('guanxian.research');
    schoolId = (await t.db.db.selectFrom('schools').select('id').where('name', '=', '冠县实验小学').executeTakeFirstOrThrow()).id;
    const room = await research.request('POST', '/api/rooms', { schoolId, name: '严格输入测试室', status: 'in_use' });
    expect(room.statusCode, room.body).toBe(201);
    roomId = room.json().id as number;
  });
  afterAll(async () => t.close());

  const schoolName = async () => (await t.db.db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirstOrThrow()).name;
  const deviceCount = async () => Number((await t.db.db.selectFrom('devices').select((eb) => eb.fn.countAll().as('n')).where('room_id', '=', roomId).executeTakeFirstOrThrow()).n);

  it('refuses a number where a text is declared, and writes nothing', async () => {
    const before = await schoolName();
    const res = await admin.request('PATCH', `/api/schools/${schoolId}`, { name: 12345 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: '/name', in: 'body' } });
    expect(res.json().message).toContain('/name');
    expect(await schoolName()).toBe(before);
  });

  it('refuses unknown fields by name instead of dropping them', async () => {
    for (const field of ['isAdmin', '__evil']) {
      const res = await admin.request('PATCH', `/api/schools/${schoolId}`, { name: '改名不应生效', [field]: true });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED', details: { field: `/${field}` } });
      expect(res.json().message).toContain(field);
    }
    expect(await schoolName()).not.toBe('改名不应生效');
  });

  // A bare POST (no body at all) still adds a recorder with the default name, as the route documents.
  it('refuses a null, empty or non-object body and creates no device', async () => {
    const before = await deviceCount();
    const url = `/api/rooms/${roomId}/devices`;
    const sent = [
      await t.app.inject({ method: 'POST', url, headers: { ...research.headers, 'content-type': 'application/json' }, payload: 'null' }),
      await t.app.inject({ method: 'POST', url, headers: { ...research.headers, 'content-type': 'application/json' }, payload: '' }),
      await t.app.inject({ method: 'POST', url, headers: { ...research.headers, 'content-type': 'application/json' }, payload: '["一号主机"]' }),
    ];
    for (const res of sent) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('BODY_REQUIRED');
    }
    expect(await deviceCount()).toBe(before);
  });

  it('does not read true as school 1', async () => {
    const res = await research.request('POST', '/api/rooms', { schoolId: true, name: '布尔学校', status: 'in_use' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: '/schoolId' } });
    expect(await t.db.db.selectFrom('rooms').select('id').where('name', '=', '布尔学校').executeTakeFirst()).toBeUndefined();
  });

  it('answers an id no row can have: 404 in a path, 400 naming the field in a body or filter', async () => {
    for (const url of [`/api/schools/${BIG}`, `/api/rooms/${BIG}`, `/api/people/${BIG}`, `/api/dashboards/schools/${BIG}`, '/api/schools/0']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const patch = await admin.request('PATCH', `/api/schools/${BIG}`, { name: '不存在' });
    expect(patch.statusCode, patch.body).toBe(404);

    const filter = await admin.get(`/api/people?countyId=${BIG}`);
    expect(filter.statusCode, filter.body).toBe(400);
    expect(filter.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: '/countyId', in: 'querystring' } });

    const body = await research.request('POST', '/api/rooms', { schoolId: BIG, name: '大号学校', status: 'in_use' });
    expect(body.statusCode, body.body).toBe(400);
    expect(body.json().details.field).toBe('/schoolId');
  });

  it('fails an export with a bad filter as a normal answer before the download starts', async () => {
    for (const url of ['/api/schools/export.xlsx', '/api/people/export.xlsx']) {
      const res = await admin.get(`${url}?countyId=${BIG}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json().details.field).toBe('/countyId');
    }
  });

  it('refuses NUL and other control characters by field, in bodies and in filters', async () => {
    const before = await schoolName();
    for (const name of ['a\u0000b', 'a\u0007b', '冠县\n实验']) {
      const res = await admin.request('PATCH', `/api/schools/${schoolId}`, { name });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TEXT_CONTROL_CHARS', details: { field: '/name' } });
    }
    expect(await schoolName()).toBe(before);
    const query = await admin.get(`/api/schools?q=${encodeURIComponent('a\u0000b')}`);
    expect(query.statusCode, query.body).toBe(400);
    expect(query.json()).toMatchObject({ code: 'TEXT_CONTROL_CHARS', details: { field: '/q' } });
  });

  it('refuses a name of only spaces', async () => {
    const res = await research.request('POST', '/api/rooms', { schoolId, name: '   ', status: 'in_use' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TEXT_BLANK', details: { field: '/name' } });
  });

  it('refuses a page number past the last page any list can have', async () => {
    for (const url of ['/api/schools?page=1e20', '/api/people?page=1e20', '/api/recordings?page=100001', '/api/notifications?page=1e20']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().details.field).toBe('/page');
    }
    expect((await admin.get('/api/schools?page=100000')).statusCode).toBe(200);
  });

  it('refuses days that do not exist, wherever a day is taken', async () => {
    for (const url of ['/api/dashboards/city?asOf=6283-73-37', '/api/dashboards/city?asOf=2018-02-30', `/api/rollout/schools/${schoolId}?asOf=2018-02-30`]) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'DATE_INVALID', details: { field: '/asOf' } });
    }
    expect((await admin.get('/api/dashboards/city?asOf=2016-02-29')).statusCode).toBe(200);
  });

  it('checks the session and the permission before it looks at the body', async () => {
    const anonymous = await t.app.inject({ method: 'PATCH', url: `/api/schools/${schoolId}`, payload: { name: 12345, isAdmin: true } });
    expect(anonymous.statusCode, anonymous.body).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    expect(anonymous.body).not.toContain('isAdmin');
    const nullBody = await t.app.inject({ method: 'POST', url: `/api/rooms/${roomId}/devices`, headers: { 'content-type': 'application/json' }, payload: 'null' });
    expect(nullBody.statusCode).toBe(401);

    const teacher = await t.login('gxsy.teacher');
    const denied = await teacher.request('PATCH', `/api/schools/${schoolId}`, { name: 12345 });
    expect(denied.statusCode, denied.body).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    // CSRF still holds for a signed-in caller, also with a broken body.
    const noCsrf = await t.app.inject({ method: 'PATCH', url: `/api/schools/${schoolId}`, headers: { cookie: admin.headers.cookie }, payload: { name: 12345 } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('declares the error answers of every route in the OpenAPI document', async () => {
    const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409']));
      }
    }
  });
});
