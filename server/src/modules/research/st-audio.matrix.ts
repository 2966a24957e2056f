import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { researchOf } from './research-fixture.js';

/**
 * Access-matrix entries of the S-T draft from audio. A draft is read and asked for by whoever may
 * review the lesson: outside any activity, those who may watch it (its school's staff, county and
 * city staff in scope); inside an activity, those who reach the activity (research-fixture.ts:
 * gxsy.teacher is a member of the own activity only). Both give the same pattern here. Roles
 * without research:read (the system roles, parents) are refused outright; a 督学 (inspector) reads
 * their county's drafts but holds no research:write, so may not ask for one.
 */
const REVIEWERS = (ok: number, inspector: ItemOutcome) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], researcher: [ok, ok, 404],
  principal: [ok, 404, 404], teacher: [ok, 404, 404], inspector,
});
const READERS = REVIEWERS(200, [200, 200, 404]);
const ASKERS = REVIEWERS(202, 403);

export const stAudioMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/lessons/:recordingId/st-audio', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/st-audio` }),
    expect: READERS,
  },
  {
    route: 'GET /api/research/lessons/:recordingId/st-audio', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/st-audio?activityId=${researchOf(f).activity[t]}&intervalSeconds=10` }),
    expect: READERS,
  },
  {
    route: 'POST /api/research/lessons/:recordingId/st-audio', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/st-audio`, payload: {} }),
    expect: ASKERS,
  },
  {
    route: 'POST /api/research/lessons/:recordingId/st-audio', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/st-audio`, payload: { activityId: researchOf(f).activity[t], intervalSeconds: 20 },
    }),
    expect: ASKERS,
  },
];
