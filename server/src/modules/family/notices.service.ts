import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Notify } from '../notifications/notifications.service.js';
import { shanghaiWallClock } from '../../../../shared/dates.js';
import * as q from './notices.queries.js';
import { type AudienceKind, REMIND_INTERVAL_MINUTES, inQuietHours, pushTime, senderPowers, senderReachOf } from './notices.rules.js';

type Who = { actor: Actor; ip: string };

export interface SendNotice {
  title: string;
  body: string;
  mustConfirm?: boolean;
  urgent?: boolean;
  emergency?: boolean;
  /** Staff of the audience's schools too (an emergency notice always includes them). */
  includeStaff?: boolean;
  audience: { kind: AudienceKind; ids: number[] };
  attachmentIds?: number[];
}

const KIND_NAMES: Record<AudienceKind, string> = { classes: '班级', grades: '年级', schools: '学校', counties: '县区' };

/**
 * 家校通知, the sender's side: send to the classes, grades, schools or counties the sender
 * reaches (one delivery per family, set-based), the push now or at 07:00 after quiet hours, the
 * receipts per class, one-tap reminders to those who have not read or confirmed. The push is a
 * call of notifications' notify (a lower floor), given through the composition root.
 */
export function createNoticesService(deps: { db: Db; clock: Clock; audit: AuditService; notify: Notify }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function push(notice: { id: number; title: string; body: string; emergency: number }, userIds: readonly number[], reminder?: string) {
    const prefix = notice.emergency ? '【紧急通知】' : reminder ? '【提醒】' : '【通知】';
    const staffIds = new Set((await db.selectFrom('notice_deliveries').select('user_id').where('notice_id', '=', notice.id).where('staff', '=', 1).execute()).map((r) => r.user_id));
    const guardians = userIds.filter((u) => !staffIds.has(u));
    const staff = userIds.filter((u) => staffIds.has(u));
    const msg = (link: string) => ({
      kind: 'family_notice', title: `${prefix}${notice.title}`, body: notice.body.slice(0, 140), link,
      dedupeKey: reminder ? `notice-remind:${notice.id}:${reminder}` : `notice:${notice.id}`,
    });
    let n = 0;
    if (guardians.length) n += await deps.notify(guardians, msg(`/family/notices/${notice.id}`));
    if (staff.length) n += await deps.notify(staff, msg(`/notices/received/${notice.id}`));
    return n;
  }

  async function resolveAudience(w: Who, input: SendNotice) {
    const reach = senderReachOf(w.actor);
    const powers = senderPowers(reach);
    const { kind } = input.audience;
    const ids = [...new Set(input.audience.ids)];
    if (!powers.kinds.includes(kind)) {
      throw badRequest('NOTICE_AUDIENCE_KIND', `您只能向${powers.kinds.map((k) => KIND_NAMES[k]).join('、')}发通知，不能按${KIND_NAMES[kind]}发送：请在“接收范围”里选择您任教的班级`);
    }
    const classes = await q.audienceClasses(db, kind, ids, reach);
    let names: string[];
    if (kind === 'classes') {
      if (classes.length !== ids.length) throw notFound('班级');
      names = (await q.classNames(db, ids)).map((c) => c.name);
    } else {
      const nodes = await q.reachedNodes(db, kind, ids, reach);
      if (nodes.length !== ids.length) throw notFound(KIND_NAMES[kind]);
      names = nodes.map((n) => n.name);
    }
    if (!classes.length) throw badRequest('NOTICE_AUDIENCE_EMPTY', `所选${KIND_NAMES[kind]}下没有班级，通知无人可收：请换一个接收范围`);
    const label = names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 个${KIND_NAMES[kind]}` : names.join('、');
    return { reach, powers, ids, classes, label };
  }

  async function send(w: Who, input: SendNotice) {
    const { powers, ids, classes, label } = await resolveAudience(w, input);
    const emergency = input.emergency === true;
    if (emergency && !powers.mayEmergency) throw badRequest('NOTICE_EMERGENCY_NOT_ALLOWED', '只有县区和市教育局可以发应急通知：学校的紧急事项请由校长标为“紧急”发送');
    const urgent = input.urgent === true || emergency;
    if (urgent && !powers.mayUrgent) throw badRequest('NOTICE_URGENT_NOT_ALLOWED', '教师不能把通知标为“紧急”：紧急通知会在夜间安静时段（21:30–07:00）推送，请联系校长发送');
    const includeStaff = emergency || input.includeStaff === true;
    if (includeStaff && !powers.mayUrgent) throw badRequest('NOTICE_STAFF_NOT_ALLOWED', '教师发的通知只发给家长：要同时通知全校教职工，请联系校长');
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    const now = deps.clock.now();
    const dueAt = pushTime(now, urgent);

    const made = await db.transaction().execute(async (trx) => {
      if (attachmentIds.length) {
        const own = await trx.selectFrom('notice_attachments').select('id').where('id', 'in', attachmentIds)
          .where('uploaded_by_user_id', '=', w.actor.userId).where('notice_id', 'is', null).execute();
        if (own.length !== attachmentIds.length) throw notFound('附件');
      }
      const notice = await trx.insertInto('notices').values({
        sender_user_id: w.actor.userId, sender_name: w.actor.name, title: input.title.trim(), body: input.body,
        must_confirm: input.mustConfirm ? 1 : 0, urgent: urgent ? 1 : 0, emergency: emergency ? 1 : 0, include_staff: includeStaff ? 1 : 0,
        audience_kind: input.audience.kind, audience_ids: JSON.stringify(ids), audience_label: label, recipients: 0,
        created_at: now.toISOString(), push_due_at: dueAt.toISOString(), pushed_at: null, reminded_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      const classIds = classes.map((c) => c.id);
      for (let i = 0; i < classIds.length; i += 500) {
        await trx.insertInto('notice_classes').values(classIds.slice(i, i + 500).map((class_id) => ({ notice_id: notice.id, class_id }))).execute();
      }
      const schoolIds = [...new Set(classes.map((c) => c.school_id))];
      const fan = await q.fanOut(trx, notice.id, includeStaff ? schoolIds : null);
      await trx.updateTable('notices').set({ recipients: fan.families + fan.staff }).where('id', '=', notice.id).execute();
      if (attachmentIds.length) await trx.updateTable('notice_attachments').set({ notice_id: notice.id }).where('id', 'in', attachmentIds).execute();
      return { id: notice.id, ...fan, classes: classIds.length, schools: schoolIds.length };
    });

    const held = dueAt.getTime() > now.getTime();
    let pushed = 0;
    if (!held) {
      pushed = await push({ id: made.id, title: input.title, body: input.body, emergency: emergency ? 1 : 0 }, await q.deliveredUserIds(db, made.id));
      await db.updateTable('notices').set({ pushed_at: now.toISOString() }).where('id', '=', made.id).execute();
    }
    await deps.audit.record({
      ...by(w), action: 'notice.send', targetType: 'notice', targetId: made.id, result: 'success',
      detail: { audience: input.audience.kind, ids, families: made.families, staff: made.staff, urgent, emergency, held },
    });
    return {
      id: made.id, families: made.families, staff: made.staff, recipients: made.families + made.staff, classes: made.classes,
      urgent, emergency, held, pushDueAt: dueAt.toISOString(), pushed,
    };
  }

  /** Pushes the notices held over quiet hours once 07:00 came; returns how many notices went. */
  async function pushDue(now: Date) {
    const due = await q.heldNoticesDue(db, now.toISOString());
    for (const n of due) {
      await push(n, await q.deliveredUserIds(db, n.id));
      await db.updateTable('notices').set({ pushed_at: now.toISOString() }).where('id', '=', n.id).where('pushed_at', 'is', null).execute();
    }
    return { pushed: due.length };
  }

  async function sentNotice(actor: Actor, id: number) {
    const row = await q.findSent(db, actor.userId, id);
    if (!row) throw notFound('通知');
    return row;
  }

  const summary = (n: Awaited<ReturnType<typeof sentNotice>>) => ({
    id: n.id, title: n.title, body: n.body, mustConfirm: n.must_confirm === 1, urgent: n.urgent === 1, emergency: n.emergency === 1,
    includeStaff: n.include_staff === 1, audienceKind: n.audience_kind, audienceLabel: n.audience_label, createdAt: n.created_at,
    pushDueAt: n.push_due_at, pushedAt: n.pushed_at, remindedAt: n.reminded_at,
  });

  /** The sender's notices, newest first, with their receipt counts. */
  async function mine(actor: Actor, query: { page: number; pageSize: number }) {
    const rows = await db.selectFrom('notices').selectAll().where('sender_user_id', '=', actor.userId)
      .orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
    const total = Number((await db.selectFrom('notices').select((eb) => eb.fn.countAll<number>().as('n')).where('sender_user_id', '=', actor.userId).executeTakeFirstOrThrow()).n);
    const items = [];
    for (const r of rows) items.push({ ...summary(r), ...(await q.totals(db, r.id)) });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The receipt rate, light enough to poll every few seconds (the emergency live view). */
  async function progress(actor: Actor, id: number) {
    const n = await sentNotice(actor, id);
    const t = await q.totals(db, n.id);
    return { id: n.id, ...t, rate: t.recipients ? t.read / t.recipients : 0, confirmRate: t.recipients ? t.confirmed / t.recipients : 0, at: deps.clock.now().toISOString() };
  }

  /**
   * Receipts per class: counts, and for class staff and principals the families by name (the
   * children's labels and the guardian's relation). A bureau sees figures only: it holds no
   * child-level reach.
   */
  async function receipts(actor: Actor, id: number, query: { classId?: number }) {
    const n = await sentNotice(actor, id);
    const seesNames = senderPowers(senderReachOf(actor)).seesNames;
    const [t, counts] = await Promise.all([q.totals(db, n.id), q.classCounts(db, n.id)]);
    const names = new Map((await q.classNames(db, counts.map((c) => c.classId))).map((c) => [c.id, c]));
    const people = new Map<number, Map<number, { userId: number; labels: string[]; relation: string; readAt: string | null; confirmedAt: string | null }>>();
    if (seesNames) {
      for (const r of await q.receiptRows(db, n.id, query.classId)) {
        const inClass = people.get(r.class_id) ?? new Map();
        people.set(r.class_id, inClass);
        const p = inClass.get(r.user_id);
        if (p) p.labels.push(r.label);
        else inClass.set(r.user_id, { userId: r.user_id, labels: [r.label], relation: r.relation, readAt: r.read_at, confirmedAt: r.confirmed_at });
      }
    }
    const classes = counts.filter((c) => query.classId === undefined || c.classId === query.classId).map((c) => {
      const list = [...(people.get(c.classId)?.values() ?? [])];
      return {
        ...c, className: names.get(c.classId)?.name ?? '', schoolName: names.get(c.classId)?.school_name ?? '',
        read: c.read, confirmed: c.confirmed,
        people: seesNames ? {
          confirmed: list.filter((p) => p.confirmedAt),
          read: list.filter((p) => p.readAt && !p.confirmedAt),
          notRead: list.filter((p) => !p.readAt),
        } : null,
      };
    });
    return { notice: summary(n), ...t, namesShown: seesNames, classes };
  }

  /** Reminds those who have not read (or not confirmed), and only them; at most once per REMIND_INTERVAL_MINUTES. */
  async function remind(w: Who, id: number, target: 'unread' | 'unconfirmed') {
    const n = await sentNotice(w.actor, id);
    const now = deps.clock.now();
    if (target === 'unconfirmed' && n.must_confirm !== 1) throw badRequest('NOTICE_NOT_CONFIRMABLE', '这条通知不需要家长确认，不能提醒“未确认”：请选择提醒“未读”的家长');
    if (n.urgent !== 1 && inQuietHours(now)) throw badRequest('NOTICE_REMIND_QUIET', '现在是夜间安静时段（21:30–07:00），不发提醒：请在 07:00 以后再提醒');
    if (n.reminded_at && now.getTime() - Date.parse(n.reminded_at) < REMIND_INTERVAL_MINUTES * 60_000) {
      const next = new Date(Date.parse(n.reminded_at) + REMIND_INTERVAL_MINUTES * 60_000);
      throw new AppError(429, 'NOTICE_REMIND_TOO_SOON', `${REMIND_INTERVAL_MINUTES} 分钟内只能提醒一次：请在 ${shanghaiWallClock(next).hhmm} 以后再提醒`, { nextAt: next.toISOString() });
    }
    const to = await q.deliveredUserIds(db, n.id, target);
    const reminded = to.length ? await push(n, to, now.toISOString()) : 0;
    await db.updateTable('notices').set({ reminded_at: now.toISOString() }).where('id', '=', n.id).execute();
    await deps.audit.record({ ...by(w), action: 'notice.remind', targetType: 'notice', targetId: n.id, result: 'success', detail: { target, reminded } });
    return { reminded, remindedAt: now.toISOString(), nextAt: new Date(now.getTime() + REMIND_INTERVAL_MINUTES * 60_000).toISOString() };
  }

  return { send, pushDue, mine, progress, receipts, remind };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
