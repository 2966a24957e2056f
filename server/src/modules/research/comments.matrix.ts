import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { commentsOf } from './comments-fixture.js';
import { researchOf } from './research-fixture.js';

/**
 * Access-matrix entries of the lesson comments (评课). A comment made in an activity is seen by
 * those who reach the activity (research-fixture.ts: the teacher and principal reach `own`, the
 * county 冠县 `own` and `sibling`, the city all three); one made outside any activity by those who
 * may watch the lesson (the same pattern here, as recordings.matrix.ts). Parents and the system
 * roles hold no research action. Where an actor reaches the comment but may not act on it the
 * answer is 403; where they do not reach it, 404, as for a missing one.
 */
const reach = (ok: number, no = 404) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, no], dept_staff: [ok, ok, no], researcher: [ok, ok, no],
  principal: [ok, no, no], teacher: [ok, no, no],
});
// Reading only: a 督学 (inspector) holds research:read over their county and no research:write.
const readReach = (ok: number) => ({ ...reach(ok), inspector: [ok, ok, 404] as ItemOutcome });

export const commentsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/lessons/:recordingId/comments', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/comments?activityId=${researchOf(f).activity[t]}` }),
    expect: readReach(200),
  },
  {
    // Outside any activity: whoever may watch the lesson.
    route: 'GET /api/research/lessons/:recordingId/comments', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/comments` }),
    expect: readReach(200),
  },
  {
    route: 'POST /api/research/lessons/:recordingId/comments', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: `/api/research/lessons/${recordingsOf(f).recording[t]}/comments`,
      payload: { activityId: researchOf(f).activity[t], atMs: 5_000, body: '矩阵评论' },
    }),
    expect: reach(201),
  },
  {
    route: 'POST /api/research/comments/:id/replies', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/comments/${commentsOf(f).comment[t]}/replies`, payload: { body: '矩阵回复' } }),
    expect: reach(201),
  },
  {
    // Only the author edits: no actor wrote the fixture's comments.
    route: 'PATCH /api/research/comments/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/research/comments/${commentsOf(f).comment[t]}`, payload: { body: '改过的矩阵评论' } }),
    expect: reach(403),
  },
  {
    // The activity's organiser (or who supervises its school) deletes; a member teacher may not.
    route: 'DELETE /api/research/comments/:id', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/research/comments/${commentsOf(f).spareComment[actor][t]}` }),
    expect: { ...reach(204), teacher: [403, 404, 404] },
  },
  {
    route: 'GET /api/research/comments/:id/edits', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/comments/${commentsOf(f).outsideComment[t]}/edits` }),
    expect: readReach(200),
  },
];
