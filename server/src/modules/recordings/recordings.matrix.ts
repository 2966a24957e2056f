import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';
import { recordingsOf } from './recordings-fixture.js';

/**
 * Access-matrix entries of the recordings, media and upload routes. The fixture's recordings (see
 * addRecordingsToFixture) sit in 冠县实验小学 (own), 冠县第二实验小学 (sibling) and 莘县实验小学
 * (foreign). Watching (recording:read) is for the school's staff and county/city research and
 * supervision staff in scope; never parents, never the system roles: children are on these videos.
 */

const READ_LIST = allExcept<ListOutcome>(403, {
  anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--', teacher: 'o--',
});
const READ_ITEM = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404], inspector: [200, 200, 404],
  principal: [200, 404, 404], teacher: [200, 404, 404],
});
// Deleting: the school's principal and the county 教科所 (guanxian.research is its research department).
const DELETE_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, dept_staff: [204, 204, 404], principal: [204, 404, 404] });
// Uploads: teachers and principals, for their own school only; the rest of /api/uploads answers
// 404 to them for an upload that is not theirs.
const UPLOADERS = (ok: ItemOutcome) => allExcept<ItemOutcome>(403, { anonymous: 401, principal: ok, teacher: ok });

const TUS = { 'tus-resumable': '1.0.0' };
const NOBODYS_UPLOAD = `/api/uploads/${'0'.repeat(32)}`;
const b64 = (v: string) => Buffer.from(v).toString('base64');

export const recordingsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/recordings', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/recordings?pageSize=100' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/recordings/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/recordings/${recordingsOf(f).recording[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/recordings/:id/playback', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/recordings/${recordingsOf(f).recording[t]}/playback` }),
    expect: READ_ITEM,
  },
  {
    // Setting a track's start offset: those who manage the school's lessons, as for deleting.
    route: 'PUT /api/recordings/:id/start-offset', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/recordings/${recordingsOf(f).recording[t]}/start-offset`, payload: { startOffsetMs: 0 } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, dept_staff: [200, 200, 404], principal: [200, 404, 404] }),
  },
  {
    route: 'DELETE /api/recordings/:id', kind: 'item',
    request: (f, t, actor) => ({ method: 'DELETE', url: `/api/recordings/${recordingsOf(f).spareRecording[actor][t]}` }),
    expect: DELETE_ITEM,
  },
  {
    // The token is the credential: without a valid one everybody, signed in or not, gets 403.
    route: 'GET /api/media/:token/*', kind: 'plain',
    request: (f) => ({ method: 'GET', url: `/api/media/${recordingsOf(f).recording.own}.1.9999999999.${'A'.repeat(43)}/master.m3u8` }),
    expect: allExcept(403, {}),
  },
  {
    route: 'POST /api/uploads', kind: 'item',
    request: (f, t) => ({
      method: 'POST', url: '/api/uploads',
      headers: {
        ...TUS, 'upload-length': '1000',
        'upload-metadata': `schoolId ${b64(String(f.school[t]))},lessonStart ${b64('2018-04-04T10:00:00+08:00')},track ${b64('composite')},groupId ${b64('matrix')}`,
      },
    }),
    expect: UPLOADERS([201, 403, 403]),
  },
  {
    // Discovery (tus OPTIONS) tells anyone the protocol version and size limit, nothing more.
    route: 'OPTIONS /api/uploads', kind: 'plain',
    request: () => ({ method: 'OPTIONS', url: '/api/uploads' } as unknown as MatrixRequest),
    expect: allExcept(204, {}),
  },
  {
    route: 'PATCH /api/uploads/:id', kind: 'item',
    request: () => ({
      method: 'PATCH', url: NOBODYS_UPLOAD, body: Buffer.from('x'),
      headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    }),
    expect: UPLOADERS(404),
  },
  {
    route: 'DELETE /api/uploads/:id', kind: 'item',
    request: () => ({ method: 'DELETE', url: NOBODYS_UPLOAD, headers: TUS }),
    expect: UPLOADERS(404),
  },
  {
    route: 'GET /api/uploads/:id', kind: 'item',
    request: () => ({ method: 'GET', url: NOBODYS_UPLOAD }),
    expect: UPLOADERS(404),
  },
];
