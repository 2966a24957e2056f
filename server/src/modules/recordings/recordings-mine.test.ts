import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';

interface Page { items: { id: number; title: string }[]; total: number }

describe('我的录播课: a teacher filters the lesson list to their own lessons', () => {
  let t: TestApp;
  const ids = { taught: 0, uploaded: 0, colleague: 0 };

  beforeAll(async () => {
    t = await createTestApp();
    const s = await demoSchools(t.db.db);
    const teacherId = (await t.db.db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).id;
    ids.taught = await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-02', group: 'mine-taught', counts: 1 });
    ids.uploaded = await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-03', group: 'mine-uploaded', counts: 1 });
    ids.colleague = await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-04', group: 'colleague', counts: 1 });
    await t.db.db.updateTable('recordings').set({ teacher_user_id: teacherId }).where('id', '=', ids.taught).execute();
    await t.db.db.updateTable('recordings').set({ uploaded_by_user_id: teacherId }).where('id', '=', ids.uploaded).execute();
  });
  afterAll(async () => t.close());

  it('lists the lessons the teacher taught or uploaded with mine=true, and the whole school without it', async () => {
    const teacher = await t.login('gxsy.teacher');
    const mine = await teacher.get('/api/recordings?mine=true&pageSize=100');
    expect(mine.statusCode).toBe(200);
    const body = mine.json() as Page;
    expect(body.items.map((r) => r.id).sort()).toEqual([ids.taught, ids.uploaded].sort());
    expect(body.total).toBe(2);
    const all = (await teacher.get('/api/recordings?pageSize=100')).json() as Page;
    expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([ids.taught, ids.uploaded, ids.colleague]));
    const notMine = (await teacher.get('/api/recordings?mine=false&pageSize=100')).json() as Page;
    expect(notMine.total).toBe(all.total);
  });

  it('means the caller only: another person\'s mine=true never shows the teacher\'s lessons', async () => {
    const principal = await t.login('gxsy.principal');
    const body = (await principal.get('/api/recordings?mine=true&pageSize=100')).json() as Page;
    expect(body.items.map((r) => r.id)).not.toContain(ids.taught);
    expect(body.items.map((r) => r.id)).not.toContain(ids.uploaded);
    expect((await principal.get('/api/recordings?mine=maybe')).statusCode).toBe(400);
  });
});
