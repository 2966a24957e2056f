import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { activitiesOf, MATRIX_PDF } from './activities-fixture.js';
import { researchOf } from './research-fixture.js';

/**
 * Access-matrix entries of research activities (教研活动) and groups (教研组). The activities are
 * organised by matrix.<target> at each target school (research-fixture.ts, activities-fixture.ts);
 * gxsy.teacher is a member at `own` only. Reach: the city everywhere, 冠县's staff (bureau,
 * 教科所, 教研员) at own and sibling, the principal at own, the teacher at own as a member;
 * system roles and parents hold no research action; a county 督学 reads what its county's researchers read. Organising (edit, open, summarise, delete,
 * book a room, detach, delete a file) is for the organiser and the supervisors of the node, so
 * the member teacher gets 403 at own. Routes that change state act on each actor's own records.
 */
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--', teacher: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
/** What a county's 督学 reads as its researchers do (research:read), though it organises nothing. */
const INSPECTED_ITEM = { ...READ_ITEM, inspector: [200, 200, 404] } as Record<keyof typeof READ_ITEM, ItemOutcome>;
const READ_PLAIN = allExcept<number>(200, { anonymous: 401, sysadmin: 403, secadmin: 403, auditor: 403, parent: 403 });
/** The organiser's (and the node's supervisors') writes; the member teacher gets `member` at own. */
const ORGANISE = (ok: number, member = 403) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], researcher: [ok, ok, 404],
  principal: [ok, 404, 404], teacher: [member, 404, 404],
});

function upload(url: string): MatrixRequest {
  const boundary = '----sunshine-research-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="教案.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    MATRIX_PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

let groups = 0;

export const activitiesMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/research/activities', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/research/activities?view=supervised&pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/research/activities/counts', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/research/activities/counts?view=supervised' }),
    expect: READ_PLAIN,
  },
  {
    route: 'GET /api/research/people', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/people?schoolId=${f.school[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'GET /api/research/activities/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${researchOf(f).activity[t]}` }),
    expect: INSPECTED_ITEM,
  },
  {
    route: 'GET /api/research/activities/:id/lessons/:recordingId', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${researchOf(f).activity[t]}/lessons/${recordingsOf(f).recording[t]}` }),
    expect: INSPECTED_ITEM,
  },
  {
    route: 'GET /api/research/activities/:id/files/:fileId', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/activities/${researchOf(f).activity[t]}/files/${activitiesOf(f).file[t]}` }),
    expect: INSPECTED_ITEM,
  },
  {
    // A school-level activity of the target school: the city, its county's staff and its principal may; a teacher at their own school too.
    route: 'POST /api/research/activities', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/research/activities',
      payload: { kind: 'open_lesson', topic: '矩阵公开课', subject: '数学', grade: '三年级', schoolIds: [f.school[t]], startsOn: '2018-04-02', endsOn: '2018-04-20' },
    }),
    expect: ORGANISE(201, 201),
  },
  {
    route: 'PATCH /api/research/activities/:id', kind: 'item',
    request: (f, t, a) => ({ method: 'PATCH', url: `/api/research/activities/${activitiesOf(f).editable[a][t]}`, payload: { topic: '矩阵修改后的主题' } }),
    expect: ORGANISE(200),
  },
  {
    route: 'POST /api/research/activities/:id/open', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/research/activities/${activitiesOf(f).editable[a][t]}/open` }),
    expect: ORGANISE(200),
  },
  {
    // A member attaches only their own lessons: the target's lesson names no teacher, so the member teacher is refused.
    route: 'POST /api/research/activities/:id/lessons', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/research/activities/${activitiesOf(f).editable[a][t]}/lessons`, payload: { recordingId: recordingsOf(f).recording[t] } }),
    expect: ORGANISE(201),
  },
  {
    // Members upload lesson plans too.
    route: 'POST /api/research/activities/:id/files', kind: 'item',
    request: (f, t, a) => upload(`/api/research/activities/${activitiesOf(f).editable[a][t]}/files?kind=lesson_plan`),
    expect: ORGANISE(201, 201),
  },
  {
    route: 'DELETE /api/research/activities/:id/lessons/:recordingId', kind: 'item',
    request: (f, t, a) => ({ method: 'DELETE', url: `/api/research/activities/${activitiesOf(f).closing[a][t]}/lessons/${recordingsOf(f).recording[t]}` }),
    expect: ORGANISE(204),
  },
  {
    route: 'DELETE /api/research/activities/:id/files/:fileId', kind: 'item',
    request: (f, t, a) => ({ method: 'DELETE', url: `/api/research/activities/${activitiesOf(f).closing[a][t]}/files/${activitiesOf(f).closingFile[a][t]}` }),
    expect: ORGANISE(204),
  },
  {
    route: 'POST /api/research/activities/:id/summary', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/research/activities/${activitiesOf(f).closing[a][t]}/summary`, payload: { summary: '矩阵总结' } }),
    expect: ORGANISE(200),
  },
  {
    route: 'DELETE /api/research/activities/:id', kind: 'item',
    request: (f, t, a) => ({ method: 'DELETE', url: `/api/research/activities/${activitiesOf(f).doomed[a][t]}` }),
    expect: ORGANISE(204),
  },
  {
    route: 'GET /api/research/groups', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/research/groups?view=supervised&pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/research/groups/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/research/groups/${activitiesOf(f).group[t]}` }),
    expect: INSPECTED_ITEM,
  },
  {
    // A school's 教研组 is set up by its principal or the officers above; a teacher may not.
    route: 'POST /api/research/groups', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/research/groups',
      payload: { kind: 'subject_group', name: `矩阵新教研组${++groups}`, subject: '数学', schoolId: f.school[t], leaderUserId: f.person[t], memberIds: [] },
    }),
    expect: ORGANISE(201),
  },
  {
    route: 'PATCH /api/research/groups/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/research/groups/${activitiesOf(f).group[t]}`, payload: { description: '矩阵说明' } }),
    expect: ORGANISE(200),
  },
  {
    // Archiving again changes nothing, so every manager gets 200 on the same group.
    route: 'POST /api/research/groups/:id/archive', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/research/groups/${activitiesOf(f).group[t]}/archive` }),
    expect: ORGANISE(200),
  },
];
