import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { attendanceOf } from './attendance-fixture.js';
import { familyOf } from './family-fixture.js';

/**
 * Access-matrix entries of attendance and leave. A parent reaches their own child only (class B's
 * child and 莘县's: 404, and never in a list); class A's teacher reaches class A only; the
 * principal the school; bureaus no child record, only the figures of their scope. School-level
 * settings and gates are the principal's (a teacher: 404). The gate's check-in is public at the
 * access gate and authenticates the gate's token itself.
 */
const DAY = '2018-04-04';
const multipart = (csv: string) => {
  const boundary = '----matrixattendance';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gate.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};
const child: ItemOutcome = 403;
const tomorrow = () => shanghaiDate(new Date(Date.now() + 86_400_000));

export const attendanceMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/attendance/mine', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/attendance/mine' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: '---', teacher: '---', parent: 'o--' }),
  },
  {
    route: 'GET /api/attendance/classes', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/attendance/classes' }),
    expect: allExcept<number>(403, { anonymous: 401, principal: 200, teacher: 200 }),
  },
  {
    route: 'GET /api/children/:id/attendance', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/children/${familyOf(f).familyChild[t]}/attendance?month=2018-04` }),
    expect: allExcept<ItemOutcome>(child, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404], parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/classes/:id/attendance', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${familyOf(f).familyClass[t]}/attendance?day=${DAY}` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404] }),
  },
  {
    route: 'PUT /api/classes/:id/attendance', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/classes/${familyOf(f).familyClass[t]}/attendance`, payload: { day: DAY, exceptions: [] } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404] }),
  },
  {
    // A file naming the target's pupil: a pupil out of reach is a wrong row (400), as an unknown number is.
    route: 'POST /api/attendance/import', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/attendance/import', ...multipart(`student_no,time,direction\r\n${f.marker.student[t]},${DAY} 07:30,in\r\n`) }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 400], teacher: [200, 400, 400] }),
  },
  {
    route: 'GET /api/attendance/figures', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: `/api/attendance/figures?from=2018-04-02&to=${DAY}` }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: 'o--', county_admin: 'os-', dept_staff: 'os-', inspector: 'os-', city_admin: 'osf' }),
  },
  {
    route: 'GET /api/schools/:id/attendance/settings', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/schools/${f.school[t]}/attendance/settings` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 404, 404], teacher: 404 }),
  },
  {
    route: 'PUT /api/schools/:id/attendance/settings', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/schools/${f.school[t]}/attendance/settings`, payload: { alertAt: '08:30', lateAfter: '08:00' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 404, 404], teacher: 404 }),
  },
  {
    route: 'GET /api/schools/:id/attendance/gates', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/schools/${f.school[t]}/attendance/gates` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 404, 404], teacher: 404 }),
  },
  {
    route: 'POST /api/schools/:id/attendance/gates', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/schools/${f.school[t]}/attendance/gates`, payload: { name: '矩阵' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 404, 404], teacher: 404 }),
  },
  {
    route: 'DELETE /api/schools/:id/attendance/gates/:gateId', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/schools/${f.school[t]}/attendance/gates/${attendanceOf(f).attendanceGate[t]}` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 404, 404], teacher: 404 }),
  },
  {
    // Public at the access gate: the gate's token decides, whoever else is signed in.
    route: 'POST /api/attendance/check-ins', kind: 'plain',
    request: (f) => ({
      method: 'POST', url: '/api/attendance/check-ins', headers: { authorization: `Bearer ${attendanceOf(f).checkInToken}` },
      payload: { studentNo: f.marker.student.own, direction: 'in', at: `${DAY}T07:31:00+08:00` },
    }),
    expect: allExcept<number>(200, {}),
  },
  {
    route: 'POST /api/children/:id/leave-requests', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/children/${familyOf(f).familyChild[t]}/leave-requests`, payload: { from: tomorrow(), to: tomorrow(), part: 'whole', reason: 'sick' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/leave-requests/mine', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/leave-requests/mine' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: '---', teacher: '---', parent: 'o--' }),
  },
  {
    route: 'POST /api/leave-requests/:id/withdraw', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/leave-requests/${attendanceOf(f).withdrawLeave[t]}/withdraw` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/classes/:id/leave-requests', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${familyOf(f).familyClass[t]}/leave-requests` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404] }),
  },
  {
    route: 'POST /api/leave-requests/:id/decision', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/leave-requests/${attendanceOf(f).decideLeave[actor][t]}/decision`, payload: { decision: 'approved' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 404, 404] }),
  },
];
