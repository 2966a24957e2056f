import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the compliance routes (录播达标). compliance:read reaches the city and
 * county bureaus, their departments and researchers, principals (own school) and the system admin.
 * The fixture tracks no school, so lists are judged on the counties and schools they name.
 */
const RANGE = 'from=2018-04-02&to=2018-04-04';

const READ_COUNTIES = allExcept<ListOutcome>(403, {
  anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'os-',
});
const READ_SCHOOLS = allExcept<ListOutcome>(403, {
  anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--',
});
const READ_SCHOOL = allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404],
  researcher: [200, 200, 404], inspector: [200, 200, 404], principal: [200, 404, 404],
});

export const complianceMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/compliance/summary', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: `/api/compliance/summary?${RANGE}` }),
    expect: READ_COUNTIES,
  },
  {
    route: 'GET /api/compliance/schools', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/compliance/schools?${RANGE}&pageSize=100` }),
    expect: READ_SCHOOLS,
  },
  {
    // The fixture tracks no school: untracked=true keeps its schools in the export to judge by.
    route: 'GET /api/compliance/schools/export.xlsx', kind: 'list', of: 'school', read: xlsxText,
    request: () => ({ method: 'GET', url: `/api/compliance/schools/export.xlsx?${RANGE}&untracked=true` }),
    expect: READ_SCHOOLS,
  },
  {
    route: 'GET /api/compliance/schools/:id/days', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/compliance/schools/${f.school[t]}/days?${RANGE}` }),
    expect: READ_SCHOOL,
  },
];
