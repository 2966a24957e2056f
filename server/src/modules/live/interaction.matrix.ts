import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { liveOf } from './live-fixture.js';

/**
 * Access-matrix entries of the live interaction record and channel, on today's session of the
 * class led from each target school (its receiving room at a non-target school of the same
 * county). live:read in scope: the city all, the 冠县 bureau's staff, researcher and inspector their
 * county, the principal and teachers of 冠县实验小学 their school's class only; parents and the
 * system roles hold no live:read. The channel answers a plain GET with 426 (only an upgrade gets a
 * socket, see interaction.test.ts), after the same scope check: out of scope is 404 either way.
 */
const inScope = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], researcher: [ok, ok, 404], inspector: [ok, ok, 404],
  principal: [ok, 404, 404], teacher: [ok, 404, 404],
});

export const interactionMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/live/sessions/:id/record', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/sessions/${liveOf(f).liveSession[t]}/record` }),
    expect: inScope(200),
  },
  {
    route: 'GET /api/live/sessions/:id/channel', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/live/sessions/${liveOf(f).liveSession[t]}/channel` }),
    expect: inScope(426),
  },
];
