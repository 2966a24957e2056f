import { allExcept, type ItemOutcome, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';
import { coursewareOf } from './courseware-fixture.js';
import { resourcesOf } from './resources-fixture.js';

/**
 * Access-matrix entries of courseware. The target's resource is published county-wide by the
 * target school's matrix teacher (resources-fixture.ts): 冠县's people reach own and sibling, the
 * city all three, another county nothing (404); system roles and parents hold no resource
 * action (403). Uploads and deletes are for the publisher or a principal of the resource's school,
 * so of the actors only gxsy.principal at own succeeds (the teacher is not the publisher).
 * The /api/public routes answer a public resource at `own` and nothing at sibling or foreign,
 * where the resource asked for is county-wide, whoever asks, signed in or not.
 */
const READ = allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
  inspector: [200, 200, 404], principal: [200, 200, 404], teacher: [200, 200, 404],
});
const MANAGE = (ok: number) => allExcept<ItemOutcome>(403, { anonymous: 401, principal: [ok, 403, 404], teacher: [403, 403, 404] });
const PUBLIC = allExcept<ItemOutcome>([200, 404, 404], {});

function upload(url: string): MatrixRequest {
  const boundary = '----sunshine-courseware-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="课件.png"\r\nContent-Type: image/png\r\n\r\n`),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

const fileUrl = (suffix: string) => (f: Parameters<Extract<MatrixEntry, { kind: 'item' }>['request']>[0], t: 'own' | 'sibling' | 'foreign'): MatrixRequest =>
  ({ method: 'GET', url: `/api/resources/${resourcesOf(f).resource[t]}/files/${coursewareOf(f).file[t]}${suffix}` });

/** own: the public resource's file; sibling, foreign: the county-wide resource's (not public). */
const publicUrl = (suffix: string) => (f: Parameters<Extract<MatrixEntry, { kind: 'item' }>['request']>[0], t: 'own' | 'sibling' | 'foreign'): MatrixRequest => {
  const c = coursewareOf(f);
  const [resource, file] = t === 'own' ? [c.publicResource.own, c.publicFile.own] : [resourcesOf(f).resource[t], c.file[t]];
  return { method: 'GET', url: `/api/public/resources/${resource}/files/${file}${suffix}` };
};

export const coursewareMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/resources/:id/files', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/resources/${resourcesOf(f).resource[t]}/files` }),
    expect: READ,
  },
  { route: 'GET /api/resources/:id/files/:fileId/pdf', kind: 'item', request: fileUrl('/pdf'), expect: READ },
  { route: 'GET /api/resources/:id/files/:fileId/thumbnail', kind: 'item', request: fileUrl('/thumbnail'), expect: READ },
  { route: 'GET /api/resources/:id/files/:fileId/download', kind: 'item', request: fileUrl('/download'), expect: READ },
  {
    route: 'POST /api/resources/:id/files', kind: 'item',
    request: (f, t) => upload(`/api/resources/${resourcesOf(f).resource[t]}/files`),
    expect: MANAGE(201),
  },
  {
    route: 'DELETE /api/resources/:id/files/:fileId', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/resources/${resourcesOf(f).resource[t]}/files/${coursewareOf(f).doomedFile[t]}` }),
    expect: MANAGE(204),
  },
  {
    route: 'GET /api/public/resources/:id/files', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/public/resources/${t === 'own' ? coursewareOf(f).publicResource.own : resourcesOf(f).resource[t]}/files` }),
    expect: PUBLIC,
  },
  { route: 'GET /api/public/resources/:id/files/:fileId/pdf', kind: 'item', request: publicUrl('/pdf'), expect: PUBLIC },
  { route: 'GET /api/public/resources/:id/files/:fileId/thumbnail', kind: 'item', request: publicUrl('/thumbnail'), expect: PUBLIC },
  { route: 'GET /api/public/resources/:id/files/:fileId/download', kind: 'item', request: publicUrl('/download'), expect: PUBLIC },
];
