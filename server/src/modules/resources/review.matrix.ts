import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { resourcesOf } from './resources-fixture.js';
import { reviewOf } from './review-fixture.js';

/**
 * Access-matrix entries of the review chain and the featured collection. Reach (404 beyond it) is
 * resourceInScope's: 冠县's county staff reach own and sibling, the city all three, the principal
 * their own school's resources in review. Who reviews: the principal at the school level (own
 * school only), 冠县's county_admin and 教科所 (dept_staff research) at the county level, the city
 * admin at the city level; the county-level researcher and the inspector review nothing (403).
 * The resources wait at the school level, so county and city reviewers get 409 (not their level).
 */
const none = allExcept<ItemOutcome>(403, { anonymous: 401 });
const reviewers = (principal: ItemOutcome, county: ItemOutcome, city: ItemOutcome): Record<string, ItemOutcome> => ({
  city_admin: city, county_admin: county, dept_staff: county, researcher: [403, 403, 404], principal,
});

const readers = (city: ListOutcome, county: ListOutcome, principal: ListOutcome, teacher: ListOutcome) => allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: city, county_admin: county, dept_staff: county, researcher: county, inspector: county, principal, teacher,
});

export const reviewMatrix: MatrixEntry[] = [
  {
    // Only what waits for the actor's level at their node: the principal's own school's resources.
    route: 'GET /api/resources/review-queue', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/resources/review-queue?pageSize=100' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, city_admin: '---', county_admin: '---', dept_staff: '---', researcher: '---', principal: 'o--' }),
  },
  {
    route: 'POST /api/resources/:id/review', kind: 'item',
    request: (f, target, actor) => ({
      method: 'POST', url: `/api/resources/${reviewOf(f).spareReview[actor][target]}/review`, payload: { decision: 'return', comment: '矩阵退回：请补充教学设计' },
    }),
    expect: { ...none, ...reviewers([200, 404, 404], [409, 409, 404], 409) },
  },
  {
    // Featuring a published 优课 again as 优课 changes nothing (200): the county and the city may; the school may not.
    route: 'POST /api/resources/:id/review', kind: 'item',
    request: (f, target) => ({ method: 'POST', url: `/api/resources/${reviewOf(f).featured[target]}/review`, payload: { decision: 'feature', feature: 'quality' } }),
    expect: { ...none, ...reviewers([403, 403, 404], [200, 200, 404], 200) },
  },
  {
    // Only the publisher resubmits: no actor published the fixture's resources.
    route: 'POST /api/resources/:id/submit', kind: 'item',
    request: (f, target) => ({ method: 'POST', url: `/api/resources/${resourcesOf(f).pendingResource[target]}/submit` }),
    expect: { ...none, principal: [403, 404, 404], teacher: 404 },
  },
  {
    route: 'GET /api/resources/:id/history', kind: 'item',
    request: (f, target) => ({ method: 'GET', url: `/api/resources/${resourcesOf(f).pendingResource[target]}/history` }),
    expect: {
      ...none, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
      principal: [200, 404, 404], teacher: 404,
    },
  },
  {
    route: 'GET /api/resources/featured', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/resources/featured' }),
    expect: readers('osf', 'os-', 'os-', 'os-'),
  },
];
