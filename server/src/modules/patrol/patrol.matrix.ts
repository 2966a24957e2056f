import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { patrolOf } from './patrol-fixture.js';

/**
 * Access-matrix entries of class patrol (巡课). The fixture's lessons of today and their patrols
 * (addPatrolToFixture) are at 冠县实验小学 (own), 冠县第二实验小学 (sibling) and 莘县实验小学
 * (foreign). patrol:read reaches the city bureau (its city), the county bureau, departments,
 * researchers and inspectors (their county) and principals (their school); patrol:write the county
 * bureau, its departments, inspectors and principals — the city bureau and researchers only read.
 * Teachers, parents and the system roles hold neither.
 */
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 404, 404],
});
const WRITE_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], inspector: [200, 200, 404], principal: [200, 404, 404],
});

export const patrolMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/patrol/wall', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/patrol/wall?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/patrol/lessons/:recordingId', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/patrol/lessons/${patrolOf(f).todayLesson[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'PUT /api/patrol/lessons/:recordingId', kind: 'item',
    request: (f, t) => ({
      method: 'PUT', url: `/api/patrol/lessons/${patrolOf(f).todayLesson[t]}`,
      payload: { scores: { order: 5, organisation: 4, engagement: 4, technology: 3 }, note: '矩阵' },
    }),
    expect: WRITE_ITEM,
  },
  {
    route: 'GET /api/patrol/records', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/patrol/records?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/patrol/stats', kind: 'list', of: 'school',
    // The fixture's calendar has its terms in 2018; the patrols are today's.
    request: (f) => ({ method: 'GET', url: `/api/patrol/stats?from=${patrolOf(f).patrolDay}&to=${patrolOf(f).patrolDay}` }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/patrol/stats/export.xlsx', kind: 'list', of: 'school', read: xlsxText,
    request: (f) => ({ method: 'GET', url: `/api/patrol/stats/export.xlsx?from=${patrolOf(f).patrolDay}&to=${patrolOf(f).patrolDay}` }),
    expect: READ_LIST,
  },
];
