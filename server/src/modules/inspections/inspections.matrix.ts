import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { inspectionsOf } from './inspections-fixture.js';

/**
 * Access-matrix entries of the supervision visits (督导检查). The fixture's visits (see
 * addInspectionsToFixture) are at 冠县实验小学 (own), 冠县第二实验小学 (sibling) and 莘县实验小学
 * (foreign). inspection:read reaches the city, the county bureau, its departments and researcher
 * (their county) and principals (their school); inspection:write the city and county bureaus and
 * the county departments (guanxian.research, the 教科所, may visit every kind of school).
 * Rectification is the route of inspection:read whose service admits only the school's principal.
 */
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404], principal: [200, 404, 404],
});
const WRITE_ITEM = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404],
});
// Readers in reach who are not the school's principal are refused by the service (403), out of reach 404.
const RECTIFY = allExcept<ItemOutcome>(403, {
  anonymous: 401, county_admin: [403, 403, 404], dept_staff: [403, 403, 404], researcher: [403, 403, 404], inspector: [403, 403, 404], principal: [200, 404, 404],
});

export const inspectionsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/inspections', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/inspections?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/inspections/follow-ups', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/inspections/follow-ups?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/inspections/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/inspections/${inspectionsOf(f).inspection[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/inspections', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/inspections',
      payload: { schoolId: f.school[t], visitedOn: '2018-04-03', inspectors: '矩阵', items: [{ item: 'daily_recording', ok: true }], findings: '', rating: 'good' },
    }),
    expect: WRITE_ITEM(201),
  },
  {
    route: 'POST /api/inspections/follow-ups/:id/rectification', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/inspections/follow-ups/${inspectionsOf(f).followUp[t]}/rectification`, payload: { note: '已整改' } }),
    expect: RECTIFY,
  },
  {
    route: 'POST /api/inspections/follow-ups/:id/review', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/inspections/follow-ups/${inspectionsOf(f).reviewFollowUp[t]}/review`, payload: { decision: 'verify' } }),
    expect: WRITE_ITEM(200),
  },
];
