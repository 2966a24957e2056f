import type { LightMyRequestResponse } from 'fastify';
import { allExcept, type ListOutcome, type MatrixFixture, TARGETS } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of resource search. The fixture (resources-fixture.ts) publishes
 * `矩阵资源-<target>` county-wide at each target school and keeps `矩阵待审-<target>` in the
 * school's review. The answer names no school, so `read` turns each hit's title back into its
 * target school's marker (the fixture is the one the request was built from). 冠县's people find
 * their county's published ones (own, sibling), never 莘县's; the city finds all; pending ones only
 * reach who reviews them (the principal their school, the county its schools, the city all).
 * The public search finds none of them: nothing of the fixture is public, whoever asks.
 */
let fixture: MatrixFixture | undefined;

async function schoolsOfHits(res: LightMyRequestResponse): Promise<string> {
  const f = fixture!;
  const titles = (res.json() as { hits: { title: { text: string }[] }[] }).hits.map((h) => h.title.map((s) => s.text).join(''));
  return TARGETS.filter((target) => titles.some((t) => t.endsWith(`-${target}`))).map((target) => f.marker.school[target]).join('\n');
}

const search = (q: string, path = '/api/resources/search') => (f: MatrixFixture) => {
  fixture = f;
  return { method: 'GET' as const, url: `${path}?q=${encodeURIComponent(q)}&pageSize=50` };
};

const READERS = { anonymous: 401, parent: 403, sysadmin: 403, secadmin: 403, auditor: 403 } as const;

export const searchMatrix = [
  {
    route: 'GET /api/resources/search', kind: 'list' as const, of: 'school' as const, read: schoolsOfHits,
    request: search('矩阵资源'),
    expect: allExcept<ListOutcome>('os-', { ...READERS, city_admin: 'osf' }),
  },
  {
    route: 'GET /api/resources/search', kind: 'list' as const, of: 'school' as const, read: schoolsOfHits,
    request: search('矩阵待审'),
    expect: allExcept<ListOutcome>('---', { ...READERS, city_admin: 'osf', county_admin: 'os-', dept_staff: 'os-', researcher: 'os-', inspector: 'os-', principal: 'o--' }),
  },
  {
    route: 'GET /api/public/resources/search', kind: 'list' as const, of: 'school' as const, read: schoolsOfHits,
    request: search('矩阵', '/api/public/resources/search'),
    expect: allExcept<ListOutcome>('---', {}),
  },
];
