import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { rubricsOf } from './rubrics-fixture.js';
import { sampleDefinition } from './rubrics.test-kit.js';

/**
 * Access-matrix entries of observation rubrics, scoring and the 评课记录 export.
 * Rubrics (see addRubricsToFixture): own = 冠县's, sibling = the city's, foreign = 莘县's.
 * research:read reads the city's rubrics and the reader's county's (the city staff read every
 * county's); rubric:write (city and county staff, researchers) writes its own node's — the city's
 * staff the counties' too — and gets 403 on a rubric it reads but may not write (404 on a draft of
 * another node, which it does not read).
 * Scoring and export act on the fixture's scored activities: gxsy.teacher is a member of the own
 * one, the principal reaches own, the county own and sibling, the city all three.
 */
const READ_RUBRIC = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 200, 404], teacher: [200, 200, 404],
});
const WRITE_RUBRIC = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, 403, 404], dept_staff: [ok, 403, 404], researcher: [ok, 403, 404],
});
// The city's draft is seen by the city's writers only: a county gets 404 for it, as for a missing one.
const WRITE_DRAFT = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 404, 404], dept_staff: [200, 404, 404], researcher: [200, 404, 404],
});
// A reader may copy a rubric they cannot write into their own county: sibling (the city's) gives 201.
const COPY_RUBRIC = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 201, county_admin: [201, 201, 404], dept_staff: [201, 201, 404], researcher: [201, 201, 404],
});
const LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'os-', teacher: 'os-',
});
// The county's 督学 (inspector) reads research in their county like its researcher, and writes none.
const READ_ACTIVITY = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 404, 404], teacher: [200, 404, 404],
});
const SCORE = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});

const body = (name: string) => ({ name, description: '', definition: sampleDefinition() });
const lessonUrl = (f: Parameters<typeof rubricsOf>[0], t: 'own' | 'sibling' | 'foreign') =>
  `/api/research/activities/${rubricsOf(f).scoredActivity[t]}/lessons/${recordingsOf(f).recording[t]}/scores`;

export const rubricsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/rubrics', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/research/rubrics' }),
    expect: LIST,
  },
  {
    route: 'GET /api/research/rubrics/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/rubrics/${rubricsOf(f).rubric.read[t]}` }),
    expect: READ_RUBRIC,
  },
  {
    route: 'POST /api/research/rubrics', kind: 'item',
    request: () => ({ method: 'POST', url: '/api/research/rubrics', payload: body('矩阵新量表') }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, city_admin: 201, county_admin: 201, dept_staff: 201, researcher: 201 }),
  },
  {
    route: 'PUT /api/research/rubrics/:id', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/research/rubrics/${rubricsOf(f).rubric.update[t]}`, payload: body(`矩阵改名-${t}`) }),
    expect: WRITE_DRAFT,
  },
  {
    route: 'POST /api/research/rubrics/:id/publish', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/rubrics/${rubricsOf(f).rubric.publish[t]}/publish` }),
    expect: WRITE_RUBRIC(200),
  },
  {
    route: 'POST /api/research/rubrics/:id/archive', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/rubrics/${rubricsOf(f).rubric.archive[t]}/archive` }),
    expect: WRITE_RUBRIC(200),
  },
  {
    route: 'POST /api/research/rubrics/:id/copy', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/rubrics/${rubricsOf(f).rubric.copy[t]}/copy` }),
    expect: COPY_RUBRIC,
  },
  {
    route: 'GET /api/research/activities/:activityId/lessons/:recordingId/scores', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: lessonUrl(f, t) }),
    expect: READ_ACTIVITY,
  },
  {
    route: 'PUT /api/research/activities/:activityId/lessons/:recordingId/scores', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: lessonUrl(f, t), payload: { items: [{ itemKey: 'goal_clear', score: 3, note: '矩阵' }] } }),
    expect: SCORE,
  },
  {
    route: 'GET /api/research/activities/:activityId/rubric-results', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${rubricsOf(f).scoredActivity[t]}/rubric-results` }),
    expect: READ_ACTIVITY,
  },
  {
    route: 'GET /api/research/activities/:activityId/export.xlsx', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${rubricsOf(f).scoredActivity[t]}/export.xlsx` }),
    expect: READ_ACTIVITY,
  },
  {
    route: 'GET /api/research/activities/:activityId/export.pdf', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${rubricsOf(f).scoredActivity[t]}/export.pdf` }),
    expect: READ_ACTIVITY,
  },
];
