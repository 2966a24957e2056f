import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/domain.js';
import { type Actor, permissionsOf } from '../../access/actor.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { classOfParent } from '../family/family.test-kit.js';
import { createFamilyChildren } from './family-children.js';

/**
 * The family reach, from the attacker's side: a parent of class A, class A's head teacher, the
 * principal and a county officer each ask for class A's and class B's children and classes.
 */
describe('family reach: a guardian their own children, class staff their classes, a principal the school, a bureau nothing', () => {
  let t: TestApp;
  let a: { classId: number; studentId: number };
  let b: { classId: number; studentId: number };
  const actorOf = async (username: string): Promise<Actor> => {
    const db = t.db.db;
    const user = await db.selectFrom('users').select(['id', 'name']).where('username', '=', username).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('role_assignments').selectAll().where('user_id', '=', user.id).execute();
    const grants = rows.map((r) => ({ assignmentId: r.id, role: r.role as Role, department: null, cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id }));
    return { userId: user.id, username, name: user.name, kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await classOfParent(t.db.db, 'gxsy.parent');
    b = await classOfParent(t.db.db, 'gxsy.parent2');
  });
  afterAll(async () => t.close());

  it('labels a parent\'s child with class and name, and answers 404 for a child of another class', async () => {
    const family = createFamilyChildren(t.db.db);
    const parent = await actorOf('gxsy.parent');
    const mine = await family.children(parent, 'family:read');
    expect(mine.map((c) => c.id)).toEqual([a.studentId]);
    expect(mine[0]!.label).toMatch(/^一年级\(1\)班 \S+$/);
    await expect(family.child(parent, 'family:read', b.studentId)).rejects.toMatchObject({ status: 404 });
    // A guardian reaches their child's class, never its other children.
    expect((await family.klass(parent, 'family:read', a.classId)).id).toBe(a.classId);
    expect((await family.children(parent, 'family:read', { classId: a.classId })).length).toBe(1);
    await expect(family.klass(parent, 'family:read', b.classId)).rejects.toMatchObject({ status: 404 });
  });

  it('gives the head teacher of class A its children, not class B\'s, and the principal both', async () => {
    const family = createFamilyChildren(t.db.db);
    const teacher = await actorOf('gxsy.teacher');
    const taught = await family.children(teacher, 'class:write');
    expect(taught.some((c) => c.id === a.studentId)).toBe(true);
    expect(taught.some((c) => c.classId === b.classId)).toBe(false);
    await expect(family.child(teacher, 'family:read', b.studentId)).rejects.toMatchObject({ status: 404 });
    const principal = await actorOf('gxsy.principal');
    expect((await family.child(principal, 'family:read', b.studentId)).classId).toBe(b.classId);
    expect((await family.classes(principal, 'family:read')).map((c) => c.id)).toEqual(expect.arrayContaining([a.classId, b.classId]));
  });

  it('gives a county officer no child at all, and a parent no class-staff action', async () => {
    const family = createFamilyChildren(t.db.db);
    expect(await family.children(await actorOf('guanxian.admin'), 'family:read')).toEqual([]);
    expect(await family.children(await actorOf('gxsy.parent'), 'class:write')).toEqual([]);
  });

  it('names class A\'s staff and the child\'s guardians', async () => {
    const family = createFamilyChildren(t.db.db);
    const staff = await family.staffOf(a.classId);
    expect(staff.map((s) => s.name)).toContain('李晓燕');
    expect(staff.every((s) => s.duty === 'head' || s.duty === 'subject')).toBe(true);
    const guardians = await family.guardiansOf([a.studentId]);
    expect(guardians.map((g) => g.relation)).toContain('母亲');
  });
});
