import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { kgViewOf } from './kg-view-fixture.js';

/**
 * Access-matrix entries of 园所直播 (kindergarten live view). Targets are kindergarten rooms
 * (kg-view-fixture.ts): own = class A of 冠县's first kindergarten, sibling = its class B, foreign =
 * 莘县's first kindergarten. The matrix's actors are a primary school's people: none reaches a
 * kindergarten class, so each gets 404 (or an empty list) where its role holds the route's
 * action — family:read for parents' routes (parent, teacher, principal), live:read for the staff
 * screens, live:write for settings, which only a school's principal uses (bureaus: 403). Class A's
 * guardian and teacher getting class B's 404 is in kg-view.test.ts.
 */
const LIVE_READERS = ['city_admin', 'county_admin', 'dept_staff', 'researcher', 'inspector', 'principal', 'teacher'] as const;
const FAMILY_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, parent: 404, teacher: 404, principal: 404 });
const STAFF_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, ...Object.fromEntries(LIVE_READERS.map((a) => [a, 404])) });
const STAFF_LIST = allExcept<ListOutcome>(403, { anonymous: 401, ...Object.fromEntries(LIVE_READERS.map((a) => [a, '---' as const])) });
const SETTINGS = allExcept<ItemOutcome>(403, { anonymous: 401, principal: 404 });

const roomBody = (classId: number) => ({ classId, name: '矩阵活动室', purpose: 'activity', cap: 5, windows: [{ weekday: 1, from: '08:30', to: '11:00' }] });

export const kgViewMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/live/kg/rooms', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/live/kg/rooms' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, parent: '---', teacher: '---', principal: '---' }),
  },
  {
    route: 'POST /api/live/kg/rooms/:id/view', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/kg/rooms/${kgViewOf(f).kgLiveRoom[t]}/view`, payload: {} }),
    expect: FAMILY_ITEM,
  },
  {
    route: 'POST /api/live/kg/views/:id/heartbeat', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/kg/views/${kgViewOf(f).kgLiveView[t]}/heartbeat` }),
    expect: FAMILY_ITEM,
  },
  {
    route: 'POST /api/live/kg/views/:id/end', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/live/kg/views/${kgViewOf(f).kgLiveView[t]}/end` }),
    expect: FAMILY_ITEM,
  },
  {
    route: 'GET /api/live/kg/staff/rooms', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/live/kg/staff/rooms' }),
    expect: STAFF_LIST,
  },
  {
    route: 'GET /api/live/kg/staff/rooms/:id/watchers', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/kg/staff/rooms/${kgViewOf(f).kgLiveRoom[t]}/watchers` }),
    expect: STAFF_ITEM,
  },
  {
    route: 'GET /api/live/kg/views', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/live/kg/views' }),
    expect: STAFF_LIST,
  },
  {
    route: 'POST /api/live/kg/settings/rooms', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/live/kg/settings/rooms', payload: roomBody(kgViewOf(f).kgClass[t]) }),
    expect: SETTINGS,
  },
  {
    route: 'PUT /api/live/kg/settings/rooms/:id', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/live/kg/settings/rooms/${kgViewOf(f).kgLiveRoom[t]}`, payload: roomBody(kgViewOf(f).kgClass[t]) }),
    expect: SETTINGS,
  },
  // The stream: a real token of gxyey.parent's (a parent of another kindergarten's class) in anyone
  // else's hands is refused, whoever they are (403; anonymous 401). Its owner's own use, the expired
  // token, another room's id and guessed tokens are in kg-view.stream.test.ts.
  {
    route: 'GET /api/live/kg/rooms/:id/hls/:token/:file', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/kg/rooms/${kgViewOf(f).kgLiveRoom[t]}/hls/${kgViewOf(f).kgStreamToken[t]}/index.m3u8` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401 }),
  },
  // Only a recorder's device token reaches it: a session is no device (401 for everyone).
  { route: 'GET /api/devices/live/kg', kind: 'plain', request: () => ({ method: 'GET', url: '/api/devices/live/kg' }), expect: allExcept<number>(401, {}) },
  {
    route: 'DELETE /api/live/kg/settings/rooms/:id', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/live/kg/settings/rooms/${kgViewOf(f).kgLiveRoom[t]}` }),
    expect: SETTINGS,
  },
];
