import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, classOfParent, nthClass, pupilsOf } from './family.test-kit.js';

type Child = { id: number; label: string; className: string; schoolName: string; relation?: string; studentNo: string };

/** The family app's home list, from the attacker's side: whose children each actor sees. */
describe('GET /api/family/children: a guardian their own children, class staff their classes', () => {
  let t: TestApp;
  let a: { classId: number; studentId: number; schoolId: number };
  let b: { classId: number; studentId: number };
  const list = async (username: string) => {
    const res = await (await t.login(username)).get('/api/family/children');
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Child[] }).items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await classOfParent(t.db.db, 'gxsy.parent');
    b = await classOfParent(t.db.db, 'gxsy.parent2');
  });
  afterAll(async () => t.close());

  it('labels a parent\'s own child "一年级(1)班 name" with school and relation, and nothing of class B', async () => {
    const items = await list('gxsy.parent');
    expect(items.map((c) => c.id)).toEqual([a.studentId]);
    expect(items[0]!.label).toMatch(/^一年级\(1\)班 \S+$/);
    expect(items[0]!.schoolName).toBe('冠县实验小学');
    expect(items[0]!.relation).toBe('母亲');
  });

  it('lists all three children of a parent bound to three, each with its own class, and only their relation', async () => {
    const other = await nthClass(t.db.db, a.schoolId, 2);
    const [first] = await pupilsOf(t.db.db, other);
    await addParent(t.db.db, {
      username: 'home.three', children: [{ studentId: a.studentId, relation: '父亲' }, { studentId: b.studentId, relation: '父亲' }, { studentId: first!.id, relation: '父亲' }],
    });
    const items = await list('home.three');
    expect(items.map((c) => c.id).sort()).toEqual([a.studentId, b.studentId, first!.id].sort());
    expect(new Set(items.map((c) => c.className)).size).toBe(3);
    // gxsy.parent is the 母亲 of class A's child: this father sees his own relation, not hers.
    expect(items.every((c) => c.relation === '父亲')).toBe(true);
  });

  it('gives an unbound parent an empty list (the app then explains how to bind)', async () => {
    await addParent(t.db.db, { username: 'home.unbound', children: [] });
    expect(await list('home.unbound')).toEqual([]);
  });

  it('gives class A\'s head teacher class A\'s children without relations, and a county officer 403', async () => {
    const items = await list('gxsy.teacher');
    expect(items.some((c) => c.id === a.studentId)).toBe(true);
    expect(items.some((c) => c.id === b.studentId)).toBe(false);
    expect(items.every((c) => c.relation === undefined)).toBe(true);
    const res = await (await t.login('guanxian.admin')).get('/api/family/children');
    expect(res.statusCode).toBe(403);
  });
});
