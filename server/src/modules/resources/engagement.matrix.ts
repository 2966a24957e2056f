import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { engagementOf } from './engagement-fixture.js';
import { resourcesOf } from './resources-fixture.js';

/**
 * Access-matrix entries of using resources. The targets' matrix resources are published to their
 * county (resources-fixture.ts): 冠县's people reach own and sibling, not foreign (404, as a
 * missing one); the city reaches all three. Every route needs resource:read, which the system
 * roles and parents do not hold (403). Deleting a comment is for its author or the principal of
 * the publisher's school: no actor wrote the fixture's comments, so only the principal, on their
 * own school's resource, may (204); others who reach the resource get 403.
 */
const reach = (ok: number, no = 404) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, no], dept_staff: [ok, ok, no], researcher: [ok, ok, no],
  inspector: [ok, ok, no], principal: [ok, ok, no], teacher: [ok, ok, no],
});
const readers = (ok: number) => allExcept<number>(403, {
  anonymous: 401, city_admin: ok, county_admin: ok, dept_staff: ok, researcher: ok, inspector: ok, principal: ok, teacher: ok,
});
const res = resourcesOf;

export const engagementMatrix: MatrixEntry[] = [
  {
    route: 'POST /api/resources/:id/uses', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/resources/${res(f).resource[t]}/uses`, payload: { kind: 'view' } }),
    expect: reach(200),
  },
  {
    route: 'POST /api/resources/:id/uses', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/resources/${res(f).resource[t]}/uses`, payload: { kind: 'prepare' } }),
    expect: reach(200),
  },
  {
    // A resource still in its school's review: those who reach it (its school's principal, the
    // county and the city supervise it) see its counts; the sibling school's teacher does not.
    route: 'GET /api/resources/:id/engagement', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${res(f).pendingResource[t]}/engagement` }),
    expect: { ...reach(200), principal: [200, 404, 404], teacher: [404, 404, 404] },
  },
  {
    route: 'GET /api/resources/:id/engagement', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${res(f).resource[t]}/engagement` }),
    expect: reach(200),
  },
  {
    route: 'PUT /api/resources/:id/favourite', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/resources/${res(f).resource[t]}/favourite` }),
    expect: reach(200),
  },
  {
    route: 'DELETE /api/resources/:id/favourite', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/resources/${res(f).resource[t]}/favourite` }),
    expect: reach(204),
  },
  { route: 'GET /api/resources/favourites', kind: 'plain', request: () => ({ method: 'GET', url: '/api/resources/favourites' }), expect: readers(200) },
  { route: 'GET /api/resources/preparations', kind: 'plain', request: () => ({ method: 'GET', url: '/api/resources/preparations' }), expect: readers(200) },
  {
    route: 'PUT /api/resources/:id/rating', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/resources/${res(f).resource[t]}/rating`, payload: { stars: 4 } }),
    expect: reach(200),
  },
  {
    route: 'GET /api/resources/:id/comments', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${res(f).resource[t]}/comments` }),
    expect: reach(200),
  },
  {
    route: 'POST /api/resources/:id/comments', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/resources/${res(f).resource[t]}/comments`, payload: { body: '矩阵资源评论' } }),
    expect: reach(201),
  },
  {
    route: 'DELETE /api/resources/:id/comments/:commentId', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/resources/${res(f).resource[t]}/comments/${engagementOf(f).spareResourceComment[actor][t]}` }),
    expect: { ...reach(403), principal: [204, 403, 404] },
  },
];
