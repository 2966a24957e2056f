import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';
import { familyOf } from './family-fixture.js';
import { NOTICE_MATRIX_PNG, noticesOf } from './notices-fixture.js';

/**
 * Access-matrix entries of the notice routes. Senders (notice:write: teacher, principal, county
 * and city staff) reach their own audience: a teacher their class (own), the principal the school
 * (own, sibling), the county its schools, the city all three. Receipts are the sender's own:
 * gxsy.teacher sent the own notice, gxsy.principal the sibling's, a 莘县 teacher the foreign one.
 * Receiving routes need a session only and carry the user id: a parent of class A holds the own
 * notice and gets 404 for B's and 莘县's; staff hold none of these.
 */
const SENDERS = { anonymous: 401, city_admin: 200, county_admin: 200, dept_staff: 200, principal: 200, teacher: 200 } as const;

const SENT_BY = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 404, county_admin: 404, dept_staff: 404, principal: [404, ok, 404], teacher: [ok, 404, 404],
});

const RECEIVED = allExcept<ItemOutcome>(404, { anonymous: 401, parent: [200, 404, 404] });

function upload(): MatrixRequest {
  const boundary = '----sunshine-notices-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="回执.png"\r\nContent-Type: image/png\r\n\r\n`),
    NOTICE_MATRIX_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url: '/api/notices/attachments', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

export const noticesMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/notices/audience', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/notices/audience' }),
    expect: allExcept(403, SENDERS),
  },
  {
    route: 'POST /api/notices/attachments', kind: 'plain',
    request: () => upload(),
    expect: allExcept(403, { ...SENDERS, city_admin: 201, county_admin: 201, dept_staff: 201, principal: 201, teacher: 201 }),
  },
  {
    route: 'POST /api/notices', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/notices', payload: { title: '矩阵发送', body: '矩阵', audience: { kind: 'classes', ids: [familyOf(f).familyClass[t]] } } }),
    expect: allExcept<ItemOutcome>(403, {
      anonymous: 401, city_admin: 201, county_admin: [201, 201, 404], dept_staff: [201, 201, 404], principal: [201, 201, 404], teacher: [201, 404, 404],
    }),
  },
  {
    route: 'GET /api/notices', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/notices' }),
    expect: allExcept(403, SENDERS),
  },
  {
    route: 'GET /api/notices/:id/receipts', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/notices/${noticesOf(f).notice[t]}/receipts` }),
    expect: SENT_BY(200),
  },
  {
    route: 'GET /api/notices/:id/progress', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/notices/${noticesOf(f).notice[t]}/progress` }),
    expect: SENT_BY(200),
  },
  {
    route: 'POST /api/notices/:id/remind', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/notices/${noticesOf(f).notice[t]}/remind`, payload: { target: 'unread' } }),
    expect: SENT_BY(200),
  },
  {
    route: 'GET /api/family/notices', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/notices?pageSize=100' }),
    expect: allExcept<ListOutcome>('---', { anonymous: 401, parent: 'o--' }),
  },
  {
    route: 'GET /api/family/notices/unread', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/family/notices/unread' }),
    expect: allExcept(200, { anonymous: 401 }),
  },
  {
    route: 'GET /api/family/notices/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/notices/${noticesOf(f).notice[t]}` }),
    expect: RECEIVED,
  },
  {
    route: 'POST /api/family/notices/:id/confirm', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/notices/${noticesOf(f).notice[t]}/confirm` }),
    expect: RECEIVED,
  },
  {
    route: 'GET /api/family/notices/:id/attachments/:attachmentId', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/notices/${noticesOf(f).notice[t]}/attachments/${noticesOf(f).noticeAttachment[t]}` }),
    expect: RECEIVED,
  },
];
