import { MATRIX_ACTORS, allExcept, type ItemOutcome, type ListOutcome, type MatrixActor, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { liveOf } from './live-fixture.js';

/**
 * Access-matrix entries of the live schedule and sessions (互动教学). Classes led from 冠县实验小学
 * (own), 冠县第二实验小学 (sibling), 莘县实验小学 (foreign), each received at another 冠县 or 莘县
 * school. live:read: the city everything, 冠县's bureau, departments, researcher and inspector
 * their county, the school's principal and teachers their school (led or received); system roles
 * and parents nothing. live:write: the city, the county's bureau and departments, the principal for
 * their own school. Going on air and off is the lead teacher's or the lead school's principal's:
 * readers who are neither get 403. Writes act on each target's spare class and session, so the
 * fixture's first class and session stay scheduled for other entries.
 */
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--', teacher: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
const WRITE = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], principal: [ok, 404, 404],
});
/** Start and end: only the own class's lead teacher (gxsy.teacher) and its school's principal. */
const LEAD = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 403, county_admin: [403, 403, 404], dept_staff: [403, 403, 404], researcher: [403, 403, 404], inspector: [403, 403, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
// Only the own spare session is on air when media is asked for: the others answer 409 to those who reach them.
const MEDIA = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: [200, 409, 409], county_admin: [200, 409, 404], dept_staff: [200, 409, 404], researcher: [200, 409, 404], inspector: [200, 409, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});

const ACTOR_INDEX = Object.keys(MATRIX_ACTORS) as MatrixActor[];
const TARGET_INDEX = { own: 0, sibling: 1, foreign: 2 } as const;
// The fixture makes its sessions on the UTC date of the run (live-fixture.ts).
const fixtureDay = () => new Date().toISOString().slice(0, 10);

export const liveMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/live/classes', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/live/classes?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/live/class-options', kind: 'plain',
    request: (f) => ({ method: 'GET', url: `/api/live/class-options?schoolId=${f.school.own}` }),
    expect: allExcept<number>(403, { anonymous: 401, city_admin: 200, county_admin: 200, dept_staff: 200, principal: 200 }),
  },
  {
    route: 'POST /api/live/classes', kind: 'item',
    // A one-off far ahead, each actor and target at its own hour so no two of them hold a room at once.
    request: (f, target, actor) => {
      const live = liveOf(f);
      const hour = String(6 + ACTOR_INDEX.indexOf(actor)).padStart(2, '0');
      return {
        method: 'POST', url: '/api/live/classes',
        payload: {
          title: `矩阵新排课-${target}`, subject: '数学', grade: 3, leadRoomId: live.liveLeadRoom[target], leadTeacherUserId: live.liveLeadTeacher[target],
          receivingRoomIds: [live.liveReceivingRoom[target]], startsOn: '2030-03-04', startTime: `${hour}:${String(TARGET_INDEX[target] * 15).padStart(2, '0')}`, minutes: 10,
        },
      };
    },
    expect: WRITE(201),
  },
  {
    route: 'GET /api/live/classes/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/classes/${liveOf(f).liveClass[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'PATCH /api/live/classes/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/live/classes/${liveOf(f).liveSpareClass[t]}`, payload: { title: `矩阵备用直播课-${t}` } }),
    expect: WRITE(200),
  },
  {
    route: 'GET /api/live/sessions', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/live/sessions?day=${fixtureDay()}` }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/live/sessions/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/sessions/${liveOf(f).liveSession[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/live/sessions/:id/start', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/sessions/${liveOf(f).liveSpareSession[t]}/start` }),
    expect: LEAD,
  },
  {
    route: 'GET /api/live/sessions/:id/media', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/sessions/${liveOf(f).liveSpareSession[t]}/media` }),
    expect: MEDIA,
  },
  {
    route: 'POST /api/live/sessions/:id/end', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/sessions/${liveOf(f).liveSpareSession[t]}/end` }),
    expect: LEAD,
  },
  {
    route: 'POST /api/live/classes/:id/cancel', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/classes/${liveOf(f).liveSpareClass[t]}/cancel` }),
    expect: WRITE(200),
  },
];
