import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { roomsOf } from './rooms-fixture.js';

/**
 * Access-matrix entries of the rooms and device routes (录播室). The fixture's rooms (see
 * addRoomsToFixture) sit in 冠县实验小学 (own), 冠县第二实验小学 (sibling) and 莘县实验小学 (foreign).
 * Reading follows org:read; writing needs room:write, held by principals (own school), county
 * admins, the county 教科所 (guanxian.research) and the city and system admins.
 */

const READ_LIST = allExcept<ListOutcome>('os-', {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 'osf', secadmin: 'osf', city_admin: 'osf', principal: 'o--', teacher: 'o--',
});
// By county: a school's staff see their own county's line, which stands for own and sibling alike.
const READ_COUNTIES = { ...READ_LIST, principal: 'os-', teacher: 'os-' } as const;
const READ_ITEM = allExcept<ItemOutcome>([200, 200, 404], {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 200, secadmin: 200, city_admin: 200, principal: [200, 404, 404], teacher: [200, 404, 404],
});
const WRITE_ITEM = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, sysadmin: ok, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], principal: [ok, 404, 404],
});
const DEVICE_ONLY = allExcept(401, {});

let newRooms = 0;
const LESSON = { weekday: 1, startsAt: '08:00', endsAt: '08:45', subject: '语文', grade: '一年级', classId: null, teacher: '王老师' };

export const roomsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/rooms', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/rooms?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/rooms/summary', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/rooms/summary' }),
    expect: READ_COUNTIES,
  },
  {
    route: 'GET /api/rooms/alerts', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/rooms/alerts?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/rooms/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/rooms/${roomsOf(f).room[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'GET /api/rooms/:id/timetable', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/rooms/${roomsOf(f).room[t]}/timetable` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/rooms', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/rooms', payload: { schoolId: f.school[t], name: `矩阵新录播室${++newRooms}` } }),
    expect: WRITE_ITEM(201),
  },
  {
    route: 'PATCH /api/rooms/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/rooms/${roomsOf(f).room[t]}`, payload: { location: '教学楼三楼' } }),
    expect: WRITE_ITEM(200),
  },
  {
    route: 'PUT /api/rooms/:id/timetable', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/rooms/${roomsOf(f).room[t]}/timetable`, payload: { lessons: [LESSON] } }),
    expect: WRITE_ITEM(200),
  },
  {
    route: 'POST /api/rooms/:id/devices', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/rooms/${roomsOf(f).room[t]}/devices`, payload: { name: '矩阵新主机' } }),
    expect: WRITE_ITEM(201),
  },
  {
    route: 'POST /api/rooms/:id/devices/:deviceId/rotate', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/rooms/${roomsOf(f).room[t]}/devices/${roomsOf(f).device[t]}/rotate` }),
    expect: WRITE_ITEM(200),
  },
  {
    // Revoking is idempotent, so every writer gets 204 on the same spare recorder.
    route: 'DELETE /api/rooms/:id/devices/:deviceId', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/rooms/${roomsOf(f).room[t]}/devices/${roomsOf(f).spareDevice[t]}` }),
    expect: WRITE_ITEM(204),
  },
  {
    // Sessions do not authenticate recorders: without a device token everyone gets 401.
    route: 'POST /api/devices/register', kind: 'plain',
    request: () => ({ method: 'POST', url: '/api/devices/register', payload: { serial: 'MATRIX-1', firmware: '1.0' } }),
    expect: DEVICE_ONLY,
  },
  {
    route: 'POST /api/devices/heartbeat', kind: 'plain',
    request: () => ({ method: 'POST', url: '/api/devices/heartbeat', payload: { state: 'idle', diskFreeBytes: 10_000_000_000 } }),
    expect: DEVICE_ONLY,
  },
];
