import { allExcept, type ItemOutcome, type ListOutcome, MATRIX_ACTORS, type MatrixActor, type MatrixEntry, TARGETS } from '../../access/matrix/matrix-types.js';
import { DEMO_DEADLINES, MATRIX_DEADLINE_DUE, rolloutOf } from './rollout-fixture.js';

/**
 * Access-matrix entries of the rollout routes (项目推进). rollout:read reaches the city and county
 * bureaus, their departments (by duty: the matrix's department is the 冠县教科所, which sees every
 * programme school of its county), researchers and principals (own school); rollout:write the
 * bureaus and departments; batch:write (batches and deadlines) the city and the system admin. The three target schools
 * are primary schools in the programme.
 */
const READ_COUNTIES = allExcept<ListOutcome>(403, {
  anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', principal: 'os-',
});
// A principal's grant names a school, not a county: no county's targets are theirs to see.
const READ_BATCHES: Record<MatrixActor, ListOutcome> = { ...READ_COUNTIES, principal: '---' };
const READ_SCHOOLS = allExcept<ListOutcome>(403, {
  anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', principal: 'o--',
});
const READ_SCHOOL = allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
  researcher: [200, 200, 404], principal: [200, 404, 404],
});
const WRITE_SCHOOL = allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
});
const READERS = allExcept<number>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: 200, dept_staff: 200, researcher: 200, principal: 200,
});

// One batch code per actor and target, so each may create its own without a 409.
const codeFor = (actor: MatrixActor, i: number) => `${2030 + Object.keys(MATRIX_ACTORS).indexOf(actor)}-0${i + 1}`;

export const rolloutMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/rollout/batches', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/rollout/batches' }),
    expect: READ_BATCHES,
  },
  {
    route: 'POST /api/rollout/batches', kind: 'item',
    request: (f, target, actor) => ({
      method: 'POST', url: '/api/rollout/batches',
      payload: { cityId: rolloutOf(f).rolloutCityId, code: codeFor(actor, TARGETS.indexOf(target)), name: '矩阵批次', dueOn: '2030-08-31', targets: { kindergarten: 8, primaryAndJunior: 8 } },
    }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, sysadmin: 201, city_admin: 201 }),
  },
  {
    route: 'PATCH /api/rollout/batches/:id', kind: 'item',
    request: (f) => ({ method: 'PATCH', url: `/api/rollout/batches/${rolloutOf(f).rolloutBatchId}`, payload: { name: '第一批（2018年8月）' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, sysadmin: 200, city_admin: 200 }),
  },
  {
    route: 'GET /api/rollout/deadlines', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/rollout/deadlines' }),
    expect: READERS,
  },
  {
    route: 'PATCH /api/rollout/deadlines/:id', kind: 'item',
    // The deadline's own name and day (see rollout-fixture.ts): the overdue entries below must not move.
    request: (f) => ({ method: 'PATCH', url: `/api/rollout/deadlines/${rolloutOf(f).rolloutDeadlineId}`, payload: { name: DEMO_DEADLINES[0]!.name, dueOn: DEMO_DEADLINES[0]!.dueOn } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, sysadmin: 200, city_admin: 200 }),
  },
  {
    route: 'POST /api/rollout/deadlines', kind: 'item',
    // One name per actor and target (no 409 for a same-named deadline), due long after the days the overdue entries ask about.
    request: (f, target, actor) => ({
      method: 'POST', url: '/api/rollout/deadlines',
      payload: {
        cityId: rolloutOf(f).rolloutCityId, name: `矩阵新增时间节点 ${actor} ${target}`, dueOn: MATRIX_DEADLINE_DUE,
        appliesTo: 'new', batchCode: '2019-02', requires: ['registered'],
      },
    }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, sysadmin: 201, city_admin: 201 }),
  },
  {
    route: 'DELETE /api/rollout/deadlines/:id', kind: 'item',
    // Each actor and target its own spare deadline, so a removal by one leaves the next something to try.
    request: (f, target, actor) => ({ method: 'DELETE', url: `/api/rollout/deadlines/${rolloutOf(f).rolloutSpareDeadline[actor][target]}` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, sysadmin: 204, city_admin: 204 }),
  },
  {
    route: 'GET /api/rollout/progress', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/rollout/progress?asOf=2018-04-04' }),
    expect: READ_COUNTIES,
  },
  {
    route: 'GET /api/rollout/schools', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/rollout/schools?pageSize=200' }),
    expect: READ_SCHOOLS,
  },
  {
    route: 'GET /api/rollout/overdue', kind: 'list', of: 'school',
    // By 2019-03-01 both batches are due: every target school is overdue.
    request: () => ({ method: 'GET', url: '/api/rollout/overdue?asOf=2019-03-01' }),
    expect: READ_SCHOOLS,
  },
  {
    route: 'GET /api/rollout/schools/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/rollout/schools/${f.school[t]}` }),
    expect: READ_SCHOOL,
  },
  {
    route: 'POST /api/rollout/schools/:id/milestones', kind: 'item',
    // Installation is the 教科所's milestone, so the matrix's department may record it.
    request: (f, t) => ({ method: 'POST', url: `/api/rollout/schools/${f.school[t]}/milestones`, payload: { milestone: 'installed', plannedOn: '2018-05-10' } }),
    expect: WRITE_SCHOOL,
  },
  {
    route: 'GET /api/rollout/schools/:id/candidates', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/rollout/schools/${f.school[t]}/candidates` }),
    expect: WRITE_SCHOOL,
  },
  {
    route: 'PUT /api/rollout/schools/:id/named-person', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/rollout/schools/${f.school[t]}/named-person`, payload: { userId: f.person[t] } }),
    // The named person is the programme's (电教馆 in primary schools): the 教科所 may not name one.
    expect: { ...WRITE_SCHOOL, dept_staff: [403, 403, 404] },
  },
  {
    route: 'PUT /api/rollout/schools/:id/built', kind: 'item',
    // `false` is what a school without a rollout row already is: the overdue entries above do not move.
    request: (f, t) => ({ method: 'PUT', url: `/api/rollout/schools/${f.school[t]}/built`, payload: { built: false, note: '矩阵' } }),
    // Like the named person, whether a school was built is the programme's (电教馆) to say, not the 教科所's.
    expect: { ...WRITE_SCHOOL, dept_staff: [403, 403, 404] },
  },
];
