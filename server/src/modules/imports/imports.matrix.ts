import { IMPORT_KINDS, type ImportKind } from './import-plan.js';
import { allExcept, type MatrixActor, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';

// Who may import what: school:import (system admin, city and county admins) for schools and
// classes; person:import (security admin, city and county admins) for staff. Where inside their
// reach rows may go is tested row by row in modules/imports; here only the gate is tried.
const ALLOWED: Record<ImportKind, MatrixActor[]> = {
  schools: ['sysadmin', 'city_admin', 'county_admin'],
  classes: ['sysadmin', 'city_admin', 'county_admin'],
  staff: ['secadmin', 'city_admin', 'county_admin'],
};

// A file with a header row only: the preview answers 200 with an error list and the import 422,
// so running the matrix writes nothing.
const HEADER_ONLY = Buffer.from('\ufeff学校标识码\r\n');

function multipart(url: string): MatrixRequest {
  const boundary = '----sunshine-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    HEADER_ONLY,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

const outcome = (kind: ImportKind, ok: number) =>
  allExcept(403, { anonymous: 401, ...Object.fromEntries(ALLOWED[kind].map((a) => [a, ok])) });

/** Routes of bulk import: a template, a preview and an import per kind. */
export const importsMatrix: MatrixEntry[] = IMPORT_KINDS.flatMap((kind): MatrixEntry[] => [
  {
    route: `GET /api/imports/templates/${kind}.xlsx`, kind: 'plain',
    request: () => ({ method: 'GET', url: `/api/imports/templates/${kind}.xlsx` }),
    expect: outcome(kind, 200),
  },
  { route: `POST /api/imports/${kind}/preview`, kind: 'plain', request: () => multipart(`/api/imports/${kind}/preview`), expect: outcome(kind, 200) },
  { route: `POST /api/imports/${kind}`, kind: 'plain', request: () => multipart(`/api/imports/${kind}`), expect: outcome(kind, 422) },
]);
