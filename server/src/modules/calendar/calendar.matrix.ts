import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the calendar routes (校历). Reading follows org:read; writing
 * (calendar:write) reaches a city admin's city, a county admin's or department's county and a
 * principal's own school — tried here on each target school.
 */
const WRITE = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], principal: [ok, 404, 404],
});

export const calendarMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/calendar', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/calendar?schoolId=${f.school[t]}&from=2018-04-01&to=2018-04-30` }),
    expect: allExcept<ItemOutcome>([200, 200, 404], {
      anonymous: 401, auditor: 403, parent: 403, sysadmin: 200, secadmin: 200, city_admin: 200, principal: [200, 404, 404], teacher: [200, 404, 404],
    }),
  },
  {
    route: 'POST /api/calendar/exceptions', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/calendar/exceptions',
      payload: { schoolId: f.school[t], days: [{ day: '2018-04-20', kind: 'holiday', name: '矩阵停课' }] },
    }),
    expect: WRITE(201),
  },
  {
    route: 'DELETE /api/calendar/exceptions', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/calendar/exceptions?schoolId=${f.school[t]}&day=2018-04-20` }),
    expect: WRITE(200),
  },
];
