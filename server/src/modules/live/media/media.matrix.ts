import { allExcept, type MatrixEntry } from '../../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the live media routes. The Janus path is for signed-in people who may
 * watch live (live:read or family:read); the system roles get 403, anonymous 401. Tests run the
 * engine one way (no Janus), so those who may watch get 503 LIVE_ONE_WAY: the proxy's reach is
 * what is tested here, the media path itself by `npm run test:live`. The HLS path carries the live
 * token: a wrong one is 403 for everyone. Only a recorder's device token reaches /api/devices/live.
 */
const JANUS = allExcept<number>(503, { anonymous: 401, sysadmin: 403, secadmin: 403, auditor: 403 });

export const mediaMatrix: MatrixEntry[] = [
  { route: 'GET /api/live/janus', kind: 'plain', request: () => ({ method: 'GET', url: '/api/live/janus' }), expect: JANUS },
  { route: 'GET /api/live/janus/*', kind: 'plain', request: () => ({ method: 'GET', url: '/api/live/janus/123456?maxev=1' }), expect: JANUS },
  { route: 'POST /api/live/janus', kind: 'plain', request: () => ({ method: 'POST', url: '/api/live/janus', payload: { janus: 'create', transaction: 'matrix' } }), expect: JANUS },
  { route: 'POST /api/live/janus/*', kind: 'plain', request: () => ({ method: 'POST', url: '/api/live/janus/123456', payload: { janus: 'keepalive', transaction: 'matrix' } }), expect: JANUS },
  { route: 'GET /api/live/hls/:token/:file', kind: 'plain', request: () => ({ method: 'GET', url: '/api/live/hls/not-a-token/index.m3u8' }), expect: allExcept<number>(403, {}) },
  // Sessions do not authenticate recorders: without a device token everyone gets 401.
  { route: 'GET /api/devices/live', kind: 'plain', request: () => ({ method: 'GET', url: '/api/devices/live' }), expect: allExcept<number>(401, {}) },
];
