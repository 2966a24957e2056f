import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database, NotificationTable } from '../../db/schema.js';
import type { AppEventBus } from '../../events/app-events.js';
import { badRequest, notFound } from '../../http/errors.js';
import * as q from './notifications.queries.js';
import { departmentKey, departmentStaff, principalsOf } from './notifications.recipients.js';
import type { Department } from '../../../../shared/domain.js';

export interface NotificationMessage {
  /** What it is about, for icons and filters: quota_reminder, daily_digest, report_returned … */
  kind: string;
  title: string;
  body: string;
  /** A path inside the web app (starting with /) the notification opens. */
  link?: string | null;
  /**
   * Makes the notification once-only per person: a second notify with the same key (from a rerun,
   * or another process) inserts nothing. Generators use `<kind>:<day>`.
   */
  dedupeKey?: string | null;
}

const view = (r: Pick<NotificationTable, 'kind' | 'title' | 'body' | 'link' | 'created_at' | 'read_at'> & { id: number }) => ({
  id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at,
});

/**
 * The inbox inside the platform. Each person reads and marks only their own notifications (the
 * user id is in every query), so the routes need a session and no other permission. Marking read
 * is not audited: it changes nothing anyone else sees.
 */
export function createNotificationsService(deps: {
  db: Db; clock: Clock;
  /** Told `notification.created` once new rows are committed (open streams on every node learn of them); none in scripts. */
  events?: Pick<AppEventBus, 'emit'>;
  warn?: (obj: object, msg: string) => void;
}) {
  const db = deps.db.db;

  /** Tells the bus who has new notifications; a failure (Redis away) leaves them stored for the bell's next poll. */
  function announce(userIds: readonly number[]): void {
    if (!deps.events || !userIds.length) return;
    deps.events.emit('notification.created', { userIds: [...new Set(userIds)] })
      .catch((err: unknown) => deps.warn?.({ err }, 'notification.created was not announced'));
  }

  /**
   * Announces rows written inside a caller's transaction once they are committed: the service
   * cannot see the commit, so it waits (off the caller's path) until the first row is visible
   * from outside; a rolled-back transaction announces nothing. On SQLite the read simply waits
   * for the transaction's connection; on PostgreSQL it asks again for a while.
   */
  async function announceAfterCommit(rows: readonly { id: number; userId: number }[], written: { createdAt: string; title: string }): Promise<void> {
    for (let wait = 10; wait <= 2_560; wait *= 2) {
      await new Promise((r) => setTimeout(r, wait));
      if (await q.notificationExists(db, { ...rows[0]!, ...written })) return announce(rows.map((r) => r.userId));
    }
  }

  /**
   * Puts a notification into each person's inbox; returns how many were added (fewer than the
   * people when a dedupe key had been used). Pass `trx` when calling inside a transaction.
   */
  async function notify(userIds: readonly number[], msg: NotificationMessage, trx?: Kysely<Database>): Promise<number> {
    const link = msg.link ?? null;
    if (link !== null && !link.startsWith('/')) throw badRequest('NOTIFICATION_LINK', `通知链接必须是平台内的路径（以 / 开头），收到「${link}」`);
    const now = deps.clock.now().toISOString();
    const rows = [...new Set(userIds)].map((userId) => ({
      user_id: userId, kind: msg.kind, title: msg.title.slice(0, 200), body: msg.body, link,
      dedupe_key: msg.dedupeKey ?? null, created_at: now,
    }));
    if (!rows.length) return 0;
    const inserted = await q.insertNotifications(trx ?? db, rows);
    if (inserted.length && trx) {
      announceAfterCommit(inserted, { createdAt: now, title: rows[0]!.title }).catch((err: unknown) => deps.warn?.({ err }, 'notification.created was not announced'));
    } else {
      announce(inserted.map((r) => r.userId));
    }
    return inserted.length;
  }

  /**
   * Notifies the principals of a school, or of several (inspections' follow-ups, bulletins); one
   * message each, also for a principal of two of them. Returns how many were added.
   */
  async function notifyPrincipals(schools: number | readonly number[], msg: NotificationMessage, trx?: Kysely<Database>): Promise<number> {
    const to = [...(await principalsOf(trx ?? db, typeof schools === 'number' ? [schools] : schools)).values()].flat();
    return notify(to, msg, trx);
  }

  /** Notifies the staff of one department of each county (e.g. every 教科所 concerned); returns how many were added. */
  async function notifyDepartment(countyIds: readonly number[], department: Department, msg: NotificationMessage): Promise<number> {
    const { staff } = await departmentStaff(db, countyIds);
    return notify(countyIds.flatMap((c) => staff.get(departmentKey(c, department)) ?? []), msg);
  }

  async function list(actor: Actor, query: { unread?: boolean; page: number; pageSize: number }) {
    const unreadOnly = query.unread === true;
    const [rows, total, unread] = await Promise.all([
      q.listInbox(db, actor.userId, unreadOnly, query.pageSize, (query.page - 1) * query.pageSize),
      q.countInbox(db, actor.userId, unreadOnly),
      unreadOnly ? null : q.countInbox(db, actor.userId, true),
    ]);
    return { items: rows.map(view), total, unread: unread ?? total, page: query.page, pageSize: query.pageSize };
  }

  async function unreadCount(actor: Actor) {
    return { unread: await q.countInbox(db, actor.userId, true) };
  }

  /** Marks one of the actor's notifications read; another person's answers 404 like a missing one. */
  async function markRead(actor: Actor, id: number) {
    const row = await q.markRead(db, actor.userId, id, deps.clock.now().toISOString());
    if (!row) throw notFound('通知');
    return view(row);
  }

  async function markAllRead(actor: Actor) {
    return { marked: await q.markAllRead(db, actor.userId, deps.clock.now().toISOString()) };
  }

  return { notify, notifyPrincipals, notifyDepartment, list, unreadCount, markRead, markAllRead };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
/** The part other modules call. */
export type Notify = NotificationsService['notify'];
export type NotifyDepartment = NotificationsService['notifyDepartment'];
