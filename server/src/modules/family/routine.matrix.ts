import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { familyOf } from './family-fixture.js';
import { routineOf } from './routine-fixture.js';

/**
 * Access-matrix entries of the routine (日常) and homework routes. Targets: class A and its
 * child (own: gxsy.parent's, headed by gxsy.teacher), class B of the same school (sibling),
 * a class of 莘县实验小学 (foreign). A parent and a teacher reach class A only, the principal the
 * school; bureaus no child or class, but the weekly figures of the schools in their scope.
 */
const readClass = allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404], parent: [200, 404, 404] });
const writeClass = allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404] });

const homework = (classId: number) => ({
  classId, subject: '语文', content: '朗读课文', kind: 'oral', minutes: 10, dueOn: '2099-01-01',
});

export const routineMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/family/routine/children', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/routine/children' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: 'os-', teacher: 'o--', parent: 'o--' }),
  },
  {
    route: 'GET /api/classes/:id/timetable', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${familyOf(f).familyClass[t]}/timetable` }),
    expect: readClass,
  },
  {
    route: 'PUT /api/classes/:id/timetable', kind: 'item',
    request: (f, t) => ({
      method: 'PUT', url: `/api/classes/${familyOf(f).familyClass[t]}/timetable`,
      payload: { lessons: [{ weekday: 1, period: 1, startsAt: '08:00', endsAt: '08:40', subject: '语文', teacherName: '' }] },
    }),
    expect: writeClass,
  },
  {
    route: 'GET /api/family/children/:id/today', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/children/${familyOf(f).familyChild[t]}/today` }),
    expect: readClass,
  },
  {
    route: 'GET /api/family/children/:id/school-calendar', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/children/${familyOf(f).familyChild[t]}/school-calendar` }),
    expect: readClass,
  },
  {
    route: 'GET /api/homework/classes', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/homework/classes' }),
    expect: allExcept<number>(403, { anonymous: 401, principal: 200, teacher: 200 }),
  },
  {
    route: 'POST /api/homework/check', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/homework/check', payload: homework(familyOf(f).familyClass[t]) }),
    expect: writeClass,
  },
  {
    route: 'POST /api/homework', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/homework', payload: homework(familyOf(f).familyClass[t]) }),
    expect: writeClass,
  },
  {
    route: 'GET /api/classes/:id/homework', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${familyOf(f).familyClass[t]}/homework` }),
    expect: readClass,
  },
  {
    route: 'GET /api/homework/figures', kind: 'list', of: 'school',
    request: (f) => ({ method: 'GET', url: `/api/homework/figures?week=${routineOf(f).routineDay}` }),
    // The city-wide answer has a row per county, no school in it (routine.test.ts checks it adds up).
    expect: allExcept<ListOutcome>(403, {
      anonymous: 401, principal: 'o--', county_admin: 'os-', dept_staff: 'os-', inspector: 'os-', city_admin: '---',
    }),
  },
];
