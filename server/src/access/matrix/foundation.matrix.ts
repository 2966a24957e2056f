import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../seed/demo-accounts.js';
import { allExcept, type MatrixEntry } from './matrix-types.js';

/** All text of every cell of an .xlsx answer, so the matrix can look for markers in exports. */
export async function xlsxText(res: LightMyRequestResponse): Promise<string> {
  if (res.statusCode !== 200) return '';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? '')))));
  return out.join('\n');
}

const ORG_READ = allExcept<'osf' | 'os-' | 'o--' | number>('os-', {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 'osf', secadmin: 'osf', city_admin: 'osf', principal: 'o--', teacher: 'o--',
});

// Lists of counties: a school's staff see their own county's node, never another county's.
const ORG_READ_COUNTIES = { ...ORG_READ, principal: 'os-', teacher: 'os-' } as const;

const ORG_READ_ITEM = allExcept<number | readonly [number, number, number]>([200, 200, 404], {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 200, secadmin: 200, city_admin: 200,
  principal: [200, 404, 404], teacher: [200, 404, 404],
});

/** Routes of the foundation: health, auth, org. */
export const foundationMatrix: MatrixEntry[] = [
  { route: 'GET /api/health', kind: 'plain', request: () => ({ method: 'GET', url: '/api/health' }), expect: allExcept(200, {}) },
  { route: 'GET /api/health/ready', kind: 'plain', request: () => ({ method: 'GET', url: '/api/health/ready' }), expect: allExcept(200, {}) },
  { route: 'GET /api/openapi.json', kind: 'plain', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: allExcept(200, {}) },
  {
    route: 'POST /api/auth/login', kind: 'plain',
    request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'donge.researcher', password: DEMO_PASSWORD } }),
    expect: allExcept(200, {}),
  },
  {
    route: 'POST /api/auth/logout', kind: 'plain', last: true,
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: allExcept(204, { anonymous: 401 }),
  },
  { route: 'GET /api/me', kind: 'plain', request: () => ({ method: 'GET', url: '/api/me' }), expect: allExcept(200, { anonymous: 401 }) },
  {
    route: 'GET /api/org/summary', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/org/summary' }),
    expect: ORG_READ_COUNTIES,
  },
  {
    route: 'GET /api/regions', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/regions' }),
    expect: ORG_READ_COUNTIES,
  },
  {
    route: 'GET /api/schools', kind: 'list', of: 'school',
    request: () => ({ method: 'GET', url: '/api/schools?pageSize=100' }),
    expect: ORG_READ,
  },
  {
    route: 'GET /api/schools/export.xlsx', kind: 'list', of: 'school', read: xlsxText,
    request: () => ({ method: 'GET', url: '/api/schools/export.xlsx' }),
    expect: allExcept<'osf' | 'os-' | number>(403, { anonymous: 401, sysadmin: 'osf', city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-' }),
  },
  {
    route: 'GET /api/schools/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/schools/${f.school[t]}` }),
    expect: ORG_READ_ITEM,
  },
  {
    route: 'GET /api/schools/:id/classes', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/schools/${f.school[t]}/classes` }),
    expect: ORG_READ_ITEM,
  },
  {
    route: 'PATCH /api/schools/:id', kind: 'item',
    request: (f, t) => ({ method: 'PATCH', url: `/api/schools/${f.school[t]}`, payload: { contactName: '张老师' } }),
    expect: allExcept<number | readonly [number, number, number]>(403, { anonymous: 401, sysadmin: 200, city_admin: 200, county_admin: [200, 200, 404] }),
  },
];
