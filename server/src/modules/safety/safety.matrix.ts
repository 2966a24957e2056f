import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { PNG_BYTES, safetyOf } from './safety-fixture.js';

/**
 * Access-matrix entries of 平安校园. Records at 冠县实验小学 (own), 冠县第二实验小学 (sibling),
 * 莘县实验小学 (foreign). safety:read: the city everything, the county bureau, its departments and
 * its inspector their county, the school's principal and teachers their school; researchers and
 * parents nothing. Writing checks, hazards and drills is the school's staff's: county staff, who
 * hold safety:write by the policy, get 403 at their own county's schools; the principal
 * alone sets areas and verifies; a teacher moves only the hazards they answer for.
 */
const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', inspector: 'os-', principal: 'o--', teacher: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
const SCHOOL_WRITE = (ok: number, teacher: number = ok) => allExcept<ItemOutcome>(403, {
  anonymous: 401, county_admin: [403, 403, 404], dept_staff: [403, 403, 404], principal: [ok, 404, 404], teacher: [teacher, 404, 404],
});

function photo() {
  const boundary = '----sunshine-safety-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.png"\r\nContent-Type: image/png\r\n\r\n`),
    PNG_BYTES, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

export const safetyMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/safety/schools/:schoolId/areas', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/safety/schools/${f.school[t]}/areas` }),
    expect: READ_ITEM,
  },
  {
    route: 'PUT /api/safety/schools/:schoolId/areas', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/safety/schools/${f.school[t]}/areas`, payload: { enabled: ['gate', 'fire', 'canteen', 'dormitory', 'bus'] } }),
    expect: SCHOOL_WRITE(200, 403),
  },
  {
    route: 'GET /api/safety/checks', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/safety/checks?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'POST /api/safety/checks', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/safety/checks',
      payload: { schoolId: f.school[t], date: '2026-01-06', areas: [{ area: 'gate', items: [{ key: 'cctv', ok: true }] }] },
    }),
    expect: SCHOOL_WRITE(201),
  },
  {
    route: 'GET /api/safety/checks/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/safety/checks/${safetyOf(f).safetyCheck[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'GET /api/safety/hazards', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/safety/hazards?pageSize=100&status=rectified' }),
    expect: READ_LIST,
  },
  {
    route: 'POST /api/safety/hazards', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/safety/hazards',
      payload: { schoolId: f.school[t], area: 'canteen', title: '矩阵上报', level: 'general', responsibleUserId: safetyOf(f).safetyStaff[t], deadline: '2099-12-31' },
    }),
    expect: SCHOOL_WRITE(201),
  },
  {
    route: 'GET /api/safety/hazards/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/safety/hazards/${safetyOf(f).safetyHazard[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/safety/hazards/:id/start', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/safety/hazards/${safetyOf(f).safetyStart[a][t]}/start` }),
    expect: SCHOOL_WRITE(200),
  },
  {
    route: 'POST /api/safety/hazards/:id/rectify', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/safety/hazards/${safetyOf(f).safetyRectify[a][t]}/rectify`, payload: { note: '矩阵整改完成' } }),
    expect: SCHOOL_WRITE(200),
  },
  {
    route: 'POST /api/safety/hazards/:id/verify', kind: 'item',
    request: (f, t, a) => ({ method: 'POST', url: `/api/safety/hazards/${safetyOf(f).safetyVerify[a][t]}/verify`, payload: { accepted: true } }),
    expect: SCHOOL_WRITE(200, 403),
  },
  {
    route: 'POST /api/safety/hazards/:id/photos', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/safety/hazards/${safetyOf(f).safetyHazard[t]}/photos?stage=report`, ...photo() }),
    expect: SCHOOL_WRITE(201),
  },
  {
    route: 'GET /api/safety/hazards/:id/photos/:photoId', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/safety/hazards/${safetyOf(f).safetyHazard[t]}/photos/${safetyOf(f).safetyPhoto[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'GET /api/safety/drills', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/safety/drills?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'POST /api/safety/drills', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/safety/drills',
      payload: { schoolId: f.school[t], kind: 'evacuation', date: '2026-01-06', participants: 50, durationMinutes: 15 },
    }),
    expect: SCHOOL_WRITE(201),
  },
  {
    route: 'GET /api/safety/stats', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/safety/stats' }),
    expect: READ_LIST,
  },
];
