import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import * as q from './notices.queries.js';

/**
 * 家校通知, the receiving side: a guardian's notices (and a staff member's emergency notices),
 * unread first, each with the labels of the children that brought it; opening marks it read; a
 * "must confirm" notice takes one confirmation. Every query carries the person's user id, and a
 * guardian's only while still bound to such a child: another class's notice is a 404.
 */
export function createNoticesInbox(deps: { db: Db; clock: Clock }) {
  const db = deps.db.db;

  async function withLabels<T extends { id: number }>(userId: number, rows: T[]) {
    const labels = await q.myLabels(db, userId, rows.map((r) => r.id));
    return rows.map((r) => {
      const mine = labels.filter((l) => l.notice_id === r.id);
      return { ...r, children: mine.map((l) => ({ studentId: l.student_id, label: l.label })) };
    });
  }

  const cols = ['n.id', 'n.title', 'n.sender_name', 'n.must_confirm', 'n.urgent', 'n.emergency', 'n.created_at', 'd.read_at', 'd.confirmed_at'] as const;
  type Row = { id: number; title: string; sender_name: string; must_confirm: number; urgent: number; emergency: number; created_at: string; read_at: string | null; confirmed_at: string | null };
  const view = (r: Row & { children: { studentId: number; label: string }[] }) => ({
    id: r.id, title: r.title, senderName: r.sender_name, mustConfirm: r.must_confirm === 1, urgent: r.urgent === 1, emergency: r.emergency === 1,
    createdAt: r.created_at, readAt: r.read_at, confirmedAt: r.confirmed_at, children: r.children,
  });

  /** Unread first, then newest; one child's only when asked. */
  async function list(actor: Actor, query: { studentId?: number; page: number; pageSize: number }) {
    let base = q.myDeliveries(db, actor.userId);
    if (query.studentId !== undefined) {
      const sid = query.studentId;
      base = base.where((eb) => eb.exists(eb.selectFrom('notice_delivery_children as c2').select('c2.student_id')
        .whereRef('c2.notice_id', '=', 'd.notice_id').whereRef('c2.user_id', '=', 'd.user_id').where('c2.student_id', '=', sid)));
    }
    const rows = await base.select([...cols]).orderBy((eb) => eb.case().when('d.read_at', 'is', null).then(0).else(1).end())
      .orderBy('n.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
    const counts = await base.select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('d.read_at').as('read')]).executeTakeFirstOrThrow();
    return {
      items: (await withLabels(actor.userId, rows as Row[])).map(view),
      total: Number(counts.total), unread: Number(counts.total) - Number(counts.read), page: query.page, pageSize: query.pageSize,
    };
  }

  /** Unread notices per child (the home card) and in all. */
  async function unread(actor: Actor) {
    const rows = await q.myDeliveries(db, actor.userId).where('d.read_at', 'is', null).select(['n.id']).execute();
    const labels = await q.myLabels(db, actor.userId, rows.map((r) => r.id));
    const byChild = new Map<number, { studentId: number; label: string; unread: number }>();
    for (const l of labels) {
      const c = byChild.get(l.student_id) ?? { studentId: l.student_id, label: l.label, unread: 0 };
      c.unread += 1;
      byChild.set(l.student_id, c);
    }
    return { unread: rows.length, byChild: [...byChild.values()] };
  }

  async function delivery(actor: Actor, id: number) {
    const row = await q.myDeliveries(db, actor.userId).where('n.id', '=', id)
      .select([...cols, 'n.body']).executeTakeFirst();
    if (!row) throw notFound('通知');
    return row;
  }

  /** The notice, marked read on first opening. */
  async function open(actor: Actor, id: number) {
    const row = await delivery(actor, id);
    if (!row.read_at) {
      row.read_at = deps.clock.now().toISOString();
      await db.updateTable('notice_deliveries').set({ read_at: row.read_at }).where('notice_id', '=', id).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
    }
    const [withChildren] = await withLabels(actor.userId, [row as Row & { body: string }]);
    const attachments = await db.selectFrom('notice_attachments').select(['id', 'name', 'content_type', 'size_bytes']).where('notice_id', '=', id).orderBy('id').execute();
    return {
      ...view(withChildren!), body: row.body,
      attachments: attachments.map((a) => ({ id: a.id, name: a.name, contentType: a.content_type, sizeBytes: Number(a.size_bytes) })),
    };
  }

  /** "确认收到": once; it also counts as read. */
  async function confirm(actor: Actor, id: number) {
    const row = await delivery(actor, id);
    if (row.must_confirm !== 1) throw badRequest('NOTICE_NOT_CONFIRMABLE', '这条通知不需要确认收到，打开即算已读');
    const now = deps.clock.now().toISOString();
    const confirmedAt = row.confirmed_at ?? now;
    if (!row.confirmed_at) {
      await db.updateTable('notice_deliveries').set({ confirmed_at: now, read_at: row.read_at ?? now })
        .where('notice_id', '=', id).where('user_id', '=', actor.userId).execute();
    }
    return { id, readAt: row.read_at ?? now, confirmedAt };
  }

  /** An attachment of a notice the person holds. */
  async function attachment(actor: Actor, id: number, attachmentId: number) {
    await delivery(actor, id);
    const a = await db.selectFrom('notice_attachments').selectAll().where('id', '=', attachmentId).where('notice_id', '=', id).executeTakeFirst();
    if (!a) throw notFound('附件');
    return a;
  }

  return { list, unread, open, confirm, attachment };
}

export type NoticesInbox = ReturnType<typeof createNoticesInbox>;
