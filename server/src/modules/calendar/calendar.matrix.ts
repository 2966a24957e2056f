import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { calendarOf } from './calendar-fixture.js';

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

// ---- the calendar page: terms, quota rules, a city's own national days ----

/** Reading terms and rules at a school follows GET /api/calendar. */
const READ_AT_SCHOOL = allExcept<ItemOutcome>([200, 200, 404], {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 200, secadmin: 200, city_admin: 200, principal: [200, 404, 404], teacher: [200, 404, 404],
});

/**
 * Changing what a city or county sets, on targets own county / the city / another county: the
 * city's staff reach all three, a county's staff their own county only; a principal none (404,
 * the region is not theirs to change); roles without calendar:write are refused outright.
 */
const WRITE_REGION = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, 404, 404], dept_staff: [ok, 404, 404], principal: 404,
});

const regionOf = (f: Parameters<typeof calendarOf>[0], t: 'own' | 'sibling' | 'foreign') =>
  (t === 'sibling' ? { cityId: calendarOf(f).city } : { countyId: f.county[t] });

calendarMatrix.push(
  {
    route: 'GET /api/calendar/terms', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/calendar/terms?schoolId=${f.school[t]}` }),
    expect: READ_AT_SCHOOL,
  },
  {
    route: 'POST /api/calendar/terms', kind: 'item',
    request: (f, t, actor) => ({
      method: 'POST', url: '/api/calendar/terms',
      payload: { ...regionOf(f, t), name: `矩阵新学期-${actor}-${t}`, stage: null, startsOn: '2030-09-01', endsOn: '2031-01-20' },
    }),
    expect: WRITE_REGION(201),
  },
  {
    route: 'PATCH /api/calendar/terms/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/calendar/terms/${calendarOf(f).term[t]}`, payload: { endsOn: '2018-07-06' } }),
    expect: WRITE_REGION(200),
  },
  {
    route: 'DELETE /api/calendar/terms/:id', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/calendar/terms/${calendarOf(f).spareTerm[actor][t]}` }),
    expect: WRITE_REGION(200),
  },
  {
    route: 'GET /api/calendar/quota-rules', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/calendar/quota-rules?schoolId=${f.school[t]}` }),
    expect: READ_AT_SCHOOL,
  },
  {
    route: 'POST /api/calendar/quota-rules', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/calendar/quota-rules',
      payload: { ...regionOf(f, t), schoolKind: 'senior', minLessons: 2, effectiveFrom: '2030-09-01', effectiveTo: null },
    }),
    expect: WRITE_REGION(201),
  },
  {
    route: 'PATCH /api/calendar/quota-rules/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/calendar/quota-rules/${calendarOf(f).rule[t]}`, payload: { minLessons: 2 } }),
    expect: WRITE_REGION(200),
  },
  {
    // Every reader of the org reads the national days of a city they reach.
    route: 'GET /api/calendar/public-days', kind: 'item',
    request: (f) => ({ method: 'GET', url: `/api/calendar/public-days?cityId=${calendarOf(f).city}&year=2027` }),
    expect: allExcept<ItemOutcome>(200, { anonymous: 401, auditor: 403, parent: 403 }),
  },
  {
    // Only the city's staff enter the national days.
    route: 'PUT /api/calendar/public-days', kind: 'item',
    request: (f) => ({ method: 'PUT', url: '/api/calendar/public-days', payload: { cityId: calendarOf(f).city, year: 2030, days: [] } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, city_admin: 200, county_admin: 404, dept_staff: 404, principal: 404 }),
  },
);

// A file with a header row only: the import answers 422 (no data rows), so the matrix writes nothing.
function termFile(url: string) {
  const boundary = '----sunshine-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from('\ufeff学期名称,开学日期,结束日期\r\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST' as const, url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

calendarMatrix.push(
  {
    route: 'GET /api/calendar/terms/template.xlsx', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/calendar/terms/template.xlsx' }),
    expect: allExcept<number>(403, { anonymous: 401, city_admin: 200, county_admin: 200, dept_staff: 200, principal: 200 }),
  },
  {
    route: 'POST /api/calendar/terms/import', kind: 'item',
    request: (f, t) => {
      const place = regionOf(f, t);
      return termFile(`/api/calendar/terms/import?${'cityId' in place ? `cityId=${place.cityId}` : `countyId=${place.countyId}`}`);
    },
    expect: WRITE_REGION(422),
  },
);
