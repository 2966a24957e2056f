import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { familyOf } from './family-fixture.js';
import { bindingOf } from './binding-fixture.js';

/**
 * Access-matrix entries of the binding and class-staff routes. Targets are classes: own = class A
 * (gxsy.parent's child's, headed by gxsy.teacher), sibling = class B of the same school, foreign =
 * a class of 莘县实验小学. Class staff routes reach a teacher's own classes (B: 404) and the
 * principal's school; parents are no class staff (403) and bureaus hold no family action (403).
 * A parent redeems any class's code (the code is what they were given; the request stays pending
 * until that class's staff confirm), and unbinds only their own child (others: 404).
 */
const staffItem = (teacherOwn = 200) => allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [teacherOwn, 404, 404] });

export const bindingMatrix: MatrixEntry[] = [
  {
    route: 'POST /api/family/binding/redeem', kind: 'item',
    request: (f, t) => {
      const b = bindingOf(f);
      return { method: 'POST', url: '/api/family/binding/redeem', payload: { code: b.bindCode[t], childName: b.bindChild[t].name, studentNoLast4: b.bindChild[t].last4, relation: '父亲' } };
    },
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, parent: 200 }),
  },
  {
    route: 'GET /api/family/binding/mine', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/binding/mine' }),
    // Staff hold family:read but no guardianship: empty.
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: '---', teacher: '---', parent: 'o--' }),
  },
  {
    route: 'DELETE /api/family/binding/mine/:studentId', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/family/binding/mine/${bindingOf(f).unbindChild[t]}` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/family/binding/classes', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/family/binding/classes' }),
    expect: allExcept<number>(403, { anonymous: 401, principal: 200, teacher: 200 }),
  },
  {
    route: 'GET /api/family/binding/classes/:id/roster', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/binding/classes/${familyOf(f).familyClass[t]}/roster` }),
    expect: staffItem(),
  },
  {
    route: 'GET /api/family/binding/classes/:id/requests', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/binding/classes/${familyOf(f).familyClass[t]}/requests` }),
    expect: staffItem(),
  },
  {
    route: 'POST /api/family/binding/requests/:id/confirm', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/family/binding/requests/${bindingOf(f).confirmRequest[actor][t]}/confirm` }),
    expect: staffItem(),
  },
  {
    route: 'POST /api/family/binding/requests/:id/reject', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/family/binding/requests/${bindingOf(f).rejectRequest[actor][t]}/reject`, payload: { reason: '矩阵' } }),
    expect: staffItem(),
  },
  {
    route: 'GET /api/family/binding/classes/:id/codes', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/binding/classes/${familyOf(f).familyClass[t]}/codes` }),
    expect: staffItem(),
  },
  {
    route: 'POST /api/family/binding/classes/:id/codes', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/binding/classes/${familyOf(f).familyClass[t]}/codes`, payload: {} }),
    expect: staffItem(),
  },
  {
    // Revoking a revoked code changes nothing: the teacher after the principal still gets 200.
    route: 'POST /api/family/binding/codes/:id/revoke', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/binding/codes/${bindingOf(f).revokeCode[t]}/revoke` }),
    expect: staffItem(),
  },
  {
    route: 'POST /api/family/binding/students/:id/guardians/:userId/remove', kind: 'item',
    request: (f, t, actor) => {
      const g = bindingOf(f).spareGuardian[actor][t];
      return { method: 'POST', url: `/api/family/binding/students/${g.studentId}/guardians/${g.userId}/remove`, payload: { reason: '矩阵' } };
    },
    expect: staffItem(),
  },
  {
    route: 'GET /api/classes/:id/staff', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${familyOf(f).familyClass[t]}/staff` }),
    expect: staffItem(),
  },
  {
    // Only the principal changes a class's staff; the 班主任 of A reads but may not (403).
    route: 'POST /api/classes/:id/staff', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/classes/${familyOf(f).familyClass[t]}/staff`, payload: { userId: f.person.own, duty: 'subject', subject: '科学' } }),
    expect: staffItem(403),
  },
  {
    route: 'DELETE /api/classes/:id/staff/:userId', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/classes/${familyOf(f).familyClass[t]}/staff/${f.person.own}` }),
    expect: staffItem(403),
  },
];
