import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { bulletinsOf } from './bulletins-fixture.js';

/**
 * Access-matrix entries of the bulletins (通报 / 表彰). A bulletin is the city's and every reader of
 * the city sees it, whichever school it names: own, sibling and foreign (莘县) alike. bulletin:read
 * reaches the city and county bureaus, departments, researchers, principals and teachers; only the
 * city bureau (bulletin:write) publishes.
 */
const READERS = { city_admin: 200, county_admin: 200, dept_staff: 200, researcher: 200, inspector: 200, principal: 200, teacher: 200 } as const;
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'osf', dept_staff: 'osf', researcher: 'osf', inspector: 'osf', principal: 'osf', teacher: 'osf',
});
const READ_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, ...READERS });
const CITY_ONLY = (ok: number) => allExcept<number>(403, { anonymous: 401, city_admin: ok });

export const bulletinsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/bulletins', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/bulletins?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/bulletins/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/bulletins/${bulletinsOf(f).bulletin[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'GET /api/bulletins/schools/:id/commendations', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/bulletins/schools/${f.school[t]}/commendations` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/bulletins', kind: 'plain',
    request: (f) => ({
      method: 'POST', url: '/api/bulletins',
      payload: { kind: 'notice', title: '矩阵通报', body: '矩阵', issuedOn: '2018-04-04', schoolIds: [f.school.own], countyIds: [f.county.foreign] },
    }),
    expect: CITY_ONLY(201),
  },
  {
    route: 'POST /api/bulletins/:id/publish', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/bulletins/${bulletinsOf(f).draftBulletin[t]}/publish` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, city_admin: 200 }),
  },
];
