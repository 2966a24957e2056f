import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { resourcesOf } from './resources-fixture.js';

/**
 * Access-matrix entries of the resource library's core (publishing and browsing). The fixture's
 * resources (resources-fixture.ts) are published county-wide by matrix.<target>, plus one per
 * target still at the school's review. Reach: the city everything; 冠县's bureau, 教科所,
 * 教研员 and 督学 own and sibling (pending ones too: they review); the principal its school's
 * pending ones and 冠县's published; the teacher 冠县's published only. System roles and parents
 * hold no resource action. Writes need resource:write (teachers, principals) and the publisher.
 */
const READERS = { anonymous: 401 } as const;
const LIST = allExcept<ListOutcome>(403, {
  ...READERS, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'os-', teacher: 'os-',
});
const PUBLISHED_ITEM = allExcept<ItemOutcome>(403, {
  ...READERS, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 200, 404], teacher: [200, 200, 404],
});
const PENDING_ITEM = allExcept<ItemOutcome>(403, {
  ...READERS, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 404, 404], teacher: 404,
});
/** Another person's published resource: a writer who reaches it is no publisher (403); out of reach, 404. */
const PUBLISHER_ONLY = allExcept<ItemOutcome>(403, { ...READERS, principal: [403, 403, 404], teacher: [403, 403, 404] });

export const resourcesMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/resources', kind: 'list', of: 'school',
    // County-wide ones only: the courseware fixture's public resources are everyone's, whatever the school.
    request: () => ({ method: 'GET', url: '/api/resources?scope=county&pageSize=100' }),
    expect: LIST,
  },
  {
    route: 'GET /api/resources/taxonomy', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/resources/taxonomy' }),
    expect: allExcept<number>(200, { anonymous: 401, sysadmin: 403, secadmin: 403, auditor: 403, parent: 403 }),
  },
  {
    route: 'GET /api/resources/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${resourcesOf(f).resource[t]}` }),
    expect: PUBLISHED_ITEM,
  },
  {
    // The same route on resources still at the school's review: publisher and reviewers only.
    route: 'GET /api/resources/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${resourcesOf(f).pendingResource[t]}` }),
    expect: PENDING_ITEM,
  },
  {
    // Courseware at the writer's own school.
    route: 'POST /api/resources', kind: 'plain',
    request: () => ({
      method: 'POST', url: '/api/resources',
      payload: { kind: 'courseware', title: '矩阵课件', stage: 'primary', subject: '数学', requestedScope: 'school' },
    }),
    expect: allExcept<number>(403, { anonymous: 401, principal: 201, teacher: 201 }),
  },
  {
    // A lesson of the target school: only the own school's (whose class must then be named: 400); others' are out of sight.
    route: 'POST /api/resources', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/resources',
      payload: { kind: 'lesson', recordingId: recordingsOf(f).recording[t], title: '矩阵课例', stage: 'primary', subject: '数学', requestedScope: 'school' },
    }),
    expect: allExcept<ItemOutcome>(403, { ...READERS, principal: [400, 404, 404], teacher: [400, 404, 404] }),
  },
  {
    route: 'PATCH /api/resources/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/resources/${resourcesOf(f).resource[t]}`, payload: { title: '矩阵改名' } }),
    expect: PUBLISHER_ONLY,
  },
  {
    route: 'POST /api/resources/:id/withdraw', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/resources/${resourcesOf(f).resource[t]}/withdraw` }),
    expect: PUBLISHER_ONLY,
  },
  {
    // The matrix holds no public resource: everyone (signed in or not) is answered, and sees none.
    route: 'GET /api/public/resources', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/public/resources?pageSize=100' }),
    expect: allExcept<ListOutcome>('---', {}),
  },
  {
    route: 'GET /api/public/resources/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/public/resources/${resourcesOf(f).resource[t]}` }),
    expect: allExcept<ItemOutcome>(404, {}),
  },
];
