import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { researchOf } from './research-fixture.js';
import { stOf } from './st-fixture.js';

/**
 * Access-matrix entries of S-T analysis (codings and the 同课异构 comparison). The targets are the
 * research fixture's activities (research-fixture.ts) with their lessons and the codings of
 * st-fixture.ts. Who reaches an activity: the city all three; the 冠县 bureau, its 教科所 and its
 * researcher (and its 督学, who reads only) own and sibling; the principal and gxsy.teacher (a member) only their own school's.
 * research:read and research:write are not the system roles' nor parents' (403).
 */
const READ = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
const WRITE = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], researcher: [ok, ok, 404],
  principal: [ok, 404, 404], teacher: [ok, 404, 404],
});

export const stCodingsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/st-codings', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/st-codings?recordingId=${recordingsOf(f).recording[t]}&activityId=${researchOf(f).activity[t]}` }),
    expect: READ,
  },
  {
    // Each actor saves their own coding of the target's lesson in its activity.
    route: 'PUT /api/research/st-codings', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: '/api/research/st-codings', payload: { recordingId: recordingsOf(f).recording[t], activityId: researchOf(f).activity[t], codes: 'TTSD' } }),
    expect: WRITE(200),
  },
  {
    route: 'GET /api/research/st-codings/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/st-codings/${stOf(f).stCoding[t]}` }),
    expect: READ,
  },
  {
    // Each actor deletes the coding made in their name: done where they reach the activity.
    route: 'DELETE /api/research/st-codings/:id', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/research/st-codings/${stOf(f).stSpareCoding[actor][t]}` }),
    expect: WRITE(204),
  },
  {
    route: 'GET /api/research/activities/:id/st-compare', kind: 'item',
    request: (f, t) => ({
      method: 'GET', url: `/api/research/activities/${researchOf(f).activity[t]}/st-compare?lessons=${recordingsOf(f).recording[t]},${stOf(f).stSecondLesson[t]}`,
    }),
    expect: READ,
  },
];
