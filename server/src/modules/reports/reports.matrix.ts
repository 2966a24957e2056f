import type { LightMyRequestResponse } from 'fastify';
import { xlsxText } from '../../access/matrix/foundation.matrix.js';
import {
  MATRIX_ACTORS, type ItemOutcome, type ListOutcome, type MatrixActor, type MatrixEntry, TARGETS, type Target, allExcept,
} from '../../access/matrix/matrix-types.js';
import { reportsOf } from './reports-fixture.js';

/**
 * Access-matrix entries of the reports routes (上报). Targets (see addReportsToFixture): own —
 * 冠县教科所's report, sibling — 冠县电教馆's (same county, another department), foreign — 莘县's.
 * report:read reaches the city and the county bureaus, their departments and researchers; report:write
 * a county's admin (any department) and its department staff (their own department only);
 * report:review the city bureau — the matrix's researcher is a county one, refused with a reason.
 */

const READ_LIST = allExcept<ListOutcome>(403, { anonymous: 401, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-' });
const READ_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404] });
const READ_PLAIN = allExcept(403, { anonymous: 401, city_admin: 200, county_admin: 200, dept_staff: 200, researcher: 200 });
const WRITE_ITEM = (ok: number) => allExcept<ItemOutcome>(403, { anonymous: 401, county_admin: [ok, ok, 404], dept_staff: [ok, 403, 404] });
const REVIEW_ITEM = allExcept<ItemOutcome>(403, { anonymous: 401, city_admin: 200 });

/** Cells as JSON strings, so the county markers (`"冠县"`) match whole cells of the export. */
async function xlsxCells(res: LightMyRequestResponse): Promise<string> {
  return (await xlsxText(res)).split('\n').map((v) => JSON.stringify(v)).join('\n');
}

// A distinct month for each actor and target, far from the fixture's and from any real period.
const createDay = (actor: MatrixActor, target: Target) => {
  const i = Object.keys(MATRIX_ACTORS).indexOf(actor) * 3 + TARGETS.indexOf(target);
  return `${2014 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`;
};

export const reportsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/reports', kind: 'list', of: 'county',
    request: () => ({ method: 'GET', url: '/api/reports?pageSize=100&to=2010-01-31' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/reports/settings', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/reports/settings' }),
    expect: READ_PLAIN,
  },
  {
    route: 'PUT /api/reports/settings', kind: 'plain',
    request: () => ({ method: 'PUT', url: '/api/reports/settings', payload: { period: 'monthly' } }),
    expect: allExcept(403, { anonymous: 401, city_admin: 200 }),
  },
  {
    route: 'GET /api/reports/exports/compliance.xlsx', kind: 'list', of: 'county', read: xlsxCells,
    request: () => ({ method: 'GET', url: '/api/reports/exports/compliance.xlsx?from=2018-03-01&to=2018-03-31' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/reports/exports/rollout.xlsx', kind: 'list', of: 'county', read: xlsxCells,
    request: () => ({ method: 'GET', url: '/api/reports/exports/rollout.xlsx?asOf=2018-04-04' }),
    expect: READ_LIST,
  },
  {
    route: 'GET /api/reports/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/reports/${reportsOf(f).report[t]}` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/reports', kind: 'item',
    request: (f, t, actor) => ({
      method: 'POST', url: '/api/reports',
      payload: { day: createDay(actor, t), countyId: t === 'foreign' ? f.county.foreign : f.county.own, department: t === 'sibling' ? 'edtech' : 'research' },
    }),
    expect: WRITE_ITEM(201),
  },
  {
    route: 'PATCH /api/reports/:id', kind: 'item',
    request: (f, t, actor) => ({ method: 'PATCH', url: `/api/reports/${reportsOf(f).actorReport.draft[actor][t]}`, payload: { problems: '部分学校录播不足' } }),
    expect: WRITE_ITEM(200),
  },
  {
    route: 'POST /api/reports/:id/figures', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/reports/${reportsOf(f).actorReport.draft[actor][t]}/figures` }),
    expect: WRITE_ITEM(200),
  },
  // After the edits above: submitting moves the drafts on.
  {
    route: 'POST /api/reports/:id/submit', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/reports/${reportsOf(f).actorReport.draft[actor][t]}/submit`, payload: {} }),
    expect: WRITE_ITEM(200),
  },
  {
    route: 'POST /api/reports/:id/return', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/reports/${reportsOf(f).actorReport.submitted[actor][t]}/return`, payload: { comment: '请补充整改计划' } }),
    expect: REVIEW_ITEM,
  },
  {
    route: 'POST /api/reports/:id/approve', kind: 'item',
    request: (f, t, actor) => ({ method: 'POST', url: `/api/reports/${reportsOf(f).actorReport.submitted2[actor][t]}/approve`, payload: {} }),
    expect: REVIEW_ITEM,
  },
];
