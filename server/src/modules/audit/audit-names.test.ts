import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { type NameLookup, resolveNames } from './audit-names.js';

interface Item { action: string; targetType: string | null; targetId: string | null; targetName?: string | null }

describe('audit page names: people, schools and lessons by name, not by id', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('names the person, the school and the lesson an audit row points at', async () => {
    const s = await demoSchools(t.db.db);
    const teacher = await t.db.db.selectFrom('users').select(['id', 'name']).where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow();
    await t.login('gxsy.teacher');
    const admin = await t.login('guanxian.admin');
    expect((await admin.request('PATCH', `/api/schools/${s.gxsy.id}`, { contactName: '王主任' })).statusCode).toBe(200);
    const recordingId = await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-04', group: 'names-a', counts: 1 });
    const title = (await t.db.db.selectFrom('recordings').select('title').where('id', '=', recordingId).executeTakeFirstOrThrow()).title;
    await t.services.audit.record({
      actor: { userId: teacher.id, name: teacher.name }, action: 'recording.view', targetType: 'recording', targetId: recordingId,
      result: 'success', ip: '127.0.0.1',
    });
    // A row whose target is gone, or of a type nobody names, keeps its id and gets no name.
    await t.services.audit.record({ actor: null, action: 'recording.purge', targetType: 'recording', targetId: 2_000_000_000, result: 'success', ip: '' });

    const auditor = await t.login('auditor');
    const res = await auditor.get('/api/audit?pageSize=100');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Item[] }).items;
    const find = (action: string, targetId: string) => items.find((i) => i.action === action && i.targetId === targetId);
    expect(find('auth.login', String(teacher.id))?.targetName).toBe(teacher.name);
    expect(find('school.update', String(s.gxsy.id))?.targetName).toBe(s.gxsy.name);
    expect(find('recording.view', String(recordingId))?.targetName).toBe(title);
    expect(find('recording.purge', '2000000000')?.targetName).toBeNull();
    expect(JSON.stringify(items)).not.toContain('"targetName":"user #');
  });

  it('looks each kind up once per page, with every id of that kind together', async () => {
    const calls: { type: string; ids: readonly number[] }[] = [];
    const lookup = (type: string): NameLookup => async (ids) => {
      calls.push({ type, ids });
      return new Map(ids.map((id) => [id, `${type}-${id}`]));
    };
    const names = await resolveNames({ user: lookup('user'), school: lookup('school') }, [
      { type: 'user', id: '3' }, { type: 'user', id: '4' }, { type: 'user', id: '3' }, { type: 'school', id: '7' },
      { type: 'student', id: '9' }, { type: 'user', id: 'abc' }, { type: 'user', id: '99999999999' }, { type: null, id: null },
    ]);
    expect(calls.sort((a, b) => a.type.localeCompare(b.type))).toEqual([{ type: 'school', ids: [7] }, { type: 'user', ids: [3, 4] }]);
    expect(Object.fromEntries(names)).toEqual({ 'user:3': 'user-3', 'user:4': 'user-4', 'school:7': 'school-7' });
  });
});
