import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Notification ids the notifications matrix acts on. */
export interface NotificationsFixture {
  /** One in each actor's own inbox (anonymous: the own target person's). */
  ownNotification: Record<MatrixActor, number>;
  /** In the inboxes of the matrix's sibling and foreign persons, which no actor may touch. */
  otherNotification: { sibling: number; foreign: number };
}

/** Puts one notification into each actor's inbox and the sibling and foreign persons' (`f.ownNotification` …). */
export async function addNotificationsToFixture(t: TestApp, f: MatrixFixture): Promise<NotificationsFixture> {
  const db = t.db.db;
  const add = async (userId: number) => (await db.insertInto('notifications').values({
    user_id: userId, kind: 'matrix', title: '矩阵通知', body: '矩阵', link: null, dedupe_key: null, created_at: new Date().toISOString(), read_at: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const own = {} as Record<MatrixActor, number>;
  for (const [actor, username] of Object.entries(MATRIX_ACTORS) as [MatrixActor, string | null][]) {
    const userId = username
      ? (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id
      : f.person.own;
    own[actor] = await add(userId);
  }
  const out: NotificationsFixture = { ownNotification: own, otherNotification: { sibling: await add(f.person.sibling), foreign: await add(f.person.foreign) } };
  Object.assign(f, out);
  return out;
}

export function notificationsOf(f: MatrixFixture): NotificationsFixture {
  const r = f as MatrixFixture & Partial<NotificationsFixture>;
  if (!r.ownNotification || !r.otherNotification) throw new Error('the matrix fixture has no notifications: call addNotificationsToFixture(t, f) in buildMatrixFixture');
  return { ownNotification: r.ownNotification, otherNotification: r.otherNotification };
}
