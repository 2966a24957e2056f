import { allExcept, type ItemOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { notificationsOf } from './notifications-fixture.js';

/**
 * Access-matrix entries of the inbox (通知). Every signed-in person has one and reaches only their
 * own: here `own` is a notification in the actor's inbox, `sibling` and `foreign` are in the inboxes
 * of the matrix's persons at 冠县第二实验小学 and 莘县实验小学, which answer 404 to everyone.
 */
const SIGNED_IN = allExcept<number>(200, { anonymous: 401 });
const OWN_ONLY = allExcept<ItemOutcome>([200, 404, 404], { anonymous: 401 });

export const notificationsMatrix: MatrixEntry[] = [
  { route: 'GET /api/notifications', kind: 'plain', request: () => ({ method: 'GET', url: '/api/notifications' }), expect: SIGNED_IN },
  { route: 'GET /api/notifications/unread-count', kind: 'plain', request: () => ({ method: 'GET', url: '/api/notifications/unread-count' }), expect: SIGNED_IN },
  {
    route: 'POST /api/notifications/:id/read', kind: 'item',
    request: (f, t, actor) => {
      const n = notificationsOf(f);
      return { method: 'POST', url: `/api/notifications/${t === 'own' ? n.ownNotification[actor] : n.otherNotification[t]}/read` };
    },
    expect: OWN_ONLY,
  },
  { route: 'POST /api/notifications/read-all', kind: 'plain', request: () => ({ method: 'POST', url: '/api/notifications/read-all' }), expect: SIGNED_IN },
  // The stream stays open, so the matrix asks without Accept: text/event-stream — past the access
  // check (401 for the anonymous) it answers 406. Each person hearing only their own inbox is
  // notifications.stream.test.ts.
  { route: 'GET /api/notifications/stream', kind: 'plain', request: () => ({ method: 'GET', url: '/api/notifications/stream' }), expect: allExcept<number>(406, { anonymous: 401 }) },
];
