import type { LightMyRequestResponse } from 'fastify';
import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the research analysis (教研分析). It reads through the supervising
 * research:read scope: the city every county, a county's bureau, departments and researcher their
 * county (and so does a county's 督学), a principal their school; a teacher supervises nothing (403 on the overviews) but sees
 * their own row of their own school's teacher list and their own figures. The fixture's
 * activities (research-fixture.ts) lie in April 2018, one per target school: in April every
 * target took part, in May none did (the "never took part" list is tried on May).
 */
const APRIL = 'from=2018-04-01&to=2018-04-30';
const MAY = 'from=2018-05-01&to=2018-05-31';

const READERS = { anonymous: 401, city_admin: 200, county_admin: 200, dept_staff: 200, researcher: 200, inspector: 200, principal: 200, teacher: 200 } as const;
const SCHOOLS = allExcept<ListOutcome>(403, { anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--' });
// A county's line stands for its schools: the own county's marker is the sibling's too.
const COUNTIES = allExcept<ListOutcome>(403, { anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'os-' });
const TEACHERS = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});

/** County names in an export, quoted as the county markers are (they are JSON strings). */
async function quotedCells(res: LightMyRequestResponse): Promise<string> {
  return (await xlsxText(res)).split('\n').map((cell) => `"${cell}"`).join('\n');
}

export const analysisMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/analysis/terms', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/research/analysis/terms' }),
    expect: allExcept<number>(403, READERS),
  },
  {
    route: 'GET /api/research/analysis/me', kind: 'plain',
    request: () => ({ method: 'GET', url: `/api/research/analysis/me?${APRIL}` }),
    expect: allExcept<number>(403, READERS),
  },
  {
    route: 'GET /api/research/analysis/counties', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: `/api/research/analysis/counties?${APRIL}` }),
    expect: COUNTIES,
  },
  {
    route: 'GET /api/research/analysis/counties/export.xlsx', kind: 'list', of: 'county', read: quotedCells,
    request: () => ({ method: 'GET', url: `/api/research/analysis/counties/export.xlsx?${APRIL}` }),
    expect: COUNTIES,
  },
  {
    route: 'GET /api/research/analysis/schools', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/research/analysis/schools?${APRIL}` }),
    expect: SCHOOLS,
  },
  {
    route: 'GET /api/research/analysis/schools/export.xlsx', kind: 'list', of: 'school', read: xlsxText,
    request: () => ({ method: 'GET', url: `/api/research/analysis/schools/export.xlsx?${APRIL}` }),
    expect: SCHOOLS,
  },
  {
    route: 'GET /api/research/analysis/absent', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/research/analysis/absent?${MAY}` }),
    expect: SCHOOLS,
  },
  {
    route: 'GET /api/research/analysis/absent/export.xlsx', kind: 'list', of: 'school', read: xlsxText,
    request: () => ({ method: 'GET', url: `/api/research/analysis/absent/export.xlsx?${MAY}` }),
    expect: SCHOOLS,
  },
  {
    route: 'GET /api/research/analysis/schools/:id/teachers', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/analysis/schools/${f.school[t]}/teachers?${APRIL}` }),
    expect: TEACHERS,
  },
  {
    route: 'GET /api/research/analysis/schools/:id/teachers/export.xlsx', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/analysis/schools/${f.school[t]}/teachers/export.xlsx?${APRIL}` }),
    expect: TEACHERS,
  },
];
