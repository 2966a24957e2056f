import type { LightMyRequestResponse } from 'fastify';
import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the equity picture (均衡分析). equity:read reaches the city's bureau
 * (every county), a county's bureau, departments, researcher and inspector (their county only);
 * a school's principal and teachers, parents and the system roles hold no equity:read (403).
 * Recommendations follow resource:read: a school's own staff for their school, county and city
 * staff for the schools they supervise; another school or county is 404.
 */
const MONTH = 'month=2026-12';

const PAGE = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-',
});
// `own` and `sibling` name the actor's county (冠县), `foreign` another (莘县).
const COUNTY = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
});
const RECOMMEND = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});

/** The workbook's cells as JSON-like strings, so the county marker ("冠县") is found as in a JSON answer. */
async function quotedCells(res: LightMyRequestResponse): Promise<string> {
  return (await xlsxText(res)).split('\n').map((v) => JSON.stringify(v)).join('\n');
}

export const equityMatrix: MatrixEntry[] = [
  { route: 'GET /api/equity', kind: 'list', of: 'county', request: () => ({ method: 'GET', url: `/api/equity?${MONTH}` }), expect: PAGE },
  {
    route: 'GET /api/equity', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/equity?${MONTH}&countyId=${t === 'foreign' ? f.county.foreign : f.county.own}` }),
    expect: COUNTY,
  },
  {
    route: 'GET /api/equity/schools', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/equity/schools?${MONTH}&filter=all&pageSize=500` }), expect: PAGE,
  },
  {
    route: 'GET /api/equity/schools', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/equity/schools?${MONTH}&filter=idle&countyId=${t === 'foreign' ? f.county.foreign : f.county.own}` }),
    expect: COUNTY,
  },
  {
    route: 'GET /api/equity/export.xlsx', kind: 'list', of: 'county', read: quotedCells,
    request: () => ({ method: 'GET', url: `/api/equity/export.xlsx?${MONTH}` }), expect: PAGE,
  },
  {
    route: 'GET /api/equity/recommendations', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/equity/recommendations?schoolId=${f.school[t]}` }), expect: RECOMMEND,
  },
];
