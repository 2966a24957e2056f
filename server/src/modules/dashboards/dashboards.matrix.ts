import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the dashboards (数据看板) and the as-of day they open on. They read
 * through the compliance service, so they reach whom compliance:read reaches: the city sees every
 * county, a county's bureau, departments and researchers their county, a principal their school.
 */
const AS_OF = 'asOf=2018-04-04';

const READERS = { anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: 200, dept_staff: 200, researcher: 200, inspector: 200, principal: 200 } as const;

// A principal's city dashboard holds their own county's line (their school's figures alone).
const CITY = allExcept<ListOutcome>(403, {
  anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'os-',
});
// `own` and `sibling` name the actor's county (冠县), `foreign` another (莘县).
const COUNTY = allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
  researcher: [200, 200, 404], inspector: [200, 200, 404], principal: [200, 200, 404],
});
const SCHOOL = allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
  researcher: [200, 200, 404], inspector: [200, 200, 404], principal: [200, 404, 404],
});

export const dashboardsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/compliance/latest-day', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/compliance/latest-day' }),
    expect: allExcept<number>(403, READERS),
  },
  {
    route: 'GET /api/dashboards/city', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: `/api/dashboards/city?${AS_OF}` }),
    expect: CITY,
  },
  {
    route: 'GET /api/dashboards/counties/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/dashboards/counties/${t === 'foreign' ? f.county.foreign : f.county.own}?${AS_OF}` }),
    expect: COUNTY,
  },
  {
    route: 'GET /api/dashboards/schools/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/dashboards/schools/${f.school[t]}?${AS_OF}` }),
    expect: SCHOOL,
  },
];
