import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry, type Target } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the people routes (人员与角色). The fixture's matrix.own / .sibling /
 * .foreign are teachers of 冠县实验小学, 冠县第二实验小学 and 莘县实验小学.
 */

const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, secadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', principal: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, secadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
  researcher: [200, 200, 404], principal: [200, 404, 404],
});
const WRITE_ITEM = (ok: number) => allExcept<ItemOutcome>(403, { anonymous: 401, secadmin: ok, city_admin: ok, county_admin: [ok, ok, 404] });

// Each call asks for a new (role, node), so every writer adds one rather than meeting the one
// before it (409); callers in actor order land on indices 2, 4 and 5.
function assignmentCycler() {
  const calls = new Map<Target, number>();
  return (school: number, county: number, target: Target) => {
    const n = calls.get(target) ?? 0;
    calls.set(target, n + 1);
    const options = [
      { role: 'principal', schoolId: school },
      { role: 'researcher', countyId: county },
      { role: 'dept_staff', department: 'research', countyId: county },
      { role: 'dept_staff', department: 'edtech', countyId: county },
      { role: 'dept_staff', department: 'preschool', countyId: county },
      { role: 'county_admin', countyId: county },
    ];
    return options[n % options.length];
  };
}
const nextAssignment = assignmentCycler();
let newPeople = 0;

export const peopleMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/people', kind: 'list', of: 'person',
    request: () => ({ method: 'GET', url: '/api/people?q=matrix.&pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/people/export.xlsx', kind: 'list', of: 'person', read: xlsxText,
    request: () => ({ method: 'GET', url: '/api/people/export.xlsx?q=matrix.' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, secadmin: 'osf', city_admin: 'osf', county_admin: 'os-' }),
  },
  {
    route: 'GET /api/people/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/people/${f.person[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/people', kind: 'plain',
    request: (f) => ({
      method: 'POST', url: '/api/people',
      payload: { username: `matrix.new${++newPeople}`, name: '矩阵新人', password: 'Juzhen#2018x', assignments: [{ role: 'teacher', schoolId: f.school.own }] },
    }),
    expect: allExcept(403, { anonymous: 401, secadmin: 201, city_admin: 201, county_admin: 201 }),
  },
  {
    route: 'PATCH /api/people/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/people/${f.person[t]}`, payload: { phone: '13800000000' } }),
    expect: WRITE_ITEM(200),
  },
  {
    route: 'POST /api/people/:id/password', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/people/${f.person[t]}/password`, payload: { password: 'Juzhen#2018x' } }),
    expect: WRITE_ITEM(204),
  },
  {
    route: 'POST /api/people/:id/assignments', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: `/api/people/${f.person[t]}/assignments`,
      payload: nextAssignment(f.school[t], t === 'foreign' ? f.county.foreign : f.county.own, t),
    }),
    expect: WRITE_ITEM(201),
  },
  {
    // Each actor removes a spare assignment of its own, so every writer is tried on every target.
    route: 'DELETE /api/people/:id/assignments/:assignmentId', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/people/${f.person[t]}/assignments/${f.spareAssignment[actor][t]}` }),
    expect: WRITE_ITEM(204),
  },
];
