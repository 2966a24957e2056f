import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { liveOf } from './live-fixture.js';

/**
 * Access-matrix entries of the 专递课堂 replay. Each target school leads a live class to a room of
 * another school of its county (live-fixture.ts). live:read: the city everything, the county
 * bureau, its departments, researchers and inspector their county, the lead school's principal and
 * teachers their own school's classes; the system roles and parents nothing. A session that
 * another school leads answers 404 (a guessed id), never 403.
 */
export const replayMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/live/sessions/:id/replay', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/sessions/${liveOf(f).liveSession[t]}/replay` }),
    expect: allExcept<ItemOutcome>(403, {
      anonymous: 401, city_admin: 200, county_admin: [200, 200, 404], dept_staff: [200, 200, 404], researcher: [200, 200, 404],
      inspector: [200, 200, 404], principal: [200, 404, 404], teacher: [200, 404, 404],
    }),
  },
];
